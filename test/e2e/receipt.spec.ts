import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
// @ts-expect-error -- plain ESM demo module without types
import { createReceiptReceiver } from '../../demo/receipt-receiver.mjs';
import { expect, html, ready, test } from './fixtures.js';

type Handler = (req: unknown, res: unknown) => void;

/** The reference receiver on its own port (a different origin than the site: CORS is real). */
const startReceiver = async (file: string, origin: string, port = 0) => {
  const handle: Handler = createReceiptReceiver({ file, origins: [origin] });
  const server: Server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, port: (server.address() as { port: number }).port };
};
const stop = (server: Server) => new Promise((resolve) => server.close(resolve));

/** Receipts stored in the NDJSON file so far. */
const stored = (file: string): Array<Record<string, unknown>> => {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
  } catch {
    return [];
  }
};

const queued = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('consentry:receipts') || '[]').length);

test.describe('proof of consent (receipts)', () => {
  let file: string;
  test.beforeEach(() => {
    file = join(mkdtempSync(join(tmpdir(), 'consentry-receipts-')), 'receipts.ndjson');
  });

  test('accept, reject and custom each arrive as a receipt, without IP or query string', async ({ page, servers }) => {
    const { server, port } = await startReceiver(file, servers.site);
    const endpoint = `http://receipts.example.test:${port}/consent-receipts`;
    servers.page('/shop', html({ config: { receipt: { endpoint, headers: { 'x-site': 'shop' } } } }));
    await page.goto(`${servers.site}/shop?email=someone@example.test#cart`);
    await ready(page);
    await page.evaluate(() => window.consentry!.acceptAll());
    await expect.poll(() => stored(file).length).toBe(1);
    // A withdrawal reloads the page at once; the receipt still arrives.
    await page.evaluate(() => window.consentry!.rejectAll());
    await expect.poll(() => stored(file).length).toBe(2);
    await ready(page);
    await page.evaluate(() => window.consentry!.set({ analytics: true }));
    await expect.poll(() => stored(file).length).toBe(3);
    await expect.poll(() => queued(page)).toBe(0);

    const [accept, reject, custom] = stored(file);
    const id = await page.evaluate(() => window.consentry!.get()!.id);
    expect(accept).toMatchObject({
      v: '0.1.0', id, rev: 1, method: 'accept-all', gpc: false,
      choices: { identity: true, analytics: true, advertising: true, third_party: true },
      url: `${servers.site}/shop`,
    });
    expect(reject).toMatchObject({ id, method: 'reject-all', choices: { identity: false, analytics: false, advertising: false, third_party: false } });
    expect(custom).toMatchObject({ id, method: 'custom', choices: { identity: false, analytics: true, advertising: false, third_party: false } });
    // Plain http is not a secure context, so no crypto.subtle: the FNV-1a fallback, same config → same hash.
    expect(accept.hash).toMatch(/^fnv1a:[0-9a-f]{8}$/);
    expect(new Set([accept.hash, reject.hash, custom.hash]).size).toBe(1);
    expect(Object.keys(accept).sort()).toEqual(['choices', 'exp', 'gpc', 'hash', 'id', 'method', 'received', 'rev', 'ts', 'url', 'v']);
    await stop(server);
  });

  test('with the receiver down the receipt waits in localStorage and arrives on the next page load', async ({ page, servers }) => {
    let { server, port } = await startReceiver(file, servers.site);
    await stop(server); // down, port known
    servers.page('/', html({ config: { receipt: { endpoint: `http://receipts.example.test:${port}/consent-receipts` } } }));
    await page.goto(`${servers.site}/`);
    await ready(page);
    await page.evaluate(() => window.consentry!.set({ analytics: true }));
    await page.waitForFunction(() => JSON.parse(localStorage.getItem('consentry:receipts') || '[]')[0]?.n === 1);
    expect(stored(file)).toEqual([]);

    ({ server } = await startReceiver(file, servers.site, port)); // back up
    await page.reload();
    await expect.poll(() => stored(file).map((r) => r.method)).toEqual(['custom']);
    await expect.poll(() => queued(page)).toBe(0);
    await page.reload(); // nothing is sent twice once delivered
    await ready(page);
    expect(stored(file)).toHaveLength(1);
    await stop(server);
  });

  test('localStorage that throws breaks nothing: the choice holds and the receipt is still sent', async ({ page, servers }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', { get: () => { throw new DOMException('denied', 'SecurityError'); } });
    });
    const { server, port } = await startReceiver(file, servers.site);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    servers.page('/', html({
      config: { receipt: { endpoint: `http://receipts.example.test:${port}/consent-receipts` } },
      head: `<script type="text/plain" data-consent="analytics" src="${servers.tracker}/a.js"></script>`,
    }));
    await page.goto(`${servers.site}/`);
    await ready(page);
    await page.evaluate(() => window.consentry!.acceptAll());
    await page.waitForFunction(() => window.__ran?.includes('a'));
    await expect.poll(() => stored(file).length).toBe(1);
    expect(errors).toEqual([]);
    await stop(server);
  });

  test('the receiver rejects malformed and oversized receipts and disallowed origins get no CORS grant', async ({ servers }) => {
    const { server, port } = await startReceiver(file, servers.site);
    const url = `http://127.0.0.1:${port}/consent-receipts`;
    const post = (body: string, origin = servers.site) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body });
    const good = { v: '0.1.0', id: 'abcdef12-0000-4000', rev: 1, ts: 1, exp: 2, choices: { analytics: true }, method: 'custom', url: 'http://a.test/', hash: 'fnv1a:0011aabb', gpc: false };
    expect((await post('{nope')).status).toBe(400);
    expect((await post(JSON.stringify({ ...good, ip: '1.2.3.4' }))).status).toBe(400);
    expect((await post(JSON.stringify({ ...good, method: 'whatever' }))).status).toBe(400);
    expect((await post(JSON.stringify({ ...good, choices: { analytics: 'yes' } }))).status).toBe(400);
    expect((await post(JSON.stringify({ ...good, url: 'x'.repeat(9000) }))).status).toBe(413);
    const ok = await post(JSON.stringify(good));
    expect([ok.status, ok.headers.get('access-control-allow-origin')]).toEqual([201, servers.site]);
    expect((await post(JSON.stringify(good))).status).toBe(200); // duplicate: stored once
    expect((await post(JSON.stringify({ ...good, ts: 3, exp: 4 }), 'http://evil.test')).headers.get('access-control-allow-origin')).toBeNull();
    await stop(server);
    // A restart keeps what was stored and still knows the duplicates.
    const again = await startReceiver(file, servers.site);
    const dup = await fetch(`http://127.0.0.1:${again.port}/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(good) });
    expect(dup.status).toBe(200);
    expect(stored(file).map((r) => r.ts)).toEqual([1, 3]);
    await stop(again.server);
  });
});
