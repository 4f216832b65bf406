import type { Page } from '@playwright/test';
import { expect, hits, html, ready, test } from './fixtures.js';

/** The browser sends Global Privacy Control, set before any page script runs. */
const withGpc = (page: Page) =>
  page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }));

const tagged = (tracker: string, config: object = {}) =>
  html({
    config,
    head: `<script type="text/plain" data-consent="analytics" src="${tracker}/a.js"></script>
      <script type="text/plain" data-consent="advertising" src="${tracker}/ads.js"></script>`,
    body: `<iframe data-consent="third_party" data-src="${tracker}/embed.html" title="video"></iframe>`,
  });

const cookieRecord = async (page: Page) => {
  const cookie = (await page.context().cookies()).find((c) => c.name == 'consentry');
  return cookie && JSON.parse(decodeURIComponent(cookie.value));
};

test.describe('Global Privacy Control', () => {
  test('the state names what GPC refuses and the dialog pre-fill has it off', async ({ page, servers }) => {
    await withGpc(page);
    servers.page('/', tagged(servers.tracker));
    await page.goto(`${servers.site}/`);
    await ready(page);
    const state = await page.evaluate(() => window.consentry!.state());
    expect(state.gpcRefused).toEqual(['advertising', 'third_party']);
    expect(state.prefill).toEqual({ identity: false, analytics: false, advertising: false, third_party: false });
  });

  test('without the signal nothing is refused by it', async ({ page, servers }) => {
    servers.page('/', tagged(servers.tracker, { mode: 'opt-out' }));
    await page.goto(`${servers.site}/`);
    await ready(page);
    expect(await page.evaluate(() => window.consentry!.state().gpcRefused)).toEqual([]);
  });

  test('accept all leaves advertising and third_party off; switching them on deliberately works and lasts', async ({
    page,
    servers,
  }) => {
    await withGpc(page);
    servers.page('/', tagged(servers.tracker));
    await page.goto(`${servers.site}/`);
    await ready(page);
    await page.evaluate(() => window.consentry!.acceptAll());
    await servers.waitForRequest((e) => e.path == '/a.js');
    expect(await cookieRecord(page)).toMatchObject({
      m: 'accept-all',
      c: { identity: 1, analytics: 1, advertising: 0, third_party: 0 },
    });
    expect(await page.evaluate(() => window.consentry!.granted('advertising'))).toBe(false);

    // The person switches advertising on in the dialog (a custom choice).
    await page.evaluate(() => window.consentry!.set({ identity: true, analytics: true, advertising: true }));
    await page.waitForFunction(() => window.__ran?.includes('ads'));
    await page.reload();
    await ready(page);
    await page.waitForFunction(() => window.__ran?.length == 2);
    expect(await page.evaluate(() => window.__ran)).toEqual(['a', 'ads']);
    expect(hits(servers).filter((h) => h.endsWith('/embed.html'))).toEqual([]);
  });

  test('an accept-all stored before GPC was switched on no longer grants advertising (CPRA conflict rule)', async ({
    page,
    servers,
    context,
  }) => {
    servers.page('/', tagged(servers.tracker));
    const now = Date.now();
    await context.addCookies([
      {
        name: 'consentry',
        url: servers.site,
        value: encodeURIComponent(
          JSON.stringify({
            v: 1,
            id: 'abcdef12-0000-4000-8000-000000000000',
            rev: 1,
            ts: now,
            exp: now + 1e9,
            c: { identity: 1, analytics: 1, advertising: 1, third_party: 1 },
            m: 'accept-all',
          }),
        ),
      },
    ]);
    await withGpc(page);
    await page.goto(`${servers.site}/`);
    await ready(page);
    await page.waitForFunction(() => window.__ran?.includes('a'));
    await page.waitForLoadState('load');
    expect(await page.evaluate(() => window.__ran)).toEqual(['a']);
    expect(hits(servers).sort()).toEqual(['cdn.tracker.test/a.js']);
    expect(await page.evaluate(() => window.consentry!.state().prefill)).toMatchObject({
      analytics: true,
      advertising: false,
      third_party: false,
    });
  });

  test('opt-out mode: GPC refuses advertising and third_party, the rest runs, and no record is stored', async ({
    page,
    servers,
  }) => {
    await withGpc(page);
    servers.page('/', tagged(servers.tracker, { mode: 'opt-out' }));
    await page.goto(`${servers.site}/`);
    await ready(page);
    await page.waitForFunction(() => window.__ran?.includes('a'));
    await page.waitForLoadState('load');
    expect(hits(servers)).toEqual(['cdn.tracker.test/a.js']);
    expect(
      await page.evaluate(() => [
        window.consentry!.get(),
        window.consentry!.granted('advertising'),
        window.consentry!.granted('identity'),
      ]),
    ).toEqual([null, false, true]);
    expect(await cookieRecord(page)).toBeUndefined();
    expect(await page.evaluate(() => window.consentry!.state().prefill)).toEqual({
      identity: true,
      analytics: true,
      advertising: false,
      third_party: false,
    });
  });
});
