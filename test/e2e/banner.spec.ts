// The banner in real Chromium: what each button does to the stored record and to tagged
// scripts (the tracker's request log), keyboard paths, focus, reopening, languages, embeds.
import type { Page } from '@playwright/test';
import { bannerConfig, shopPage } from './banner-pages.js';
import { expect, html, ready, test, type Servers } from './fixtures.js';

/** The stored record as the cookie holds it, or undefined. */
const stored = async (page: Page) => {
  const cookie = (await page.context().cookies()).find((c) => c.name === 'consentry');
  return cookie && JSON.parse(decodeURIComponent(cookie.value));
};
const scriptHits = (servers: Servers) =>
  servers.log
    .filter((e) => e.path.endsWith('.js'))
    .map((e) => e.path)
    .sort();

const open = async (page: Page, servers: Servers, options?: Parameters<typeof shopPage>[1]) => {
  servers.page('/', shopPage(servers, options));
  await page.goto(`${servers.site}/`);
  await ready(page);
};
const bar = (page: Page) => page.locator('consentry-banner [part=banner]');
const dialog = (page: Page) => page.locator('consentry-banner dialog');
const activeLabel = (page: Page) =>
  page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el?.getAttribute('aria-label') || el?.id || el?.textContent?.trim() || el?.getAttribute('aria-labelledby');
  });

test.describe('banner', () => {
  test('shows with no consent: a named region with title, text, policy link and three buttons', async ({
    page,
    servers,
  }) => {
    await open(page, servers);
    const region = page.getByRole('region', { name: 'We value your privacy' });
    await expect(region).toBeVisible();
    await expect(region.getByRole('link', { name: 'Privacy policy' })).toHaveAttribute('href', '/privacy');
    await expect(region.getByRole('button')).toHaveText(['Accept all', 'Reject all', 'Customize']);
    expect(servers.log).toEqual([]);
  });

  test('accept and reject are equally prominent: same box size and same computed style', async ({ page, servers }) => {
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 700 });
      await open(page, servers);
      const accept = page.getByRole('button', { name: 'Accept all' });
      const reject = page.getByRole('button', { name: 'Reject all' });
      const [a, r] = [(await accept.boundingBox())!, (await reject.boundingBox())!];
      // Equal to the layout unit: flex rows share their width in 1/64 px steps.
      expect(Math.abs(a.width - r.width)).toBeLessThanOrEqual(1 / 64);
      expect(a.height).toBe(r.height);
      const style = (el: Element) => {
        const s = getComputedStyle(el);
        return [s.fontSize, s.fontWeight, s.color, s.backgroundColor, s.borderColor, s.borderWidth, s.padding];
      };
      expect(await accept.evaluate(style)).toEqual(await reject.evaluate(style));
    }
  });

  test('Accept all stores accept-all, runs every tagged script and hides the banner for good', async ({
    page,
    servers,
  }) => {
    await open(page, servers);
    await page.getByRole('button', { name: 'Accept all' }).click();
    await servers.waitForRequest((e) => e.path === '/b.js');
    expect(scriptHits(servers)).toEqual(['/a.js', '/b.js']);
    expect(await stored(page)).toMatchObject({
      m: 'accept-all',
      c: { identity: 1, analytics: 1, advertising: 1, third_party: 1 },
    });
    await expect(bar(page)).toHaveCount(0);
    await page.reload();
    await ready(page);
    await page.waitForFunction(() => window.__ran?.length === 2);
    await expect(bar(page)).toHaveCount(0);
  });

  test('Reject all stores reject-all and nothing reaches the tracker', async ({ page, servers }) => {
    await open(page, servers);
    await page.getByRole('button', { name: 'Reject all' }).click();
    await expect(bar(page)).toHaveCount(0);
    expect(await stored(page)).toMatchObject({
      m: 'reject-all',
      c: { identity: 0, analytics: 0, advertising: 0, third_party: 0 },
    });
    await page.reload();
    await ready(page);
    await page.waitForLoadState('load');
    await expect(bar(page)).toHaveCount(0);
    expect(servers.log).toEqual([]);
  });

  test('keyboard only: Tab to Customize, Space/Enter toggle switches, Save stores exactly that', async ({
    page,
    servers,
  }) => {
    await open(page, servers);
    await page.locator('#before').focus();
    const order: unknown[] = [];
    for (let i = 0; i < 7; i++) {
      await page.keyboard.press('Tab');
      order.push(await activeLabel(page));
    }
    // Page content first (the embed's two placeholder buttons, the footer link: the banner is
    // appended to body), then policy link and the buttons.
    expect(order).toEqual([
      'Load once',
      'Always allow Third-party',
      'prefs',
      'Privacy policy',
      'Accept all',
      'Reject all',
      'Customize',
    ]);
    await page.keyboard.press('Enter');
    await expect(dialog(page)).toHaveAttribute('open', '');
    const switches = page.getByRole('switch');
    await expect(switches).toHaveCount(5);
    // Nothing pre-ticked but the locked necessary one.
    expect(await switches.evaluateAll((els) => els.map((e) => e.getAttribute('aria-checked')))).toEqual([
      'true',
      'false',
      'false',
      'false',
      'false',
    ]);
    await expect(switches.first()).toHaveAttribute('aria-disabled', 'true');
    const analytics = page.getByRole('switch', { name: 'Analytics' });
    const identity = page.getByRole('switch', { name: 'Remember me' });
    // Tab through the dialog until the analytics switch has focus.
    for (let i = 0; i < 10 && (await activeLabel(page)) !== 'l-analytics'; i++) await page.keyboard.press('Tab');
    expect(await activeLabel(page)).toBe('l-analytics');
    await page.keyboard.press('Space');
    await expect(analytics).toHaveAttribute('aria-checked', 'true');
    await page.keyboard.press('Shift+Tab');
    expect(await activeLabel(page)).toBe('l-identity');
    await page.keyboard.press('Enter');
    await expect(identity).toHaveAttribute('aria-checked', 'true');
    await page.keyboard.press('Enter');
    await expect(identity).toHaveAttribute('aria-checked', 'false');
    await page.getByRole('button', { name: 'Save choices' }).focus();
    await page.keyboard.press('Enter');
    await servers.waitForRequest((e) => e.path === '/a.js');
    await expect(dialog(page)).toHaveCount(0);
    await expect(bar(page)).toHaveCount(0);
    expect(await stored(page)).toMatchObject({
      m: 'custom',
      c: { identity: 0, analytics: 1, advertising: 0, third_party: 0 },
    });
    await page.waitForFunction(() => window.__ran?.includes('a'));
    expect(scriptHits(servers)).toEqual(['/a.js']);
  });

  test('the dialog traps focus, Esc closes it and focus returns to the opener', async ({ page, servers }) => {
    await open(page, servers);
    const customize = page.getByRole('button', { name: 'Customize' });
    await customize.click();
    await expect(dialog(page)).toHaveAttribute('open', '');
    // Modal: Tab cycles through the dialog (and the browser's own UI, shown here as body),
    // never reaching the page behind it.
    const seen = new Set<unknown>();
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.localName)).toMatch(/^(consentry-banner|body)$/);
      seen.add(await activeLabel(page));
    }
    expect(seen).toContain('Close');
    expect(seen).toContain('Reject all');
    await page.keyboard.press('Escape');
    await expect(dialog(page)).toHaveCount(0);
    expect(await activeLabel(page)).toBe('Customize');
    await expect(bar(page)).toBeVisible(); // no choice was made
    expect(await stored(page)).toBeUndefined();
  });

  test('reopen from a footer link: pre-filled with the saved choices, focus back on the link', async ({
    page,
    servers,
  }) => {
    await open(page, servers);
    await page.getByRole('button', { name: 'Customize' }).click();
    await page.getByRole('switch', { name: 'Ad optimization' }).click();
    await page.getByRole('button', { name: 'Save choices' }).click();
    await servers.waitForRequest((e) => e.path === '/b.js');
    await page.getByRole('link', { name: 'Privacy preferences' }).click();
    await expect(dialog(page)).toHaveAttribute('open', '');
    expect(page.url()).not.toContain('#'); // the link's default action is prevented
    await expect(page.getByRole('switch', { name: 'Ad optimization' })).toHaveAttribute('aria-checked', 'true');
    await expect(page.getByRole('switch', { name: 'Analytics' })).toHaveAttribute('aria-checked', 'false');
    await page.keyboard.press('Escape');
    expect(await activeLabel(page)).toBe('prefs');
    // Withdraw from the dialog: Reject all stores it.
    await page.locator('#prefs').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Reject all' }).click();
    await expect.poll(async () => (await stored(page))?.m).toBe('reject-all');
  });

  test('consentry.open(), a [data-consentry-open] element rendered later, and a #consentry-preferences URL open the dialog', async ({
    page,
    servers,
  }) => {
    await open(page, servers);
    await page.evaluate(() => window.consentry!.open());
    await expect(dialog(page)).toHaveAttribute('open', '');
    await page.keyboard.press('Escape');
    await expect(dialog(page)).toHaveCount(0);
    await page.evaluate(() =>
      document.body.insertAdjacentHTML('beforeend', '<button data-consentry-open id="late">Cookie settings</button>'),
    );
    await page.locator('#late').click();
    await expect(dialog(page)).toHaveAttribute('open', '');
    await page.keyboard.press('Escape');
    expect(await activeLabel(page)).toBe('late');
    // A footer link inside another component's shadow root (click delegation uses composedPath).
    await page.evaluate(() => {
      const host = document.createElement('div');
      host.attachShadow({ mode: 'open' }).innerHTML =
        '<a id="deep" href="#consentry-preferences"><span>Cookies</span></a>';
      document.body.append(host);
    });
    await page.locator('#deep span').click();
    await expect(dialog(page)).toHaveAttribute('open', '');
    await page.keyboard.press('Escape');
    expect(await activeLabel(page)).toBe('deep');
    await page.goto(`${servers.site}/#consentry-preferences`);
    await expect(dialog(page)).toHaveAttribute('open', '');
  });

  test('a reopen right after Esc is not undone by the late close event of the old dialog', async ({
    page,
    servers,
  }) => {
    await open(page, servers);
    const reopened = await page.evaluate(async () => {
      const banner = document.querySelector('consentry-banner') as HTMLElement & { updateComplete: Promise<unknown> };
      window.consentry!.open();
      await banner.updateComplete;
      const old = banner.shadowRoot!.querySelector('dialog')!;
      const lateClose = new Promise((resolve) => old.addEventListener('close', resolve, { once: true }));
      old.dispatchEvent(new Event('cancel')); // what Esc does; `close` follows as a later task
      await banner.updateComplete;
      window.consentry!.open(); // e.g. a footer link clicked, or the URL hash, before that task
      await banner.updateComplete;
      await lateClose;
      return banner.shadowRoot!.querySelector('dialog')?.open;
    });
    expect(reopened).toBe(true);
    await expect(dialog(page)).toHaveAttribute('open', '');
  });

  test('the floating button (config.ui.floatingButton) reopens the dialog once a choice exists', async ({
    page,
    servers,
  }) => {
    await open(page, servers, { config: bannerConfig({ ui: { floatingButton: true } }) });
    const float = page.getByRole('button', { name: 'Privacy preferences' });
    await expect(float).toHaveCount(0);
    await page.getByRole('button', { name: 'Reject all' }).click();
    await float.click();
    await expect(dialog(page)).toHaveAttribute('open', '');
    await page.keyboard.press('Escape');
    expect(await activeLabel(page)).toBe('Privacy preferences');
  });

  test('the banner never shifts page content (CLS 0), also when the embed placeholder goes in', async ({
    page,
    servers,
  }) => {
    await page.addInitScript(() => {
      (window as { __cls?: number }).__cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries())
          (window as { __cls?: number }).__cls! += (e as PerformanceEntry & { value: number }).value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await open(page, servers);
    await expect(bar(page)).toBeVisible();
    await page.getByRole('button', { name: 'Customize' }).click();
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => (window as { __cls?: number }).__cls)).toBe(0);
  });
});

test.describe('banner: embeds, modes, languages', () => {
  test('a blocked iframe shows a placeholder naming the provider; "Always allow Third-party" grants third_party and loads it', async ({
    page,
    servers,
  }) => {
    await open(page, servers);
    const placeholder = page.getByRole('group', { name: 'Tea video' });
    await expect(placeholder).toContainText('This content is provided by YouTube and may set cookies (Third-party).');
    const box = await page.locator('consentry-placeholder').boundingBox();
    await expect(page.locator('iframe')).toBeHidden();
    expect(servers.log).toEqual([]);
    await expect(placeholder.getByRole('button')).toHaveText(['Load once', 'Always allow Third-party']);
    await placeholder.getByRole('button', { name: 'Always allow Third-party' }).click();
    await servers.waitForRequest((e) => e.host === 'video.tracker.test' && e.path === '/embed.html');
    await expect(page.locator('consentry-placeholder')).toHaveCount(0);
    await expect(page.locator('iframe')).toBeVisible();
    expect(await page.locator('iframe').boundingBox()).toEqual(box); // same box: nothing moves
    expect(await stored(page)).toMatchObject({ m: 'custom', c: { analytics: 0, advertising: 0, third_party: 1 } });
    expect(scriptHits(servers)).toEqual([]);
  });

  test('an iframe an SPA adds later gets a placeholder (provider from the URL host)', async ({ page, servers }) => {
    await open(page, servers);
    await page.evaluate(
      (src) =>
        document.body.insertAdjacentHTML(
          'beforeend',
          `<iframe id="map" data-consent="third_party" data-src="${src}"></iframe>`,
        ),
      `${servers.origin('maps.tracker.test')}/map.html`,
    );
    await expect(page.locator('consentry-placeholder').nth(1)).toContainText('provided by maps.tracker.test');
    await page.getByRole('button', { name: 'Accept all' }).click();
    await servers.waitForRequest((e) => e.path === '/map.html');
    await expect(page.locator('consentry-placeholder')).toHaveCount(0);
  });

  test('zh-CN from <html lang>, en from config.language; config text is text, never HTML', async ({
    page,
    servers,
  }) => {
    await open(page, servers, { lang: 'zh-CN' });
    await expect(page.getByRole('region', { name: '我们重视您的隐私' })).toBeVisible();
    await expect(bar(page).getByRole('button')).toHaveText(['全部接受', '全部拒绝', '自定义设置']);
    await expect(bar(page)).toHaveAttribute('lang', 'zh-CN');
    await page.getByRole('button', { name: '自定义设置' }).click();
    await expect(page.getByRole('switch')).toHaveText(['', '', '', '', '']);
    await expect(dialog(page).locator('h3')).toHaveText(['必要', '身份识别', '统计分析', '广告优化', '第三方']);

    const hostile = '<img src=x onerror="window.__xss=1">';
    await open(page, servers, {
      lang: 'zh-CN',
      config: bannerConfig({
        language: 'en',
        translations: { en: { title: hostile } },
        categories: { analytics: { label: { en: hostile, 'zh-CN': '统计' } } },
      }),
    });
    await expect(bar(page).locator('h2')).toHaveText(hostile);
    await page.getByRole('button', { name: 'Customize' }).click();
    await expect(page.getByRole('switch', { name: hostile })).toBeVisible();
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('consentry-banner').evaluate((el) => el.shadowRoot!.querySelectorAll('img').length)).toBe(
      0,
    );
  });

  test('opt-out mode: a notice with OK and "Do not sell or share", which refuses advertising and third_party', async ({
    page,
    servers,
  }) => {
    await open(page, servers, { config: bannerConfig({ mode: 'opt-out' }) });
    await expect(page.getByRole('region', { name: 'Your privacy choices' })).toBeVisible();
    await expect(bar(page).getByRole('button')).toHaveText([
      'OK',
      'Do not sell or share my personal information',
      'Customize',
    ]);
    await page.getByRole('button', { name: 'Do not sell or share my personal information' }).click();
    await expect(bar(page)).toHaveCount(0);
    expect(await stored(page)).toMatchObject({
      m: 'custom',
      c: { identity: 1, analytics: 1, advertising: 0, third_party: 0 },
    });
    await page.evaluate(() => window.consentry!.reset());
    await page.getByRole('button', { name: 'OK' }).click();
    expect(await stored(page)).toMatchObject({ m: 'accept-all', c: { analytics: 1, advertising: 1, third_party: 1 } });
  });

  test('an invalid config shows no banner (nothing could be stored) and keeps everything blocked', async ({
    page,
    servers,
  }) => {
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await open(page, servers, { config: { mode: 'maybe' } });
    await page.waitForLoadState('load');
    expect(errors.some((e) => e.startsWith('consentry: config.mode'))).toBe(true);
    // The safe state loads no UI: no dialog or placeholder that would pretend to store a choice.
    await expect(page.locator('consentry-banner')).toHaveCount(0);
    await expect(bar(page)).toHaveCount(0);
    expect(servers.log).toEqual([]);
  });

  test('consentry.banner.js without the gatekeeper warns and shows nothing', async ({ page, servers }) => {
    servers.page('/', html({ bundle: 'consentry.banner.js' }));
    const warnings: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.goto(`${servers.site}/`);
    await page.waitForLoadState('load');
    expect(warnings.some((w) => w.startsWith('consentry: consentry.banner.js needs consentry.gatekeeper.js'))).toBe(
      true,
    );
    expect(await page.locator('consentry-banner').count()).toBe(0);
  });

  test('works under a strict CSP: no unsafe-inline styles or scripts, no violation', async ({ page, servers }) => {
    await page.addInitScript(() => {
      (window as { __csp?: string[] }).__csp = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as { __csp?: string[] }).__csp!.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    servers.page('/', {
      headers: {
        'Content-Security-Policy': `default-src 'self'; script-src 'self' ${servers.tracker}; style-src 'self'; frame-src ${servers.origin('video.tracker.test')}`,
      },
      body: shopPage(servers),
    });
    await page.goto(`${servers.site}/`);
    await ready(page);
    await expect(bar(page)).toHaveCSS('position', 'fixed');
    await expect(page.locator('consentry-placeholder')).toHaveCSS('width', '404px');
    await page.getByRole('button', { name: 'Customize' }).click();
    await page.getByRole('switch', { name: 'Analytics' }).click();
    await page.getByRole('button', { name: 'Save choices' }).click();
    await servers.waitForRequest((e) => e.path === '/a.js');
    expect(await page.evaluate(() => (window as { __csp?: string[] }).__csp)).toEqual([]);
  });

  test('gatekeeper + deferred banner bundle: one banner, which works', async ({ page, servers }) => {
    await open(page, servers, {
      bundle: 'consentry.gatekeeper.js',
      body: '<script src="/dist/consentry.banner.js" defer></script><script src="/dist/consentry.banner.js" defer></script>',
    });
    await expect(page.locator('consentry-banner')).toHaveCount(1);
    await page.getByRole('button', { name: 'Accept all' }).click();
    await servers.waitForRequest((e) => e.path === '/a.js');
  });
});
