// The SDK's receipt queue against the real receiver (consentry receiver, SQLite): a permanent
// refusal (400, 403, 413) drops the receipt at once; a 429 or a 5xx keeps it queued and it is
// delivered, once, on a later page load. And the "copy of what was shown" is accepted only
// when it hashes to what the page's receipt says.
import { ADMIN, dbFile, queue, startReceiver } from './receipt-helpers.js';
import { expect, html, ready, test } from './fixtures.js';

test.describe('receipts against the real receiver', () => {
  test('403: a site origin the receiver does not allow: the receipt is dropped, nothing stored', async ({
    page,
    servers,
  }) => {
    const receiver = await startReceiver(dbFile(), 'https://another-site.example');
    const warnings: string[] = [];
    page.on('console', (m) => m.type() == 'warning' && warnings.push(m.text()));
    servers.page('/', html({ config: { receipt: { endpoint: receiver.endpoint } } }));
    await page.goto(`${servers.site}/`);
    await ready(page);
    await page.evaluate(() => window.consentry!.acceptAll());
    await expect.poll(() => warnings.join('\n')).toContain('consentry: receipt refused: 403');
    await expect.poll(async () => (await queue(page)).length).toBe(0);
    await page.reload(); // not retried on the next page load either
    await ready(page);
    expect(await receiver.stored()).toEqual([]);
    await receiver.close();
  });

  for (const [status, length] of [
    [400, 2100],
    [413, 8300],
  ] as const) {
    test(`${status}: a receipt the receiver refuses (page path of ${length} characters) is dropped, not retried`, async ({
      page,
      servers,
    }) => {
      const receiver = await startReceiver(dbFile(), servers.site);
      const warnings: string[] = [];
      page.on('console', (m) => m.type() == 'warning' && warnings.push(m.text()));
      const path = `/${'p'.repeat(length)}`;
      servers.page(path, html({ config: { receipt: { endpoint: receiver.endpoint } } }));
      await page.goto(`${servers.site}${path}`);
      await ready(page);
      await page.evaluate(() => window.consentry!.rejectAll());
      await expect.poll(() => warnings.join('\n')).toContain(`consentry: receipt refused: ${status}`);
      await expect.poll(async () => (await queue(page)).length).toBe(0);
      expect(await receiver.stored()).toEqual([]);
      await receiver.close();
    });
  }

  test('429: rate-limited receipts stay queued and arrive once on a later page load', async ({ page, servers }) => {
    const db = dbFile();
    let receiver = await startReceiver(db, servers.site, { rateLimit: 1 });
    servers.page('/', html({ config: { receipt: { endpoint: receiver.endpoint } } }));
    await page.goto(`${servers.site}/`);
    await ready(page);
    await page.evaluate(() => window.consentry!.set({ analytics: true }));
    await expect.poll(async () => (await receiver.stored()).length).toBe(1);
    await expect.poll(async () => (await queue(page)).length).toBe(0);
    await page.evaluate(() => window.consentry!.set({ analytics: true, identity: true })); // over the limit: 429
    await expect.poll(async () => (await queue(page))[0]?.n).toBe(1);
    expect(await receiver.stored()).toHaveLength(1);

    // A new minute (here: the receiver restarted without the tight limit) lets it through.
    const { port } = receiver;
    await receiver.close();
    receiver = await startReceiver(db, servers.site, { port });
    await page.reload();
    await expect
      .poll(async () => (await receiver.stored()).map((r) => r.choices))
      .toEqual([
        { identity: false, analytics: true, advertising: false, third_party: false },
        { identity: true, analytics: true, advertising: false, third_party: false },
      ]);
    await expect.poll(async () => (await queue(page)).length).toBe(0);
    await receiver.close();
  });

  test('503: with the database failing the receipt stays queued, and arrives once it is back', async ({
    page,
    servers,
  }) => {
    let broken = true;
    const receiver = await startReceiver(dbFile(), servers.site, {
      wrap: (store) => ({
        ...store,
        insert: (r: unknown, body: string) => (broken ? Promise.reject(new Error('disk full')) : store.insert(r, body)),
      }),
    });
    servers.page('/', html({ config: { receipt: { endpoint: receiver.endpoint } } }));
    await page.goto(`${servers.site}/`);
    await ready(page);
    const id = await page.evaluate(() => window.consentry!.acceptAll()!.id);
    await expect.poll(async () => (await queue(page))[0]?.n).toBe(1);
    broken = false;
    await page.reload();
    await expect.poll(async () => (await receiver.stored()).map((r) => r.id)).toEqual([id]);
    await expect.poll(async () => (await queue(page)).length).toBe(0);
    await receiver.close();
  });

  test("the copy of what was shown: the page's config hashes to its receipt's hash and is stored", async ({
    page,
    servers,
  }) => {
    const receiver = await startReceiver(dbFile(), servers.site);
    servers.page('/', html({ config: { revision: 2, receipt: { endpoint: receiver.endpoint } } }));
    await page.goto(`${servers.site}/`);
    await ready(page);
    await page.evaluate(() => window.consentry!.acceptAll());
    await expect.poll(async () => (await receiver.stored()).length).toBe(1);
    const [stored] = await receiver.stored();
    const shown = await page.evaluate(() => ({
      v: window.consentry!.version,
      config: JSON.parse(JSON.stringify(window.consentry!.config)),
    }));
    const base = `http://127.0.0.1:${receiver.port}`;
    const put = await fetch(`${base}/v1/configs/${stored.hash}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${ADMIN}` },
      body: JSON.stringify(shown),
    });
    expect(put.status).toBe(201);
    const tampered = { ...shown, config: { ...shown.config, revision: 1 } };
    const bad = await fetch(`${base}/v1/configs/${stored.hash}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${ADMIN}` },
      body: JSON.stringify(tampered),
    });
    expect(bad.status).toBe(400);
    const lookup = await (
      await fetch(`${base}/v1/receipts/${stored.id}`, { headers: { authorization: `Bearer ${ADMIN}` } })
    ).json();
    expect(lookup.receipts.map((r: { method: string }) => r.method)).toEqual(['accept-all']);
    await receiver.close();
  });
});
