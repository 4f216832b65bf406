// Languages in a real browser: every shipped locale shows its own first layer with the right
// `lang` and `dir`, fetched from dist/i18n/<tag>.js only by a page that needs it (the site
// server's own log says so); a missing locale file means English and one warning; axe finds
// nothing in the scripts that stress layout (Arabic, Hebrew, Japanese, Thai, Hindi, Greek,
// Russian, German).
import { readFileSync, readdirSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import type { Page } from '@playwright/test';
import { shopPage } from './banner-pages.js';
import { expect, ready, test, type Servers } from './fixtures.js';
import { LOCALE_TAGS, dirOf } from '../../src/ui/i18n/tags.js';
import { catalog } from '../../src/services/index.js';
import { purposeTexts } from '../../src/services/purposes.js';

type Texts = Record<string, string>;
const DIST = new URL('../../dist/', import.meta.url);

/** The texts a built locale file registers, read by running it as the browser would. */
const builtTexts = (tag: string): Texts => {
  const window: { consentryLocales?: Record<string, Texts> } = {};
  runInNewContext(readFileSync(new URL(`i18n/${tag}.js`, DIST), 'utf8'), { window });
  return window.consentryLocales![tag];
};

/** Serve dist/i18n/*.js through handlers that log each request: the server's record of what was fetched. */
const logLocaleFetches = (servers: Servers): string[] => {
  const fetched: string[] = [];
  for (const file of readdirSync(new URL('i18n/', DIST)))
    servers.page(`/dist/i18n/${file}`, () => {
      fetched.push(file.replace(/\.js$/, ''));
      return {
        body: readFileSync(new URL(`i18n/${file}`, DIST), 'utf8'),
        headers: { 'Content-Type': 'text/javascript' },
      };
    });
  return fetched;
};

/** A shop's config: a privacy policy, two catalog services and listed cookies, so the dialog has services and counts to show. */
const siteConfig = (extra: object = {}) => ({
  privacyPolicyUrl: '/privacy',
  reloadOnWithdraw: false,
  services: ['google-analytics', 'youtube'],
  categories: {
    analytics: { cookies: [{ name: '_tr_a', retention: '2 years', description: 'Distinguishes visitors' }, '_tr_b'] },
    advertising: { cookies: ['_ads'] },
  },
  ...extra,
});

const bar = (page: Page) => page.locator('consentry-banner [part=banner]');

const openPage = async (
  page: Page,
  servers: Servers,
  lang: string,
  opts: { config?: object; bundle?: string } = {},
) => {
  servers.page('/', shopPage(servers, { lang, config: opts.config ?? siteConfig(), bundle: opts.bundle }));
  await page.goto(`${servers.site}/`);
  await ready(page);
  await bar(page).waitFor();
};

test.describe('languages: the first layer of every locale', () => {
  for (const tag of LOCALE_TAGS.filter((t) => t != 'en'))
    test(`${tag}: its title and buttons, lang=${tag} dir=${dirOf(tag)}, its file fetched once`, async ({
      page,
      servers,
    }) => {
      const fetched = logLocaleFetches(servers);
      const t = builtTexts(tag);
      const shown: string[] = [];
      // No English first: every title the banner ever shows is the locale's.
      await page.exposeFunction('__title', (text: string) => shown.push(text));
      await page.addInitScript(() =>
        new MutationObserver(() => {
          const h2 = document.querySelector('consentry-banner')?.shadowRoot?.querySelector('h2');
          if (h2 && h2.textContent != (window as { __last?: string }).__last)
            (window as { __title?: (t: string) => void }).__title!(
              ((window as { __last?: string }).__last = h2.textContent!),
            );
        }).observe(document, { childList: true, subtree: true }),
      );
      await openPage(page, servers, tag);
      await expect(bar(page).locator('h2')).toHaveText(t.title);
      await expect(bar(page).locator('[part=actions] button')).toHaveText([t.acceptAll, t.rejectAll, t.customize]);
      await expect(bar(page)).toHaveAttribute('lang', tag);
      await expect(bar(page)).toHaveAttribute('dir', dirOf(tag));
      expect(fetched).toEqual([tag]);
      expect(shown.every((title) => title == t.title)).toBe(true);
    });

  test('en: an English page fetches no locale file', async ({ page, servers }) => {
    const fetched = logLocaleFetches(servers);
    await openPage(page, servers, 'en');
    await expect(bar(page).locator('h2')).toHaveText('We value your privacy');
    await expect(bar(page)).toHaveAttribute('lang', 'en');
    await expect(bar(page)).toHaveAttribute('dir', 'ltr');
    await page.getByRole('button', { name: 'Customize' }).click();
    await page.locator('consentry-banner dialog[open]').waitFor();
    expect(fetched).toEqual([]);
  });
});

test.describe('languages: choosing and loading', () => {
  test('zh-HK readers get Traditional Chinese; config.language wins over <html lang>', async ({ page, servers }) => {
    const fetched = logLocaleFetches(servers);
    await openPage(page, servers, 'zh-HK');
    await expect(bar(page).locator('h2')).toHaveText(builtTexts('zh-TW').title);
    await expect(bar(page)).toHaveAttribute('lang', 'zh-TW');
    await openPage(page, servers, 'zh-HK', { config: siteConfig({ language: 'de-AT' }) });
    await expect(bar(page).locator('h2')).toHaveText(builtTexts('de').title);
    expect(fetched).toEqual(['zh-TW', 'de']);
  });

  test('a locale <script> before the banner: shown with no fetch at display time', async ({ page, servers }) => {
    const fetched = logLocaleFetches(servers);
    servers.page(
      '/',
      shopPage(servers, { lang: 'ja', bundle: null, config: siteConfig() }).replace(
        '</head>',
        '<script src="/dist/consentry.gatekeeper.js"></script><script src="/dist/i18n/ja.js"></script><script src="/dist/consentry.banner.js" defer></script></head>',
      ),
    );
    await page.goto(`${servers.site}/`);
    await bar(page).waitFor();
    await expect(bar(page).locator('h2')).toHaveText(builtTexts('ja').title);
    expect(fetched).toEqual(['ja']); // the page's own tag, not a second load by the banner
  });

  test('a locale file that cannot be fetched (404): English, one console warning, never an empty banner', async ({
    page,
    servers,
  }) => {
    // The bundles served from /alt/, where no i18n/ folder exists: i18n/de.js answers 404.
    for (const file of readdirSync(DIST).filter((f) => f.endsWith('.js')))
      servers.page(`/alt/${file}`, {
        body: readFileSync(new URL(file, DIST), 'utf8'),
        headers: { 'Content-Type': 'text/javascript' },
      });
    const warnings: string[] = [];
    page.on('console', (m) => m.type() == 'warning' && warnings.push(m.text()));
    const missing = page.waitForResponse((r) => r.url().endsWith('/alt/i18n/de.js'));
    servers.page(
      '/',
      shopPage(servers, { lang: 'de', bundle: null, config: siteConfig() }).replace(
        '</head>',
        '<script src="/alt/consentry.js"></script></head>',
      ),
    );
    await page.goto(`${servers.site}/`);
    expect((await missing).status()).toBe(404);
    await bar(page).waitFor();
    await expect(bar(page).locator('h2')).toHaveText('We value your privacy');
    await expect(bar(page)).toHaveAttribute('lang', 'en');
    await expect(bar(page).locator('[part=actions] button')).toHaveText(['Accept all', 'Reject all', 'Customize']);
    // One warning naming the missing file and the fix.
    const ours = warnings.filter((w) => w.startsWith('consentry:'));
    expect(ours).toHaveLength(1);
    expect(ours[0]).toContain('i18n/de.js');
    expect(ours[0]).toContain('Copy dist/i18n/ beside the consentry script, or set "language" in the config');
  });

  test('the one-file install with dist/i18n/ beside it: a German page is German, no warning', async ({
    page,
    servers,
  }) => {
    const warnings: string[] = [];
    page.on('console', (m) => m.type() == 'warning' && warnings.push(m.text()));
    const fetched = logLocaleFetches(servers);
    await openPage(page, servers, 'de', { bundle: 'consentry.js' });
    await expect(bar(page)).toHaveAttribute('lang', 'de');
    await expect(bar(page).locator('[part=actions] button')).toHaveText([
      'Alle akzeptieren',
      'Alle ablehnen',
      'Anpassen',
    ]);
    expect(fetched).toEqual(['de']);
    expect(warnings.filter((w) => w.startsWith('consentry:'))).toEqual([]);
  });

  test('a locale file that never answers: English after the bound (3 s), with a warning; the late file changes nothing', async ({
    page,
    servers,
  }) => {
    logLocaleFetches(servers);
    let release: () => void = () => {};
    await page.route('**/dist/i18n/fi.js', (route) => void (release = () => void route.continue().catch(() => {})));
    const warnings: string[] = [];
    page.on('console', (m) => m.type() == 'warning' && warnings.push(m.text()));
    servers.page('/', shopPage(servers, { lang: 'fi', config: siteConfig() }));
    await page.goto(`${servers.site}/`, { waitUntil: 'domcontentloaded' }); // the held script holds `load` back
    await bar(page).waitFor();
    await expect(bar(page)).toHaveAttribute('lang', 'en');
    await expect(bar(page).locator('h2')).toHaveText('We value your privacy');
    expect(warnings).toEqual([expect.stringContaining('i18n/fi.js could not be loaded (no answer in 3000 ms)')]);
    const late = page.waitForResponse((r) => r.url().endsWith('/dist/i18n/fi.js'));
    release();
    await late;
    await expect(bar(page).locator('h2')).toHaveText('We value your privacy'); // no switch under the reader's eyes
  });

  test('strict CSP (nonce-only scripts) + Trusted Types: the locale file loads with the nonce, zero violations', async ({
    page,
    servers,
  }) => {
    const nonce = 'l0caleN0nce';
    const fetched = logLocaleFetches(servers);
    servers.page('/', {
      headers: {
        'Content-Security-Policy': `default-src 'self'; script-src 'nonce-${nonce}'; style-src 'self'; require-trusted-types-for 'script'; trusted-types consentry lit-html`,
      },
      body: shopPage(servers, { lang: 'de', config: siteConfig() }).replace(
        '<script src="/dist/',
        `<script nonce="${nonce}" src="/dist/`,
      ),
    });
    const violations: string[] = [];
    page.on('console', (m) => /Content.Security.Policy|Trusted.Type/i.test(m.text()) && violations.push(m.text()));
    await page.exposeFunction('__violation', (v: string) => violations.push(v));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { __violation(v: string): void }).__violation(`${e.violatedDirective} ${e.blockedURI}`),
      ),
    );
    await page.goto(`${servers.site}/`);
    await bar(page).waitFor();
    await expect(bar(page).locator('h2')).toHaveText(builtTexts('de').title);
    expect(fetched).toEqual(['de']);
    expect(violations).toEqual([]);
  });

  test('Arabic mirrors: accept at the right, the close button on the left, the knob moves right to left, tables read from the right', async ({
    page,
    servers,
  }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    logLocaleFetches(servers);
    await openPage(page, servers, 'ar');
    const buttons = bar(page).locator('[part=actions] button');
    const [accept, reject] = [(await buttons.nth(0).boundingBox())!, (await buttons.nth(1).boundingBox())!];
    expect(accept.x).toBeGreaterThan(reject.x);
    await buttons.nth(2).click();
    const dialog = page.locator('consentry-banner dialog[open]');
    await expect(dialog).toHaveAttribute('dir', 'rtl');
    await expect(dialog).toHaveAttribute('lang', 'ar');
    const close = (await dialog.locator('[part=close]').boundingBox())!;
    const title = (await dialog.locator('#pt').boundingBox())!;
    expect(close.x).toBeLessThan(title.x);
    const sw = dialog.locator('[role=switch]').nth(1); // analytics, off
    const track = (await sw.boundingBox())!;
    const label = (await dialog.locator('#l-analytics').boundingBox())!;
    expect(track.x).toBeLessThan(label.x);
    // Off: the knob sits at the inline start, which in Arabic is the right; on: at the left.
    // The knob's used left offset (getComputedStyle resolves an auto inset to the used value).
    const knob = () => sw.evaluate((el) => parseFloat(getComputedStyle(el, '::before').left));
    const off = await knob();
    await sw.click();
    await expect(sw).toHaveAttribute('aria-checked', 'true');
    expect(await knob()).toBeLessThan(off);
    // The cookie table reads from the right: its first column at the table's right edge.
    const details = dialog.locator('details').first();
    await details.evaluate((d) => ((d as HTMLDetailsElement).open = true));
    const cookies = details.locator('table').first();
    const table = (await cookies.boundingBox())!;
    const first = (await cookies.locator('th').first().boundingBox())!;
    expect(Math.abs(first.x + first.width - (table.x + table.width))).toBeLessThan(1);
  });
});

interface AxeResult {
  violations: Array<{ id: string; nodes: Array<{ target: unknown; failureSummary?: string }> }>;
}
const axe = async (page: Page) => {
  if (!(await page.evaluate(() => !!(window as { axe?: unknown }).axe)))
    await page.addScriptTag({ url: '/node_modules/axe-core/axe.min.js' });
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
  const result = await page.evaluate(() =>
    (window as unknown as { axe: { run(c: Node, o: object): Promise<AxeResult> } }).axe.run(document, {
      resultTypes: ['violations'],
    }),
  );
  return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => [n.target, n.failureSummary]))}`);
};

// One test per locale and layer: axe over the services dialog is slow on a shared 2-core machine.
for (const tag of ['ar', 'he', 'ja', 'th', 'hi', 'el', 'ru', 'de'])
  for (const layer of ['banner', 'dialog'] as const)
    test(`axe: no violations in ${tag}, ${layer}`, async ({ page, servers }) => {
      test.setTimeout(45000);
      logLocaleFetches(servers);
      await openPage(page, servers, tag, { config: siteConfig({ ui: { minorsNotice: true } }) });
      if (layer == 'dialog') {
        await bar(page).locator('[part=actions] button').nth(2).click();
        await page.locator('consentry-banner dialog[open]').waitFor();
        await page
          .locator('consentry-banner details')
          .first()
          .evaluate((d) => ((d as HTMLDetailsElement).open = true));
      }
      expect(await axe(page)).toEqual([]);
    });

// Every text a visitor reads is in the page's language, the catalog's included:
// with every catalog service configured and every details element open, a non-English
// dialog holds no English purpose sentence and no English retention ("Up to …", "Session").
test.describe('languages: the catalog in the page language', () => {
  const english = [...Object.values(purposeTexts), 'Up to ', 'Session'];
  for (const tag of LOCALE_TAGS.filter((t) => t != 'en'))
    test(`${tag}: the dialog with every catalog service open reads no English catalog sentence`, async ({
      page,
      servers,
    }) => {
      const t = builtTexts(tag);
      await openPage(page, servers, tag, { config: siteConfig({ services: catalog.map((s) => s.id) }) });
      await page.evaluate(() => window.consentry!.open());
      const dialog = page.locator('consentry-banner dialog[open]');
      await dialog.waitFor();
      await dialog.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      const text = await dialog.evaluate((d) => (d as HTMLElement).textContent);
      // The services are listed, with their translated purposes and retention periods.
      expect(text).toContain(t['purpose.embed-video']);
      expect(text).toContain(t['purpose.measure-visits']);
      expect(text).toContain(t.retentionUpTo.replace('{0}', '').trim());
      // "Session" is French, Danish and Swedish too.
      for (const sentence of english.filter((s) => s != t.retentionSession))
        expect(text, `${tag} shows "${sentence}"`).not.toContain(sentence);
      // A catalog service's cookie table names each cookie's purpose (its service's, translated).
      const purposes = await dialog.locator('.svc [part=cookies] td:nth-child(3)').allInnerTexts();
      expect(purposes.length).toBeGreaterThan(10);
      expect(purposes.filter((p) => !p.trim())).toEqual([]);
    });
});
