// PostgreSQL faults under load, with the receiver CLI as child processes on a throwaway
// cluster: a restart and killed backends (the process lives, 503 + Retry-After while the
// database is away, 201 again within seconds), a peer frozen with SIGSTOP while it holds the
// chain lock (a bounded wait then 503 for the other, no crash on waking), and hosts whose
// clocks disagree (the chain's time is the database's). Every 201 is reconciled with the rows.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postReceipt, startLoad } from '../support/receiver-load.mjs';
import { receipt, trackedReceivers, sql, sqliteFile, startPostgres, storedKeys } from '../support/receiver.mjs';

const TOKEN = 'failover-test-token-0123456789ab';
// Every receiver started here is killed when the file ends, a failed assertion included.
const spawnReceiver = trackedReceivers(after);

const FLAGS = ['--rate-limit', '0', '--global-rate-limit', '0', '--admin-token', TOKEN, '--retention-months', '0'];

/** Every acknowledged receipt is stored exactly once, and the chain verifies. */
const reconcile = async (target, acked, url) => {
  const stored = await storedKeys(target);
  const lost = acked.filter((r) => stored.get(`${r.id} ${r.ts}`) !== 1);
  assert.deepEqual(
    lost.map((r) => r.id),
    [],
    `${lost.length} acknowledged receipts missing or stored twice`,
  );
  const report = await (await fetch(`${url}/v1/verify`, { headers: { authorization: `Bearer ${TOKEN}` } })).json();
  assert.equal(report.ok, true, JSON.stringify(report.firstBad));
  return report;
};

/** `received` along the chain (seq order). */
const receivedAlongChain = async (target) =>
  (await sql(target, 'SELECT received FROM receipts ORDER BY seq')).map((r) => Number(r.received));

// One throwaway cluster for the file: each test takes a fresh database in it.
let postgres;
before(async () => {
  postgres = await startPostgres();
});
after(() => postgres?.stop());

describe('PostgreSQL faults under load', () => {
  test('pg_ctl restart -m fast and pg_terminate_backend: the receiver lives, 503 + Retry-After meanwhile, 201 again within seconds, every 201 stored once', async () => {
    const databaseUrl = await postgres.database();
    const target = { databaseUrl };
    const receiver = await spawnReceiver(FLAGS, { DATABASE_URL: databaseUrl });
    const load = startLoad([receiver.url], 8);
    try {
      await load.until(() => load.count({ status: 201 }) >= 50, '50 receipts stored before the restart');
      await postgres.restart();
      const restarted = Date.now();
      await load.until(
        () => load.count({ status: 201, since: restarted }) >= 20,
        '201s again after the restart',
        10_000,
      );

      const terminated = Date.now();
      const name = new URL(databaseUrl).pathname.slice(1);
      const killed = await sql(
        { databaseUrl: postgres.url },
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()',
        [name],
      );
      assert.ok(killed.length > 0, 'the receiver had connections to terminate');
      await load.until(
        () => load.count({ status: 201, since: terminated }) >= 20,
        '201s again after pg_terminate_backend',
        10_000,
      );
    } finally {
      await load.stop();
    }
    assert.equal(receiver.child.exitCode, null, `the receiver exited:\n${receiver.output()}`);
    const statuses = new Set(load.answers.map((a) => a.status));
    assert.deepEqual(
      [...statuses].filter((s) => s != 201 && s != 503),
      [],
      'only 201 and 503 (no 500, no dropped connection)',
    );
    assert.ok(load.count({ status: 503 }) > 0, 'the restart was seen as 503s');
    assert.deepEqual(
      load.answers.filter((a) => a.status == 503 && !(Number(a.retryAfter) >= 1)),
      [],
      'every 503 has Retry-After',
    );
    await reconcile(target, load.acked(), receiver.url);
    await receiver.stop();
  });

  test('two receivers on one database, one SIGSTOPped holding the chain lock: the other waits a bounded time, answers 503 and /readyz 503, then 201; the frozen one wakes and serves; one chain, nothing acknowledged lost', async () => {
    const databaseUrl = await postgres.database();
    const target = { databaseUrl };
    const a = await spawnReceiver(FLAGS, { DATABASE_URL: databaseUrl, PGAPPNAME: 'receiver-a' });
    const b = await spawnReceiver(FLAGS, { DATABASE_URL: databaseUrl, PGAPPNAME: 'receiver-b' });
    const load = startLoad([a.url, b.url], 8);
    const lockHeldByA = async () =>
      (
        await sql(
          target,
          "SELECT 1 FROM pg_locks l JOIN pg_stat_activity s ON s.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted AND s.application_name = 'receiver-a'",
        )
      ).length > 0;
    let frozen = 0;
    try {
      await load.until(
        () => load.count({ url: a.url, status: 201 }) >= 20 && load.count({ url: b.url, status: 201 }) >= 20,
        'both receivers storing',
      );
      // Freeze A at a moment it holds the lock (it is inside a chain transaction much of the time).
      for (let attempt = 0; attempt < 200 && !frozen; attempt++) {
        a.child.kill('SIGSTOP');
        if ((await lockHeldByA()) && (await lockHeldByA())) frozen = Date.now();
        else {
          a.child.kill('SIGCONT');
          const seen = load.answers.length;
          await load.until(() => load.answers.length > seen + 2, 'the load to move on');
        }
      }
      assert.ok(frozen, 'A was never caught holding the chain lock');
      const ready = await fetch(`${b.url}/readyz`);
      assert.equal(ready.status, 503, 'B cannot write while A holds the lock: not ready');
      await load.until(
        () => load.count({ url: b.url, status: 503, since: frozen }) >= 1,
        'a 503 from B while A is frozen',
        8000,
      );
      await load.until(
        () => load.count({ url: b.url, status: 201, since: frozen }) >= 10,
        'B storing again while A is still frozen',
        10_000,
      );
      const waited = Date.now() - frozen;
      assert.ok(waited < 7000, `B was blocked ${waited} ms`);
      assert.equal((await fetch(`${b.url}/readyz`)).status, 200);

      const woke = Date.now();
      a.child.kill('SIGCONT');
      await load.until(
        () => load.count({ url: a.url, status: 201, since: woke }) >= 10,
        'A storing again after SIGCONT',
        10_000,
      );
    } finally {
      if (frozen) a.child.kill('SIGCONT');
      await load.stop();
    }
    assert.equal(a.child.exitCode, null, `A exited after waking:\n${a.output()}`);
    assert.equal(b.child.exitCode, null, `B exited:\n${b.output()}`);
    const report = await reconcile(target, load.acked(), b.url);
    const [{ n }] = await sql(target, 'SELECT count(*) AS n FROM receipts');
    assert.equal(report.rows, Number(n), 'one chain: every row on it');
    const times = await receivedAlongChain(target);
    assert.deepEqual(
      times.filter((t, i) => i > 0 && t < times[i - 1]),
      [],
      '`received` never goes back along the chain',
    );
    await Promise.all([a.stop(), b.stop()]);
  });
});

describe('one clock for the chain', () => {
  // A host whose clock is 120 s behind: Date.now() shifted in the receiver process.
  const skew = join(tmpdir(), `consentry-skew-${process.pid}.mjs`);
  writeFileSync(skew, 'const real = Date.now; Date.now = () => real() - 120_000;\n');

  for (const kind of ['sqlite', 'postgres']) {
    test(`${kind}: two receivers, one host 120 s behind: \`received\` only goes forward along the chain${kind == 'postgres' ? " and is the database's time" : ''}`, async () => {
      const target = kind == 'sqlite' ? { db: sqliteFile() } : { databaseUrl: await postgres.database() };
      const args = [...FLAGS, ...(target.db ? ['--db', target.db] : [])];
      const env = target.databaseUrl ? { DATABASE_URL: target.databaseUrl } : {};
      const good = await spawnReceiver(args, env);
      const behind = await spawnReceiver(args, { ...env, NODE_OPTIONS: `--import=${skew}` });
      const start = Date.now();
      for (let i = 0; i < 12; i++)
        assert.equal((await postReceipt(i % 2 ? behind.url : good.url, receipt(i))).status, 201);
      const end = Date.now();
      const times = await receivedAlongChain(target);
      assert.equal(times.length, 12);
      assert.deepEqual(
        times.filter((t, i) => i > 0 && t < times[i - 1]),
        [],
        '`received` went backwards',
      );
      if (kind == 'postgres')
        assert.deepEqual(
          times.filter((t) => t < start - 1000 || t > end + 1000),
          [],
          'not the database clock',
        );
      await Promise.all([good.stop(), behind.stop()]);
    });
  }
});
