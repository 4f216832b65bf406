// `scanSite`: the three phases (docs/scanner.md), each in a fresh browser context — before
// consent, after reject, after accept — over the same crawled pages, then the conclusions.
import { VERSION } from 'consentry/shared';
import { desktopUserAgent, findBrowser, openProfile, ScanError } from './browser.js';
import { installAutoconsent, type AutoAction } from './autoconsent.js';
import { chooseOnConsentry, consentryBannerVisible, isConsentrySite } from './consentry-site.js';
import { CrawlQueue, linksOf, sitemapPages } from './crawl.js';
import { PhaseRecorder } from './recorder.js';
import { siteOf } from './classify.js';
import { staticThirdPartyTags } from './static-tags.js';
import { LOAD_EVENT_TIMEOUT, open, settle, visit } from './visit.js';
import { findingsOf } from './findings.js';
import { draftConfig } from './draft-config.js';
import { classifyBySiteConfig } from './site-config.js';
import type { CmpReport, PhaseName, PhaseReport, ScanReport, StaticTagEntry } from './types.js';

/** What `scanSite` needs; the CLI's options. */
export interface ScanOptions {
  url: string;
  /** Pages to visit (default 10). */
  pages?: number;
  /** Browser executable; else CHROMIUM_PATH, Playwright's Chromium, a system Chrome. */
  browser?: string;
  /** Extra Chromium flags (e.g. --host-resolver-rules). */
  browserArgs?: string[];
  ignoreHttpsErrors?: boolean;
  /** How long to wait for a page's load event, in ms (default 10 s); then the scan goes on and names what never answered. */
  loadTimeout?: number;
  /** Called as the scan advances: `step` done of `total`. */
  onProgress?: (label: string, step: number, total: number) => void;
}

/** The report and the banner's screenshot (PNG), when one was taken. */
export interface ScanResult {
  report: ScanReport;
  screenshot?: Buffer;
}

/** How long a banner may take to appear and be operated. */
const BANNER_TIMEOUT = 8000;

/** The start URL, or a ScanError saying what is wrong with it. */
const startUrlOf = (raw: string): URL => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ScanError(`"${raw}" is not a URL (expected e.g. https://example.com/)`);
  }
  if (!/^https?:$/.test(url.protocol)) throw new ScanError(`"${raw}": only http(s) URLs can be scanned`);
  return url;
};

/** The network error of a failed navigation in one line. */
const reasonOf = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error))
    .split('\n')[0]
    .replace(/^[\w.]+: /, '')
    .replace(/ at https?:\S+$/, '');

/** Scan a site. Throws a ScanError when it cannot (bad URL, no browser, start page unreachable). */
export const scanSite = async (options: ScanOptions): Promise<ScanResult> => {
  const start = startUrlOf(options.url);
  const maxPages = options.pages ?? 10;
  const executable = findBrowser(options.browser);
  const site = siteOf(start.hostname);
  const progress = options.onProgress ?? (() => undefined);
  const loadTimeout = options.loadTimeout ?? LOAD_EVENT_TIMEOUT;
  const stuck = (rec: PhaseRecorder) => () => rec.markStuck(loadTimeout / 1000);
  const profile = {
    executablePath: executable,
    args: options.browserArgs ?? [],
    userAgent: desktopUserAgent(executable),
    ignoreHttpsErrors: !!options.ignoreHttpsErrors,
  };
  // Phase 1: before consent. It also finds the pages, the banner and the static tags.
  const recorder = new PhaseRecorder(site, 'consentry');
  const queue = new CrawlQueue();
  queue.add([start.href]);
  const pages: string[] = [];
  const broken: string[] = [];
  const staticTags: StaticTagEntry[] = [];
  let consentry = false;
  let siteConfig: unknown;
  let screenshot: Buffer | undefined;
  const firstProfile = await openProfile(profile);
  try {
    const first = firstProfile.context;
    await recorder.attach(first);
    const page = first.pages()[0] ?? (await first.newPage());
    await recorder.watch(page);
    for (let url = queue.next(); url && pages.length < maxPages; url = queue.next()) {
      recorder.page = url;
      progress(`before consent: ${url}`, pages.length, maxPages * 3);
      let response;
      try {
        response = await visit(page, url, loadTimeout, stuck(recorder));
      } catch (error) {
        if (!pages.length) throw new ScanError(`cannot load ${url}: ${reasonOf(error)}`);
        broken.push(`${url}: ${reasonOf(error)}`); // a broken link deeper in the site is reported, not fatal
        continue;
      }
      if (!pages.length && response && response.status() >= 400)
        throw new ScanError(`cannot scan ${url}: HTTP ${response.status()}`);
      if (response && !/html/i.test(response.headers()['content-type'] ?? 'text/html')) continue;
      pages.push(url);
      const html = response ? await response.text().catch(() => '') : '';
      staticTags.push(...staticThirdPartyTags(html, url, site));
      if (pages.length == 1) {
        consentry = await isConsentrySite(page);
        if (consentry) {
          siteConfig = await page
            .evaluate(() => document.getElementById('consentry-config')?.textContent ?? null)
            .then((t) => (t ? JSON.parse(t) : undefined))
            .catch(() => undefined);
          await consentryBannerVisible(page, BANNER_TIMEOUT);
        }
        screenshot = await page.screenshot({ type: 'png' }).catch(() => undefined);
      }
      queue.add(await linksOf(page, start));
      if (pages.length == 1) queue.add(await sitemapPages(first.request, start));
      await recorder.snapshot(page);
    }
  } finally {
    await firstProfile.close();
  }
  const before = { ...recorder.result(), ...(broken.length ? { note: `could not load ${broken.join('; ')}` } : {}) };

  const cmp: CmpReport = { name: consentry ? 'consentry' : null, via: null, rejected: false, accepted: false };
  const choice = async (phase: PhaseName, action: 'reject' | 'accept', offset: number): Promise<PhaseReport> => {
    const opened = await openProfile(profile);
    try {
      const context = opened.context;
      const rec = new PhaseRecorder(site, 'consentry');
      // Until the choice is made the page is "before consent" again: recorded from the click on.
      rec.recording = false;
      const startRecording = () => {
        rec.recording = true;
      };
      await rec.attach(context);
      const auto: AutoAction = action == 'reject' ? 'optOut' : 'optIn';
      const outcome = consentry ? null : await installAutoconsent(context, auto, BANNER_TIMEOUT * 2, startRecording);
      const p = context.pages()[0] ?? (await context.newPage());
      await rec.watch(p);
      rec.page = pages[0];
      progress(`${phase}: choosing on ${pages[0]}`, offset, pages.length * 3);
      await open(p, pages[0], loadTimeout);
      let done = false;
      let failure = '';
      if (consentry) {
        const via = await chooseOnConsentry(
          p,
          action,
          await consentryBannerVisible(p, BANNER_TIMEOUT),
          startRecording,
        ).catch((error: unknown) => {
          failure = `: ${reasonOf(error)}`;
          return null;
        });
        if (via) cmp.via = via;
        done = !!via;
      } else {
        const o = await outcome!();
        cmp.name ??= o.cmp;
        cmp.via = o.cmp ? 'autoconsent' : null;
        done = o.done;
      }
      if (!done) {
        const errors = rec.result().consentryErrors;
        const why = cmp.name
          ? `could not ${action} on ${cmp.name}'s banner${failure}${errors.length ? ` (${errors.join('; ')})` : ''}`
          : 'no consent banner found that could be operated';
        return { ran: false, note: why, requests: [], cookies: [], storage: [], consentryErrors: errors };
      }
      cmp[action == 'reject' ? 'rejected' : 'accepted'] = true;
      rec.recording = true;
      await settle(p);
      await rec.snapshot(p);
      const failed: string[] = [];
      for (const [i, url] of pages.entries()) {
        rec.page = url;
        progress(`${phase}: ${url}`, offset + i + 1, pages.length * 3);
        // A page that loaded in the first phase and fails now is reported, and the rest still visited.
        await visit(p, url, loadTimeout, stuck(rec)).catch((error: unknown) =>
          failed.push(`${url}: ${reasonOf(error)}`),
        );
        await rec.snapshot(p);
      }
      const result = rec.result();
      return failed.length ? { ...result, note: `could not load ${failed.join('; ')}` } : result;
    } finally {
      await opened.close();
    }
  };
  const afterReject = await choice('after-reject', 'reject', pages.length);
  // Accepting where rejecting found no banner would find none either.
  const afterAccept =
    afterReject.ran || consentry ? await choice('after-accept', 'accept', pages.length * 2) : { ...afterReject };
  progress('done', 1, 1);
  const phases = { 'before-consent': before, 'after-reject': afterReject, 'after-accept': afterAccept };
  if (consentry) classifyBySiteConfig(phases, staticTags, siteConfig);
  const { config, siteConfigError } = draftConfig(phases, siteConfig);
  const report: ScanReport = {
    tool: 'consentry scan',
    version: VERSION,
    startUrl: start.href,
    date: new Date().toISOString(),
    pages,
    cmp,
    phases,
    staticTags,
    findings: findingsOf(phases, staticTags, start.href, consentry ? siteConfigError : undefined),
    ...(siteConfigError ? { siteConfigError } : {}),
    config,
  };
  return { report, screenshot };
};
