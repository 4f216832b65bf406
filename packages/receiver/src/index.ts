// createReceiver(): the consent log as an app to mount or to listen on its own.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener, serve } from '@hono/node-server';
import { MONTH_MS } from 'consentry/shared';
import { Hono } from 'hono';
import { adminRoutes } from './admin-routes.js';
import { MIN_ADMIN_TOKEN } from './admin.js';
import { oneLine } from './deadline.js';
import { DEFAULTS, type ReceiverOptions } from './options.js';
import { type ReceiverEnv, receiptRoutes } from './receipt-routes.js';
import { openGeoDb, regionRoutes } from './region.js';
import type { Store } from './store.js';

export type { ReceiverOptions } from './options.js';
export type { InsertOutcome, Store, StoredConfig, StoredReceipt } from './store.js';
export type { VerifyReport } from './verify.js';
export { verifyChain } from './verify.js';

/** A running receiver. */
export interface Receiver {
  /** The Hono app, to mount in another Hono app. */
  app: Hono<ReceiverEnv>;
  /** Fetch-style handler (Request → Response). */
  fetch: (request: Request) => Response | Promise<Response>;
  /** Node `http` request listener, to mount in an existing Node server. */
  listener: (req: IncomingMessage, res: ServerResponse) => void;
  store: Store;
  /** Listen on `port` (0: any free one); resolves with the URL. */
  listen(port?: number, host?: string): Promise<{ url: string; port: number }>;
  /** Stop listening, finish pending commits, close the database. */
  close(): Promise<void>;
}

const HOUR = 3600 * 1000;

/**
 * Open the store the options name: PostgreSQL with `databaseUrl`, else the SQLite file. Each
 * store is imported only here, so `--help` runs where the native SQLite module was not built
 * and a SQLite site needs no pg (an optional peer dependency).
 */
export const openStore = async (options: Pick<ReceiverOptions, 'db' | 'databaseUrl' | 'log'>): Promise<Store> =>
  options.databaseUrl
    ? (await import('./pg-store.js')).openPgStore(options.databaseUrl, options.log)
    : (await import('./sqlite-store.js')).openSqliteStore(options.db ?? DEFAULTS.db);

/** Create the consent-receipt receiver (see docs/receiver/index.md). */
export const createReceiver = async (options: ReceiverOptions = {}): Promise<Receiver> => {
  if (options.adminToken && options.adminToken.length < MIN_ADMIN_TOKEN)
    throw new Error(`option "adminToken": at least ${MIN_ADMIN_TOKEN} characters (got ${options.adminToken.length})`);
  const write = options.log ?? ((message: string) => console.error(message));
  // Paths, database errors and addresses can carry CR/LF/NUL: escaped, one call is one line.
  const log = (message: string) => write(oneLine(message));
  // Opened before the store, so a bad file fails the start without leaving the database open.
  const geo = options.geoipDb ? await openGeoDb(options.geoipDb) : undefined;
  const store = options.store ?? (await openStore({ ...options, log }));
  const requestTimeout = options.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs;
  const retentionMonths = options.retentionMonths ?? DEFAULTS.retentionMonths;
  const retentionCutoff = () => (retentionMonths > 0 ? Date.now() - retentionMonths * MONTH_MS : undefined);

  const app = new Hono<ReceiverEnv>();
  let closing = false;
  // Every request has a deadline: past it the client gets 503 + Retry-After and its socket
  // back, whatever the disk or the database is doing. A receipt still committing then is
  // stored; its retry is answered 200 (duplicate).
  app.use('*', async (c, next) => {
    if (closing) c.header('Connection', 'close'); // stopping: no new request on this connection
    // verify walks the whole log (as long as the log is long); /readyz has its own bound.
    if (c.req.path == '/v1/verify' || c.req.path == '/readyz') return next();
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<true>((resolve) => (timer = setTimeout(resolve, requestTimeout, true)));
    const late = await Promise.race([next().then(() => false), expired]);
    clearTimeout(timer);
    if (!late) return;
    log(
      `consentry receiver: ${c.req.method} ${JSON.stringify(c.req.path.slice(0, 200))}: no answer within ${requestTimeout} ms`,
    );
    c.header('Retry-After', '1');
    return c.json({ error: `not answered within ${requestTimeout} ms; retry later` }, 503);
  });
  app.route(
    '/',
    receiptRoutes(store, {
      allowOrigins: options.allowOrigins ?? [],
      rateLimit: options.rateLimit ?? DEFAULTS.rateLimit,
      globalRateLimit: options.globalRateLimit ?? DEFAULTS.globalRateLimit,
      trustProxy: options.trustProxy ?? [],
      log,
      readyTimeout: DEFAULTS.readyTimeoutMs,
    }),
  );
  app.route(
    '/',
    regionRoutes({
      trustProxy: options.trustProxy ?? [],
      geo,
    }),
  );
  app.route('/', adminRoutes(store, options.adminToken, retentionCutoff, options.trustProxy ?? [], requestTimeout));
  app.notFound((c) => c.json({ error: `no route ${c.req.method} ${c.req.path.slice(0, 100)}` }, 404));
  app.onError((error, c) => {
    log(`consentry receiver: ${c.req.method} ${JSON.stringify(c.req.path.slice(0, 200))}: ${error.message}`);
    return c.json({ error: 'internal error' }, 500);
  });

  // Automatic retention: at start (done before createReceiver resolves), then hourly; never
  // before a record's exp (store.purge).
  const purge = async () => {
    const before = retentionCutoff();
    if (before != null)
      await store
        .purge(before, Date.now())
        .catch((error: Error) => log(`consentry receiver: retention purge failed: ${error.message}`));
  };
  await purge();
  const timer = setInterval(() => void purge(), HOUR);
  timer.unref();

  const fetch = (request: Request) => app.fetch(request);
  let server: ReturnType<typeof serve> | undefined;
  return {
    app,
    fetch,
    listener: getRequestListener(app.fetch),
    store,
    listen: (port = DEFAULTS.port, host = DEFAULTS.host) =>
      new Promise((resolve, reject) => {
        server = serve(
          {
            fetch: app.fetch,
            port,
            hostname: host,
            serverOptions: { requestTimeout: requestTimeout * 3, headersTimeout: requestTimeout * 2 },
          },
          (info: AddressInfo) => {
            const shown = info.family == 'IPv6' ? `[${info.address}]` : info.address;
            resolve({ url: `http://${shown}:${info.port}`, port: info.port });
          },
        );
        server.once('error', reject);
      }),
    // Stop accepting, answer every request already in (each committed receipt gets its 201),
    // then close the database. Connections between requests are closed at once.
    close: async () => {
      clearInterval(timer);
      closing = true;
      if (server) {
        const s = server as import('node:http').Server;
        const closed = new Promise<void>((resolve) => s.close(() => resolve()));
        s.closeIdleConnections();
        const sweep = setInterval(() => s.closeIdleConnections(), 20);
        const force = setTimeout(() => s.closeAllConnections(), requestTimeout + 1000); // past every deadline
        await closed;
        clearInterval(sweep);
        clearTimeout(force);
      }
      await store.close();
    },
  };
};
