// The SQLite schema and connection settings, shared by the reading connection (sqlite-store.ts)
// and the writer thread (sqlite-writer.ts). The meaning matches pg-store.ts column for column;
// (id, ts) is the idempotency key.
import Database from 'better-sqlite3';

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
CREATE TABLE IF NOT EXISTS readiness (id INTEGER PRIMARY KEY, at INTEGER NOT NULL);
`;

/** Open `file` in WAL mode with synchronous=FULL (a COMMIT is on disk before it returns) and create the tables. */
export const openSqlite = (file: string): Database.Database => {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL'); // durable on COMMIT: a power cut loses no acknowledged receipt
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  return db;
};
