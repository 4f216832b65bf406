// createReceiver(): the consent log as an app to mount or to listen on its own.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener, serve } from '@hono/node-server';
import { MONTH_MS } from 'consentry/shared';
import { Hono } from 'hono';
import { adminRoutes } from './admin-routes.js';
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
export const openStore = async (options: Pick<ReceiverOptions, 'db' | 'databaseUrl'>): Promise<Store> =>
  options.databaseUrl
    ? (await import('./pg-store.js')).openPgStore(options.databaseUrl)
    : (await import('./sqlite-store.js')).openSqliteStore(options.db ?? DEFAULTS.db);

/** Create the consent-receipt receiver (see docs/receiver/index.md). */
export const createReceiver = async (options: ReceiverOptions = {}): Promise<Receiver> => {
  const store = options.store ?? (await openStore(options));
  const log = options.log ?? ((message: string) => console.error(message));
  const retentionMonths = options.retentionMonths ?? DEFAULTS.retentionMonths;
  const retentionCutoff = () => (retentionMonths > 0 ? Date.now() - retentionMonths * MONTH_MS : undefined);

  const app = new Hono<ReceiverEnv>();
  app.route('/', receiptRoutes(store, {
    allowOrigins: options.allowOrigins ?? [],
    rateLimit: options.rateLimit ?? DEFAULTS.rateLimit,
    globalRateLimit: options.globalRateLimit ?? DEFAULTS.globalRateLimit,
    trustProxy: options.trustProxy ?? [],
    log,
  }));
  app.route('/', regionRoutes({ trustProxy: options.trustProxy ?? [], geo: options.geoipDb ? await openGeoDb(options.geoipDb) : undefined }));
  app.route('/', adminRoutes(store, options.adminToken, retentionCutoff));
  app.notFound((c) => c.json({ error: `no route ${c.req.method} ${c.req.path.slice(0, 100)}` }, 404));
  app.onError((error, c) => {
    log(`consentry receiver: ${c.req.method} ${c.req.path}: ${error.message}`);
    return c.json({ error: 'internal error' }, 500);
  });

  // Automatic retention: at start (done before createReceiver resolves), then hourly; never
  // before a record's exp (store.purge).
  const purge = async () => {
    const before = retentionCutoff();
    if (before != null) await store.purge(before, Date.now()).catch((error: Error) => log(`consentry receiver: retention purge failed: ${error.message}`));
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
        server = serve({ fetch: app.fetch, port, hostname: host }, (info: AddressInfo) => {
          const shown = info.family == 'IPv6' ? `[${info.address}]` : info.address;
          resolve({ url: `http://${shown}:${info.port}`, port: info.port });
        });
        server.once('error', reject);
      }),
    close: async () => {
      clearInterval(timer);
      if (server) {
        const s = server as import('node:http').Server;
        await new Promise<void>((resolve) => {
          s.close(() => resolve());
          s.closeAllConnections?.();
        });
      }
      await store.close();
    },
  };
};
