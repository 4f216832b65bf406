// The demo site (`npm start`) end to end: its own server (demo/server.mjs) on ephemeral ports,
// the shop on http://localhost:<port> and the stand-in trackers on http://127.0.0.1:<port>.
// Assertions are on what reached the tracker, which cookies exist and what the page shows.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type ConsoleMessage, type Page } from '@playwright/test';
// @ts-expect-error -- plain ESM server without types
import { startDemo } from '../../demo/server.mjs';

interface TrackerHit {
  method: string;
  path: string;
  query: string;
}
interface Demo {
  site: string;
  tracker: string;
  log: TrackerHit[];
  receipts: string;
  adminToken: string;
  close(): Promise<void>;
}

const test = base.extend<{ demo: Demo }, { workerDemo: Demo }>({
  workerDemo: [
    async ({}, use) => {
      const receipts = join(mkdtempSync(join(tmpdir(), 'consentry-demo-')), 'receipts.db');
      const demo = await startDemo({ port: 0, trackerPort: 0, quiet: true, receipts });
      await use(demo);
      await demo.close();
    },
    { scope: 'worker' },
  ],
  demo: async ({ workerDemo }, use) => {
    workerDemo.log.length = 0;
    await use(workerDemo);
  },
});

const PAGES = ['/', '/product.html', '/product.zh-CN.html', '/privacy.html', '/privacy.zh-CN.html', '/spa/'];

/** Console errors and uncaught exceptions on `page`, collected from now on. */
const collectErrors = (page: Page): string[] => {
  const errors: string[] = [];
  page.on('console', (m: ConsoleMessage) => m.type() == 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
};

const paths = (demo: Demo): string[] => demo.log.map((e) => e.path);
const ready = (page: Page) => page.waitForFunction(() => !!window.consentry);
/** Accept everything through the API: independent of where the banner (once merged) sits. */
const acceptAll = (page: Page) => page.evaluate(() => void window.consentry!.acceptAll());

/**
 * The product pages embed the real YouTube, Google Maps, Bilibili and Amap players. Offline,
 * Playwright answers those URLs with a stand-in page and records each request, so a test sees
 * exactly which vendor was reached and when.
 */
const EMBED_HOSTS = ['www.youtube-nocookie.com', 'www.google.com', 'player.bilibili.com', 'uri.amap.com'];
const standInEmbeds = async (page: Page): Promise<string[]> => {
  const reached: string[] = [];
  for (const host of EMBED_HOSTS)
    await page.route(`https://${host}/**`, (route) => {
      reached.push(host);
      return route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>${host}</title><p>stand-in for ${host}</p>`,
      });
    });
  return reached;
};

test.describe('demo site', () => {
  test('every page loads with no console errors and has the Cookie settings footer link', async ({ page, demo }) => {
    test.slow(); // six pages, each a full load of the bundle, on a shared machine
    const errors = collectErrors(page);
    for (const path of PAGES) {
      await page.goto(`${demo.site}${path}`);
      await ready(page);
      await page.waitForLoadState('load');
      await expect(page.locator('footer a[href="#consentry-preferences"][data-consentry-open]')).toHaveCount(1);
      await expect(page.locator('.demo-panel')).toBeVisible();
    }
    await page.goto(`${demo.site}/privacy.zh-CN.html`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('隐私与 Cookie 政策');
    expect(errors).toEqual([]);
  });

  test('before consent no tagged tracker, pixel or embed is requested', async ({ page, demo }) => {
    for (const path of ['/', '/product.html']) {
      await page.goto(`${demo.site}${path}`);
      await ready(page);
      await page.waitForLoadState('load');
    }
    expect(await page.evaluate(() => window.consentry!.granted('analytics'))).toBe(false);
    expect(paths(demo).filter((p) => /analytics\.js|adtag\.js|pixel\.gif|\/embed\//.test(p))).toEqual([]);
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain('_sa_id');
    await expect(page.locator('iframe[data-consent]').first()).not.toHaveAttribute('src', /./);
  });

  test('accepting releases the analytics stand-in: the tracker receives it and its cookie is set', async ({
    page,
    demo,
  }) => {
    await page.goto(`${demo.site}/`);
    await ready(page);
    await acceptAll(page);
    await expect.poll(() => paths(demo)).toContain('/analytics.js');
    await expect.poll(() => paths(demo)).toContain('/ads/pixel.gif');
    await expect.poll(async () => (await page.context().cookies()).map((c) => c.name)).toContain('_sa_id');
    // The panel shows it too: what a visitor of the demo sees.
    await expect(page.locator('.demo-panel')).toContainText('GET /analytics.js');
    // A stored grant releases on the next page without any click.
    demo.log.length = 0;
    await page.goto(`${demo.site}/privacy.html`);
    await expect.poll(() => paths(demo)).toContain('/analytics.js');
  });

  test('product page: YouTube and Google Maps wait behind placeholders; Always allow YouTube loads the video only', async ({
    page,
    demo,
  }) => {
    const reached = await standInEmbeds(page);
    await page.goto(`${demo.site}/product.html`);
    await ready(page);
    await page.waitForLoadState('load');
    const video = page.getByRole('group', { name: 'Product video (YouTube)' });
    const map = page.getByRole('group', { name: 'Dealer map (Google Maps)' });
    await expect(video).toContainText('This content is provided by YouTube');
    await expect(map.getByRole('button')).toHaveText(['Load once', 'Always allow Google Maps']);
    expect(reached).toEqual([]);
    await video.getByRole('button', { name: 'Always allow YouTube' }).click();
    await expect(page.frameLocator('iframe[title^="Product video"]').locator('body')).toContainText(
      'stand-in for www.youtube-nocookie.com',
    );
    expect(reached).toEqual(['www.youtube-nocookie.com']);
    await expect(map).toBeVisible();
    // Nothing else was answered: the banner still asks, analytics and the map stay off.
    await expect(page.locator('consentry-banner [part=banner]')).toBeVisible();
    expect(
      await page.evaluate(() =>
        ['youtube', 'google-maps', 'third_party', 'analytics'].map((k) => window.consentry!.granted(k)),
      ),
    ).toEqual([true, false, false, false]);
    await expect(page.locator('.demo-panel [data-service="youtube"]')).toHaveText(/✓ youtube/);
    await expect(page.locator('.demo-panel [data-service="google-maps"]')).toHaveText(/✗ google-maps/);
    // The whole category: the map follows.
    await page.evaluate(() => window.consentry!.set({ third_party: true }));
    await expect(page.frameLocator('iframe[title^="Dealer map"]').locator('body')).toContainText(
      'stand-in for www.google.com',
    );
    expect(paths(demo)).not.toContain('/analytics.js');
  });

  test('Chinese product page: Bilibili and Amap placeholders in zh-CN; Load once loads the video for this visit only', async ({
    page,
    demo,
  }) => {
    const reached = await standInEmbeds(page);
    await page.goto(`${demo.site}/product.zh-CN.html`);
    await ready(page);
    const video = page.getByRole('group', { name: '产品视频（哔哩哔哩）' });
    await expect(video).toContainText('此内容由 哔哩哔哩 提供');
    await expect(video.getByRole('button')).toHaveText(['仅加载一次', '始终允许 哔哩哔哩']);
    await expect(page.getByRole('group', { name: '经销商地图（高德地图）' }).getByRole('button')).toHaveText([
      '仅加载一次',
      '始终允许 高德地图',
    ]);
    await video.getByRole('button', { name: '仅加载一次' }).click();
    await expect(page.frameLocator('iframe[title^="产品视频"]').locator('body')).toContainText(
      'stand-in for player.bilibili.com',
    );
    expect(reached).toEqual(['player.bilibili.com']);
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain('consentry');
    await page.reload();
    await ready(page);
    await expect(page.getByRole('group', { name: '产品视频（哔哩哔哩）' })).toBeVisible();
    expect(reached).toEqual(['player.bilibili.com']);
  });

  test('SPA (npm import): granted() and on("change") drive what loads; routed embeds are held', async ({
    page,
    demo,
  }) => {
    const errors = collectErrors(page);
    await page.goto(`${demo.site}/spa/#/product/qj-20v`);
    await ready(page);
    await expect(page.locator('#consent-status')).toHaveText(/Analytics: off/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('QJ-20V cordless drill');
    await expect(page.locator('iframe[data-consent="third_party"]')).not.toHaveAttribute('src', /./);
    await acceptAll(page);
    await expect(page.locator('#consent-status')).toHaveText(/Analytics: on · Video & maps: on/);
    await expect.poll(() => paths(demo)).toContain('/analytics.js');
    await expect(page.frameLocator('iframe[data-consent]').locator('body')).toContainText('ViewTube');
    // Route changes are virtual page views, sent only now that analytics is granted.
    await page.getByRole('link', { name: 'Account' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Account');
    await expect.poll(() => demo.log.filter((e) => e.path == '/collect' && e.query.includes('account')).length).toBe(1);
    expect(errors).toEqual([]);
  });

  // ── Needs the banner branch (dist/consentry.js = gatekeeper + banner). Skipped until merged. ──
  test('banner: shown on first visit, Accept all releases analytics, the footer link and open() reopen preferences', async ({
    page,
    demo,
  }) => {
    await page.goto(`${demo.site}/`);
    const banner = page.locator('consentry-banner');
    await expect(banner.getByRole('button', { name: /accept all/i })).toBeVisible();
    await expect(banner.getByRole('button', { name: /reject all/i })).toBeVisible();
    expect(paths(demo)).not.toContain('/analytics.js');
    await banner.getByRole('button', { name: /accept all/i }).click();
    await expect.poll(() => paths(demo)).toContain('/analytics.js');
    await page.getByRole('link', { name: 'Cookie settings' }).click();
    await expect(banner.getByRole('dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(banner.getByRole('dialog')).toBeHidden();
    await page.evaluate(() => window.consentry!.open());
    await expect(banner.getByRole('dialog')).toBeVisible();
  });

  test('SPA banner: mountBanner() shows <consentry-banner> and the footer link reopens it', async ({ page, demo }) => {
    await page.goto(`${demo.site}/spa/`);
    const banner = page.locator('consentry-banner');
    await banner.getByRole('button', { name: /reject all/i }).click();
    await page.getByRole('link', { name: 'Cookie settings' }).click();
    await expect(banner.getByRole('dialog')).toBeVisible();
    expect(paths(demo)).not.toContain('/analytics.js');
  });

  // ── Needs the URL rules branch (the gatekeeper intercepts sendBeacon). Skipped until merged. ──
  test('URL rules: the untagged widget reaches the tracker only after consent; nothing at all before', async ({
    page,
    demo,
  }) => {
    await page.goto(`${demo.site}/`);
    await ready(page);
    await page.waitForLoadState('load');
    await expect
      .poll(() =>
        page.evaluate(() =>
          window
            .consentry!.blocked()
            .map((b) => b.kind)
            .sort(),
        ),
      )
      .toEqual(expect.arrayContaining(['beacon', 'img']));
    expect(demo.log).toEqual([]);
    await acceptAll(page);
    await expect.poll(() => paths(demo)).toContain('/ads/retarget.gif'); // the held pixel is released
    expect(demo.log.filter((e) => e.query.includes('widget_view'))).toEqual([]); // the beacon was dropped
  });

  test('receipts: a decision is stored in the consent log, and the panel links to its lookup', async ({
    page,
    demo,
  }) => {
    await page.goto(`${demo.site}/`);
    await ready(page);
    const id = await page.evaluate(() => window.consentry!.acceptAll()!.id);
    // Stored by the receiver (SQLite): its admin API, with the demo's printed dev token, has it.
    await expect
      .poll(async () => {
        const res = await fetch(`${demo.site}/v1/receipts/${id}`, {
          headers: { authorization: `Bearer ${demo.adminToken}` },
        });
        return res.status == 200 ? (await res.json()).receipts.map((r: { method: string }) => r.method) : res.status;
      })
      .toEqual(['accept-all']);
    const link = page.locator('a[data-demo="consent-log"]');
    await expect(link).toHaveAttribute('href', `/__demo/consent-log/${id}`);
    await link.click();
    const log = JSON.parse((await page.locator('body').textContent()) || '{}');
    expect(log).toMatchObject({ id, receipts: [{ id, method: 'accept-all', choices: { analytics: true } }] });
    expect((await fetch(`${demo.site}/v1/export`)).status).toBe(401); // the admin API needs the token
  });
});
