// SQLite under a slow or busy disk: a long verify must not stop intake, a write that cannot
// get through answers 503 + Retry-After at the request deadline instead of hanging, and
// /readyz says whether the receiver can write now. The receiver is the CLI in a child process.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { createReceiver } from '@consentry/receiver';
import { postReceipt, startLoad } from '../support/receiver-load.mjs';
import { receipt, trackedReceivers, sqliteFile, storedKeys } from '../support/receiver.mjs';

const TOKEN = 'slow-disk-test-token-0123456789';
// Every receiver started here is killed when the file ends, a failed assertion included.
const spawnReceiver = trackedReceivers(after);

const FLAGS = ['--rate-limit', '0', '--global-rate-limit', '0', '--admin-token', TOKEN, '--retention-months', '0'];
const sha256 = (text) => createHash('sha256').update(text).digest('hex');

/** A SQLite log of `n` valid chained rows, written directly (as years of receipts would be). */
const bigLog = async (n) => {
  const db = sqliteFile();
  await (await createReceiver({ db, log: () => {} })).close(); // the receiver's own schema
  const file = new Database(db);
  const insert = file.prepare(
    'INSERT INTO receipts (seq, received, id, ts, exp, body, body_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  let prev = '0'.repeat(64);
  file.transaction(() => {
    for (let seq = 1; seq <= n; seq++) {
      const r = receipt(seq, {}, 'history');
      const body = JSON.stringify(r);
      const bodyHash = sha256(body);
      const received = r.ts;
      prev = sha256(`${prev}\n${seq}\n${received}\n${r.exp}\n${bodyHash}`);
      insert.run(seq, received, r.id, r.ts, r.exp, body, bodyHash, prev);
    }
  })();
  file.close();
  return db;
};

test('GET /v1/verify over a large SQLite log does not stop intake: receipts are stored while it runs', async () => {
  const db = await bigLog(30_000);
  const receiver = await spawnReceiver([...FLAGS, '--db', db]);
  const started = Date.now();
  let verified = 0;
  const verify = fetch(`${receiver.url}/v1/verify`, { headers: { authorization: `Bearer ${TOKEN}` } }).then(
    async (res) => {
      verified = Date.now();
      return res.json();
    },
  );
  const load = startLoad([receiver.url], 4);
  const report = await verify;
  const during = load.count({ status: 201 });
  await load.stop();
  assert.equal(report.ok, true, JSON.stringify(report.firstBad));
  assert.ok(report.rows >= 30_000);
  assert.ok(during >= 20, `only ${during} receipts stored during a ${verified - started} ms verify`);
  await receiver.stop();
});

test('a write that cannot get through (another process holds the SQLite write lock): 503 + Retry-After at the deadline, /readyz 503; both recover when the lock goes, nothing stored twice', async () => {
  const db = sqliteFile();
  const receiver = await spawnReceiver([...FLAGS, '--db', db, '--request-timeout', '500']);
  assert.equal((await fetch(`${receiver.url}/readyz`)).status, 200);
  const holder = new Database(db);
  holder.exec('BEGIN EXCLUSIVE'); // a stalled writer: every write waits
  const r = receipt(1);
  try {
    const t0 = Date.now();
    const stalled = await postReceipt(receiver.url, r);
    assert.equal(stalled.status, 503);
    assert.ok(Number(stalled.retryAfter) >= 1);
    assert.ok(Date.now() - t0 < 3000, `answered after ${Date.now() - t0} ms`);
    const ready = await fetch(`${receiver.url}/readyz`);
    assert.equal(ready.status, 503);
    assert.equal((await fetch(`${receiver.url}/healthz`)).status, 200); // alive, just not writable
  } finally {
    holder.exec('ROLLBACK');
    holder.close();
  }
  // Ready again once a write goes through (the first probes may still queue behind the stalled batch).
  let ready = 0;
  for (let i = 0; i < 20 && ready != 200; i++) ready = (await fetch(`${receiver.url}/readyz`)).status;
  assert.equal(ready, 200);
  const again = await postReceipt(receiver.url, r); // the SDK's retry of the 503
  assert.ok(again.status == 201 || again.status == 200, `retry got ${again.status}`);
  assert.equal((await postReceipt(receiver.url, receipt(2))).status, 201);
  const stored = await storedKeys({ db });
  assert.equal(stored.get(`${r.id} ${r.ts}`), 1);
  await receiver.stop();
});
