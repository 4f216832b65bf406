// One visit to one page, the same in every phase: load, wait for the network to go quiet,
// scroll and move the pointer (lazy tags and "engagement" beacons fire on these), wait again.
import type { Page, Response } from 'playwright-core';

/** How long a page may take to load before the visit gives up on it. */
export const LOAD_TIMEOUT = 30000;
/** Longest wait for the network to go quiet; a page that polls forever is not waited for further. */
const IDLE_TIMEOUT = 8000;

/** Wait until no request has been in flight for 500 ms (or IDLE_TIMEOUT passed). */
export const settle = (page: Page): Promise<void> => page.waitForLoadState('networkidle', { timeout: IDLE_TIMEOUT }).catch(() => undefined);

/** Scroll to the end and back and move the pointer across the page, as a reader would. */
export const interact = async (page: Page): Promise<void> => {
  await page.mouse.move(100, 100);
  await page.mouse.move(640, 400, { steps: 4 });
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight)).catch(() => undefined);
  await page.mouse.wheel(0, 400);
  await page.evaluate(() => window.scrollTo(0, 0)).catch(() => undefined);
};

/** Load `url`, settle, interact, settle. Returns the main document's response (null for none). */
export const visit = async (page: Page, url: string): Promise<Response | null> => {
  const response = await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
  await settle(page);
  await interact(page);
  await settle(page);
  return response;
};
