// `consentry receiver [options]` runs the consent log; `consentry receiver verify` checks the
// chain of a database without starting a server. Environment: DATABASE_URL (PostgreSQL),
// CONSENTRY_ADMIN_TOKEN, CONSENTRY_DB, PORT.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { MIN_ADMIN_TOKEN } from './admin.js';
import { createReceiver, openStore, verifyChain } from './index.js';
import { DEFAULTS } from './options.js';

const USAGE = `usage: consentry receiver [--port ${DEFAULTS.port}] [--host ${DEFAULTS.host}] [--db FILE] [--admin-token T]
                          [--allow-origin ORIGIN]… [--retention-months N] [--rate-limit N]
                          [--global-rate-limit N] [--trust-proxy ADDRESS]… [--request-timeout MS]
                          [--geoip-db FILE.mmdb]
       consentry receiver verify --db FILE     (or DATABASE_URL for PostgreSQL)

  --db FILE              SQLite file (default ${DEFAULTS.db}); PostgreSQL instead when DATABASE_URL is set
  --admin-token T        token for the admin API, ≥ ${MIN_ADMIN_TOKEN} characters (or CONSENTRY_ADMIN_TOKEN); without it the admin API is off
  --allow-origin ORIGIN  a site origin whose browsers may POST receipts (repeat; "*" for any)
  --retention-months N   keep receipts N months after arrival, never past their exp (default ${DEFAULTS.retentionMonths}; 0 keeps all)
  --rate-limit N         receipts per minute per client address (default ${DEFAULTS.rateLimit}; 0 off)
  --global-rate-limit N  receipts per minute in total (default ${DEFAULTS.globalRateLimit}; 0 off)
  --trust-proxy ADDRESS  a reverse proxy whose X-Forwarded-For names the client (repeat);
                         GET /v1/region reads edge headers (CF-IPCountry, …) only from these
  --geoip-db FILE.mmdb   a MaxMind database for GET /v1/region where no trusted edge header names the region
  --request-timeout MS   answer 503 + Retry-After when the database takes longer (default ${DEFAULTS.requestTimeoutMs})
SIGTERM or SIGINT: stop accepting, answer the requests already in, close the database, exit 0.
verify exits 0 when the chain is intact, 1 at the first edited, deleted or reordered row.`;

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  db: { type: 'string' },
  'admin-token': { type: 'string' },
  'allow-origin': { type: 'string', multiple: true },
  'retention-months': { type: 'string' },
  'rate-limit': { type: 'string' },
  'global-rate-limit': { type: 'string' },
  'trust-proxy': { type: 'string', multiple: true },
  'request-timeout': { type: 'string' },
  'geoip-db': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** A non-negative integer flag, or an error naming it. */
const count = (flag: string, value: string | undefined, fallback: number): number => {
  if (value == null) return fallback;
  if (!/^\d+$/.test(value)) throw new Error(`--${flag} "${value}": expected a whole number ≥ 0`);
  return Number(value);
};

const verify = async (db: string | undefined): Promise<number> => {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  // Verifying a file that is not there would create an empty log and call it intact.
  if (!databaseUrl && db == null) {
    console.error('consentry receiver: verify needs --db FILE (or CONSENTRY_DB, or DATABASE_URL for PostgreSQL)');
    return 2;
  }
  if (!databaseUrl && !existsSync(db!)) {
    console.error(`consentry receiver: --db ${JSON.stringify(db)}: no such file`);
    return 2;
  }
  const store = await openStore({ db, databaseUrl });
  try {
    const report = await verifyChain(store);
    console.log(JSON.stringify(report, null, 2));
    if (report.firstBad)
      console.error(`consentry receiver verify: row ${report.firstBad.seq}: ${report.firstBad.problem}`);
    return report.ok ? 0 : 1;
  } finally {
    await store.close();
  }
};

/** `consentry receiver …`: returns the exit code (0 ok, 1 verify found tampering, 2 bad usage or failure). */
export const main = async (argv: string[]): Promise<number> => {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
  } catch (error) {
    console.error(`consentry receiver: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const db = values.db ?? (process.env.CONSENTRY_DB || undefined);
  if (positionals[0] == 'verify') return verify(db);
  if (positionals.length) {
    console.error(`consentry receiver: unknown command "${positionals[0]}"\n${USAGE}`);
    return 2;
  }
  let port: number, retentionMonths: number, rateLimit: number, globalRateLimit: number, requestTimeoutMs: number;
  try {
    requestTimeoutMs = count('request-timeout', values['request-timeout'], DEFAULTS.requestTimeoutMs);
    if (requestTimeoutMs < 100) throw new Error(`--request-timeout "${requestTimeoutMs}": expected at least 100 (ms)`);
    port = count('port', values.port ?? process.env.PORT, DEFAULTS.port);
    retentionMonths = count('retention-months', values['retention-months'], DEFAULTS.retentionMonths);
    rateLimit = count('rate-limit', values['rate-limit'], DEFAULTS.rateLimit);
    globalRateLimit = count('global-rate-limit', values['global-rate-limit'], DEFAULTS.globalRateLimit);
  } catch (error) {
    console.error(`consentry receiver: ${(error as Error).message}`);
    return 2;
  }
  const allowOrigins = values['allow-origin'] ?? [];
  const databaseUrl = process.env.DATABASE_URL;
  const adminToken = values['admin-token'] ?? (process.env.CONSENTRY_ADMIN_TOKEN || undefined);
  if (adminToken != null && adminToken.length < MIN_ADMIN_TOKEN) {
    const option = values['admin-token'] != null ? '--admin-token' : 'CONSENTRY_ADMIN_TOKEN';
    console.error(
      `consentry receiver: ${option}: at least ${MIN_ADMIN_TOKEN} characters (got ${adminToken.length}); e.g. openssl rand -hex 24`,
    );
    return 2;
  }
  const receiver = await createReceiver({
    db,
    databaseUrl,
    adminToken,
    allowOrigins,
    retentionMonths,
    rateLimit,
    globalRateLimit,
    trustProxy: values['trust-proxy'],
    requestTimeoutMs,
    geoipDb: values['geoip-db'],
  });
  const { url } = await receiver.listen(port, values.host ?? DEFAULTS.host);
  const where = databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `SQLite ${db ?? DEFAULTS.db}`;
  console.log(`consentry receiver: listening on ${url} (${where})`);
  if (!allowOrigins.length)
    console.log("consentry receiver: no --allow-origin: browsers' receipts get 403 (servers without Origin pass)");
  if (!adminToken)
    console.log('consentry receiver: no --admin-token: the admin API (lookup, export, verify, purge) is off');
  // SIGTERM (systemd stop) and Ctrl+C: finish the commits in flight, then exit.
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  await receiver.close();
  return 0;
};
