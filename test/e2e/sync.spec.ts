import type { BrowserContext, Page } from '@playwright/test';
import { expect, html, ready, test } from './fixtures.js';

const tagged = (tracker: string, config: object = {}) =>
  html({
    config,
    head: `<script type="text/plain" data-consent="analytics" src="${tracker}/a.js"></script>`,
    body: `<script>window.__changes = 0; document.addEventListener('consentry:change', () => window.__changes++);</script>`,
  });

/** Two open tabs of the same site in one browser profile. */
const twoTabs = async (context: BrowserContext, url: string): Promise<[Page, Page]> => {
  const tabs: Page[] = [];
  for (let i = 0; i < 2; i++) {
    const tab = await context.newPage();
    await tab.goto(url);
    await ready(tab);
    tabs.push(tab);
  }
  return tabs as [Page, Page];
};

const changes = (tab: Page) => tab.evaluate(() => (window as { __changes?: number }).__changes);

test.describe('cross-tab sync', () => {
  test('a grant in one tab releases in the other without reload, and nothing echoes back', async ({
    context,
    servers,
  }) => {
    servers.page('/', tagged(servers.tracker));
    const [one, two] = await twoTabs(context, `${servers.site}/`);
    await one.evaluate(() => window.consentry!.set({ analytics: true }));
    await two.waitForFunction(() => window.__ran?.includes('a'));
    expect(await two.evaluate(() => window.consentry!.get()?.m)).toBe('custom');
    // A change back from tab two reaches tab one; each tab saw exactly its own and the other's.
    await two.evaluate(() => window.consentry!.set({ analytics: true, identity: true }));
    await one.waitForFunction(() => window.consentry!.granted('identity'));
    expect([await changes(one), await changes(two)]).toEqual([2, 2]);
  });

  test('a withdrawal in one tab blocks again in the other (reloading it, so running scripts stop)', async ({
    context,
    servers,
  }) => {
    servers.page('/', tagged(servers.tracker));
    const [one, two] = await twoTabs(context, `${servers.site}/`);
    await one.evaluate(() => window.consentry!.acceptAll());
    await two.waitForFunction(() => window.__ran?.includes('a'));
    await Promise.all([two.waitForEvent('load'), one.evaluate(() => window.consentry!.rejectAll())]);
    await ready(two);
    expect(await two.evaluate(() => [window.__ran, window.consentry!.granted('analytics')])).toEqual([
      undefined,
      false,
    ]);
  });

  test('without reloadOnWithdraw the other tab applies the withdrawal in place; reset asks again there', async ({
    context,
    servers,
  }) => {
    servers.page('/', tagged(servers.tracker, { reloadOnWithdraw: false }));
    const [one, two] = await twoTabs(context, `${servers.site}/`);
    await one.evaluate(() => window.consentry!.acceptAll());
    await two.waitForFunction(() => window.consentry!.granted('analytics'));
    await two.evaluate(() => window.consentry!.on('show', () => ((window as { __shown?: boolean }).__shown = true)));
    await one.evaluate(() => window.consentry!.reset());
    await two.waitForFunction(() => (window as { __shown?: boolean }).__shown);
    expect(await two.evaluate(() => [window.consentry!.get(), window.consentry!.granted('analytics')])).toEqual([
      null,
      false,
    ]);
  });

  test('where BroadcastChannel is missing, the other tab catches up when it gets focus again', async ({
    context,
    servers,
  }) => {
    await context.addInitScript(() => {
      delete (window as { BroadcastChannel?: unknown }).BroadcastChannel;
    });
    servers.page('/', tagged(servers.tracker));
    const [one, two] = await twoTabs(context, `${servers.site}/`);
    await one.evaluate(() => window.consentry!.set({ analytics: true }));
    await two.bringToFront();
    await two.evaluate(() => window.dispatchEvent(new FocusEvent('focus'))); // headless: the OS gives no focus
    await two.waitForFunction(() => window.__ran?.includes('a'));
    expect(await changes(two)).toBe(1);
  });
});
