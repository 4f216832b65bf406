// The `consentry` command line as a site owner meets it: one parser for every command, a mistake
// answered in one line `consentry <cmd>: <message>` with exit code 2, the usage only when asked
// for (--help) or after an unknown option.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = new URL('../../packages/cli/dist/cli.js', import.meta.url).pathname;
const run = (...args) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
const lines = (text) => text.trim().split('\n');

test('a mistake is one line naming the command and the option, exit 2, without the usage', () => {
  const dir = mkdtempSync(join(tmpdir(), 'consentry-cli-'));
  writeFileSync(join(dir, 'bad.json'), '{ "revison": 2 }');
  const cases = [
    [['tag', 'x.html'], /^consentry tag: --config FILE is required$/],
    [['tag', '--config'], /^consentry tag: --config needs a value$/],
    [['tag', '--config', join(dir, 'bad.json')], /^consentry tag: no HTML files given$/],
    [['build', '--out', dir], /^consentry build: --config FILE is required$/],
    [
      ['build', '--config', join(dir, 'bad.json'), '--out', join(dir, 'out')],
      /^consentry build: config\.revison "unknown key"/,
    ],
    [
      ['build', '--config', join(dir, 'missing.json'), '--out', join(dir, 'out')],
      /^consentry build: .*missing\.json: ENOENT/,
    ],
    [['scan', 'http://127.0.0.1/', '--pages', '0'], /^consentry scan: --pages: expected a whole number of at least 1$/],
    [['scan', 'http://127.0.0.1/', 'http://127.0.0.2/'], /^consentry scan: one URL only/],
    [['scan', 'http://127.0.0.1/', '--out'], /^consentry scan: --out needs a value$/],
    [['scan', 'http://127.0.0.1/', '--strict=yes'], /^consentry scan: --strict takes no value$/],
  ];
  for (const [args, message] of cases) {
    const r = run(...args);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.deepEqual(lines(r.stderr).length, 1, `one line for ${args.join(' ')}:\n${r.stderr}`);
    assert.match(r.stderr.trim(), message);
    assert.equal(r.stdout, '');
  }
});

test('an unknown option or command is named, then the usage follows; exit 2', () => {
  for (const [args, first, usage] of [
    [['tag', 'x.html', '--wirte'], 'consentry tag: unknown option --wirte', /^usage: consentry tag /],
    [['build', '--minify'], 'consentry build: unknown option --minify', /^usage: consentry build /],
    [['scan', 'http://127.0.0.1/', '--page', '3'], 'consentry scan: unknown option --page', /^usage: consentry scan /],
    [['scna'], 'consentry: unknown command "scna"', /^usage: consentry <command>/],
  ]) {
    const r = run(...args);
    assert.equal(r.status, 2, r.stderr);
    assert.equal(lines(r.stderr)[0], first);
    assert.match(lines(r.stderr)[1], usage);
  }
});

test('--help and -h print the usage on stdout with exit 0; --version prints the version', () => {
  for (const [args, usage] of [
    [['--help'], /^usage: consentry <command>/],
    [['scan', '-h'], /^usage: consentry scan /],
    [['tag', '--help'], /^usage: consentry tag /],
    [['build', '--help'], /^usage: consentry build /],
  ]) {
    const r = run(...args);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, usage);
    assert.equal(r.stderr, '');
  }
  const version = run('--version');
  assert.equal(version.status, 0);
  assert.match(version.stdout.trim(), /^\d+\.\d+\.\d+/);
});

test('the existing spellings keep working: --name=value and a browser flag after --browser-arg', () => {
  // An unreachable browser path proves the flags parsed (the scan stops at finding the browser, not at the options).
  const r = run(
    'scan',
    'http://127.0.0.1/',
    '--pages=2',
    '--browser-arg',
    '--host-resolver-rules=MAP x 127.0.0.1',
    '--browser-arg=--no-zygote',
    '--ignore-https-errors',
    '--browser',
    '/nonexistent/chrome',
  );
  assert.equal(r.status, 2);
  assert.equal(r.stderr.trim(), 'consentry scan: --browser /nonexistent/chrome: no such file');
});
