// What someone installing from npm gets (docs/guide/packages.md, docs/decisions/2026-12-01-size-budgets.md): `npm pack` makes one
// tarball per package; a browser app that installs consentry gets lit and js-cookie and nothing
// Node-only, no install script; the CLI installed beside the other two tarballs runs. Needs
// the build (dist of all three); npm installs from its cache (npm ci filled it).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Server and automation packages a browser app must never receive. */
const NODE_ONLY = [
  'playwright-core',
  '@duckduckgo/autoconsent',
  'pg',
  'hono',
  'zod',
  'better-sqlite3',
  'third-party-web',
  'tldts',
];
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall'];

// Without npm_* variables: under `npm test` they carry the parent npm's config (this repository
// as its prefix), which a child npm would take for its own. (npx --yes=false below: run the
// installed bin, never fetch one.)
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));

/** Run a command to its end: { code, stdout, stderr }, never a rejection. */
const run = (cmd, args, cwd, extraEnv = {}) =>
  new Promise((resolve) => {
    execFile(cmd, args, { cwd, env: { ...env, ...extraEnv }, maxBuffer: 64 << 20 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code == 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });

const npmInstall = async (dir, specs, extra = []) => {
  const init = await run('npm', ['init', '-y'], dir);
  assert.equal(init.code, 0, init.stderr);
  return run('npm', ['install', ...specs, '--prefer-offline', '--no-audit', '--no-fund', ...extra], dir);
};

/** Bytes of the files under `dir`, symlinks counted as links (not followed). */
const treeBytes = (dir) =>
  readdirSync(dir).reduce((sum, name) => {
    const stat = lstatSync(join(dir, name));
    return sum + (stat.isDirectory() ? treeBytes(join(dir, name)) : stat.size);
  }, 0);

/** Every package installed in `app`, from npm's hidden lockfile: name → its lock entry and package.json. */
const installed = (app) => {
  const lock = JSON.parse(readFileSync(join(app, 'node_modules/.package-lock.json'), 'utf8'));
  return Object.entries(lock.packages).map(([path, entry]) => ({
    name: path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length),
    entry,
    manifest: JSON.parse(readFileSync(join(app, path, 'package.json'), 'utf8')),
  }));
};

let tarballs; // name → { file, files }
let browserApp; // { dir, install }
let cliApp;
const temp = [];
const tempDir = (prefix) => {
  temp.push(mkdtempSync(join(tmpdir(), prefix)));
  return temp.at(-1);
};

// The CLI's install is ~100 MB (playwright-core); nothing here is worth keeping.
after(() => temp.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

before(async () => {
  const out = tempDir('consentry-pack-');
  const pack = await run(
    'npm',
    ['pack', '--workspaces', '--include-workspace-root', '--pack-destination', out, '--json'],
    ROOT,
  );
  assert.equal(pack.code, 0, pack.stderr);
  tarballs = Object.fromEntries(
    JSON.parse(pack.stdout).map((p) => [p.name, { file: join(out, p.filename), files: p.files.map((f) => f.path) }]),
  );
  // Both installs at once: the browser app alone, and the three tarballs together (without
  // install scripts, so better-sqlite3 is not compiled: the CLI's --help must not need it).
  browserApp = { dir: tempDir('consentry-app-') };
  cliApp = { dir: tempDir('consentry-cli-') };
  const all = Object.values(tarballs).map((t) => t.file);
  [browserApp.install, cliApp.install] = await Promise.all([
    npmInstall(browserApp.dir, [tarballs.consentry.file]),
    npmInstall(cliApp.dir, all, ['--ignore-scripts']),
  ]);
});

test("npm pack gives three tarballs; consentry's holds no demo bundle, no tests and no Node package", () => {
  assert.deepEqual(Object.keys(tarballs).sort(), ['@consentry/cli', '@consentry/receiver', 'consentry']);
  const stray = tarballs.consentry.files.filter((f) => /^(dist\/demo|test|packages)\//.test(f));
  assert.deepEqual(stray, []);
  assert.ok(tarballs.consentry.files.includes('dist/consentry.gatekeeper.js'));
  assert.ok(tarballs['@consentry/cli'].files.includes('dist/cli.js'));
  assert.ok(tarballs['@consentry/receiver'].files.includes('dist/sqlite-writer.js'));
  for (const t of Object.values(tarballs)) assert.ok(t.files.includes('README.md'), `${t.file} has a README.md`);
});

test('npm install consentry in an empty app: at most 10 packages besides it, no install script, nothing Node-only, at most 8 MB', async () => {
  assert.equal(browserApp.install.code, 0, browserApp.install.stderr);
  const packages = installed(browserApp.dir).filter((p) => p.name && p.name != 'consentry');
  const names = packages.map((p) => p.name);
  assert.ok(packages.length <= 10, `${packages.length} packages besides consentry: ${names.join(', ')}`);
  assert.deepEqual(
    names.filter((n) => NODE_ONLY.includes(n)),
    [],
  );
  const scripted = installed(browserApp.dir)
    .filter((p) => p.entry.hasInstallScript || INSTALL_SCRIPTS.some((s) => p.manifest.scripts?.[s]))
    .map((p) => p.name || '(the app)');
  assert.deepEqual(scripted, []);
  const bytes = treeBytes(join(browserApp.dir, 'node_modules'));
  console.log(
    `npm install consentry: ${packages.length} packages besides consentry (${names.join(', ')}), ${(bytes / 1e6).toFixed(1)} MB`,
  );
  assert.ok(bytes <= 8e6, `node_modules is ${(bytes / 1e6).toFixed(1)} MB`);

  const imported = await run(
    'node',
    ['--input-type=module', '-e', "import('consentry').then((m) => console.log(typeof m.createConsent))"],
    browserApp.dir,
  );
  assert.equal(imported.code, 0, imported.stderr);
  assert.equal(imported.stdout.trim(), 'function');
});

test('the three tarballs installed together: npx consentry --help lists the commands, receiver --help its options', async () => {
  assert.equal(cliApp.install.code, 0, cliApp.install.stderr);
  const help = await run('npx', ['--yes=false', 'consentry', '--help'], cliApp.dir);
  assert.equal(help.code, 0, help.stderr);
  for (const command of ['scan', 'tag', 'build', 'receiver'])
    assert.match(help.stdout, new RegExp(`^  ${command} `, 'm'));

  const receiver = await run('npx', ['--yes=false', 'consentry', 'receiver', '--help'], cliApp.dir);
  assert.equal(receiver.code, 0, receiver.stderr);
  for (const option of ['--port', '--db FILE', '--admin-token', '--allow-origin', '--trust-proxy'])
    assert.ok(receiver.stdout.includes(option), option);
});

test("the installed CLI: DATABASE_URL without pg exits 2 naming the package; consentry build finds the browser package's files", async () => {
  const pg = await run('npx', ['--yes=false', 'consentry', 'receiver'], cliApp.dir, {
    DATABASE_URL: 'postgres://127.0.0.1:1/consent',
  });
  assert.equal(pg.code, 2, pg.stdout);
  assert.match(pg.stderr, /DATABASE_URL is set but the optional package pg is not installed: npm install pg/);

  writeFileSync(join(cliApp.dir, 'consentry.config.json'), '{}');
  const build = await run(
    'npx',
    ['--yes=false', 'consentry', 'build', '--config', 'consentry.config.json', '--out', 'site'],
    cliApp.dir,
  );
  assert.equal(build.code, 0, build.stderr);
  for (const file of [
    'consentry.gatekeeper.js',
    'consentry.banner.js',
    'consentry.ui.js',
    'consentry.receipts.js',
    'i18n/de.js',
  ])
    assert.ok(existsSync(join(cliApp.dir, 'site', file)), file);
});
