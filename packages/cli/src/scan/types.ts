// The shape of report.json (docs/scanner.md "report.json"): what `consentry scan` saw, per phase, and what it concludes.
import type { ConsentConfig } from 'consentry';

/** The three phases, each in a fresh browser context. */
export type PhaseName = 'before-consent' | 'after-reject' | 'after-accept';

/** What a host, cookie or key is, as far as the scanner can tell. */
export interface Classification {
  /** Catalog service id, or the site's own service the draft config names. */
  service?: string;
  /** consentry category key; absent when unknown (needs review). */
  category?: string;
  /** Vendor or entity name (catalog info or third-party-web). */
  vendor?: string;
  /** Where the classification came from. */
  source?: 'catalog' | 'site-config' | 'third-party-web' | 'consentry' | 'first-party';
}

/** One request the page made (or tried to), in any frame. */
export interface RequestEntry extends Classification {
  url: string;
  host: string;
  /** The crawled page it happened on. */
  page: string;
  /** CDP resource type in lower case: document, script, image, ping (beacons), fetch, xhr, preload … */
  type: string;
  firstParty: boolean;
  /** Script URLs of the initiator chain (CDP), innermost first. */
  initiator: string[];
  /** Why it failed (net error or the browser's block reason), when it did. */
  failed?: string;
  /** It never answered and held the page's load event (the scan went on without it). */
  stuck?: boolean;
}

/** One cookie present after a page (or refused by the browser). */
export interface CookieEntry extends Classification {
  name: string;
  domain: string;
  path: string;
  firstParty: boolean;
  /** Unix seconds; -1 for a session cookie. */
  expires: number;
  partitioned: boolean;
  /** The URL of the response (Set-Cookie) or script (document.cookie) that set it. */
  setBy?: string;
  /** The `data-consent` keys of the tagged script that wrote it, when a released tagged script did. */
  consent?: string[];
  page: string;
  /** Why the browser refused it, when it did (it was then never stored). */
  refused?: string;
}

/** One storage key or IndexedDB database name. */
export interface StorageEntry extends Classification {
  origin: string;
  kind: 'localStorage' | 'sessionStorage' | 'indexedDB';
  key: string;
  firstParty: boolean;
  /** The script whose write created it (initiator stack of the write). */
  setBy?: string;
  /** The `data-consent` keys of the tagged script that wrote it, when a released tagged script did. */
  consent?: string[];
  page: string;
}

/** A static HTML tag that loads a third party before any script can act. */
export interface StaticTagEntry extends Classification {
  page: string;
  tag: string;
  url: string;
  host: string;
  /** The tag as written in the HTML (truncated). */
  html: string;
}

/** Everything recorded in one phase. */
export interface PhaseReport {
  /** false when the phase could not run (no banner could be operated); `note` says why. */
  ran: boolean;
  note?: string;
  requests: RequestEntry[];
  cookies: CookieEntry[];
  storage: StorageEntry[];
  /** consentry's own console errors (a bad config leaves the page blocked and the banner unable to store a choice). */
  consentryErrors: string[];
}

/** violation: not strictly necessary, before consent or after reject. review: a third party nobody could classify. */
export type Severity = 'violation' | 'review';

/** One conclusion of the scan. */
export interface Finding {
  phase: PhaseName;
  kind: 'request' | 'cookie' | 'storage' | 'static-tag' | 'config';
  host?: string;
  name?: string;
  page: string;
  service?: string;
  category?: string;
  severity: Severity;
  message: string;
}

/** The consent banner the scanner found and how it operated it. */
export interface CmpReport {
  /** `consentry`, or autoconsent's rule name (`cookieconsent3`, `onetrust` …); null when none was found. */
  name: string | null;
  /** How the choices were made: consentry's banner buttons, its API, or autoconsent's rule. */
  via: 'consentry-banner' | 'consentry-api' | 'autoconsent' | null;
  rejected: boolean;
  accepted: boolean;
}

/** report.json. */
export interface ScanReport {
  tool: 'consentry scan';
  version: string;
  startUrl: string;
  date: string;
  pages: string[];
  cmp: CmpReport;
  phases: Record<PhaseName, PhaseReport>;
  staticTags: StaticTagEntry[];
  findings: Finding[];
  /** With --baseline: findings that are new, and those that are gone, since that report. */
  baseline?: { file: string; new: Finding[]; gone: Finding[] };
  /** Why the site's own consentry config is invalid, when it is (the draft then starts from `{}`). */
  siteConfigError?: string;
  /** The draft consentry config (also consentry.config.json). */
  config: ConsentConfig;
}
