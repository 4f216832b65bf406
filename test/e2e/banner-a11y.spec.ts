// axe-core in real Chromium: zero violations for the first layer and the dialog,
// in light and dark, English and Simplified Chinese, desktop and 320 px.
import type { Page } from '@playwright/test';
import { bannerConfig, shopPage } from './banner-pages.js';
import { expect, ready, test } from './fixtures.js';

interface AxeResult { violations: Array<{ id: string; nodes: Array<{ target: unknown; failureSummary?: string }> }> }
declare global {
  interface Window { axe?: { run(context: Node, options?: object): Promise<AxeResult> } }
}

const axe = async (page: Page) => {
  if (!(await page.evaluate(() => !!window.axe))) await page.addScriptTag({ url: '/node_modules/axe-core/axe.min.js' });
  const result = await page.evaluate(() => window.axe!.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => [n.target, n.failureSummary]))}`);
};

for (const scheme of ['light', 'dark'] as const)
  for (const lang of ['en', 'zh-CN'])
    test(`axe: no violations, ${scheme}, ${lang}`, async ({ page, servers }) => {
      await page.emulateMedia({ colorScheme: scheme });
      servers.page('/', shopPage(servers, { lang, config: bannerConfig({ ui: { minorsNotice: true } }) }));
      for (const width of [1280, 320]) {
        await page.setViewportSize({ width, height: 720 });
        await page.goto(`${servers.site}/`);
        await ready(page);
        await page.locator('consentry-banner [part=banner]').waitFor();
        expect(await axe(page), `banner ${width}`).toEqual([]);
        await page.locator('consentry-banner [part=actions] button').nth(2).click();
        await page.locator('consentry-banner dialog[open]').waitFor();
        await page.locator('consentry-banner details').first().evaluate((d) => ((d as HTMLDetailsElement).open = true));
        expect(await axe(page), `dialog ${width}`).toEqual([]);
      }
    });

test('config.ui.theme forces dark over a light system preference (and stays accessible)', async ({ page, servers }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  servers.page('/', shopPage(servers, { config: bannerConfig({ ui: { theme: 'dark', floatingButton: true } }) }));
  await page.goto(`${servers.site}/`);
  await ready(page);
  const bg = await page.locator('consentry-banner [part=banner]').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(bg).toBe('rgb(27, 28, 32)');
  expect(await axe(page)).toEqual([]);
  await page.getByRole('button', { name: 'Reject all' }).click();
  await page.getByRole('button', { name: 'Privacy preferences' }).waitFor();
  expect(await axe(page)).toEqual([]);
});
