// `consentry build --region`: a per-market output with its region baked in (docs/guide/regions.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = new URL('../../packages/cli/dist/cli.js', import.meta.url).pathname;

const build = (config, extra = []) => {
  const dir = mkdtempSync(join(tmpdir(), 'consentry-build-'));
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
  const out = join(dir, 'out');
  const run = spawnSync('node', [CLI, 'build', '--config', join(dir, 'config.json'), '--out', out, ...extra], {
    encoding: 'utf8',
  });
  return { ...run, out };
};
const builtConfig = (out) => {
  const literal = readFileSync(join(out, 'consentry.gatekeeper.js'), 'utf8').match(
    /JSON\.parse\(('(?:[^'\\]|\\.)*')\)/,
  )[1];
  return JSON.parse(new Function(`return ${literal}`)());
};

test('--region bakes the region into the head script; the region rules and the GPP API are written beside it', () => {
  const run = build({ regions: { 'US-CA': { mode: 'opt-out', gpp: ['usnat'] }, default: { mode: 'opt-in' } } }, [
    '--region',
    'US-CA',
  ]);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(builtConfig(run.out).region, 'US-CA');
  for (const file of ['consentry.regions.js', 'consentry.gpp.js']) assert.ok(existsSync(join(run.out, file)), file);
});

test('without --region nothing is baked in', () => {
  const run = build({ regions: { US: { mode: 'opt-out' } } });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(builtConfig(run.out).region, undefined);
});

test('a malformed --region or a bad regions key fails the build naming it, and writes nothing', () => {
  const bad = build({ regions: { US: { mode: 'opt-out' } } }, ['--region', 'california']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--region "california"/);
  assert.equal(existsSync(bad.out), false);
  const key = build({ regions: { Europe: { mode: 'opt-in' } } });
  assert.equal(key.status, 2);
  assert.match(key.stderr, /config\.regions\.Europe/);
});
