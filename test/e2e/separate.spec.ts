import { expect, hits, html, ready, test, type Servers } from './fixtures.js';

// PIPL art. 29 and 23: a `separate` category is granted by its own switch or set() only.
const config = (extra: object = {}) => ({
  categories: {
    location: { label: { en: 'Location', 'zh-CN': '位置' }, description: 'Finds the nearest store.', separate: true },
  },
  ...extra,
});

const page = (servers: Servers, extra?: object, lang = 'en') =>
  html({
    config: config(extra),
    lang,
    head: `<script type="text/plain" data-consent="analytics" src="${servers.tracker}/a.js"></script>
      <script type="text/plain" data-consent="location" src="${servers.tracker}/loc.js"></script>`,
    body: `<iframe title="Store map" data-consent="location" data-src="${servers.tracker}/map.html"></iframe>
      <iframe title="Video" data-consent="third_party" data-src="${servers.tracker}/video.html"></iframe>`,
  });

test.describe('separate consent', () => {
  test('Accept all grants everything but the separate category; the first layer says it is asked apart', async ({
    page: p,
    servers,
  }) => {
    servers.page('/', page(servers));
    await p.goto(`${servers.site}/`);
    await ready(p);
    await expect(p.getByText('Sensitive uses are asked apart, by their own switch under Customize.')).toBeVisible();
    await p.getByRole('button', { name: 'Accept all' }).click();
    await p.waitForFunction(() => window.__ran?.includes('a'));
    await p.waitForLoadState('load');
    expect(
      await p.evaluate(() => [
        window.__ran,
        window.consentry!.granted('location'),
        window.consentry!.get()?.c.location,
      ]),
    ).toEqual([['a'], false, false]);
    expect(hits(servers)).not.toContain('tracker.test/loc.js');
    // Its own answer: set() (or its switch) grants it, and Accept all later keeps it.
    await p.evaluate(() => window.consentry!.set({ location: true }));
    await p.waitForFunction(() => window.__ran?.includes('loc'));
    await p.evaluate(() => window.consentry!.acceptAll());
    expect(await p.evaluate(() => window.consentry!.granted('location'))).toBe(true);
  });

  test('opt-out and notice modes: the separate category stays off until its own switch is on', async ({
    page: p,
    servers,
  }) => {
    for (const mode of ['opt-out', 'notice']) {
      servers.page('/', page(servers, { mode }));
      await p.goto(`${servers.site}/`);
      await ready(p);
      await p.waitForFunction(() => window.__ran?.includes('a'));
      await p.waitForLoadState('load');
      expect(
        await p.evaluate(() => [
          window.__ran,
          window.consentry!.granted('location'),
          window.consentry!.state().prefill.location,
        ]),
      ).toEqual([['a'], false, false]);
    }
  });

  test('the placeholder offers no "Always allow"; the dialog names it asked apart and its own switch grants it', async ({
    page: p,
    servers,
  }) => {
    servers.page('/', page(servers, { permissions: { geolocation: 'location' } }));
    await p.goto(`${servers.site}/`);
    await ready(p);
    const map = p.getByRole('group', { name: 'Store map' });
    await expect(map.getByRole('button')).toHaveText(['Load once']);
    await expect(p.getByRole('group', { name: 'Video' }).getByRole('button')).toHaveText([
      'Load once',
      'Always allow Third-party',
    ]);
    await p.evaluate(() => window.consentry!.open());
    const dialog = p.getByRole('dialog');
    await expect(dialog.getByText('Asked separately: “Accept all” does not include it.')).toBeVisible();
    await expect(dialog.getByText('Lets the site ask your browser for your location.')).toBeVisible();
    await expect(dialog.getByRole('switch', { name: 'Location' })).toHaveAttribute('aria-checked', 'false');
    await dialog.getByRole('switch', { name: 'Location' }).click();
    await dialog.getByRole('button', { name: 'Save choices' }).click();
    await p.waitForFunction(() => window.__ran?.includes('loc'));
    await servers.waitForRequest((e) => e.path == '/map.html');
  });

  test('in Chinese, the first layer says so too', async ({ page: p, servers }) => {
    servers.page('/', page(servers, {}, 'zh-CN'));
    await p.goto(`${servers.site}/`);
    await ready(p);
    await expect(p.getByText('部分敏感用途需要您单独同意：只有“自定义”中各自的开关才能开启。')).toBeVisible();
  });
});
