// The SQLite writer thread. Every write (receipt batches, config copies, purges) runs here, so
// the fsync of a commit never blocks the HTTP thread: it keeps reading the next receipts while
// this one waits for the disk. Built as its own file (scripts/build.mjs), started by sqlite-store.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { GENESIS, chainHash, sha256 } from './chain.js';
import { openSqlite } from './sqlite-schema.js';
import type { InsertOutcome } from './store.js';

/** A request from sqlite-store.ts. */
export type WriteRequest =
  | { n: number; op: 'insert'; items: Array<{ id: string; ts: number; exp: number; body: string }> }
  | { n: number; op: 'putConfig'; hash: string; body: string }
  | { n: number; op: 'purge'; before: number; now: number }
  | { n: number; op: 'probe' };

/** What a request returns: outcomes per receipt, a config's outcome, how many were purged (or null for a probe). */
export type WriteResult = InsertOutcome[] | InsertOutcome | number | null;
/** The answer to request `n`. */
export type WriteResponse = { n: number; result: WriteResult } | { n: number; error: string };

const db = openSqlite((workerData as { file: string }).file);
const head = db.prepare('SELECT seq, hash, received FROM receipts ORDER BY seq DESC LIMIT 1');
const insertRow = db.prepare(
  'INSERT INTO receipts (seq, received, id, ts, exp, body, body_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id, ts) DO NOTHING',
);
const bodyOf = db.prepare('SELECT body FROM receipts WHERE id = ? AND ts = ?').pluck();
// The unique key decides; the body is read only to tell a duplicate (200) from a conflict (409).
const storeBatch = db.transaction((items: Extract<WriteRequest, { op: 'insert' }>['items']): InsertOutcome[] => {
  const last = head.get() as { seq: number; hash: string; received: number } | undefined;
  let seq = last?.seq ?? 0;
  let prev = last?.hash ?? GENESIS;
  // Never earlier than the previous row (another process, or this clock stepped back).
  const received = Math.max(Date.now(), last?.received ?? 0);
  return items.map(({ id, ts, exp, body }) => {
    const link = { seq: seq + 1, received, exp, bodyHash: sha256(body) };
    const hash = chainHash(prev, link);
    if (insertRow.run(link.seq, received, id, ts, exp, body, link.bodyHash, hash).changes) {
      seq = link.seq;
      prev = hash;
      return 'stored';
    }
    return bodyOf.get(id, ts) === body ? 'duplicate' : 'conflict';
  });
});
const putConfig = db.prepare(
  'INSERT INTO configs (hash, body, received) VALUES (?, ?, ?) ON CONFLICT (hash) DO NOTHING',
);
const configBody = db.prepare('SELECT body FROM configs WHERE hash = ?').pluck();
// A real durable write (and fsync) for /readyz: a full or read-only disk fails it, a frozen one stalls it.
const probe = db.prepare(
  'INSERT INTO readiness (id, at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET at = excluded.at',
);
const purge = db.prepare(
  'UPDATE receipts SET body = NULL, id = NULL, ts = NULL, purged = ? WHERE received < ? AND exp <= ? AND body IS NOT NULL',
);

const handle = (request: WriteRequest): WriteResult => {
  switch (request.op) {
    // IMMEDIATE: take the write lock at BEGIN, so two processes on one file cannot fork the chain.
    case 'insert':
      return storeBatch.immediate(request.items);
    case 'putConfig':
      if (putConfig.run(request.hash, request.body, Date.now()).changes) return 'stored';
      return configBody.get(request.hash) === request.body ? 'duplicate' : 'conflict';
    case 'purge':
      return purge.run(request.now, request.before, request.now).changes;
    case 'probe':
      probe.run(Date.now());
      return null;
  }
};

parentPort!.on('message', (request: WriteRequest) => {
  try {
    parentPort!.postMessage({ n: request.n, result: handle(request) } satisfies WriteResponse);
  } catch (error) {
    parentPort!.postMessage({
      n: request.n,
      error: error instanceof Error ? error.message : String(error),
    } satisfies WriteResponse);
  }
});
