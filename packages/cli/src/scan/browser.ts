// Which Chromium to drive (docs/scanner.md): --browser, CHROMIUM_PATH, Playwright's installed
// Chromium, or a system Chrome/Chromium; a clear message when there is none.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

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
  if (!found)
    throw new ScanError(
      "no Chromium or Chrome found: pass --browser PATH or set CHROMIUM_PATH (looked in Playwright's browsers and " +
        SYSTEM_BROWSERS.slice(0, 4).join(', ') +
        ' …)',
    );
  return found;
};

/** The browser's major version (`chromium --version`), for a user agent that matches it. */
const majorVersion = (executablePath: string): string => {
  try {
    return (
      /(\d+)\.\d+\.\d+/.exec(
        execFileSync(executablePath, ['--version'], {
          encoding: 'utf8',
          timeout: 20000,
          stdio: ['ignore', 'pipe', 'ignore'],
        }),
      )?.[1] ?? '131'
    );
  } catch {
    return '131'; // Chrome on Windows prints no version; any recent one will do for a user agent
  }
};

/**
 * A desktop Chrome user agent without "HeadlessChrome": vanilla-cookieconsent hides its
 * banner from automated browsers and trackers such as PostHog drop headless traffic.
 */
export const desktopUserAgent = (executablePath: string): string =>
  `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${majorVersion(executablePath)}.0.0.0 Safari/537.36`;

/** How a phase's browser is opened. */
export interface ProfileOptions {
  executablePath: string;
  args: string[];
  userAgent: string;
  ignoreHttpsErrors: boolean;
}

/** A fresh browser profile (one per phase) and how to discard it. */
export interface Profile {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Launch headless Chromium on a fresh profile, presenting as an ordinary browser. The profile
 * allows third-party cookies (Chromium's default for a normal profile, which most visitors
 * still have; Playwright's incognito-like contexts block them). Site isolation is off so
 * every frame's requests reach one CDP session (initiator chains across iframes).
 */
export const openProfile = async (options: ProfileOptions): Promise<Profile> => {
  const dir = await mkdtemp(join(tmpdir(), 'consentry-scan-profile-'));
  await mkdir(join(dir, 'Default'));
  await writeFile(
    join(dir, 'Default', 'Preferences'),
    JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false } }),
  );
  try {
    const context = await chromium.launchPersistentContext(dir, {
      executablePath: options.executablePath,
      headless: true,
      userAgent: options.userAgent,
      ignoreHTTPSErrors: options.ignoreHttpsErrors,
      viewport: { width: 1280, height: 800 },
      locale: 'en-US',
      args: [
        '--disable-blink-features=AutomationControlled',
        '--disable-features=IsolateOrigins,site-per-process',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-dev-shm-usage',
        '--no-sandbox',
        ...options.args,
      ],
    });
    return {
      context,
      close: async () => {
        await context.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw new ScanError(
      `could not start the browser ${options.executablePath}: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`,
    );
  }
};
