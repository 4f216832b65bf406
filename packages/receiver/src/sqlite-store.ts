// The embedded default: one SQLite file through better-sqlite3, WAL with synchronous=FULL so
// that a COMMIT has reached the disk before a 201 is sent. Writes go to a writer thread
// (sqlite-writer.ts) in group commits; reads use a connection of their own on this thread
// (WAL lets them run beside the writer).
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import { groupCommit } from './group-commit.js';
import type { Receipt } from './schema.js';
import { openSqlite } from './sqlite-schema.js';
import type { WriteRequest, WriteResponse } from './sqlite-writer.js';
import {
  type ChainRow,
  type InsertOutcome,
  type Store,
  type StoredConfig,
  type StoredReceipt,
  toStored,
} from './store.js';

const COLUMNS = 'seq, received, id, ts, exp, body, body_hash AS bodyHash, hash, purged';
/** A write request before it is numbered. */
type WriteJob = WriteRequest extends infer R ? (R extends WriteRequest ? Omit<R, 'n'> : never) : never;

/** The writer thread: `write(request)` resolves with its result once committed. */
const startWriter = (file: string) => {
  // Beside this file when bundled (dist/sqlite-writer.js, an entry of its own in build.mjs).
  const worker = new Worker(new URL('./sqlite-writer.js', import.meta.url), { workerData: { file } });
  const pending = new Map<number, { resolve: (r: WriteResponse) => void; reject: (e: Error) => void }>();
  let next = 0;
  let failure: Error | null = null;
  let idle: (() => void) | null = null;
  worker.unref(); // referenced only while a write is pending: an idle store never holds the process open
  worker.on('message', (response: WriteResponse) => {
    const waiting = pending.get(response.n)!;
    pending.delete(response.n);
    if (!pending.size) {
      worker.unref();
      idle?.();
    }
    waiting.resolve(response);
  });
  const fail = (error: Error) => {
    failure = error;
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the SQLite writer thread exited (${code})`)));
  return {
    write: <T>(request: WriteJob): Promise<T> =>
      new Promise<WriteResponse>((resolve, reject) => {
        if (failure) return reject(failure);
        const n = next++;
        if (!pending.size) worker.ref();
        pending.set(n, { resolve, reject });
        worker.postMessage({ ...request, n });
      }).then((response) => {
        if ('error' in response) throw new Error(response.error);
        return response.result as T;
      }),
    /** Wait for every pending write, then stop the thread. */
    close: async () => {
      if (pending.size) await new Promise<void>((resolve) => (idle = resolve));
      failure = new Error('the SQLite store is closed');
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
};

/** Open (and create) the SQLite store at `file`. */
export const openSqliteStore = (file: string): Store => {
  if (file == ':memory:')
    throw new Error('--db: an in-memory SQLite database cannot hold a durable consent log; give a file');
  mkdirSync(dirname(file), { recursive: true });
  const db = openSqlite(file); // creates the tables before the writer starts, and reports a bad path here
  const writer = startWriter(file);
  const commits = groupCommit((items: Array<{ receipt: Receipt; body: string }>) =>
    writer.write<InsertOutcome[]>({
      op: 'insert',
      items: items.map(({ receipt: { id, ts, exp }, body }) => ({ id, ts, exp, body })),
    }),
  );

  const byId = db.prepare(`SELECT ${COLUMNS} FROM receipts WHERE id = ? ORDER BY ts, seq`);
  const page = db.prepare(
    `SELECT ${COLUMNS} FROM receipts WHERE received >= ? AND received < ? AND seq > ? AND body IS NOT NULL ORDER BY seq LIMIT ?`,
  );
  const rows = db.prepare(`SELECT ${COLUMNS} FROM receipts WHERE seq > ? ORDER BY seq LIMIT ?`);
  const getConfig = db.prepare('SELECT hash, body, received FROM configs WHERE hash = ?');
  const stored = (list: unknown[]): StoredReceipt[] =>
    (list as ChainRow[]).map(toStored).filter((r): r is StoredReceipt => r != null);
  let closing: Promise<void> | null = null;

  return {
    kind: 'sqlite',
    insert: (receipt, body) => commits.add({ receipt, body }),
    chainOf: async (id) => stored(byId.all(id)),
    page: async (from, to, after, limit) => stored(page.all(from, to, after, limit)),
    chainRows: async (after, limit) => rows.all(after, limit) as ChainRow[],
    putConfig: (hash, body) => writer.write<InsertOutcome>({ op: 'putConfig', hash, body }),
    getConfig: async (hash) => (getConfig.get(hash) as StoredConfig | undefined) ?? null,
    purge: (before, now) => writer.write<number>({ op: 'purge', before, now }),
    ping: () => writer.write<null>({ op: 'probe' }).then(() => {}),
    close: () =>
      (closing ??= (async () => {
        await commits.drain();
        await writer.close();
        db.close();
      })()),
  };
};
