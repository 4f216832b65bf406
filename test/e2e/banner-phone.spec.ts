// Phones first (docs/guide/theming.md "On phones"): at 375×667 in every shipped locale, measured
// with getBoundingClientRect in Chromium: the first layer's share of the viewport (minors notice
// on), Accept all and Reject all on one row with one width (or one full-width stack) in the
// first layer and the dialog footer, Customize never a half-width leftover, the locked
// category saying "Always on", and placeholders that fit their text and buttons.
import type { Locator, Page } from '@playwright/test';
import { shopPage } from './banner-pages.js';
import { expect, ready, test, type Servers } from './fixtures.js';
import { LOCALE_TAGS } from '../../src/ui/i18n/tags.js';

type Box = { x: number; y: number; width: number; height: number };

const config = {
  privacyPolicyUrl: '/privacy',
  reloadOnWithdraw: false,
  services: ['google-analytics', 'youtube', 'google-maps'],
  ui: { minorsNotice: true },
};

const open = async (page: Page, servers: Servers, lang: string, body = '') => {
  await page.setViewportSize({ width: 375, height: 667 });
  servers.page('/', shopPage(servers, { lang, config, body }));
  await page.goto(`${servers.site}/`);
  await ready(page);
  await page.locator('consentry-banner [part=banner] [part=actions]').waitFor();
};

const box = (l: Locator): Promise<Box> => l.evaluate((el) => el.getBoundingClientRect().toJSON() as Box);
const near = (a: number, b: number) => Math.abs(a - b) <= 1;

/** Accept all and Reject all: the same width, and the same row or both full width; Customize full width or the same width on their row. */
const expectEqualPair = async (actions: Locator) => {
  const [accept, reject, ...rest] = await actions
    .locator('button')
    .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as Box));
  const row = await box(actions);
  expect(near(accept.width, reject.width), `accept ${accept.width} vs reject ${reject.width}`).toBe(true);
  expect(near(accept.height, reject.height), `accept ${accept.height} vs reject ${reject.height} px high`).toBe(true);
  const sameRow = near(accept.y, reject.y);
  const stacked = near(accept.width, row.width) && near(reject.width, row.width);
  expect(sameRow || stacked, `same row ${sameRow}, full-width stack ${stacked}`).toBe(true);
  return { accept, reject, rest, row };
};

for (const lang of LOCALE_TAGS)
  test(`${lang}: the first layer fits a phone, accept and reject side by side`, async ({ page, servers }) => {
    await open(page, servers, lang);
    const bar = page.locator('consentry-banner [part=banner]');
    const limit = lang == 'en' || lang == 'zh-CN' ? 0.4 : 0.5;
    const { height } = await box(bar);
    expect(height / 667, `${Math.round(height)} px of 667`).toBeLessThanOrEqual(limit);
    // Nothing hidden behind scrolling.
    expect(await bar.evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
    const { accept, rest, row } = await expectEqualPair(bar.locator('[part=actions]'));
    const [customize] = rest;
    // Customize: a full-width row of its own, or the same size beside the pair.
    expect(
      near(customize.width, row.width) || (near(customize.width, accept.width) && near(customize.y, accept.y)),
      `customize ${customize.width} of ${row.width}`,
    ).toBe(true);
  });

for (const lang of LOCALE_TAGS)
  test(`${lang}: the dialog footer keeps accept and reject equal, the locked category says always on`, async ({
    page,
    servers,
  }) => {
    await open(page, servers, lang);
    await page.evaluate(() => window.consentry!.open());
    const dialog = page.locator('consentry-banner dialog[open]');
    await dialog.waitFor();
    const footer = dialog.locator('.ft [part=actions]');
    // Footer order: Accept all, Reject all, Save choices.
    const { accept, reject, rest } = await expectEqualPair(footer);
    const [save] = rest;
    expect(save.y, 'Save is never above the pair').toBeGreaterThanOrEqual(Math.min(accept.y, reject.y) - 1);
    const necessary = dialog.locator('[part=category]').first();
    const sw = necessary.getByRole('switch');
    await expect(sw).toHaveAttribute('aria-disabled', 'true');
    const alwaysOn = necessary.locator('[part=always-on]');
    await expect(alwaysOn).toBeVisible();
    const texts = await page.evaluate(
      async (tag) =>
        (window as unknown as { consentryLocales?: Record<string, Record<string, string>> }).consentryLocales?.[tag]
          ?.alwaysOn,
      lang,
    );
    if (lang != 'en') expect(texts, `${lang} translates alwaysOn`).toBeTruthy();
    await expect(alwaysOn).toHaveText(texts ?? 'Always on');
  });

for (const lang of ['de', 'ja', 'fi', 'ar', 'en'])
  test(`${lang}: an embed placeholder grows to fit its text and buttons`, async ({ page, servers }) => {
    await open(
      page,
      servers,
      lang,
      `<iframe data-consent="google-maps" data-src="https://www.google.com/maps/embed?pb=1" title="Map" width="300" height="150"></iframe>`,
    );
    await page.evaluate(() => window.consentry!.open());
    await page.keyboard.press('Escape');
    const placeholders = page.locator('consentry-placeholder');
    await expect(placeholders).toHaveCount(2);
    for (const p of await placeholders.all()) {
      const inner = p.locator('[part=placeholder]');
      await inner.waitFor();
      const outer = await box(p);
      for (const part of [
        inner.locator('p'),
        inner.locator('[part=load-once]'),
        inner.locator('[part=allow-always]'),
      ]) {
        const b = await box(part);
        expect(b.y, 'top inside').toBeGreaterThanOrEqual(outer.y);
        expect(b.y + b.height, 'bottom inside').toBeLessThanOrEqual(outer.y + outer.height + 0.5);
      }
      expect(await inner.evaluate((el) => el.scrollHeight <= el.clientHeight + 1), 'nothing scrolled away').toBe(true);
    }
  });

test('ja: the policy link never breaks mid-word', async ({ page, servers }) => {
  await open(page, servers, 'ja');
  const link = page.locator('consentry-banner [part=link]');
  const rects = await link.evaluate((el) => el.getClientRects().length);
  expect(rects, 'one line box for プライバシーポリシー').toBe(1);
});

test('wide screens: ui.layout box (default) is a corner box with one row of buttons; bar spans the page', async ({
  page,
  servers,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ reducedMotion: 'reduce' }); // no slide-in to wait for
  const bar = page.locator('consentry-banner [part=banner]');
  for (const [layout, rtl] of [
    [undefined, false],
    ['box', true],
    ['bar', false],
  ] as const) {
    servers.page(
      '/',
      shopPage(servers, { lang: rtl ? 'ar' : 'en', config: { ...config, ...(layout && { ui: { layout } }) } }),
    );
    await page.goto(`${servers.site}/`);
    await ready(page);
    await bar.locator('[part=actions]').waitFor();
    const b = await box(bar);
    const buttons = await bar
      .locator('[part=actions] button')
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().y));
    if (layout == 'bar') {
      expect(b.width).toBe(1024);
      expect(near(b.y + b.height, 800)).toBe(true);
    } else {
      expect(b.width).toBeLessThanOrEqual(384);
      // The inline-end corner, 1rem from the edges: right in English, left in Arabic.
      expect(near(rtl ? b.x : 1280 - (b.x + b.width), 16), `x ${b.x}`).toBe(true);
      expect(near(800 - (b.y + b.height), 16), `bottom ${b.y + b.height}`).toBe(true);
      expect(new Set(buttons).size, 'one row').toBe(1);
    }
  }
});
