// Screenshots for a human to look at (SCREENSHOTS=1 npx playwright test banner-screenshots):
// desktop 1280 and mobile 375, light and dark, en and zh-CN, first layer and dialog.
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
        await page.locator('consentry-banner details').first().evaluate((d) => ((d as HTMLDetailsElement).open = true));
        await page.screenshot({ path: `${name}-dialog.png` });
      });

test('screenshot extras: 320 px, 200% zoom, RTL, opt-out, forced dark, floating button', async ({ page, servers }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const shot = async (name: string, config: object, { width = 1280, height = 800, lang = 'en', dir = '', dialog = false } = {}) => {
    await page.setViewportSize({ width, height });
    servers.page('/', shopPage(servers, { lang, config: bannerConfig(config) }).replace('<html', `<html dir="${dir || 'ltr'}"`));
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
      const config = { privacyPolicyUrl: '/privacy', reloadOnWithdraw: false, services: ['google-analytics', 'youtube'], ui: { minorsNotice: true }, categories: { analytics: { cookies: [{ name: '_tr_a', retention: '2 years', description: 'Distinguishes visitors' }, '_tr_b'] } } };
      servers.page('/', shopPage(servers, { lang, config }));
      await page.goto(`${servers.site}/`);
      await ready(page);
      await page.locator('consentry-banner [part=banner]').waitFor();
      await page.screenshot({ path: `screenshots/${width}-${lang}-banner.png` });
      await page.evaluate(() => window.consentry!.open());
      await page.locator('consentry-banner dialog[open]').waitFor();
      await page.locator('consentry-banner details').first().evaluate((d) => ((d as HTMLDetailsElement).open = true));
      await page.screenshot({ path: `screenshots/${width}-${lang}-dialog.png` });
    });
