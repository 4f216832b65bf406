// `npm test`: lint and format check (Biome), type-check and build of the three packages, size
// budgets, Node tests (SSR import, catalog, scan, tag, receiver, packaging), unit/component tests
// (web-test-runner), end-to-end tests (Playwright). Prints one closing line `N passed, N failed`
// summing every suite and exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

let passed = 0;
let failed = 0;
const bin = (name) => `node_modules/.bin/${name}`;

const run = (label, cmd, args) => {
  console.log(`\n── ${label} ──`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  return result.status === 0;
};

/** A step that is one check: it passes or fails as a whole. */
const step = (label, cmd, args) => {
  const ok = run(label, cmd, args);
  ok ? passed++ : failed++;
  return ok;
};

/** A suite whose runner writes { passed, failed } (or Playwright's JSON) to `file`. */
const suite = (label, cmd, args, file, read) => {
  rmSync(file, { force: true });
  const ok = run(label, cmd, args);
  if (!existsSync(file)) {
    console.log(`${label}: the runner wrote no results; counted as one failure`);
    failed++;
    return;
  }
  const counts = read(JSON.parse(readFileSync(file, 'utf8')));
  passed += counts.passed;
  failed += counts.failed;
  if (!ok && counts.failed === 0) failed++; // the runner failed outside any test
};

const only = process.argv[2]; // `npm test -- e2e` runs one part (after the build)

if (!only) step('lint + format check (Biome)', bin('biome'), ['check', '.']);
const built =
  step('type-check: consentry, @consentry/receiver, @consentry/cli', 'node', ['scripts/typecheck.mjs']) &
  step('build', 'node', ['scripts/build.mjs']);
if (built) {
  if (!only) step('size budgets', 'node', ['scripts/sizes.mjs']);
  if (!only || only === 'node')
    suite(
      'Node: SSR import, catalog, scan, tag, receiver, packaging (node:test)',
      'node',
      ['scripts/node-tests.mjs'],
      '.test-results/node.json',
      (r) => r,
    );
  if (!only || only === 'unit')
    suite('unit + component (web-test-runner)', bin('wtr'), [], '.test-results/unit.json', (r) => r);
  if (!only || only === 'e2e')
    suite('end-to-end (Playwright)', bin('playwright'), ['test'], '.test-results/e2e.json', (r) => ({
      passed: (r.stats?.expected ?? 0) + (r.stats?.flaky ?? 0),
      failed: (r.stats?.unexpected ?? 0) + (r.errors?.length ?? 0),
    }));
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
