// docs/contributing.md "Project layout": the core never imports from ui/ or integrations/ (the entries pass the
// integrations and loaders they want), ui/ never imports an integration, and what runs is what
// tsc and grep see: no build step puts one module in place of another.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** Every .ts file under `dir`, as paths from the repository root. */
const sourcesUnder = (dir) =>
  readdirSync(dir, { recursive: true })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));

/**
 * The module specifiers of a TypeScript source: static imports and re-exports (type-only too:
 * a type import is still a dependency of the layer), and dynamic `import('…')`. Comments are
 * dropped first, so a file may mention a module in prose.
 */
const specifiersIn = (source) => {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const found = [];
  for (const m of code.matchAll(/\b(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]/g))
    found.push(m[1]);
  for (const m of code.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1]);
  return found;
};
const specifiersOf = (file) => specifiersIn(readFileSync(file, 'utf8'));

/** The `src/` folder a relative specifier of `file` lands in (`core`, `ui`, `integrations` …); undefined for packages. */
const layerOf = (file, specifier) =>
  specifier.startsWith('.') ? relative('src', resolve(dirname(file), specifier)).split(/[\\/]/)[0] : undefined;

/** `file → specifier` for each import of a file under `dir` that lands in one of `forbidden`. */
const crossings = (dir, forbidden) =>
  sourcesUnder(dir).flatMap((file) =>
    specifiersOf(file)
      .filter((s) => forbidden.includes(layerOf(file, s)))
      .map((s) => `${file} → ${s}`),
  );

test('the import parser sees static, type-only, re-export and dynamic imports (and skips comments)', () => {
  const probe = 'test/node/layout.test.mjs';
  assert.deepEqual(
    specifiersOf(probe).filter((s) => s.startsWith('node:')),
    ['node:test', 'node:assert/strict', 'node:fs', 'node:path'],
  );
  assert.equal(layerOf('src/core/engine.ts', '../integrations/gpc.js'), 'integrations');
  assert.equal(layerOf('src/ui/i18n/index.ts', '../../core/types.js'), 'core');
  assert.equal(layerOf('src/core/engine.ts', 'js-cookie'), undefined);
  const sample = [
    `import type { A } from '../ui/a.js';`,
    `import {\n  x,\n  type Y as Z,\n} from '../ui/multi-line.js';`,
    `export { b } from "../integrations/b.js";`,
    `export * from '../ui/all.js';`,
    `const c = () => import('../ui/c.js');`,
    `// import x from '../ui/comment.js'`,
    `/** import y from '../ui/doc-comment.js' */`,
    `import '../ui/side-effect.js';`,
    `const url = 'https://example.test/a.js';`,
  ].join('\n');
  assert.deepEqual(specifiersIn(sample), [
    '../ui/a.js',
    '../ui/multi-line.js',
    '../integrations/b.js',
    '../ui/all.js',
    '../ui/side-effect.js',
    '../ui/c.js',
  ]);
});

test('src/core imports nothing from src/ui or src/integrations', () => {
  assert.ok(sourcesUnder('src/core').length > 10);
  assert.deepEqual(crossings('src/core', ['ui', 'integrations', 'entries']), []);
});

test('src/ui imports nothing from src/integrations', () => {
  assert.deepEqual(crossings('src/ui', ['integrations', 'entries']), []);
});

test('src/integrations reach the core, never the UI', () => {
  assert.deepEqual(crossings('src/integrations', ['ui', 'entries']), []);
});

test('no module has a build-time stand-in: no *.script.ts / *.inline.ts variants under src', () => {
  const variants = sourcesUnder('src').filter((f) => /\.(script|inline|npm|iife)\.ts$|-script\.ts$/.test(f));
  assert.deepEqual(variants, []);
});

test("rollup.config.mjs's own plugins resolve no import of a source file to another file", async () => {
  const { default: builds } = await import('../../rollup.config.mjs');
  // Only the plugins rollup.config.mjs defines (named consentry-*): node-resolve and esbuild resolve each file to itself.
  const own = builds.flatMap((b) => b.plugins ?? []).filter((p) => p?.name?.startsWith('consentry') && p.resolveId);
  // Relative imports only: the demo's build maps the package's own name to its sources, as an app's bundler would.
  const imports = sourcesUnder('src').flatMap((file) =>
    specifiersOf(file)
      .filter((s) => s.startsWith('.'))
      .map((s) => [s, resolve(file)]),
  );
  assert.ok(imports.length > 100);
  for (const plugin of own)
    for (const [specifier, importer] of imports) {
      const id = plugin.resolveId(specifier, importer, {});
      assert.ok(id == null, `${plugin.name} resolves ${specifier} (in ${relative('.', importer)}) to ${id}`);
    }
});
