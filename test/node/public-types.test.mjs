// The public surface is deliberate, the published types included. What an app sees
// in its editor is dist/types, reached from the package's browser entries: no `_name` member,
// no `private` one, no `@internal` text may be in any file those entries reach (tsconfig.json
// has stripInternal; the UI's shared state is a view object, not element fields).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';

const TYPES = 'dist/types';
const dts = (dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.d.ts'))
    .map((f) => join(dir, f));

/**
 * The .d.ts of every browser entry in package.json `exports` (consentry, /banner, /loader,
 * /shared, /services, /services/*, /i18n/*, and any added later); a `*` entry is every file it
 * matches. `./node` (the Node tools, leaving for @consentry/cli) is not the browser package's API.
 */
const ENTRIES = Object.values(JSON.parse(readFileSync('package.json', 'utf8')).exports)
  .filter((entry) => entry?.types && !entry.import?.startsWith('./dist/node/'))
  .flatMap(({ types }) => (types.includes('*') ? dts(dirname(join(types))) : [join(types)]));

/** IAB's own globals (`window.__tcfapi`, `__gpp` and their locator frames): public names we must not rename. */
const IAB_GLOBALS = new Set(['__tcfapi', '__tcfapiLocator', '__gpp', '__gppLocator']);

/** The files a .d.ts imports or re-exports (`from './x.js'`, `import('./x.js')`), as .d.ts paths; packages are not ours. */
const referenced = (file, source) => {
  const specifiers = [];
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier)
      specifiers.push(node.moduleSpecifier.text);
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) specifiers.push(node.argument.literal.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers.filter((s) => s.startsWith('.')).map((s) => join(dirname(file), s.replace(/\.js$/, '.d.ts')));
};

/** Every .d.ts the entries reach; a reference to a file that was not emitted fails. */
const reachable = () => {
  const seen = new Map();
  const queue = [...ENTRIES];
  while (queue.length) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    assert.ok(existsSync(file), `${file} is referenced by the published types but does not exist`);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    seen.set(file, source);
    queue.push(...referenced(file, source));
  }
  return seen;
};

/** What in one .d.ts is not public API: `_name` declarations, `private`/`#private` members, `@internal` text. */
const leaks = (source) => {
  const found = [];
  const where = (node) => `${source.fileName}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node) => {
    const name = node.name;
    if (name && (ts.isIdentifier(name) || ts.isPrivateIdentifier(name))) {
      if (ts.isPrivateIdentifier(name) || (name.text.startsWith('_') && !IAB_GLOBALS.has(name.text)))
        found.push(`${where(node)} ${name.text}`);
    }
    if (ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((m) => m.kind == ts.SyntaxKind.PrivateKeyword))
      found.push(`${where(node)} private ${name?.getText(source) ?? ''}`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (source.text.includes('@internal')) found.push(`${source.fileName}: @internal`);
  return found;
};

const LISTED = [join(TYPES, 'banner.d.ts'), join(TYPES, 'loader.d.ts')];
let program;
/** The names a published entry exports (values and types), as an app's TypeScript sees them. */
const exportsOf = (file) => {
  program ??= ts.createProgram({ rootNames: LISTED, options: { noEmit: true, skipLibCheck: true, types: [] } });
  const checker = program.getTypeChecker();
  return checker
    .getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(file)))
    .map((s) => s.name)
    .sort();
};

test('the leak check finds `_name` members, private members and @internal (so a pass means something)', () => {
  const source = ts.createSourceFile(
    'x.d.ts',
    'export declare class A { /** @internal */ _a: number; private b; c(): void; }\nexport interface B { _d?: () => void; e: string }\ndeclare global { interface Window { __tcfapi?: unknown } }',
    ts.ScriptTarget.Latest,
    true,
  );
  assert.deepEqual(leaks(source), ['x.d.ts:1 _a', 'x.d.ts:1 private b', 'x.d.ts:2 _d', 'x.d.ts: @internal']);
});

test('the published types are the public API only: no internal member in any file the entries reach', () => {
  const files = reachable();
  for (const entry of ['index', 'banner', 'loader', 'shared', 'services/index', 'ui/banner', 'core/types'])
    assert.ok(
      files.has(join(TYPES, `${entry}.d.ts`)),
      `${entry}.d.ts: the entries are read and the walk follows references`,
    );
  const found = [...files.values()].flatMap(leaks);
  assert.deepEqual(found, []);
});

test('the types of consentry/banner export a deliberate list', () => {
  assert.deepEqual(exportsOf(LISTED[0]), [
    'ConsentryBanner',
    'ConsentryPlaceholder',
    'Texts',
    'mountBanner',
    'registerLocale',
  ]);
});

test('the types of consentry/loader export a deliberate list', () => {
  assert.deepEqual(exportsOf(LISTED[1]), ['mountBannerWhenNeeded']);
});
