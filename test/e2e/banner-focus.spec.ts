// Focus returns to the control the person used: with the keyboard, from
// the first layer of a script-tag install (consentry.banner.js, upgraded in place when
// Customize loads the whole UI: the successor of the pressed button takes focus), and from a
// footer link; by Escape, the × button and Save. Never <body>.
import type { Page } from '@playwright/test';
import { bannerConfig } from './banner-pages.js';
import { expect, html, ready, test, type Servers } from './fixtures.js';

/** The focused element, looking into shadow roots: its text or id, or `body`. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el == document.body
      ? 'body'
      : el?.id || el?.getAttribute('aria-label') || el?.textContent?.trim() || el?.localName;
  });

const tabTo = async (page: Page, name: string) => {
  for (let i = 0; i < 20 && (await focused(page)) != name; i++) await page.keyboard.press('Tab');
  expect(await focused(page)).toBe(name);
};

const dialog = (page: Page) => page.locator('consentry-banner dialog[open]');

const open = async (page: Page, servers: Servers) => {
  // The head script alone: the first layer comes from consentry.banner.js, the dialog from
  // consentry.ui.js on Customize (no blocked embed on this page, which would load it at once).
  servers.page(
    '/',
    html({
      config: bannerConfig(),
      body: '<main><p>Fine teas.</p><button id="before">Before</button></main><footer><a id="prefs" href="#consentry-preferences">Privacy preferences</a></footer>',
    }),
  );
  await page.goto(`${servers.site}/`);
  await ready(page);
  await page.locator('consentry-banner [part=banner] [part=actions]').waitFor();
};

for (const how of ['Escape', 'Close'] as const)
  test(`first layer → Customize (upgraded in place) → ${how}: focus is back on Customize`, async ({
    page,
    servers,
  }) => {
    await open(page, servers);
    await page.locator('#before').focus();
    await tabTo(page, 'Customize');
    // Only the first layer's own file so far.
    expect(await page.evaluate(() => !!customElements.get('consentry-banner'))).toBe(false);
    await page.keyboard.press('Enter');
    await expect(dialog(page)).toBeVisible();
    if (how == 'Escape') await page.keyboard.press('Escape');
    else {
      await tabTo(page, 'Close');
      await page.keyboard.press('Enter');
    }
    await expect(dialog(page)).toHaveCount(0);
    expect(await focused(page)).toBe('Customize');
    // The very control on screen, in the first layer, and the keyboard goes on from there.
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('Reject all');
  });

for (const how of ['Save choices', 'Close', 'Escape'] as const)
  test(`footer link → ${how}: focus is back on the link`, async ({ page, servers }) => {
    await open(page, servers);
    await page.getByRole('button', { name: 'Reject all' }).click();
    await expect(page.locator('consentry-banner [part=banner]')).toHaveCount(0);
    await page.locator('#prefs').focus();
    await page.keyboard.press('Enter');
    await expect(dialog(page)).toBeVisible();
    if (how == 'Escape') await page.keyboard.press('Escape');
    else {
      await tabTo(page, how);
      await page.keyboard.press('Enter');
    }
    await expect(dialog(page)).toHaveCount(0);
    expect(await focused(page)).toBe('prefs');
  });

// A choice made in a dialog the first layer opened removes the first layer and Customize with
// it: focus goes to the floating button, else back where it was before the banner, else to a
// "choices saved" status inside consentry (docs/decisions/2026-12-08-focus-after-save.md).
for (const how of ['Save choices', 'Accept all'] as const)
  test(`first layer → Customize → ${how}: focus returns to where it was before it entered the banner`, async ({
    page,
    servers,
  }) => {
    await open(page, servers);
    // Tab goes #before, the footer link, then into the banner (last in <body>).
    await page.locator('#before').focus();
    await tabTo(page, 'Customize');
    await page.keyboard.press('Enter');
    await expect(dialog(page)).toBeVisible();
    await tabTo(page, how);
    await page.keyboard.press('Enter');
    await expect(dialog(page)).toHaveCount(0);
    await expect(page.locator('consentry-banner [part=banner]')).toHaveCount(0);
    await expect.poll(() => focused(page)).toBe('prefs');
  });

test('first layer → Customize → Save choices with ui.floatingButton: focus is on the floating button', async ({
  page,
  servers,
}) => {
  servers.page(
    '/',
    html({
      config: bannerConfig({ ui: { floatingButton: true } }),
      body: '<main><button id="before">Before</button></main>',
    }),
  );
  await page.goto(`${servers.site}/`);
  await ready(page);
  await page.locator('consentry-banner [part=banner] [part=actions]').waitFor();
  await page.locator('#before').focus();
  await tabTo(page, 'Customize');
  await page.keyboard.press('Enter');
  await expect(dialog(page)).toBeVisible();
  await tabTo(page, 'Save choices');
  await page.keyboard.press('Enter');
  await expect(dialog(page)).toHaveCount(0);
  await expect.poll(() => focused(page)).toBe('Privacy preferences');
  expect(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('part'))).toBe(
    'float',
  );
});

test('first layer entered from nowhere → Customize → Save choices: a "choices saved" status takes focus, never <body>', async ({
  page,
  servers,
}) => {
  await open(page, servers);
  // A click: focus enters the banner from <body>, nothing to go back to.
  await page.getByRole('button', { name: 'Customize' }).click();
  await expect(dialog(page)).toBeVisible();
  await tabTo(page, 'Save choices');
  await page.keyboard.press('Enter');
  await expect(dialog(page)).toHaveCount(0);
  await expect.poll(() => focused(page)).toBe('Your choices are saved');
  const status = page.locator('consentry-banner [part=status]');
  await expect(status).toHaveAttribute('role', 'status');
  // The keyboard goes on from there into the page (consentry is last in <body>).
  await page.keyboard.press('Shift+Tab');
  expect(await focused(page)).toBe('prefs');
});
