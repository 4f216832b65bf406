import { expect, hits, html, ready, test } from './fixtures.js';

const tagged = (tracker: string, config: object) =>
  html({
    config,
    head: `<script type="text/plain" data-consent="analytics" src="${tracker}/a.js"></script>
      <script type="text/plain" data-consent="advertising" src="${tracker}/ads.js"></script>`,
    body: `<img data-consent="advertising" data-src="${tracker}/pixel.gif" alt="">`,
  });

test.describe("mode: 'opt-out' (notice-only jurisdictions)", () => {
  test('with no record, tagged scripts and pixels run at once, and the notice is still due (no record, reason none)', async ({
    page,
    servers,
  }) => {
    servers.page('/', tagged(servers.tracker, { mode: 'opt-out' }));
    await page.goto(`${servers.site}/`);
    await ready(page);
    await page.waitForFunction(() => window.__ran?.length == 2);
    expect(await page.evaluate(() => window.__ran)).toEqual(['a', 'ads']);
    await servers.waitForRequest((e) => e.path == '/pixel.gif');
    expect(await page.evaluate(() => [window.consentry!.get(), window.consentry!.state().reason])).toEqual([
      null,
      'none',
    ]);
  });

  test('the default stays opt-in: the same page without mode runs nothing', async ({ page, servers }) => {
    servers.page('/', tagged(servers.tracker, {}));
    await page.goto(`${servers.site}/`);
    await ready(page);
    await page.waitForLoadState('load');
    expect(await page.evaluate(() => window.__ran)).toBeUndefined();
    expect(hits(servers)).toEqual([]);
  });

  test('refusing reloads the page and nothing runs any more, on this or the next load', async ({ page, servers }) => {
    servers.page('/', tagged(servers.tracker, { mode: 'opt-out' }));
    await page.goto(`${servers.site}/`);
    await ready(page);
    await page.waitForFunction(() => window.__ran?.length == 2);
    servers.log.length = 0;
    await Promise.all([page.waitForEvent('load'), page.evaluate(() => window.consentry!.rejectAll())]);
    await ready(page);
    expect(await page.evaluate(() => [window.__ran, window.consentry!.get()?.m])).toEqual([undefined, 'reject-all']);
    await page.goto(`${servers.site}/`);
    await ready(page);
    await page.waitForLoadState('load');
    expect(await page.evaluate(() => window.__ran)).toBeUndefined();
    expect(hits(servers)).toEqual([]);
  });

  test('refusing one category blocks only it', async ({ page, servers }) => {
    servers.page('/', tagged(servers.tracker, { mode: 'opt-out' }));
    await page.goto(`${servers.site}/`);
    await ready(page);
    await Promise.all([page.waitForEvent('load'), page.evaluate(() => window.consentry!.set({ advertising: false }))]); // set() merges: only advertising changes
    await ready(page);
    await page.waitForFunction(() => window.__ran?.includes('a'));
    await page.waitForLoadState('load');
    expect(await page.evaluate(() => window.__ran)).toEqual(['a']);
    expect(await page.locator('img').getAttribute('src')).toBeNull();
  });
});
