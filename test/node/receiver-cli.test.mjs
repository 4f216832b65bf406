// The receiver's command line as an operator meets it: `verify` never invents an empty log,
// a short admin token stops the start naming where it came from, and errors read
// `consentry receiver: <message>` with the usage only for --help and unknown options.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI } from '../support/receiver.mjs';

const run = (args, env = {}) => {
  const cwd = mkdtempSync(join(tmpdir(), 'consentry-cli-'));
  const r = spawnSync(process.execPath, [CLI, 'receiver', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', CONSENTRY_DB: '', CONSENTRY_ADMIN_TOKEN: '', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, files: readdirSync(cwd) };
};

test('verify without --db exits 2 with a message and creates no database', () => {
  const r = run(['verify']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^consentry receiver: verify needs --db FILE/);
  assert.deepEqual(r.files, []);
  assert.equal(r.stdout, '');
});

test('verify on a SQLite file that does not exist exits 2 naming it, and does not create it', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'consentry-cli-')), 'missing.db');
  const r = run(['verify', '--db', file]);
  assert.equal(r.code, 2);
  assert.equal(r.stderr.trim(), `consentry receiver: --db ${JSON.stringify(file)}: no such file`);
  assert.equal(existsSync(file), false);
});

test('an admin token shorter than 16 characters stops the start, naming the flag or the variable', () => {
  const flag = run(['--admin-token', 'x', '--port', '0']);
  assert.equal(flag.code, 2);
  assert.match(flag.stderr, /^consentry receiver: --admin-token: at least 16 characters \(got 1\)/);
  assert.doesNotMatch(flag.stderr, /usage:/);
  const variable = run(['--port', '0'], { CONSENTRY_ADMIN_TOKEN: 'secret' });
  assert.equal(variable.code, 2);
  assert.match(variable.stderr, /^consentry receiver: CONSENTRY_ADMIN_TOKEN: at least 16 characters \(got 6\)/);
});

test('bad values name the flag without the usage; an unknown option shows the usage; --help prints it', () => {
  const bad = run(['--request-timeout', 'soon']);
  assert.equal(bad.code, 2);
  assert.equal(bad.stderr.trim(), 'consentry receiver: --request-timeout "soon": expected a whole number ≥ 0');
  const unknown = run(['--colour']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /^consentry receiver: Unknown option '--colour'/);
  assert.match(unknown.stderr, /usage: consentry receiver/);
  const help = run(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /--request-timeout MS/);
});
