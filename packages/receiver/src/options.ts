// The receiver's options, shared by createReceiver() and the CLI flags.
import type { Store } from './store.js';

/** Options of {@link createReceiver}; every one has a safe default. */
export interface ReceiverOptions {
  /** SQLite file (created with its folder); default `consentry-receipts.db`. Ignored with `databaseUrl`. */
  db?: string;
  /** PostgreSQL connection string (`postgres://…`); when given, PostgreSQL is used instead of SQLite. */
  databaseUrl?: string;
  /** A store you opened yourself (tests, other databases); overrides `db` and `databaseUrl`. */
  store?: Store;
  /** Token for the admin API (`Authorization: Bearer …`), at least 16 characters; without one the admin API answers 401. */
  adminToken?: string;
  /** Site origins whose browsers may POST receipts (`https://shop.example`), or `*`. Requests without `Origin` (servers) always pass. */
  allowOrigins?: string[];
  /** Months to keep a receipt after it arrived (never purged before its `exp`); 0 keeps everything. Default 36. */
  retentionMonths?: number;
  /** Receipts per minute per client address; 0 turns it off. Default 120. */
  rateLimit?: number;
  /** Receipts per minute from all addresses together; 0 turns it off. Default 600000 (10,000/s). */
  globalRateLimit?: number;
  /** Addresses of reverse proxies whose `X-Forwarded-For` names the client; default none (the socket's peer is the client). */
  trustProxy?: string[];
  /** Longest time a request waits for the database before 503 + Retry-After; default 10000 ms. */
  requestTimeoutMs?: number;
  /** A MaxMind `.mmdb` file (GeoIP2 or GeoLite2, City or Country) for `GET /v1/region` where no trusted edge header names the region. */
  geoipDb?: string;
  /** Where operational errors are logged; default console.error. Receipts and addresses are never logged. */
  log?: (message: string) => void;
}

/** The defaults, spelled out once. */
export const DEFAULTS = {
  db: 'consentry-receipts.db',
  retentionMonths: 36,
  rateLimit: 120,
  globalRateLimit: 600_000,
  port: 8787,
  host: '127.0.0.1',
  requestTimeoutMs: 10_000,
  /** /readyz answers 503 when a write probe takes longer than this. */
  readyTimeoutMs: 2000,
} as const;
