// One visit to one page, the same in every phase: load, wait for the network to go quiet,
// scroll and move the pointer (lazy tags and "engagement" beacons fire on these), wait again.
import type { Page, Response } from 'playwright-core';

/** How long a page's document may take to arrive before the visit gives up on it. */
export const LOAD_TIMEOUT = 30000;
/** How long to wait for a page's load event by default (--load-timeout). */
export const LOAD_EVENT_TIMEOUT = 10000;
/** Longest wait for the network to go quiet; a page that polls forever is not waited for further. */
const IDLE_TIMEOUT = 8000;

/** Wait until no request has been in flight for 500 ms, at most `bound` ms. */
export const settle = (page: Page, bound = IDLE_TIMEOUT): Promise<void> =>
  page.waitForLoadState('networkidle', { timeout: Math.min(bound, IDLE_TIMEOUT) }).catch(() => undefined);

/** Scroll to the end and back and move the pointer across the page, as a reader would. */
export const interact = async (page: Page): Promise<void> => {
  await page.mouse.move(100, 100);
  await page.mouse.move(640, 400, { steps: 4 });
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight)).catch(() => undefined);
  await page.mouse.wheel(0, 400);
  await page.evaluate(() => window.scrollTo(0, 0)).catch(() => undefined);
};

/** What loading a page gave: the main document's response (null for none) and whether its load event came in time. */
export interface Loaded {
  response: Response | null;
  loaded: boolean;
}

/**
 * Open `url` and wait for its load event at most `loadTimeout` ms: one subresource that never
 * answers holds the load event forever, and must not stop the scan (the caller reports it).
 */
export const open = async (page: Page, url: string, loadTimeout: number): Promise<Loaded> => {
  const response = await page.goto(url, { waitUntil: 'domcontentloaded', timeout: LOAD_TIMEOUT });
  const loaded = await page.waitForLoadState('load', { timeout: loadTimeout }).then(
    () => true,
    () => false,
  );
  return { response, loaded };
};

/** Open `url`, settle, interact, settle. A page whose load never came is waited for no longer than `loadTimeout` again. */
export const visit = async (
  page: Page,
  url: string,
  loadTimeout: number,
  onStuck: () => void,
): Promise<Response | null> => {
  const { response, loaded } = await open(page, url, loadTimeout);
  if (!loaded) onStuck();
  const bound = loaded ? IDLE_TIMEOUT : loadTimeout;
  await settle(page, bound);
  await interact(page);
  await settle(page, bound);
  return response;
};
