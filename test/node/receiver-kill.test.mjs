// kill -9 in the middle of a load, on SQLite and PostgreSQL: the receiver CLI is a child
// process, receipts go in concurrently, and once some are acknowledged the process is killed
// with SIGKILL. After a restart every acknowledged receipt (201/200) is in the database exactly
// once, the chain verifies, and re-sending everything stores each receipt exactly once.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { receipt, sendAll, spawnReceiver, startPostgres, storedKeys, storeTarget } from '../support/receiver.mjs';

const TOKEN = 'kill-test-token-abcdefghijklmnopqr';
const FLAGS = ['--rate-limit', '0', '--global-rate-limit', '0', '--admin-token', TOKEN];

/** Spawn the receiver CLI on `target` (SQLite file or DATABASE_URL). */
const spawnOn = (target) =>
  spawnReceiver(
    [...FLAGS, ...(target.db ? ['--db', target.db] : [])],
    target.databaseUrl ? { DATABASE_URL: target.databaseUrl } : {},
  );

for (const kind of ['sqlite', 'postgres']) {
  describe(`kill -9 under load on ${kind}`, () => {
    let postgres;
    before(async () => {
      if (kind == 'postgres') postgres = await startPostgres();
    });
    after(() => postgres?.stop());

    test('every acknowledged receipt survives kill -9 exactly once; re-sent ones are stored once', async () => {
      const target = await storeTarget(kind, postgres);
      const receipts = Array.from({ length: 1200 }, (_, i) => receipt(i));
      let receiver = await spawnOn(target);
      let killed;
      // Kill once 200 are acknowledged: the rest are in flight or not yet sent.
      const load = sendAll(receiver.url, receipts, 32, (n) => {
        if (n == 200) killed = receiver.kill9();
      });
      const { acked, unacked } = await load;
      assert.equal((await killed).signal, 'SIGKILL');
      assert.ok(
        acked.length >= 200 && unacked.length > 0,
        `acked ${acked.length}, unacked ${unacked.length}: the kill was not mid-load`,
      );

      receiver = await spawnOn(target);
      const afterRestart = await storedKeys(target);
      const lost = acked.filter((r) => afterRestart.get(`${r.id} ${r.ts}`) !== 1);
      assert.deepEqual(lost, [], `${lost.length} acknowledged receipts missing or stored twice after kill -9`);
      for (const [key, n] of afterRestart) assert.equal(n, 1, key);

      // The browser re-sends what it never saw acknowledged (and a retry may repeat an acked one).
      const resent = await sendAll(receiver.url, [...unacked, ...acked.slice(0, 50)], 16);
      assert.equal(resent.unacked.length, 0);
      const final = await storedKeys(target);
      assert.equal(final.size, receipts.length);
      for (const r of receipts) assert.equal(final.get(`${r.id} ${r.ts}`), 1);

      const report = await (
        await fetch(`${receiver.url}/v1/verify`, { headers: { authorization: `Bearer ${TOKEN}` } })
      ).json();
      assert.deepEqual([report.ok, report.rows], [true, receipts.length]);
      await receiver.stop();
    });
  });
}
