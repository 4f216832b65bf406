// Which Chromium to drive (issue 14, point 1): --browser, CHROMIUM_PATH, Playwright's installed
// Chromium, or a system Chrome/Chromium; a clear message when there is none.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where system browsers usually live (Debian/Ubuntu, Fedora, macOS, Windows). */
const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** A reason the scan could not run at all (exit code 2). */
export class ScanError extends Error {}

/** The browser executable to use, or a ScanError saying where it looked. */
export const findBrowser = (given?: string): string => {
  if (given) {
    if (!existsSync(given)) throw new ScanError(`--browser ${given}: no such file`);
    return given;
  }
  const env = process.env.CHROMIUM_PATH;
  if (env) {
    if (!existsSync(env)) throw new ScanError(`CHROMIUM_PATH=${env}: no such file`);
    return env;
  }
  let playwright = '';
  try {
    playwright = chromium.executablePath();
  } catch {
    // playwright-core throws when it has no browser registry entry; the system ones follow.
  }
  const found = [playwright, ...SYSTEM_BROWSERS].find((p) => p && existsSync(p));
  if (!found) throw new ScanError('no Chromium or Chrome found: pass --browser PATH or set CHROMIUM_PATH (looked in Playwright\'s browsers and ' + SYSTEM_BROWSERS.slice(0, 4).join(', ') + ' …)');
  return found;
};

/**
 * A desktop Chrome user agent without "HeadlessChrome": vanilla-cookieconsent hides its
 * banner from automated browsers and trackers such as PostHog drop headless traffic.
 */
export const desktopUserAgent = (browserVersion: string): string =>
  `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${browserVersion.split('.')[0]}.0.0.0 Safari/537.36`;

/**
 * Launch headless Chromium presenting as an ordinary browser. Site isolation is off so every
 * frame's requests reach one CDP session (initiator chains across iframes).
 */
export const launchBrowser = async (executablePath: string, extraArgs: string[]): Promise<Browser> =>
  chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--disable-blink-features=AutomationControlled',
      '--disable-features=IsolateOrigins,site-per-process',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-dev-shm-usage',
      '--no-sandbox',
      ...extraArgs,
    ],
  });
