// The formats the browser and the Node tools share — the stored record, the receipt, ids,
// consent methods, Consent Mode signals, time — written once. The receiver and the CLI import
// them through `consentry/shared` (src/shared.ts); nothing here touches the DOM.

/**
 * Record format version. 2 may hold service choices in `c`; 1 held categories only and is read
 * as it is (a subset of 2), so an upgrade asks nobody again. Any other `v` counts as no consent.
 */
export const RECORD_VERSION = 2;

/** How a decision was made: the record's `m`, the receipt's `method`. */
export const CONSENT_METHODS = ['accept-all', 'reject-all', 'custom', 'gpc', 'api'] as const;

/** A decision chain's id (record `id`, receipt `id`): a UUID, or 8–64 letters, digits, `-`, `_`. */
export const ID_PATTERN = /^[\w-]{8,64}$/;

/** A category key: lower-case, safe in attributes and in the cookie JSON. */
export const CATEGORY_KEY_PATTERN = /^[a-z][a-z0-9_]{0,31}$/;

/** A service id; category keys match it too (one namespace), so it is also any choice's key. */
export const SERVICE_ID_PATTERN = /^[a-z][a-z0-9_-]{0,39}$/;

/** A name every object has (`constructor`, `toString`, `__proto__`, …): never a key, id or cookie name. */
export const isReservedName = (key: string): boolean => key in {};

/** A receipt's config hash: `sha256:<64 hex>` where crypto.subtle exists, else `fnv1a:<8 hex>`. */
export const CONFIG_HASH_PATTERN = /^(sha256):[0-9a-f]{64}$|^(fnv1a):[0-9a-f]{8}$/;

/** Google Consent Mode v2 signals a service may need (docs/guide/google-consent-mode.md). */
export const CONSENT_MODE_SIGNALS = [
  'ad_storage',
  'ad_user_data',
  'ad_personalization',
  'analytics_storage',
  'functionality_storage',
  'personalization_storage',
] as const;

/** A day in ms. */
export const DAY_MS = 864e5;

/** An average Gregorian month in ms (365.2425 / 12 days): record lifetimes, receipt retention. */
export const MONTH_MS = 2629746e3;

/** FNV-1a, 32 bit, as a receipt's config hash where crypto.subtle is missing (plain http). */
export const fnv1a = (text: string): string => {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x1000193);
  return `fnv1a:${(h >>> 0).toString(16).padStart(8, '0')}`;
};
