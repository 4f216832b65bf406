import { expect, html, ready, test, type Servers } from './fixtures.js';

const OTHER = 'cdn.other.test';
const config = (extra: object = {}) => ({
  categories: { analytics: { cookies: ['_tr_*', { name: '_ga', path: '/shop/' }] } },
  rules: [{ category: 'analytics', hosts: ['*.tracker.test'] }],
  ...extra,
});

/** A page whose tag manager (unruled host) loads a tracker script, then pings cdn.other.test/done. */
const shopPage = (servers: Servers, extra: object = {}) => {
  servers.thirdParty(
    '/loader.js',
    `
    var s = document.createElement('script'); s.src = ${JSON.stringify(servers.tracker)} + '/tracker2.js'; document.head.appendChild(s);
    fetch(${JSON.stringify(servers.tracker)} + '/collect');
    fetch(${JSON.stringify(servers.origin(OTHER))} + '/done');`,
  );
  servers.page(
    '/shop/cart',
    html({ config: config(extra), head: `<script src="${servers.origin(OTHER)}/loader.js"></script>` }),
  );
};

const trackerHits = (servers: Servers) => servers.log.filter((e) => e.host.endsWith('tracker.test'));
const done = (servers: Servers) => servers.waitForRequest((e) => e.host === OTHER && e.path === '/done');
const names = async (servers: Servers, context: import('@playwright/test').BrowserContext) =>
  (await context.cookies(`${servers.site}/shop/cart`)).map((c) => `${c.name}@${c.domain}${c.path}`).sort();

test.describe('withdrawal', () => {
  test('deletes the listed cookies on every domain and path, reloads, and blocks the tracker again', async ({
    page,
    servers,
    context,
  }) => {
    shopPage(servers);
    await page.goto(`${servers.site}/shop/cart`);
    await ready(page);
    await page.evaluate(() => window.consentry!.acceptAll());
    await page.waitForFunction(() => document.cookie.includes('_tr_tracker2='));
    await context.addCookies([
      { name: '_tr_parent', value: '1', domain: '.example.test', path: '/' },
      { name: '_tr_path', value: '1', domain: 'shop.example.test', path: '/shop' },
      { name: '_ga', value: '1', domain: '.shop.example.test', path: '/shop/' },
      { name: 'keep', value: '1', domain: 'shop.example.test', path: '/' },
    ]);
    expect(await names(servers, context)).toHaveLength(6);

    servers.log.length = 0;
    const reloaded = page.waitForEvent('load');
    await page.evaluate(() => void window.consentry!.set({ analytics: false }));
    await reloaded;
    await ready(page);
    await done(servers);
    expect(await names(servers, context)).toEqual(['consentry@shop.example.test/', 'keep@shop.example.test/']);
    expect(trackerHits(servers)).toEqual([]);
    expect(await page.evaluate(() => window.__ran)).toBeUndefined();
  });

  test('refused cookies that a tracker re-creates are deleted on every page load', async ({
    page,
    servers,
    context,
  }) => {
    shopPage(servers);
    await page.goto(`${servers.site}/shop/cart`);
    await ready(page);
    await page.evaluate(() => window.consentry!.rejectAll());
    await context.addCookies([{ name: '_tr_back', value: '1', domain: '.example.test', path: '/' }]);
    await page.reload();
    await ready(page);
    expect(await names(servers, context)).toEqual(['consentry@shop.example.test/']);
  });

  test('with reloadOnWithdraw false, rules block again at once', async ({ page, servers }) => {
    shopPage(servers, { reloadOnWithdraw: false });
    await page.goto(`${servers.site}/shop/cart`);
    await ready(page);
    await page.evaluate(() => window.consentry!.acceptAll());
    await page.waitForFunction(() => document.cookie.includes('_tr_tracker2='));
    const fetchTracker = () =>
      page.evaluate(
        (t) =>
          fetch(`${t}/after`).then(
            (r) => r.status,
            (e) => e.name,
          ),
        servers.tracker,
      );
    expect(await fetchTracker()).toBe(204);
    await page.evaluate(() => window.consentry!.set({ analytics: false }));
    expect(await page.evaluate(() => document.cookie)).not.toContain('_tr_');
    expect(await fetchTracker()).toBe('TypeError');
    expect(servers.log.filter((e) => e.path === '/after')).toHaveLength(1);
  });
});
