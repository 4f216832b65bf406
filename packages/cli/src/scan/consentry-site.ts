// Operating a consentry site: its own banner's buttons (as a visitor would), its API
// (`rejectAll()`, `acceptAll()`) when the banner offers none.
import type { Page } from 'playwright-core';

/** Whether the page runs consentry (the gatekeeper defines window.consentry first in <head>). */
export const isConsentrySite = (page: Page): Promise<boolean> =>
  page
    .evaluate(() => {
      const api = (window as unknown as { consentry?: { rejectAll?: unknown; acceptAll?: unknown } }).consentry;
      return typeof api?.rejectAll == 'function' && typeof api.acceptAll == 'function';
    })
    .catch(() => false);

/** The first-layer button, by its English text or its position (Accept all, then Reject all). */
const bannerButton = (page: Page, action: 'reject' | 'accept') =>
  page
    .locator('consentry-banner')
    .getByRole('button', { name: action == 'reject' ? /reject all/i : /accept all/i })
    .first();

/** The banner element, for the report's screenshot; null when none shows within `timeoutMs`. */
export const consentryBannerVisible = async (page: Page, timeoutMs: number): Promise<boolean> =>
  bannerButton(page, 'reject')
    .waitFor({ state: 'visible', timeout: timeoutMs })
    .then(
      () => true,
      () => false,
    );

/**
 * Make the choice on a consentry page: click the banner's button when it shows, else call the
 * API. Resolves with how it was done once the choice is stored. `beforeChoice` runs just before.
 */
export const chooseOnConsentry = async (
  page: Page,
  action: 'reject' | 'accept',
  bannerShown: boolean,
  beforeChoice: () => void = () => undefined,
): Promise<'consentry-banner' | 'consentry-api'> => {
  let via: 'consentry-banner' | 'consentry-api' = 'consentry-api';
  beforeChoice();
  if (bannerShown) {
    await bannerButton(page, action).click({ timeout: 5000 });
    via = 'consentry-banner';
  } else {
    await page.evaluate((a) => {
      const api = (window as unknown as { consentry: { rejectAll(): void; acceptAll(): void } }).consentry;
      if (a == 'reject') api.rejectAll();
      else api.acceptAll();
    }, action);
  }
  await page.waitForFunction(
    () => (window as unknown as { consentry: { get(): unknown } }).consentry.get() != null,
    undefined,
    { timeout: 5000 },
  );
  return via;
};
