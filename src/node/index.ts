// The package's Node entry `consentry/node`: tools to mount in a server or a build.
// Never imported by browser code.
export { createReceiver, openStore, verifyChain } from './receiver/index.js';
export type { InsertOutcome, Receiver, ReceiverOptions, Store, StoredConfig, StoredReceipt, VerifyReport } from './receiver/index.js';
export { rewriteHtml } from './tag/rewrite.js';
export { buildSite, siteHeadScript } from './build/site.js';
export { scanSite } from './scan/scan.js';
export type { ScanOptions, ScanResult } from './scan/scan.js';
export type { ScanReport, Finding, PhaseName, PhaseReport, RequestEntry, CookieEntry, StorageEntry, StaticTagEntry, CmpReport } from './scan/types.js';
