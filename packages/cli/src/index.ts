// The package's entry `@consentry/cli`: the tools behind the `consentry` commands, to call from
// a build script or a test. The consent log is @consentry/receiver's.
export { rewriteHtml } from './tag/rewrite.js';
export { buildSite, siteHeadScript } from './build/site.js';
import type { ScanOptions, ScanResult } from './scan/scan.js';
export type { ScanOptions, ScanResult };

/**
 * Scan a site in Chromium before consent, after Reject all and after Accept all. Playwright is
 * loaded on the first call, so a build script importing only `rewriteHtml` or `buildSite` does
 * not load a browser driver.
 */
export const scanSite = async (options: ScanOptions): Promise<ScanResult> =>
  (await import('./scan/scan.js')).scanSite(options);
export type {
  ScanReport,
  Finding,
  PhaseName,
  PhaseReport,
  RequestEntry,
  CookieEntry,
  StorageEntry,
  StaticTagEntry,
  CmpReport,
} from './scan/types.js';
