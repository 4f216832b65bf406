import type { Page } from '@playwright/test';
import { dbFile, startReceiver } from './receipt-helpers.js';
import { expect, html, ready, test } from './fixtures.js';

const queued = (page: Page) =>
  page.evaluate(() => JSON.parse(localStorage.getItem('consentry:receipts') || '[]').length);

test.describe('proof of consent (receipts)', () => {
  // The real receiver (consentry receiver, SQLite) on its own port: a different origin than the site.
  let file: string;
  test.beforeEach(() => {
    file = dbFile();
  });

  test('accept, reject and custom each arrive as a receipt, without IP or query string', async ({ page, servers }) => {
    const receiver = await startReceiver(file, servers.site);
    const { endpoint } = receiver;
    const stored = receiver.stored;
    servers.page('/shop', html({ config: { receipt: { endpoint, headers: { 'x-site': 'shop' } } } }));
    await page.goto(`${servers.site}/shop?email=someone@example.test#cart`);
    await ready(page);
    await page.evaluate(() => window.consentry!.acceptAll());
    await expect.poll(async () => (await stored()).length).toBe(1);
    // A withdrawal reloads the page at once; the receipt still arrives.
    await page.evaluate(() => window.consentry!.rejectAll());
    await expect.poll(async () => (await stored()).length).toBe(2);
    await ready(page);
    await page.evaluate(() => window.consentry!.set({ analytics: true }));
    await expect.poll(async () => (await stored()).length).toBe(3);
    await expect.poll(() => queued(page)).toBe(0);

    const [accept, reject, custom] = await stored();
    const id = await page.evaluate(() => window.consentry!.get()!.id);
    expect(accept).toMatchObject({
      v: '0.1.0',
      id,
      rev: 1,
      method: 'accept-all',
      gpc: false,
      choices: { identity: true, analytics: true, advertising: true, third_party: true },
      url: `${servers.site}/shop`,
    });
    expect(reject).toMatchObject({
      id,
      method: 'reject-all',
      choices: { identity: false, analytics: false, advertising: false, third_party: false },
    });
    expect(custom).toMatchObject({
      id,
      method: 'custom',
      choices: { identity: false, analytics: true, advertising: false, third_party: false },
    });
    // Plain http is not a secure context, so no crypto.subtle: the FNV-1a fallback, same config → same hash.
    expect(accept.hash).toMatch(/^fnv1a:[0-9a-f]{8}$/);
    expect(new Set([accept.hash, reject.hash, custom.hash]).size).toBe(1);
    // What the SDK sent, plus what the receiver adds (arrival time, chain position and hash): no IP, no user agent.
    expect(Object.keys(accept).sort()).toEqual([
      'chain',
      'choices',
      'exp',
      'gpc',
      'hash',
      'id',
      'method',
      'received',
      'rev',
      'seq',
      'ts',
      'url',
      'v',
    ]);
    await receiver.close();
  });

  test('with the receiver down the receipt waits in localStorage and arrives on the next page load', async ({
    page,
    servers,
  }) => {
    let receiver = await startReceiver(file, servers.site);
    const { port, endpoint } = receiver;
    await receiver.close(); // down, port known
    servers.page('/', html({ config: { receipt: { endpoint } } }));
    await page.goto(`${servers.site}/`);
    await ready(page);
    await page.evaluate(() => window.consentry!.set({ analytics: true }));
    await page.waitForFunction(() => JSON.parse(localStorage.getItem('consentry:receipts') || '[]')[0]?.n === 1);

    receiver = await startReceiver(file, servers.site, { port }); // back up
    await page.reload();
    await expect.poll(async () => (await receiver.stored()).map((r) => r.method)).toEqual(['custom']);
    await expect.poll(() => queued(page)).toBe(0);
    await page.reload(); // nothing is sent twice once delivered
    await ready(page);
    expect(await receiver.stored()).toHaveLength(1);
    await receiver.close();
  });

  test('localStorage that throws breaks nothing: the choice holds and the receipt is still sent', async ({
    page,
    servers,
  }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get: () => {
          throw new DOMException('denied', 'SecurityError');
        },
      });
    });
    const receiver = await startReceiver(file, servers.site);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    servers.page(
      '/',
      html({
        config: { receipt: { endpoint: receiver.endpoint } },
        head: `<script type="text/plain" data-consent="analytics" src="${servers.tracker}/a.js"></script>`,
      }),
    );
    await page.goto(`${servers.site}/`);
    await ready(page);
    await page.evaluate(() => window.consentry!.acceptAll());
    await page.waitForFunction(() => window.__ran?.includes('a'));
    await expect.poll(async () => (await receiver.stored()).length).toBe(1);
    expect(errors).toEqual([]);
    await receiver.close();
  });
});
