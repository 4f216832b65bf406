// The package's entry `@consentry/cli`: the tools behind the `consentry` commands, to call from
// a build script or a test. The consent log is @consentry/receiver's.
export { rewriteHtml } from './tag/rewrite.js';
export { buildSite, siteHeadScript } from './build/site.js';
export { scanSite } from './scan/scan.js';
export type { ScanOptions, ScanResult } from './scan/scan.js';
export type { ScanReport, Finding, PhaseName, PhaseReport, RequestEntry, CookieEntry, StorageEntry, StaticTagEntry, CmpReport } from './scan/types.js';
