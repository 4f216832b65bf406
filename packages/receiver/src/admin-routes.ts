// The admin API (Authorization: Bearer <admin token>): the chain of decisions for one consent
// id, streamed export, the copies of what was shown, purge and verify.
import { CONFIG_HASH_PATTERN, ID_PATTERN, fnv1a } from 'consentry/shared';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { adminCheck, failureThrottle } from './admin.js';
import { sha256 } from './chain.js';
import { within } from './deadline.js';
import { csvHeader, csvLine, ndjsonLine } from './export-format.js';
import { clientAddress } from './rate-limit.js';
import type { ReceiverEnv } from './receipt-routes.js';
import { CONFIG_HASH_EXPECTED, describeIssue } from './schema.js';
import type { Store } from './store.js';
import { TIME_EXPECTED, parseTime } from './time.js';
import { verifyChain } from './verify.js';

/** Largest accepted config copy: a resolved config with every locale's texts. */
const MAX_CONFIG_BYTES = 512 * 1024;
/** A purge body is `{"before": …}`: a few dozen bytes. */
const MAX_PURGE_BYTES = 1024;
const EXPORT_PAGE = 1000;
/** Wrong admin tokens allowed per client address per minute before 429. */
const ADMIN_FAILURES_PER_MINUTE = 30;

/**
 * What `PUT /v1/configs/:hash` takes: the consentry version and the resolved config exactly as
 * the page had them (`consentry.version`, `consentry.config`), plus any texts to keep beside.
 * The receipt's hash is over `v + JSON.stringify(config)` (src/integrations/receipt.ts), so the
 * receiver can check that this copy is the one the visitor saw.
 */
const configSchema = z.strictObject({
  v: z.string().min(1).max(20),
  config: z.record(z.string(), z.unknown()),
  texts: z.unknown().optional(),
});

const hashOf = (algorithm: string, text: string): string =>
  algorithm == 'sha256' ? `sha256:${sha256(text)}` : fnv1a(text);

/** The admin routes over `store`, guarded by `adminToken`. */
export const adminRoutes = (
  store: Store,
  adminToken: string | undefined,
  retentionCutoff: () => number | undefined,
  trustProxy: string[],
  pageTimeout: number,
) => {
  const isAdmin = adminCheck(adminToken);
  const throttle = failureThrottle(ADMIN_FAILURES_PER_MINUTE);
  const proxies = new Set(trustProxy);
  const app = new Hono<ReceiverEnv>();
  app.use('/v1/*', async (c, next) => {
    if (c.req.method == 'POST' && c.req.path == '/v1/receipts') return next(); // the browsers' route
    if (c.req.method == 'OPTIONS') return next();
    // Guessing is throttled per address: past the limit even the right token waits for the window.
    const address = clientAddress(
      c.env?.incoming?.socket.remoteAddress ?? 'unknown',
      c.req.header('x-forwarded-for'),
      proxies,
    );
    const blocked = throttle.blocked(address);
    if (blocked) {
      c.header('Retry-After', String(blocked));
      return c.json({ error: `too many wrong admin tokens from this address; retry after ${blocked} s` }, 429);
    }
    if (isAdmin(c.req.header('authorization'))) return next();
    throttle.fail(address);
    c.header('WWW-Authenticate', 'Bearer');
    return c.json(
      {
        error: adminToken
          ? 'header "authorization": expected "Bearer <admin token>"'
          : 'admin API disabled: start the receiver with --admin-token',
      },
      401,
    );
  });

  app.get('/v1/receipts/:id', async (c) => {
    const id = c.req.param('id');
    if (!ID_PATTERN.test(id)) return c.json({ error: 'path "id": expected 8-64 letters, digits, "-" or "_"' }, 400);
    const receipts = await store.chainOf(id);
    return receipts.length ? c.json({ id, receipts }) : c.json({ error: `no receipts for id ${id.slice(0, 64)}` }, 404);
  });

  app.get('/v1/export', async (c) => {
    // Every bound is checked before the 200: a bad one can never cut a started export short.
    const from = parseTime(c.req.query('from'));
    const to = parseTime(c.req.query('to'));
    const format = c.req.query('format') ?? 'ndjson';
    if (from === null) return c.json({ error: `query "from": ${TIME_EXPECTED}` }, 400);
    if (to === null) return c.json({ error: `query "to": ${TIME_EXPECTED}` }, 400);
    if (format != 'ndjson' && format != 'csv')
      return c.json({ error: 'query "format": expected "ndjson" or "csv"' }, 400);
    const line = format == 'csv' ? csvLine : ndjsonLine;
    let after = 0;
    let started = false;
    const encoder = new TextEncoder();
    // Streamed page by page (keyset on seq): memory stays flat however large the log.
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        let text = !started && format == 'csv' ? csvHeader() : '';
        started = true;
        // A page that does not come within the deadline aborts the transfer: the client sees
        // an error, never a short export that looks complete.
        const rows = await within(
          store.page(from ?? 0, to ?? Number.MAX_SAFE_INTEGER, after, EXPORT_PAGE),
          pageTimeout,
          'an export page',
        );
        for (const r of rows) text += line(r);
        if (text) controller.enqueue(encoder.encode(text));
        if (rows.length < EXPORT_PAGE) controller.close();
        else after = rows[rows.length - 1]!.seq;
      },
    });
    c.header('Content-Type', format == 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson');
    c.header('Content-Disposition', `attachment; filename="consent-receipts.${format}"`);
    return c.body(body);
  });

  app.put(
    '/v1/configs/:hash',
    bodyLimit({
      maxSize: MAX_CONFIG_BYTES,
      onError: (c) => c.json({ error: `body: at most ${MAX_CONFIG_BYTES} bytes` }, 413),
    }),
    async (c) => {
      const hash = c.req.param('hash');
      const algorithm = CONFIG_HASH_PATTERN.exec(hash);
      if (!algorithm) return c.json({ error: `path "hash": ${CONFIG_HASH_EXPECTED}` }, 400);
      const text = await c.req.text();
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch {
        return c.json({ error: 'field "body": not JSON' }, 400);
      }
      const parsed = configSchema.safeParse(data);
      if (!parsed.success) return c.json({ error: describeIssue(parsed.error) }, 400);
      const computed = hashOf(algorithm[1] ?? algorithm[2]!, parsed.data.v + JSON.stringify(parsed.data.config));
      if (computed != hash) return c.json({ error: `field "config": hashes to ${computed}, not ${hash}` }, 400);
      const outcome = await store.putConfig(hash, text);
      if (outcome == 'conflict')
        return c.json({ error: `path "hash": ${hash} is already stored with different texts` }, 409);
      return c.json({ ok: true, outcome }, outcome == 'stored' ? 201 : 200);
    },
  );

  app.get('/v1/configs/:hash', async (c) => {
    if (!CONFIG_HASH_PATTERN.test(c.req.param('hash')))
      return c.json({ error: `path "hash": ${CONFIG_HASH_EXPECTED}` }, 400);
    const found = await store.getConfig(c.req.param('hash'));
    if (!found) return c.json({ error: `no config stored for ${c.req.param('hash').slice(0, 80)}` }, 404);
    c.header('Content-Type', 'application/json');
    return c.body(found.body);
  });

  app.post(
    '/v1/purge',
    bodyLimit({
      maxSize: MAX_PURGE_BYTES,
      onError: (c) => c.json({ error: `body: at most ${MAX_PURGE_BYTES} bytes` }, 413),
    }),
    async (c) => {
      const text = await c.req.text();
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : {};
      } catch {
        return c.json({ error: 'field "body": not JSON' }, 400);
      }
      if (body == null || typeof body != 'object' || Array.isArray(body))
        return c.json({ error: 'field "body": expected {"before": …}' }, 400);
      let before = parseTime((body as { before?: unknown }).before);
      if (before === null) return c.json({ error: `field "before": ${TIME_EXPECTED}` }, 400);
      before ??= retentionCutoff();
      if (before == null) return c.json({ error: 'field "before": required when no --retention-months is set' }, 400);
      // Never before a record's exp: the purge keeps every receipt that may still be in use.
      const purged = await store.purge(before, Date.now());
      return c.json({ ok: true, purged, before: new Date(before).toISOString() });
    },
  );

  app.get('/v1/verify', async (c) => c.json(await verifyChain(store)));
  return app;
};
