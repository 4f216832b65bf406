// Screenshots for a human to look at (SCREENSHOTS=1 npx playwright test banner-screenshots):
// desktop 1280 and mobile 375, light and dark, en and zh-CN, first layer and dialog.
import { readFileSync } from 'node:fs';
import { bannerConfig, shopPage } from './banner-pages.js';
import { ready, test } from './fixtures.js';

test.skip(!process.env.SCREENSHOTS, 'only on demand: SCREENSHOTS=1');

for (const width of [1280, 375])
  for (const scheme of ['light', 'dark'] as const)
    for (const lang of ['en', 'zh-CN'])
      test(`screenshot ${width} ${scheme} ${lang}`, async ({ page, servers }) => {
        await page.setViewportSize({ width, height: width > 400 ? 800 : 740 });
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        servers.page('/', shopPage(servers, { lang, config: bannerConfig({ ui: { minorsNotice: true } }) }));
        await page.goto(`${servers.site}/`);
        await ready(page);
        await page.locator('consentry-banner [part=banner]').waitFor();
        const name = `screenshots/${width}-${scheme}-${lang}`;
        await page.screenshot({ path: `${name}-banner.png` });
        await page.getByRole('button', { name: lang == 'en' ? 'Customize' : '自定义设置' }).click();
        await page.locator('consentry-banner dialog[open]').waitFor();
        await page
          .locator('consentry-banner details')
          .first()
          .evaluate((d) => ((d as HTMLDetailsElement).open = true));
        await page.screenshot({ path: `${name}-dialog.png` });
      });

test('screenshot extras: 320 px, 200% zoom, RTL, opt-out, forced dark, floating button', async ({ page, servers }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const shot = async (
    name: string,
    config: object,
    { width = 1280, height = 800, lang = 'en', dir = '', dialog = false } = {},
  ) => {
    await page.setViewportSize({ width, height });
    servers.page(
      '/',
      shopPage(servers, { lang, config: bannerConfig(config) }).replace('<html', `<html dir="${dir || 'ltr'}"`),
    );
    await page.goto(`${servers.site}/`);
    await ready(page);
    if (dialog) {
      await page.evaluate(() => window.consentry!.open());
      await page.locator('consentry-banner dialog[open]').waitFor();
    }
    await page.screenshot({ path: `screenshots/extra-${name}.png` });
  };
  await shot('320-en', {}, { width: 320, height: 640 });
  await shot('320-zh-dialog', {}, { width: 320, height: 640, lang: 'zh-CN', dialog: true });
  // 200% zoom of a 1280×800 window is a 640×400 CSS-pixel viewport.
  await shot('zoom200-en', { ui: { minorsNotice: true } }, { width: 640, height: 400 });
  await shot('zoom200-dialog', {}, { width: 640, height: 400, dialog: true });
  await shot('rtl', {}, { dir: 'rtl', dialog: true });
  await shot('rtl-banner', {}, { dir: 'rtl' });
  await shot('optout', { mode: 'opt-out' });
  await shot('optout-375-zh', { mode: 'opt-out' }, { width: 375, lang: 'zh-CN' });
  await shot('forced-dark-top', { ui: { theme: 'dark', position: 'top' } });
  await shot('center', { ui: { position: 'center' } });
  await page.getByRole('button', { name: 'Reject all' }).click();
  await shot('float', { ui: { floatingButton: true } });
});

// The locales that stress layout (RTL, CJK, long German and Finnish compounds), banner and dialog.
for (const width of [1280, 375])
  for (const lang of ['ar', 'he', 'ja', 'de', 'fi', 'zh-TW'])
    test(`screenshot ${width} ${lang}`, async ({ page, servers }) => {
      await page.setViewportSize({ width, height: width > 400 ? 800 : 740 });
      await page.emulateMedia({ reducedMotion: 'reduce' });
      const config = {
        privacyPolicyUrl: '/privacy',
        reloadOnWithdraw: false,
        services: ['google-analytics', 'youtube'],
        ui: { minorsNotice: true },
        categories: {
          analytics: {
            cookies: [{ name: '_tr_a', retention: '2 years', description: 'Distinguishes visitors' }, '_tr_b'],
          },
        },
      };
      servers.page('/', shopPage(servers, { lang, config }));
      await page.goto(`${servers.site}/`);
      await ready(page);
      await page.locator('consentry-banner [part=banner]').waitFor();
      await page.screenshot({ path: `screenshots/${width}-${lang}-banner.png` });
      await page.evaluate(() => window.consentry!.open());
      await page.locator('consentry-banner dialog[open]').waitFor();
      await page
        .locator('consentry-banner details')
        .first()
        .evaluate((d) => ((d as HTMLDetailsElement).open = true));
      await page.screenshot({ path: `screenshots/${width}-${lang}-dialog.png` });
    });

// The set looked at for the phones-first work: 375 and 1280, light and dark, en/zh-CN/de/ja/ar;
// first layer (minors notice on), dialog, services open, and an embed placeholder.
for (const width of [375, 1280])
  for (const scheme of ['light', 'dark'] as const)
    for (const lang of ['en', 'zh-CN', 'de', 'ja', 'ar'])
      test(`screenshot set ${width} ${scheme} ${lang}`, async ({ page, servers }) => {
        await page.setViewportSize({ width, height: width > 400 ? 800 : 667 });
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        const config = {
          privacyPolicyUrl: '/privacy',
          reloadOnWithdraw: false,
          services: ['google-analytics', 'youtube', 'google-maps'],
          ui: { minorsNotice: true },
        };
        const map =
          '<iframe data-consent="google-maps" data-src="https://www.google.com/maps/embed?pb=1" title="Map" width="300" height="150"></iframe>';
        servers.page('/', shopPage(servers, { lang, config, body: map }));
        await page.goto(`${servers.site}/`);
        await ready(page);
        await page.locator('consentry-banner [part=banner]').waitFor();
        const name = `screenshots/set-${width}-${scheme}-${lang}`;
        await page.screenshot({ path: `${name}-1-banner.png` });
        await page.evaluate(() => window.consentry!.open());
        const dialog = page.locator('consentry-banner dialog[open]');
        await dialog.waitFor();
        await page.screenshot({ path: `${name}-2-dialog.png` });
        await dialog
          .locator('details')
          .evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
        await dialog.locator('[part=category]').nth(2).scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${name}-3-services.png` });
        await page.keyboard.press('Escape');
        await page.locator('consentry-placeholder').last().scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${name}-4-placeholder.png` });
      });

// Beside vanilla-cookieconsent (the bench's peer, its default corner box): the layout default.
for (const width of [375, 1280])
  test(`screenshot layouts beside vanilla-cookieconsent ${width}`, async ({ page, servers }) => {
    await page.setViewportSize({ width, height: width > 400 ? 800 : 667 });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    for (const layout of ['box', 'bar']) {
      servers.page('/', shopPage(servers, { config: bannerConfig({ ui: { layout } }) }));
      await page.goto(`${servers.site}/`);
      await ready(page);
      await page.locator('consentry-banner [part=banner]').waitFor();
      await page.screenshot({ path: `screenshots/layout-${width}-${layout}.png` });
    }
    const cc = 'node_modules/vanilla-cookieconsent/dist';
    servers.page('/cc.css', {
      body: readFileSync(`${cc}/cookieconsent.css`, 'utf8'),
      headers: { 'Content-Type': 'text/css' },
    });
    servers.page('/cc.js', {
      body: readFileSync(`${cc}/cookieconsent.umd.js`, 'utf8'),
      headers: { 'Content-Type': 'text/javascript' },
    });
    servers.page(
      '/',
      shopPage(servers, { bundle: null }).replace(
        '</head>',
        `<link rel="stylesheet" href="/cc.css"><script src="/cc.js"></script><script>addEventListener('DOMContentLoaded', () => CookieConsent.run({ hideFromBots: false, categories: { necessary: { enabled: true, readOnly: true }, analytics: {} }, language: { default: 'en', translations: { en: { consentModal: { title: 'We value your privacy', description: 'We use cookies and similar technologies such as web beacons to run this site, remember you, measure visits and personalize ads. Optional ones stay off until you allow them.', acceptAllBtn: 'Accept all', acceptNecessaryBtn: 'Reject all', showPreferencesBtn: 'Customize' }, preferencesModal: { title: 'Preferences', sections: [] } } } } }))</script></head>`,
      ),
    );
    await page.goto(`${servers.site}/`);
    await page.locator('#cc-main .cm').waitFor();
    await page.screenshot({ path: `screenshots/layout-${width}-vanilla-cookieconsent.png` });
  });
