import { expect, hits, html, ready, test } from './fixtures.js';

/** A page with tagged scripts, a pixel and an embed, all pointing at the tracker origin. */
const taggedPage = (tracker: string, config: object = {}, extraBody = '') =>
  html({
    config,
    head: `
      <script type="text/plain" data-consent="analytics" src="${tracker}/a.js"></script>
      <script type="text/plain" data-consent="analytics">(window.__ran = window.__ran || []).push('inline');</script>
      <script type="text/plain" data-consent="analytics advertising" src="${tracker}/both.js"></script>
      <script type="text/plain" data-consent="advertising" src="${tracker}/b.js"></script>`,
    body: `<h1>shop</h1>
      <img data-consent="advertising" data-src="${tracker}/pixel.gif" alt="">
      <iframe data-consent="third_party" data-src="${tracker}/embed.html" title="video"></iframe>
      ${extraBody}`,
  });

const cookieValue = (record: object) => encodeURIComponent(JSON.stringify(record));

test.describe('tag gatekeeper', () => {
  test('before any choice nothing tagged runs and nothing reaches the tracker', async ({ page, servers }) => {
    servers.page('/', taggedPage(servers.tracker));
    await page.goto(`${servers.site}/`);
    await ready(page);
    await page.waitForLoadState('load');
    expect(await page.evaluate(() => window.__ran)).toBeUndefined();
    expect(await page.evaluate(() => window.consentry!.get())).toBeNull();
    expect(hits(servers)).toEqual([]);
    expect(await page.locator('img').getAttribute('src')).toBeNull();
  });

  test('accept all releases every tagged script in document order, plus pixel and embed', async ({ page, servers }) => {
    servers.page('/', taggedPage(servers.tracker));
    await page.goto(`${servers.site}/`);
    await ready(page);
    await page.evaluate(() => window.consentry!.acceptAll());
    await page.waitForFunction(() => window.__ran?.length === 4);
    expect(await page.evaluate(() => window.__ran)).toEqual(['a', 'inline', 'both', 'b']);
    await servers.waitForRequest((e) => e.path === '/pixel.gif');
    await servers.waitForRequest((e) => e.path === '/embed.html');
    await expect(page.frameLocator('iframe').locator('p')).toHaveText('embed embed');
  });

  test('granting one category releases only what needs nothing else', async ({ page, servers }) => {
    servers.page('/', taggedPage(servers.tracker));
    await page.goto(`${servers.site}/`);
    await ready(page);
    await page.evaluate(() => window.consentry!.set({ analytics: true }));
    await page.waitForFunction(() => window.__ran?.length === 2);
    await servers.waitForRequest((e) => e.path === '/a.js');
    // "both" needs analytics AND advertising; pixel needs advertising.
    await page.evaluate(() => window.consentry!.set({ analytics: true, advertising: true }));
    await page.waitForFunction(() => window.__ran?.length === 4);
    expect(await page.evaluate(() => window.__ran)).toEqual(['a', 'inline', 'both', 'b']);
    expect(hits(servers).filter((h) => h.endsWith('/embed.html'))).toEqual([]);
  });

  test('reject keeps everything blocked across reloads', async ({ page, servers }) => {
    servers.page('/', taggedPage(servers.tracker));
    await page.goto(`${servers.site}/`);
    await ready(page);
    await page.evaluate(() => window.consentry!.rejectAll());
    const cookie = (await page.context().cookies()).find((c) => c.name === 'consentry');
    expect(cookie?.sameSite).toBe('Lax');
    expect(JSON.parse(decodeURIComponent(cookie!.value))).toMatchObject({
      v: 2,
      rev: 1,
      m: 'reject-all',
      c: { analytics: 0, advertising: 0 },
    });
    await page.reload();
    await ready(page);
    await page.waitForLoadState('load');
    expect(await page.evaluate(() => window.consentry!.get()?.m)).toBe('reject-all');
    expect(await page.evaluate(() => window.__ran)).toBeUndefined();
    expect(hits(servers)).toEqual([]);
  });

  test('a stored grant releases on the next page load without any click', async ({ page, servers }) => {
    servers.page('/', taggedPage(servers.tracker));
    await page.goto(`${servers.site}/`);
    await ready(page);
    await page.evaluate(() => window.consentry!.acceptAll());
    await page.waitForFunction(() => window.__ran?.length === 4);
    await page.reload();
    await page.waitForFunction(() => window.__ran?.length === 4);
    expect(await page.evaluate(() => window.__ran)).toEqual(['a', 'inline', 'both', 'b']);
  });

  test('tampered, truncated and future-version cookies count as no consent', async ({ page, servers, context }) => {
    servers.page('/', taggedPage(servers.tracker));
    const now = Date.now();
    const valid = {
      v: 1,
      id: 'abcdef12-0000-4000-8000-000000000000',
      rev: 1,
      ts: now,
      exp: now + 1e9,
      c: { identity: 1, analytics: 1, advertising: 1, third_party: 1 },
      m: 'accept-all',
    };
    const text = JSON.stringify(valid);
    for (const value of [
      encodeURIComponent(text.slice(0, -3)),
      cookieValue({ ...valid, v: 3 }),
      cookieValue({ ...valid, c: { ...valid.c, analytics: true } }),
      cookieValue({ ...valid, exp: now - 1000 }),
      cookieValue({ ...valid, rev: 0 }),
      '%E0%A4%A', // malformed percent-encoding
    ]) {
      await context.clearCookies();
      await context.addCookies([{ name: 'consentry', value, url: servers.site }]);
      await page.goto(`${servers.site}/`);
      await ready(page);
      await page.waitForLoadState('load');
      expect(await page.evaluate(() => window.consentry!.get()), value).toBeNull();
      expect(await page.evaluate(() => window.consentry!.granted('analytics'))).toBe(false);
      expect(await page.evaluate(() => window.__ran)).toBeUndefined();
    }
    expect(hits(servers)).toEqual([]);
  });

  test('a revision bump and an expired record ask again, pre-filling the old choices', async ({
    page,
    servers,
    context,
  }) => {
    servers.page('/v1', taggedPage(servers.tracker, { revision: 1 }));
    servers.page('/v2', taggedPage(servers.tracker, { revision: 2 }));
    await page.goto(`${servers.site}/v1`);
    await ready(page);
    await page.evaluate(() => window.consentry!.set({ analytics: true }));
    await page.waitForFunction(() => window.__ran?.length === 2);
    servers.reset();
    servers.page('/v2', taggedPage(servers.tracker, { revision: 2 }));
    await page.goto(`${servers.site}/v2`);
    await ready(page);
    const state = await page.evaluate(() => window.consentry!.state());
    expect(state.record).toBeNull();
    expect(state.reason).toBe('revision');
    expect(state.prefill).toMatchObject({ analytics: true, advertising: false });
    expect(hits(servers)).toEqual([]);

    const now = Date.now();
    await context.clearCookies();
    await context.addCookies([
      {
        name: 'consentry',
        url: servers.site,
        value: cookieValue({
          v: 1,
          id: 'abcdef12-0000-4000-8000-000000000000',
          rev: 2,
          ts: now - 2e9,
          exp: now - 1,
          c: { identity: 1, analytics: 1, advertising: 1, third_party: 1 },
          m: 'accept-all',
        }),
      },
    ]);
    await page.goto(`${servers.site}/v2`);
    await ready(page);
    expect(await page.evaluate(() => window.consentry!.state().reason)).toBe('expired');
    expect(hits(servers)).toEqual([]);
  });

  test('the bundle loaded twice runs each released script once', async ({ page, servers }) => {
    servers.page(
      '/',
      html({
        head: `<script src="/dist/consentry.gatekeeper.js"></script>
        <script type="text/plain" data-consent="analytics" src="${servers.tracker}/a.js"></script>
        <script type="text/plain" data-consent="analytics">(window.__ran = window.__ran || []).push('inline');</script>`,
      }),
    );
    const warnings: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.goto(`${servers.site}/`);
    await ready(page);
    await page.evaluate(() => window.consentry!.acceptAll());
    await page.waitForFunction(() => window.__ran?.length === 2);
    await page.reload();
    await page.waitForFunction(() => window.__ran?.length === 2);
    await page.waitForLoadState('load');
    expect(await page.evaluate(() => window.__ran)).toEqual(['a', 'inline']);
    expect(servers.log.filter((e) => e.path === '/a.js')).toHaveLength(2); // once per page view
    expect(warnings.some((w) => w.includes('consentry: already loaded'))).toBe(true);
  });

  test('tagged elements rendered later by an SPA are released (or held) too', async ({ page, servers }) => {
    servers.page('/', html({}));
    await page.goto(`${servers.site}/`);
    await ready(page);
    await page.evaluate((tracker) => {
      const s = document.createElement('script');
      s.type = 'text/plain';
      s.dataset.consent = 'analytics';
      s.src = `${tracker}/late.js`;
      document.body.append(s);
    }, servers.tracker);
    await page.evaluate(() => window.consentry!.acceptAll());
    await page.waitForFunction(() => window.__ran?.includes('late'));
    await page.evaluate((tracker) => {
      document.body.insertAdjacentHTML(
        'beforeend',
        `<img id="later" data-consent="analytics" data-src="${tracker}/later.gif" alt="">`,
      );
    }, servers.tracker);
    await servers.waitForRequest((e) => e.path === '/later.gif');
    expect(servers.log.filter((e) => e.path === '/late.js')).toHaveLength(1);
  });

  test('module scripts get their type back and nonces survive release', async ({ page, servers }) => {
    servers.page('/', {
      headers: { 'Content-Security-Policy': `script-src 'nonce-abc123' ${servers.site}` },
      body: html({
        head: `<script type="text/plain" data-consent="analytics" data-type="module" nonce="abc123">window.__module = import.meta.url ? 'module' : 'classic';</script>
          <script type="text/plain" data-consent="analytics" nonce="abc123">window.__inline = 'ran';</script>
          <script type="text/plain" data-consent="analytics">window.__noNonce = 'ran';</script>`,
      }).replace('<script src="/dist/', '<script nonce="abc123" src="/dist/'),
    });
    const violations: string[] = [];
    page.on('console', (m) => m.text().includes('Content Security Policy') && violations.push(m.text()));
    await page.goto(`${servers.site}/`);
    await ready(page);
    await page.evaluate(() => window.consentry!.acceptAll());
    await page.waitForFunction(() => (window as { __module?: string }).__module === 'module');
    expect(await page.evaluate(() => (window as { __inline?: string }).__inline)).toBe('ran');
    // A script the site did not nonce stays blocked by the site's CSP: consentry adds no trust.
    expect(await page.evaluate(() => (window as { __noNonce?: string }).__noNonce)).toBeUndefined();
  });
});
