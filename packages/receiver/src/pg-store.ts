// PostgreSQL through `pg`, used when DATABASE_URL is set. The same schema as sqlite-store.ts;
// writers (this process's group commits, and other receiver processes) take one advisory
// lock per transaction so the chain has one order. COMMIT with PostgreSQL's default
// synchronous_commit=on is durable before a 201 is sent.
// A restart or failover of the database is an error for the requests of that moment (503),
// never for the process: every connection's 'error' is handled and broken ones are dropped,
// so the pool reconnects. Every wait is bounded: a peer frozen while holding the chain lock
// costs the others at most LOCK_TIMEOUT per try, and PostgreSQL ends its session after
// IDLE_IN_TRANSACTION, which frees the lock.
import type { PoolClient } from 'pg';
import { GENESIS, chainHash, sha256 } from './chain.js';
import { groupCommit } from './group-commit.js';
import type { Receipt } from './schema.js';
import {
  type ChainRow,
  type InsertOutcome,
  type Store,
  type StoredConfig,
  type StoredReceipt,
  toStored,
} from './store.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS receipts (
  seq BIGINT PRIMARY KEY,
  received BIGINT NOT NULL,
  id TEXT,
  ts BIGINT,
  exp BIGINT NOT NULL,
  body TEXT,
  body_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  purged BIGINT,
  UNIQUE (id, ts)
);
CREATE INDEX IF NOT EXISTS receipts_received ON receipts (received);
CREATE TABLE IF NOT EXISTS configs (hash TEXT PRIMARY KEY, body TEXT NOT NULL, received BIGINT NOT NULL);
`;

/** How long a writer waits for the chain lock before its requests get 503. */
const LOCK_TIMEOUT = 2000;
/** A session idle this long inside a transaction (a frozen peer) is ended by PostgreSQL. */
const IDLE_IN_TRANSACTION = 3000;
/** Connecting, and any one query, give up after these (a hung server). */
const CONNECT_TIMEOUT = 3000;
const QUERY_TIMEOUT = 8000;

/** pg_advisory_xact_lock key: "consentry" as a number; every writer of the chain takes it. */
const CHAIN_LOCK = 0x636f6e73;
const COLUMNS = 'seq, received, id, ts, exp, body, body_hash AS "bodyHash", hash, purged';

interface RawRow {
  seq: string;
  received: string;
  id: string | null;
  ts: string | null;
  exp: string;
  body: string | null;
  bodyHash: string;
  hash: string;
  purged: string | null;
}
const num = (v: string | null): number | null => (v == null ? null : Number(v));
// BIGINT arrives as a string; the values are ms timestamps and counters, far below 2^53.
const toRow = (r: RawRow): ChainRow => ({
  seq: Number(r.seq),
  received: Number(r.received),
  id: r.id,
  ts: num(r.ts),
  exp: Number(r.exp),
  body: r.body,
  bodyHash: r.bodyHash,
  hash: r.hash,
  purged: num(r.purged),
});
const stored = (rows: RawRow[]): StoredReceipt[] =>
  rows.map((r) => toStored(toRow(r))).filter((r): r is StoredReceipt => r != null);

/** What a PostgreSQL URL without the optional peer pg gets, instead of a module-not-found trace. */
export const PG_MISSING = 'DATABASE_URL is set but the optional package pg is not installed: npm install pg';

/** The optional peer dependency pg: only sites on PostgreSQL install it. */
const loadPg = async () => {
  try {
    return (await import('pg')).default;
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (code == 'ERR_MODULE_NOT_FOUND' && message.includes("'pg'")) throw new Error(PG_MISSING);
    throw error;
  }
};

/** Open the PostgreSQL store at `url` (postgres://…), creating the tables when missing. */
export const openPgStore = async (
  url: string,
  log: (message: string) => void = (m) => console.error(m),
): Promise<Store> => {
  const pg = await loadPg();
  const pool = new pg.Pool({
    connectionString: url,
    max: 8,
    connectionTimeoutMillis: CONNECT_TIMEOUT,
    query_timeout: QUERY_TIMEOUT,
    lock_timeout: LOCK_TIMEOUT,
    idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION,
  });
  // An idle connection the server dropped: the pool discards it and opens a new one when needed.
  pool.on('error', (error) => log(`consentry receiver: idle PostgreSQL connection lost: ${error.message}`));
  const transaction = async <T>(work: (client: PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    // A checked-out client has no listener of the pool's: without this one a server restart
    // during the transaction would be an uncaught 'error' that ends the process.
    let broken: Error | undefined;
    const onError = (error: Error) => void (broken ??= error);
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      broken ??= error as Error;
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.off('error', onError);
      // After any error the connection may be dead or mid-protocol: drop it, the pool opens another.
      client.release(broken);
    }
  };
  await transaction((client) => client.query(SCHEMA)); // the lock keeps concurrent CREATEs apart

  const commits = groupCommit((items: Array<{ receipt: Receipt; body: string }>) =>
    transaction(async (client): Promise<InsertOutcome[]> => {
      // The chain's clock is the database's (one clock for every receiver, read under the
      // lock), never earlier than the previous row: `received` only goes forward along the chain.
      const head = (
        await client.query<{ now: string; seq: string | null; hash: string | null; received: string | null }>(
          `SELECT (EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::bigint AS now, last.seq, last.hash, last.received
         FROM (SELECT 1) one LEFT JOIN (SELECT seq, hash, received FROM receipts ORDER BY seq DESC LIMIT 1) last ON true`,
        )
      ).rows[0]!;
      let seq = head.seq == null ? 0 : Number(head.seq);
      let prev = head.hash ?? GENESIS;
      const received = Math.max(Number(head.now), Number(head.received ?? 0));
      // Known keys, read under the lock only to answer 200 or 409; the unique key still
      // enforces: a row that slipped past this would make the INSERT below fail the batch.
      const known = new Map<string, string>();
      const existing = await client.query<{ id: string; ts: string; body: string }>(
        'SELECT id, ts, body FROM receipts WHERE (id, ts) IN (SELECT * FROM unnest($1::text[], $2::bigint[]))',
        [items.map((i) => i.receipt.id), items.map((i) => i.receipt.ts)],
      );
      for (const r of existing.rows) known.set(`${r.id} ${r.ts}`, r.body);
      const rows: Array<[number, number, string, number, number, string, string, string]> = [];
      const outcomes = items.map(({ receipt, body }): InsertOutcome => {
        const key = `${receipt.id} ${receipt.ts}`;
        const had = known.get(key);
        if (had != null) return had === body ? 'duplicate' : 'conflict';
        const link = { seq: seq + 1, received, exp: receipt.exp, bodyHash: sha256(body) };
        const hash = chainHash(prev, link);
        rows.push([link.seq, received, receipt.id, receipt.ts, receipt.exp, body, link.bodyHash, hash]);
        known.set(key, body);
        seq = link.seq;
        prev = hash;
        return 'stored';
      });
      if (rows.length) {
        const column = (i: number) => rows.map((r) => r[i]);
        await client.query(
          `INSERT INTO receipts (seq, received, id, ts, exp, body, body_hash, hash)
           SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::bigint[], $5::bigint[], $6::text[], $7::text[], $8::text[])`,
          [0, 1, 2, 3, 4, 5, 6, 7].map(column),
        );
      }
      return outcomes;
    }),
  );

  const query = async (text: string, values: unknown[]): Promise<RawRow[]> =>
    (await pool.query<RawRow>(text, values)).rows;
  return {
    kind: 'postgres',
    insert: (receipt, body) => commits.add({ receipt, body }),
    chainOf: async (id) => stored(await query(`SELECT ${COLUMNS} FROM receipts WHERE id = $1 ORDER BY ts, seq`, [id])),
    page: async (from, to, after, limit) =>
      stored(
        await query(
          `SELECT ${COLUMNS} FROM receipts WHERE received >= $1 AND received < $2 AND seq > $3 AND body IS NOT NULL ORDER BY seq LIMIT $4`,
          [from, to, after, limit],
        ),
      ),
    chainRows: async (after, limit) =>
      (await query(`SELECT ${COLUMNS} FROM receipts WHERE seq > $1 ORDER BY seq LIMIT $2`, [after, limit])).map(toRow),
    putConfig: async (hash, body) => {
      const inserted = await pool.query(
        'INSERT INTO configs (hash, body, received) VALUES ($1, $2, $3) ON CONFLICT (hash) DO NOTHING',
        [hash, body, Date.now()],
      );
      if (inserted.rowCount) return 'stored';
      const had = await pool.query<{ body: string }>('SELECT body FROM configs WHERE hash = $1', [hash]);
      return had.rows[0]?.body === body ? 'duplicate' : 'conflict';
    },
    getConfig: async (hash) => {
      const r = (
        await pool.query<{ hash: string; body: string; received: string }>(
          'SELECT hash, body, received FROM configs WHERE hash = $1',
          [hash],
        )
      ).rows[0];
      return r ? ({ hash: r.hash, body: r.body, received: Number(r.received) } satisfies StoredConfig) : null;
    },
    purge: async (before, now) =>
      (
        await transaction((client) =>
          client.query(
            'UPDATE receipts SET body = NULL, id = NULL, ts = NULL, purged = $1 WHERE received < $2 AND exp <= $1 AND body IS NOT NULL',
            [now, before],
          ),
        )
      ).rowCount ?? 0,
    // Can this receiver write now: a connection, and the chain lock within LOCK_TIMEOUT.
    ping: async () => void (await transaction(async () => {})),
    close: async () => {
      await commits.drain();
      if (!pool.ended) await pool.end();
    },
  };
};
