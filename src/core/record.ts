import { choicesFor } from './categories.js';
import { CONSENT_METHODS, DAY_MS, ID_PATTERN, MONTH_MS, RECORD_VERSION } from './formats.js';
import { REGION_PATTERN } from './regions.js';
import { isObject } from './values.js';
import type { Choices, ConsentMethod, ConsentRecord, ResolvedConfig } from './types.js';

export { RECORD_VERSION };

/** What a cookie can hold at most (a few hundred bytes is usual): refuse longer before parsing. */
const MAX_LENGTH = 4096;

/** A time in ms since the epoch. */
const isTime = (v: unknown): v is number => Number.isFinite(v) && (v as number) >= 0;

/**
 * Parse a stored cookie value. Anything that is not exactly a well-formed record of the
 * current version returns null ("ask again"): nothing is granted by a value it cannot parse.
 * Choices are copied onto a null-prototype object, so `__proto__` keys cannot pollute.
 */
export const parseRecord = (raw: unknown): ConsentRecord | null => {
  if (typeof raw != 'string' || raw.length > MAX_LENGTH) return null;
  try {
    // Destructuring `null` throws, like malformed JSON: both mean no consent.
    const { v, id, rev, ts, exp, c, m, r } = JSON.parse(raw);
    if (
      (v !== RECORD_VERSION && v !== 1) ||
      typeof id != 'string' ||
      !ID_PATTERN.test(id) ||
      !Number.isInteger(rev) ||
      !isTime(ts) ||
      !isTime(exp) ||
      !CONSENT_METHODS.includes(m) ||
      !isObject(c) ||
      (r !== undefined && !REGION_PATTERN.test(r))
    )
      return null;
    const choices: Choices = Object.create(null);
    for (const key of Object.keys(c)) {
      if (c[key] !== 0 && c[key] !== 1) return null;
      choices[key] = c[key] == 1;
    }
    return { v: RECORD_VERSION, id, rev, ts, exp, c: choices, m, ...(r && { r }) };
  } catch {
    return null;
  }
};

/** Serialise a record compactly: choices (its only booleans) as 0/1. */
export const serializeRecord = (record: ConsentRecord): string =>
  JSON.stringify(record, (_, value) => (typeof value == 'boolean' ? +value : value));

/** Whether `key` is one of the config's optional categories. */
const isCategory = (config: ResolvedConfig, key: string): boolean =>
  config.categories.some((c) => c.key == key && !c.locked);

/**
 * Whether a record answers only for services (a placeholder's "Always allow YouTube" before
 * any banner answer): it grants those services and nothing else, and the banner still asks.
 */
export const servicesOnly = (record: ConsentRecord, config: ResolvedConfig): boolean =>
  !Object.keys(record.c).some((key) => isCategory(config, key));

/**
 * Why a parsed record cannot be used with this config, or null when it is valid: expired
 * (the earlier of `exp` and `ts` + the configured lifetime, or made in the future), made
 * under an older policy revision, or missing a category that now exists. A record that
 * answers for services only is `none`: it is kept for them, and the banner asks.
 */
export const staleReason = (
  record: ConsentRecord,
  config: ResolvedConfig,
  now: number,
): 'expired' | 'revision' | 'new-category' | 'none' | null =>
  record.exp <= now || record.ts + config.lifetimeMonths * MONTH_MS <= now || record.ts > now + DAY_MS
    ? 'expired'
    : record.rev != config.revision
      ? 'revision'
      : servicesOnly(record, config)
        ? 'none'
        : config.categories.some((c) => !c.locked && !Object.hasOwn(record.c, c.key))
          ? 'new-category'
          : null;

/**
 * A random UUID (v4). `crypto.randomUUID` exists in secure contexts only; on plain http the
 * same RFC 4122 layout is filled from `crypto.getRandomValues`.
 */
export const randomId = (): string =>
  crypto.randomUUID?.() ??
  '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (d) =>
    (+d ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (+d / 4)))).toString(16),
  );

/**
 * The choices a record stores: every optional category (unless the choices name services
 * only), and each switchable service whose choice differs from its category's
 * (docs/guide/consent.md "Stored consent").
 */
export const storedChoices = (choices: Choices, config: ResolvedConfig): Choices => {
  const only = !Object.keys(choices).some((key) => isCategory(config, key));
  const c = only ? {} : choicesFor(config, (key) => choices[key] === true);
  for (const { id, category } of config.services)
    if (Object.hasOwn(choices, id) && isCategory(config, category) && (only || choices[id] !== c[category]))
      c[id] = choices[id] === true;
  return c;
};

/** Build a new record for the given choices (see {@link storedChoices} for what is kept), made in `region` when known. */
export const createRecord = (
  choices: Choices,
  method: ConsentMethod,
  config: ResolvedConfig,
  previousId: string | undefined,
  now: number,
  region?: string | null,
): ConsentRecord => ({
  v: RECORD_VERSION,
  id: previousId || randomId(),
  rev: config.revision,
  ts: now,
  exp: now + config.lifetimeMonths * MONTH_MS,
  c: storedChoices(choices, config),
  m: method,
  ...(region && { r: region }),
});
