// Tamper evidence, on SQLite and PostgreSQL: someone with access to the database edits,
// deletes, reorders or blanks a row directly; GET /v1/verify and `consentry receiver verify`
// report the first row that no longer fits. A legitimate retention purge still verifies.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReceiver } from '@consentry/receiver';
import { CLI, receipt, sql, startPostgres, storeTarget } from '../support/receiver.mjs';

const TOKEN = 'tamper-test-token-abcdefghijklmnop';
const sha256 = (text) => createHash('sha256').update(text).digest('hex');

for (const kind of ['sqlite', 'postgres']) {
  describe(`tamper evidence on ${kind}`, () => {
    let postgres;
    before(async () => {
      if (kind == 'postgres') postgres = await startPostgres();
    });
    after(() => postgres?.stop());

    /** A database holding five receipts (seq 1..5), stored through the receiver. */
    const fiveRows = async () => {
      const target = await storeTarget(kind, postgres);
      const receiver = await createReceiver({ ...target, adminToken: TOKEN, log: () => {} });
      const { url } = await receiver.listen(0, '127.0.0.1');
      for (let i = 1; i <= 5; i++) {
        const res = await fetch(`${url}/v1/receipts`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(receipt(i)),
        });
        assert.equal(res.status, 201);
      }
      const verify = async () => {
        const res = await fetch(`${url}/v1/verify`, { headers: { authorization: `Bearer ${TOKEN}` } });
        assert.equal(res.status, 200);
        return res.json();
      };
      assert.deepEqual(await verify(), { ok: true, rows: 5, purged: 0, head: (await verify()).head });
      return { target, verify, close: () => receiver.close() };
    };

    /** `consentry receiver verify` on the same database: exit code and what it printed. */
    const cli = (target) => {
      const r = spawnSync(process.execPath, [CLI, 'receiver', 'verify', ...(target.db ? ['--db', target.db] : [])], {
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: target.databaseUrl ?? '' },
      });
      return { code: r.status, report: JSON.parse(r.stdout || '{}'), stderr: r.stderr };
    };

    const expectBad = async ({ target, verify, close }, seq, problem) => {
      const report = await verify();
      assert.equal(report.ok, false);
      assert.equal(report.firstBad.seq, seq, JSON.stringify(report));
      assert.match(report.firstBad.problem, problem);
      await close();
      const fromCli = cli(target);
      assert.equal(fromCli.code, 1, fromCli.stderr);
      assert.deepEqual(fromCli.report.firstBad, report.firstBad);
      assert.match(fromCli.stderr, new RegExp(`row ${seq}: `));
    };

    test('an intact chain verifies (API and CLI exit 0)', async () => {
      const db = await fiveRows();
      await db.close();
      const { code, report } = cli(db.target);
      assert.equal(code, 0);
      assert.deepEqual([report.ok, report.rows], [true, 5]);
    });

    test('an edited body (a refusal turned into a grant) is the first bad row', async () => {
      const db = await fiveRows();
      const [{ body }] = await sql(db.target, 'SELECT body FROM receipts WHERE seq = 3');
      await sql(db.target, 'UPDATE receipts SET body = ? WHERE seq = 3', [
        body.replace('"advertising":false', '"advertising":true'),
      ]);
      await expectBad(db, 3, /body was edited/);
    });

    test('an edited body with its body hash recomputed breaks the chain at that row', async () => {
      const db = await fiveRows();
      const [{ body }] = await sql(db.target, 'SELECT body FROM receipts WHERE seq = 3');
      const edited = body.replace('"method":"custom"', '"method":"accept-all"');
      await sql(db.target, 'UPDATE receipts SET body = ?, body_hash = ? WHERE seq = 3', [edited, sha256(edited)]);
      await expectBad(db, 3, /chain hash/);
    });

    test('an edited id column is caught even though the body is intact', async () => {
      const db = await fiveRows();
      await sql(db.target, "UPDATE receipts SET id = 'someone-else-0001' WHERE seq = 2");
      await expectBad(db, 2, /column was edited/);
    });

    test('a deleted row: the next row reports the gap', async () => {
      const db = await fiveRows();
      await sql(db.target, 'DELETE FROM receipts WHERE seq = 3');
      await expectBad(db, 4, /rows 3\.\.3 are missing/);
    });

    test('a deleted row with the later rows renumbered: the chain breaks where it was', async () => {
      const db = await fiveRows();
      await sql(db.target, 'DELETE FROM receipts WHERE seq = 3');
      for (const seq of [4, 5]) await sql(db.target, 'UPDATE receipts SET seq = ? WHERE seq = ?', [seq - 1, seq]);
      await expectBad(db, 3, /chain hash/);
    });

    test('two rows swapped (reordered) are reported at the first of them', async () => {
      const db = await fiveRows();
      await sql(db.target, 'UPDATE receipts SET seq = 100 WHERE seq = 2');
      await sql(db.target, 'UPDATE receipts SET seq = 2 WHERE seq = 4');
      await sql(db.target, 'UPDATE receipts SET seq = 4 WHERE seq = 100');
      await expectBad(db, 2, /chain hash/);
    });

    test('a body replaced by something that is not JSON (hash recomputed) is named as the bad row, exit 1', async () => {
      const db = await fiveRows();
      await sql(db.target, 'UPDATE receipts SET body = ?, body_hash = ? WHERE seq = 4', [
        'not json at all',
        sha256('not json at all'),
      ]);
      await expectBad(db, 4, /not a JSON receipt/);
    });

    test('a body blanked to look purged before its exp is reported', async () => {
      const db = await fiveRows();
      await sql(db.target, 'UPDATE receipts SET body = NULL, id = NULL, ts = NULL, purged = ? WHERE seq = 5', [
        Date.now(),
      ]);
      await expectBad(db, 5, /without a purge after its exp/);
    });
  });
}
