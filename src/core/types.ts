/**
 * Public types of consentry: the configuration a site writes, the record that is stored,
 * and the API every entry point exposes. Everything here is exported from `consentry`.
 */
import type { CONSENT_METHODS, CONSENT_MODE_SIGNALS } from './formats.js';
import type { PurposeKey } from '../services/purposes.js';

/** A category key such as `analytics`. `necessary` always exists and is always granted. */
export type CategoryKey = string;

/** Text a visitor reads: one text for every locale, or one per locale (`{ "en": "…", "zh-CN": "…" }`). Never HTML. */
export type LocalizedText = string | Record<string, string>;

/**
 * A host pattern: `example.com` (that host only) or `*.example.com` (it and every subdomain).
 * @pattern ^(\*\.)?([a-zA-Z0-9-]+\.)*[a-zA-Z0-9-]+$
 */
export type HostPattern = string;

/**
 * A URL path, starting with `/`.
 * @pattern ^/
 */
export type UrlPath = string;

/** How a decision was made, stored as `m` in the record. */
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/**
 * `opt-in` (GDPR/PIPL, default): off until granted. `opt-out` (CCPA notice): on until refused.
 * `notice`: an information banner; optional categories on until refused in the dialog.
 */
export type ConsentMode = 'opt-in' | 'opt-out' | 'notice';

/** A cookie a category sets, deleted when the category is refused. */
export interface CookieSpec {
  /**
   * Exact name, or a pattern with `*` wildcards such as `_ga_*`.
   * @minLength 1
   */
  name: string;
  /**
   * Domain the cookie was set on, e.g. `.example.com`. Every parent domain is tried anyway.
   * @minLength 1
   */
  domain?: string;
  /** Path the cookie was set on. `/` and the current path prefixes are tried anyway. */
  path?: UrlPath;
  /** Shown in the dialog's cookie table. */
  description?: LocalizedText;
  /** Shown in the dialog's cookie table, e.g. "2 years". */
  retention?: LocalizedText;
}

/** A Google Consent Mode v2 signal a service needs (docs/guide/google-consent-mode.md). */
export type ConsentModeSignal = (typeof CONSENT_MODE_SIGNALS)[number];

/** A service id such as `google-analytics`: one namespace with category keys. */
export type ServiceId = string;

/**
 * What the gatekeeper needs about a catalog service (its blocking data, shipped in the head
 * script): where it loads from and sends to, the cookies it sets on the site, its signals.
 */
export interface ServiceBlocking {
  id: ServiceId;
  /** The category it belongs to (its default choice). */
  category: CategoryKey;
  /** Host patterns as in {@link UrlRule}: requests to them wait for this service. */
  hosts: string[];
  /** Hosts of `hosts` that other catalog entries claim too (gtag.js): allowed when any of them is granted. */
  shared?: string[];
  /** Cookies it sets on the site's own domain: deleted while it is refused. */
  cookies?: Array<string | CookieSpec>;
  /** Consent Mode signals it needs; granted only while every configured service needing one is. */
  consentMode?: ConsentModeSignal[];
}

/** A cookie lifetime as data: `{ years: 2 }`, `{ months: 13 }`, `{ days: 90 }`, or `'session'`. */
export type Retention = 'session' | { days: number } | { months: number } | { years: number };

/** What the banner shows about a catalog service (its display data, loaded with the banner). */
export interface ServiceInfo {
  /** Product name, also the provider a placeholder names: `YouTube`. */
  label: string;
  /** Company: `Google LLC`. */
  vendor: string;
  /** What it does on the site: a key of the translated purpose vocabulary (src/services/purposes.ts). */
  purpose: PurposeKey;
  /** The vendor's privacy policy (https). */
  policyUrl: string;
  /** How long its cookies last at most, as data the banner formats in the page's language ("Up to 2 years"). */
  retention?: Retention;
  /** Cookies it sets on its own domain: listed for information, no site can delete them. */
  vendorCookies?: string[];
}

/**
 * A service as a site configures it under `services`: an override of a catalog entry (any
 * field), or the site's own service (`category` and `label` required). Text, never HTML.
 */
export interface ServiceConfig {
  /**
   * The category it belongs to (its default choice); required for the site's own service.
   * @minLength 1
   */
  category?: CategoryKey;
  /** Product name, also the provider a placeholder names; required for the site's own service. */
  label?: LocalizedText;
  /** Company. */
  vendor?: LocalizedText;
  /** What it does on the site. */
  purpose?: LocalizedText;
  /** How long its cookies last, e.g. "2 years". */
  retention?: LocalizedText;
  /** The vendor's privacy policy: http(s) or relative (no `javascript:`). */
  policyUrl?: string;
  /** Hosts it loads from and sends to: requests to them wait for this service. */
  hosts?: HostPattern[];
  /** Cookies it sets on the site's own domain (names or specs): deleted while it is refused. */
  cookies?: Array<string | CookieSpec>;
  /** Google Consent Mode signals it needs. */
  consentMode?: ConsentModeSignal[];
}

/**
 * Services by id (lower-case, e.g. `google-analytics`): `true` or overrides for a catalog
 * service, or the site's own service with `category` and `label`. Ids share one namespace with category keys.
 * @propertyNames {"pattern": "^[a-z][a-z0-9_-]{0,39}$"}
 */
export interface ServicesConfig {
  [id: ServiceId]: ServiceConfig | true;
}

/** A configured service after the catalog and the site's overrides are merged. */
export interface ResolvedService {
  id: ServiceId;
  category: CategoryKey;
  hosts: string[];
  shared: string[];
  cookies: CookieSpec[];
  consentMode: ConsentModeSignal[];
  /** Whether it comes from the built-in catalog (its display data is then in the catalog's info). */
  catalog: boolean;
  label?: string | Record<string, string>;
  vendor?: string | Record<string, string>;
  purpose?: string | Record<string, string>;
  retention?: string | Record<string, string>;
  policyUrl?: string;
}

/** One category as a site configures it. Labels are text, never HTML. */
export interface CategoryConfig {
  /** Label per locale, or one label for all. Defaults exist for the five built-in keys. */
  label?: LocalizedText;
  /** Shown under its switch in the dialog. Defaults exist for the five built-in keys. */
  description?: LocalizedText;
  /** Cookies to delete when it is refused (names, `*` wildcards, or specs). */
  cookies?: Array<string | CookieSpec>;
  /**
   * Separate consent (PIPL art. 29 and 23: sensitive data such as location, sharing with third
   * parties): opt-in in every mode, never granted by "Accept all" or a placeholder, only by its own switch or `set()`.
   */
  separate?: boolean;
}

/**
 * Categories by key (lower-case, e.g. `analytics`): the five defaults are kept unless set to
 * `false`; `necessary` is added if missing and cannot be dropped.
 * @propertyNames {"pattern": "^[a-z][a-z0-9_]{0,31}$"}
 */
export interface CategoriesConfig {
  /** The always-on category: may be relabelled, never dropped. */
  necessary?: CategoryConfig;
  [key: CategoryKey]: CategoryConfig | false | undefined;
}

/** A URL rule: requests to these hosts are blocked until `category` is granted. */
export interface UrlRule {
  /**
   * An optional category, or a service defined in `services`.
   * @minLength 1
   */
  category: CategoryKey;
  /**
   * `example.com` (that host only) or `*.example.com` (it and every subdomain).
   * @minItems 1
   */
  hosts: HostPattern[];
  /** Optional path prefixes; the rule then only matches these paths. */
  paths?: UrlPath[];
}

/** Cookie attributes for the consent record. */
export interface CookieOptions {
  /**
   * Cookie name. Default `consentry`.
   * @pattern ^[\w-]{1,64}$
   */
  name?: string;
  /**
   * Domain, e.g. `.example.com` so that one choice covers every subdomain. Default the page's host.
   * @pattern ^\.?[a-zA-Z0-9.-]+$
   */
  domain?: string;
  /** Path. Default `/`. */
  path?: UrlPath;
  /** SameSite attribute. Default `Lax`. */
  sameSite?: 'Lax' | 'Strict' | 'None';
}

/**
 * An ISO 3166 region: a country (`DE`) or a subdivision (`US-CA`).
 * @pattern ^[A-Za-z]{2}(-\w+)?$
 */
export type RegionCode = string;

/** An IAB Global Privacy Platform section consentry writes: `usnat` (id 7), `usca` (8). */
export type GppSection = 'usnat' | 'usca';

/** What applies in one region (docs/guide/regions.md). */
export interface RegionRule {
  /** The consent mode there; default the top-level `mode`. */
  mode?: ConsentMode;
  /** Whether IAB TCF applies there. */
  tcf?: boolean;
  /** The GPP sections `__gpp` answers there. */
  gpp?: GppSection[];
}

/**
 * Rules by region: an ISO 3166-2 subdivision (`US-CA`), an ISO 3166-1 country (`DE`), a group
 * (`EEA`, `EU`, `UK`) or `default`. The most specific key wins.
 * @propertyNames {"pattern": "^([A-Z]{2}(-[A-Z0-9]{1,3})?|EEA|EU|UK|default)$"}
 */
export interface RegionsConfig {
  [key: string]: RegionRule;
}

/** IAB Global Privacy Platform options; a region's `gpp` lists its sections. */
export interface GppOptions {
  /**
   * The CMP id IAB registered for this CMP; default 0 (none).
   * @asType integer
   * @minimum 0
   */
  cmpId?: number;
  /** Whether the site signed the MSPA: MSPA fields 1/2 instead of 2 (not covered). Default false. */
  mspaCovered?: boolean;
}

/** Browser capabilities held until a category or service key is granted. */
export interface PermissionsConfig {
  /** `navigator.geolocation`'s getCurrentPosition / watchPosition. */
  geolocation?: CategoryKey;
  /** `Notification.requestPermission()`. */
  notifications?: CategoryKey;
  /** `PushManager.subscribe()`. */
  push?: CategoryKey;
}

/** Google Consent Mode v2 options; `true` means all defaults. */
export interface GoogleConsentModeOptions {
  /**
   * ms Google tags wait for the `update` after the `default`; default 500.
   * @minimum 0
   */
  wait_for_update?: number;
  /** ISO 3166-2 regions the `default` applies to, e.g. `['US-CA']`; default everywhere. */
  region?: RegionCode[];
  /** `gtag('set', 'ads_data_redaction', …)`: redact ad click ids while ad_storage is denied. */
  ads_data_redaction?: boolean;
  /** `gtag('set', 'url_passthrough', …)`: pass click ids in URLs while storage is denied. */
  url_passthrough?: boolean;
}

/** Proof-of-consent receipts. */
export interface ReceiptOptions {
  /** Where each decision is POSTed as JSON (a `ConsentReceipt`): http(s) or relative. */
  endpoint: string;
  /** Extra request headers, e.g. an API key (cross-origin: the receiver must allow them). */
  headers?: Record<string, string>;
}

/** What is POSTed to `receipt.endpoint` for every decision. No IP, no fingerprint. */
export interface ConsentReceipt {
  /** consentry version (pins the built-in texts). */
  v: string;
  id: string;
  rev: number;
  ts: number;
  exp: number;
  choices: Choices;
  method: ConsentMethod;
  /** Page where the decision was made: origin + path (query and fragment may hold personal data). */
  url: string;
  /** `sha256:<hex>` (crypto.subtle, secure contexts) or `fnv1a:<hex>` of version + resolved config. */
  hash: string;
  /** Whether Global Privacy Control was on when deciding. */
  gpc: boolean;
}

/** UI options read by the banner (the core ignores them apart from validation). */
export interface UiOptions {
  /** `auto` follows `prefers-color-scheme`. */
  theme?: 'auto' | 'light' | 'dark';
  /** Show a small floating button that reopens the preferences. */
  floatingButton?: boolean;
  /** Show the under-18 guardian notice. */
  minorsNotice?: boolean;
  /** Where the first layer sits. Default `bottom`. */
  position?: 'bottom' | 'top' | 'center';
  /** On wide screens: `box` (default), a compact box in the corner; `bar`, a bar across the page. Phones always get a full-width sheet. */
  layout?: 'box' | 'bar';
}

/**
 * The configuration a site gives: `createConsent(config)`, or the JSON block
 * `<script type="application/json" id="consentry-config">`. `{}` is valid: every key has a default.
 */
export interface ConsentConfig {
  /** The JSON Schema this file follows (`consentry/config.schema.json`), for editors; ignored. */
  $schema?: string;
  /**
   * Policy revision; bumping it asks everyone again. Default 1.
   * @asType integer
   * @minimum 1
   */
  revision?: number;
  /** `opt-in` (default): off until granted. `opt-out`: on until refused. */
  mode?: ConsentMode;
  /**
   * Record lifetime in months, 1–13. Default 6.
   * @minimum 1
   * @maximum 13
   */
  lifetimeMonths?: number;
  /** Categories by key; `necessary` is added if missing. `false` drops a default category. */
  categories?: CategoriesConfig;
  /** Attributes of the cookie holding the choice. */
  cookie?: CookieOptions;
  /** Hosts blocked until a category or service is granted, for what the site cannot tag. */
  rules?: UrlRule[];
  /** Services by catalog id (`["google-analytics", "youtube"]`), or by id with overrides and the site's own. */
  services?: ServiceId[] | ServicesConfig;
  /** Reload after a category is withdrawn so running scripts stop. Default true. */
  reloadOnWithdraw?: boolean;
  /**
   * Locale such as `en` or `zh-CN`; default from `<html lang>`, then `navigator.languages`.
   * @pattern ^[a-zA-Z]{2,3}(-[a-zA-Z0-9]+)*$
   */
  language?: string;
  /** Per-locale text overrides: `{ en: { title: '…' } }`. Text, never HTML. */
  translations?: Record<string, Record<string, string>>;
  /** Link to the privacy policy (http/https or relative). */
  privacyPolicyUrl?: string;
  /** Google Consent Mode v2: `true` for the defaults, or options. Default off. */
  googleConsentMode?: boolean | GoogleConsentModeOptions;
  /** Proof of consent: POST every decision to an endpoint. Default off. */
  receipt?: ReceiptOptions;
  /** Banner options. */
  ui?: UiOptions;
  /** Rules per region (docs/guide/regions.md); default none: `mode` applies everywhere. */
  regions?: RegionsConfig;
  /** Where the region is asked when the page names none: a URL answering `{"region":"US-CA"}`. */
  regionEndpoint?: string;
  /** IAB Global Privacy Platform options. */
  gpp?: GppOptions;
  /** Browser capabilities (geolocation, notifications, push) held until a category or service is granted. */
  permissions?: PermissionsConfig;
}

/** A category after defaults are applied. */
export interface ResolvedCategory {
  key: CategoryKey;
  label: string | Record<string, string>;
  description: string | Record<string, string>;
  cookies: CookieSpec[];
  /** Ids of the configured services in this category, in config order. */
  services: ServiceId[];
  /** true for `necessary` only. */
  locked: boolean;
  /** Separate consent: opt-in everywhere, not granted by "Accept all". */
  separate?: boolean;
}

/** The configuration after validation and defaults; what the core works with. */
export interface ResolvedConfig {
  /** As given, for editors only. */
  $schema?: string;
  revision: number;
  mode: ConsentMode;
  lifetimeMonths: number;
  categories: ResolvedCategory[];
  cookie: Required<Pick<CookieOptions, 'name' | 'path' | 'sameSite'>> & { domain?: string };
  rules: UrlRule[];
  services: ResolvedService[];
  reloadOnWithdraw: boolean;
  language?: string;
  translations: Record<string, Record<string, string>>;
  privacyPolicyUrl?: string;
  googleConsentMode: false | GoogleConsentModeOptions;
  receipt?: ReceiptOptions;
  ui: Required<UiOptions>;
  regions: Record<string, RegionRule>;
  regionEndpoint?: string;
  /** The region `consentry build` baked into a per-market output. */
  region?: string;
  gpp: { cmpId: number; mspaCovered: boolean };
  permissions: PermissionsConfig;
}

/** Choices per optional category, and per service where it differs from its category: true = granted. `necessary` is implied. */
export type Choices = Record<CategoryKey, boolean>;

/** The stored decision, as the API returns it. */
export interface ConsentRecord {
  /** Record format version. */
  v: number;
  /** Random UUID identifying this decision chain (kept across changes). */
  id: string;
  /** Policy revision the choice was made under. */
  rev: number;
  /** When the choice was made (ms since epoch). */
  ts: number;
  /** When it lapses (ms since epoch). */
  exp: number;
  /** Choices per category, and per service where it differs from its category. */
  c: Choices;
  /** How the choice was made. */
  m: ConsentMethod;
  /** The region the choice was made in (with `regions`). */
  r?: string;
}

/** What the gatekeeper stopped and did not replay. */
export interface BlockedRequest {
  category: CategoryKey;
  host: string;
  kind: 'script' | 'img' | 'iframe' | 'link' | 'beacon' | 'fetch' | 'xhr';
  /** true while held for release (elements); false when dropped (beacon/fetch/xhr). */
  held: boolean;
}

/** Events the API emits. */
export interface ConsentEvents {
  /** Initial state known (record may be null). */
  ready: ConsentRecord | null;
  /** A decision was stored or withdrawn (also from another tab). */
  change: ConsentRecord | null;
  /** The banner should show (no valid consent, or `open()` was called). */
  show: { preferences: boolean };
}

/** A snapshot of the state the banner needs, read through the public API. */
export interface ConsentState {
  /** The valid record, or null when consent must be asked. */
  record: ConsentRecord | null;
  /** Choices to pre-fill the dialog: the valid record, else an expired/older one, else defaults. */
  prefill: Choices;
  /** Why the banner is shown: no record yet, the policy revision changed, or a move to a stricter region. */
  reason: 'none' | 'revision' | 'expired' | 'new-category' | 'region' | null;
  /** Categories GPC refused by default. */
  gpcRefused: CategoryKey[];
  /** The mode in force: the region's, or the strictest while the region is not known. */
  mode: ConsentMode;
  /** The visitor's region (`US-CA`), null when unknown or not asked. */
  region: string | null;
  /** The IAB GPP sections that apply there; undefined while the region is being found. */
  gpp?: GppSection[];
}

/** The public API: `window.consentry` in the bundles, the return value of `createConsent()`. */
export interface ConsentApi {
  /** Library version. */
  readonly version: string;
  /** The resolved configuration (read-only). */
  readonly config: ResolvedConfig;
  /** The current valid record, or null when consent must be asked. */
  get(): ConsentRecord | null;
  /**
   * Whether a category or service is granted now (`necessary` always is). A service by its own
   * choice, else its category's; a category when its own choice is on and none of its services is refused.
   */
  granted(key: CategoryKey | ServiceId): boolean;
  /**
   * Store choices for categories and services. Merges: only what it names changes (naming a
   * category makes its services follow it again, unless they are named too).
   */
  set(choices: Choices, method?: ConsentMethod): ConsentRecord | null;
  /** Grant every category. */
  acceptAll(): ConsentRecord | null;
  /** Refuse every optional category. */
  rejectAll(): ConsentRecord | null;
  /** Forget the stored decision and ask again. */
  reset(): void;
  /** Open the preferences dialog (the banner listens to the `show` event). */
  open(): void;
  /** Load one held element (a placeholder's "Load once") for this page view only; nothing is stored. */
  loadOnce(element: Element): void;
  /** Subscribe; returns an unsubscribe function. */
  on<K extends keyof ConsentEvents>(event: K, fn: (detail: ConsentEvents[K]) => void): () => void;
  /** Requests and elements the gatekeeper stopped. */
  blocked(): BlockedRequest[];
  /** State for the banner: record, pre-fill, reason. */
  state(): ConsentState;
}
