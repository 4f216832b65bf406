// The one interface every database implements (sqlite-store.ts, pg-store.ts). Routes talk to
// this only, so the same test suite runs against each store.
import type { Receipt } from './schema.js';

/** What storing a receipt did: a new row, an exact duplicate (same id + ts + body), or a clash. */
export type InsertOutcome = 'stored' | 'duplicate' | 'conflict';

/** A row as the chain and the verifier see it; `body` is null once purged. */
export interface ChainRow {
  seq: number;
  received: number;
  id: string | null;
  ts: number | null;
  exp: number;
  body: string | null;
  bodyHash: string;
  hash: string;
  purged: number | null;
}

/** A stored receipt as lookup and export return it. */
export interface StoredReceipt extends Receipt {
  /** Position in the chain. */
  seq: number;
  /** When the receiver committed it (ms since epoch, the receiver's clock). */
  received: number;
  /** The row's chain hash. */
  chain: string;
}

/** A stored copy of what was shown: the config (and texts) a receipt's `hash` refers to. */
export interface StoredConfig {
  hash: string;
  body: string;
  received: number;
}

/** One database behind the receiver. */
export interface Store {
  /** `sqlite` or `postgres`, for logs and /readyz. */
  readonly kind: 'sqlite' | 'postgres';
  /** Store one receipt; resolves only after the commit is durable (group commit). */
  insert(receipt: Receipt, body: string): Promise<InsertOutcome>;
  /** Every stored receipt of one consent id, oldest decision first. */
  chainOf(id: string): Promise<StoredReceipt[]>;
  /** Up to `limit` unpurged receipts received in [from, to) with seq > `after`, in chain order. */
  page(from: number, to: number, after: number, limit: number): Promise<StoredReceipt[]>;
  /** Up to `limit` raw rows with seq > `after`, purged ones included, for verification. */
  chainRows(after: number, limit: number): Promise<ChainRow[]>;
  /** Store a copy of what was shown; a different body under the same hash is a conflict. */
  putConfig(hash: string, body: string): Promise<InsertOutcome>;
  getConfig(hash: string): Promise<StoredConfig | null>;
  /** Drop the bodies of receipts received before `before` whose `exp` has passed at `now`; returns how many. */
  purge(before: number, now: number): Promise<number>;
  /** Throws when the database cannot be reached. */
  ping(): Promise<void>;
  /** Finish pending commits and close. */
  close(): Promise<void>;
}

/** A stored row as lookup and export return it (null for a purged row). */
export const toStored = (row: ChainRow): StoredReceipt | null =>
  row.body == null
    ? null
    : { ...(JSON.parse(row.body) as Receipt), seq: row.seq, received: row.received, chain: row.hash };
