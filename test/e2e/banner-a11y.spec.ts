// axe-core in real Chromium: zero violations for the first layer and the dialog,
// in light and dark, English and Simplified Chinese, desktop and 320 px.
import type { Page } from '@playwright/test';
import { bannerConfig, shopPage } from './banner-pages.js';
import { expect, ready, test } from './fixtures.js';

interface AxeResult {
  violations: Array<{ id: string; nodes: Array<{ target: unknown; failureSummary?: string }> }>;
}
declare global {
  interface Window {
    axe?: { run(context: Node, options?: object): Promise<AxeResult> };
  }
}

const axe = async (page: Page) => {
  if (!(await page.evaluate(() => !!window.axe))) await page.addScriptTag({ url: '/node_modules/axe-core/axe.min.js' });
  // Check the resting state: mid-fade colours would make the contrast check flaky.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
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
        await page
          .locator('consentry-banner details')
          .first()
          .evaluate((d) => ((d as HTMLDetailsElement).open = true));
        expect(await axe(page), `dialog ${width}`).toEqual([]);
      }
    });

test('config.ui.theme forces dark over a light system preference (and stays accessible)', async ({ page, servers }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  servers.page('/', shopPage(servers, { config: bannerConfig({ ui: { theme: 'dark', floatingButton: true } }) }));
  await page.goto(`${servers.site}/`);
  await ready(page);
  const bg = await page
    .locator('consentry-banner [part=banner]')
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(bg).toBe('rgb(27, 28, 32)');
  expect(await axe(page)).toEqual([]);
  await page.getByRole('button', { name: 'Reject all' }).click();
  await page.getByRole('button', { name: 'Privacy preferences' }).waitFor();
  expect(await axe(page)).toEqual([]);
});

test('200% zoom (640×400 CSS px): banner and dialog fit the viewport and every action is reachable', async ({
  page,
  servers,
}) => {
  await page.setViewportSize({ width: 640, height: 400 });
  servers.page('/', shopPage(servers, { config: bannerConfig({ ui: { minorsNotice: true } }) }));
  await page.goto(`${servers.site}/`);
  await ready(page);
  const bar = page.locator('consentry-banner [part=banner]');
  // Measure the resting position, not a frame of the slide-in animation.
  await bar.evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
  const box = (await bar.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(400);
  expect(box.x + box.width).toBeLessThanOrEqual(640);
  await page.getByRole('button', { name: 'Customize' }).click();
  const save = page.getByRole('button', { name: 'Save choices' });
  await expect(save).toBeInViewport();
  await page.getByRole('switch', { name: 'Third-party' }).click(); // scrolled into view inside the dialog
  await save.click();
  await expect(bar).toHaveCount(0);
});

test('RTL pages mirror the layout; prefers-reduced-motion turns the animation off', async ({ page, servers }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  // The banner's direction is its language's (docs/guide/languages.md): a Hebrew page, so the banner is rtl.
  servers.page('/', shopPage(servers, { lang: 'he' }).replace('<html', '<html dir="rtl"'));
  await page.goto(`${servers.site}/`);
  await ready(page);
  const bar = page.locator('consentry-banner [part=banner]');
  await expect(bar).toHaveAttribute('dir', 'rtl');
  await expect(bar).toHaveCSS('animation-name', 'none');
  const buttons = bar.locator('[part=actions] button');
  const accept = (await buttons.nth(0).boundingBox())!;
  const reject = (await buttons.nth(1).boundingBox())!;
  expect(accept.x).toBeGreaterThan(reject.x); // the first button sits at the right
  await buttons.nth(2).click();
  const track = (await page.locator('consentry-banner [role=switch]').first().boundingBox())!;
  const title = (await page.locator('consentry-banner #l-necessary').boundingBox())!;
  expect(track.x).toBeLessThan(title.x); // switches on the left, labels on the right
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await page.goto(`${servers.site}/`);
  await expect(page.locator('consentry-banner [part=banner]')).toHaveCSS('animation-name', 'in');
});
