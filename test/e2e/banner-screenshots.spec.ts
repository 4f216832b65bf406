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
        await page.emulateMedia({ colorScheme: scheme });
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
