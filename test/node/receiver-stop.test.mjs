// SIGTERM in the middle of a load, on SQLite and PostgreSQL: the receiver stops accepting,
// answers every request already in and exits 0; every receipt in the database got its 201
// (nothing committed is left unacknowledged by a reset connection).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startLoad } from '../support/receiver-load.mjs';
import { trackedReceivers, startPostgres, storedKeys, storeTarget } from '../support/receiver.mjs';

// Every receiver started here is killed when the file ends, a failed assertion included.
const spawnReceiver = trackedReceivers(after);

const FLAGS = ['--rate-limit', '0', '--global-rate-limit', '0', '--retention-months', '0'];

for (const kind of ['sqlite', 'postgres']) {
  describe(`graceful stop on ${kind}`, () => {
    let postgres;
    before(async () => {
      if (kind == 'postgres') postgres = await startPostgres();
    });
    after(() => postgres?.stop());

    test('SIGTERM under load: exit 0, and every stored receipt was answered 201', async () => {
      const target = await storeTarget(kind, postgres);
      const receiver = await spawnReceiver(
        [...FLAGS, ...(target.db ? ['--db', target.db] : [])],
        target.databaseUrl ? { DATABASE_URL: target.databaseUrl } : {},
      );
      const load = startLoad([receiver.url], 16);
      await load.until(() => load.count({ status: 201 }) >= 100, '100 receipts stored');
      receiver.child.kill('SIGTERM');
      const exit = await receiver.exited;
      await load.stop();
      assert.deepEqual(exit, { code: 0, signal: null }, receiver.output());
      const acked = new Set(load.acked().map((r) => `${r.id} ${r.ts}`));
      const stored = await storedKeys(target);
      const unanswered = [...stored.keys()].filter((key) => !acked.has(key));
      assert.deepEqual(unanswered, [], `${unanswered.length} stored receipts never got their 201`);
      assert.ok(stored.size >= 100);
    });
  });
}
