// POST /v1/receipts: what browsers call. Checks run cheapest first and nothing is stored
// unless all pass: origin (403), content type (415), rate limit (429), size (413), schema
// (400), then the durable commit (201) or the unique key's verdict (200 duplicate, 409).
import type { HttpBindings } from '@hono/node-server';
import { type Context, Hono } from 'hono';
import { within } from './deadline.js';
import type { ReceiverOptions } from './options.js';
import { clientAddress, rateLimiter } from './rate-limit.js';
import { readBody } from './read-body.js';
import { MAX_RECEIPT_BYTES, parseReceipt } from './schema.js';
import type { Store } from './store.js';

/** Hono environment: the Node request is there when served by @hono/node-server. */
export type ReceiverEnv = { Bindings: Partial<HttpBindings> };

const STATUS = { stored: 201, duplicate: 200, conflict: 409 } as const;

/** The receipt routes over `store`. */
export const receiptRoutes = (
  store: Store,
  options: Required<Pick<ReceiverOptions, 'allowOrigins' | 'rateLimit' | 'globalRateLimit' | 'trustProxy' | 'log'>> & {
    readyTimeout: number;
  },
) => {
  const anyOrigin = options.allowOrigins.includes('*');
  const origins = new Set(options.allowOrigins);
  const proxies = new Set(options.trustProxy);
  const take = rateLimiter(options.rateLimit, options.globalRateLimit);
  const app = new Hono<ReceiverEnv>();

  // Every Origin gets CORS headers, even a refused one: the browser may then read the 403
  // and the SDK drops the receipt instead of retrying it forever. The headers grant nothing:
  // a refused origin's receipt is never stored, and the body says only why.
  app.use('/v1/receipts', async (c, next) => {
    const origin = c.req.header('origin');
    await next();
    if (origin) {
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Vary', 'Origin');
      c.header('Access-Control-Expose-Headers', 'Retry-After');
    }
  });
  app.options('/v1/receipts', (c) => {
    // `receipt.headers` (an API key) are the site's own: allow what the preflight asks for.
    c.header('Access-Control-Allow-Methods', 'POST');
    c.header('Access-Control-Allow-Headers', c.req.header('access-control-request-headers') || 'content-type');
    c.header('Access-Control-Max-Age', '86400');
    return c.body(null, 204);
  });

  const refuse = (c: Context<ReceiverEnv>, status: 400 | 403 | 413 | 415 | 429, error: string) =>
    c.json({ error }, status);
  app.post(
    '/v1/receipts',
    async (c, next) => {
      const origin = c.req.header('origin');
      if (origin && !anyOrigin && !origins.has(origin))
        return refuse(c, 403, `origin ${origin.slice(0, 100)} is not allowed (--allow-origin)`);
      if (!/^application\/json\b/i.test(c.req.header('content-type') ?? ''))
        return refuse(c, 415, 'header "content-type": expected application/json');
      const peer = c.env?.incoming?.socket.remoteAddress ?? 'unknown';
      const decision = take(clientAddress(peer, c.req.header('x-forwarded-for'), proxies));
      if (!decision.ok) {
        c.header('Retry-After', String(decision.retryAfter));
        return refuse(c, 429, `too many receipts; retry after ${decision.retryAfter} s`);
      }
      return next();
    },
    async (c) => {
      const text = await readBody(c.req.raw, c.env?.incoming, MAX_RECEIPT_BYTES);
      if (text == null) return refuse(c, 413, `body: at most ${MAX_RECEIPT_BYTES} bytes`);
      const parsed = parseReceipt(text);
      if ('problem' in parsed) return refuse(c, 400, parsed.problem);
      try {
        const outcome = await store.insert(parsed.receipt, parsed.body);
        return c.json(
          outcome == 'conflict'
            ? {
                error: `field "id": ${parsed.receipt.id} at ts ${parsed.receipt.ts} is already stored with a different body`,
              }
            : { ok: true, outcome },
          STATUS[outcome],
        );
      } catch (error) {
        options.log(
          `consentry receiver: cannot store a receipt (${store.kind}): ${error instanceof Error ? error.message : error}`,
        );
        c.header('Retry-After', '1');
        return c.json({ error: 'not stored; retry later' }, 503);
      }
    },
  );

  app.get('/healthz', (c) => c.json({ ok: true }));
  // Ready means "can write now": a real write probe (SQLite: a durable commit; PostgreSQL: the
  // chain lock), bounded in time. Probes of concurrent health checks share one run.
  let probing: Promise<void> | null = null;
  const probe = () =>
    (probing ??= within(store.ping(), options.readyTimeout, 'the write probe').finally(() => (probing = null)));
  app.get('/readyz', async (c) => {
    try {
      await probe();
      return c.json({ ok: true, store: store.kind });
    } catch (error) {
      return c.json(
        { ok: false, store: store.kind, error: error instanceof Error ? error.message : String(error) },
        503,
      );
    }
  });
  return app;
};
