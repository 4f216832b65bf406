// The embedded default: one SQLite file through better-sqlite3, WAL with synchronous=FULL so
// that a COMMIT has reached the disk (the WAL is fsynced) before a 201 is sent.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { GENESIS, chainHash, sha256 } from './chain.js';
import { groupCommit } from './group-commit.js';
import type { Receipt } from './schema.js';
import { type ChainRow, type InsertOutcome, type Store, type StoredConfig, type StoredReceipt, toStored } from './store.js';

/** The schema, shared word for word in meaning with pg-store.ts. (id, ts) is the idempotency key. */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS receipts (
  seq INTEGER PRIMARY KEY,
  received INTEGER NOT NULL,
  id TEXT,
  ts INTEGER,
  exp INTEGER NOT NULL,
  body TEXT,
  body_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  purged INTEGER,
  UNIQUE (id, ts)
);
CREATE INDEX IF NOT EXISTS receipts_received ON receipts (received);
CREATE TABLE IF NOT EXISTS configs (hash TEXT PRIMARY KEY, body TEXT NOT NULL, received INTEGER NOT NULL);
`;

const COLUMNS = 'seq, received, id, ts, exp, body, body_hash AS bodyHash, hash, purged';

/** Open (and create) the SQLite store at `file`. */
export const openSqliteStore = (file: string): Store => {
  if (file != ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL'); // durable on COMMIT: a power cut loses no acknowledged receipt
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);

  const head = db.prepare('SELECT seq, hash FROM receipts ORDER BY seq DESC LIMIT 1');
  const insertRow = db.prepare(
    'INSERT INTO receipts (seq, received, id, ts, exp, body, body_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id, ts) DO NOTHING',
  );
  const bodyOf = db.prepare('SELECT body FROM receipts WHERE id = ? AND ts = ?').pluck();
  // The unique key decides; the body is read only to tell a duplicate from a conflict.
  const storeBatch = db.transaction((items: Array<{ receipt: Receipt; body: string }>): InsertOutcome[] => {
    const last = head.get() as { seq: number; hash: string } | undefined;
    let seq = last?.seq ?? 0;
    let prev = last?.hash ?? GENESIS;
    const received = Date.now();
    return items.map(({ receipt, body }) => {
      const link = { seq: seq + 1, received, exp: receipt.exp, bodyHash: sha256(body) };
      const hash = chainHash(prev, link);
      if (insertRow.run(link.seq, received, receipt.id, receipt.ts, receipt.exp, body, link.bodyHash, hash).changes) {
        seq = link.seq;
        prev = hash;
        return 'stored';
      }
      return bodyOf.get(receipt.id, receipt.ts) === body ? 'duplicate' : 'conflict';
    });
  });
  // IMMEDIATE: take the write lock at BEGIN, so two processes on one file cannot fork the chain.
  const commits = groupCommit((items: Array<{ receipt: Receipt; body: string }>) => storeBatch.immediate(items));

  const byId = db.prepare(`SELECT ${COLUMNS} FROM receipts WHERE id = ? ORDER BY ts, seq`);
  const page = db.prepare(`SELECT ${COLUMNS} FROM receipts WHERE received >= ? AND received < ? AND seq > ? AND body IS NOT NULL ORDER BY seq LIMIT ?`);
  const rows = db.prepare(`SELECT ${COLUMNS} FROM receipts WHERE seq > ? ORDER BY seq LIMIT ?`);
  const putConfig = db.prepare('INSERT INTO configs (hash, body, received) VALUES (?, ?, ?) ON CONFLICT (hash) DO NOTHING');
  const getConfig = db.prepare('SELECT hash, body, received FROM configs WHERE hash = ?');
  const purge = db.prepare(
    'UPDATE receipts SET body = NULL, id = NULL, ts = NULL, purged = ? WHERE received < ? AND exp <= ? AND body IS NOT NULL',
  );
  const stored = (list: unknown[]): StoredReceipt[] => (list as ChainRow[]).map(toStored).filter((r): r is StoredReceipt => r != null);

  return {
    kind: 'sqlite',
    insert: (receipt, body) => commits.add({ receipt, body }),
    chainOf: async (id) => stored(byId.all(id)),
    page: async (from, to, after, limit) => stored(page.all(from, to, after, limit)),
    chainRows: async (after, limit) => rows.all(after, limit) as ChainRow[],
    putConfig: async (hash, body) => {
      if (putConfig.run(hash, body, Date.now()).changes) return 'stored';
      return (getConfig.get(hash) as StoredConfig).body === body ? 'duplicate' : 'conflict';
    },
    getConfig: async (hash) => (getConfig.get(hash) as StoredConfig | undefined) ?? null,
    purge: async (before, now) => purge.run(now, before, now).changes,
    ping: async () => void db.prepare('SELECT 1').get(),
    close: async () => {
      await commits.drain();
      if (db.open) db.close();
    },
  };
};
