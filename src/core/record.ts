import type { Choices, ConsentMethod, ConsentRecord, ResolvedConfig } from './types.js';

/** Record format version; a cookie with any other `v` counts as no consent. */
export const RECORD_VERSION = 1;

const METHODS: ConsentMethod[] = ['accept-all', 'reject-all', 'custom', 'gpc', 'api'];
const MONTH = 2629746e3; // average Gregorian month in ms
/** Far larger than any real record (a few hundred bytes): refuse before parsing. */
const MAX_LENGTH = 2048;

const isNumber = (v: unknown): v is number => typeof v == 'number' && Number.isFinite(v) && v >= 0;

/**
 * Parse a stored cookie value. Anything that is not exactly a well-formed record of the
 * current version returns null ("ask again"): nothing is granted by a value it cannot parse.
 * Choices are copied onto a null-prototype object, so `__proto__` keys cannot pollute.
 */
export const parseRecord = (raw: unknown): ConsentRecord | null => {
  if (typeof raw != 'string' || raw.length > MAX_LENGTH) return null;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof data != 'object' || !data || Array.isArray(data)) return null;
  const r = data as Record<string, unknown>;
  const c = r.c;
  if (
    r.v !== RECORD_VERSION ||
    typeof r.id != 'string' || !/^[\w-]{8,64}$/.test(r.id) ||
    !Number.isInteger(r.rev) || !isNumber(r.ts) || !isNumber(r.exp) ||
    !METHODS.includes(r.m as ConsentMethod) ||
    typeof c != 'object' || !c || Array.isArray(c)
  ) return null;
  const choices: Choices = Object.create(null);
  for (const key of Object.keys(c)) {
    const value = (c as Record<string, unknown>)[key];
    if (value !== 0 && value !== 1) return null;
    choices[key] = value == 1;
  }
  return { v: RECORD_VERSION, id: r.id, rev: r.rev as number, ts: r.ts, exp: r.exp, c: choices, m: r.m as ConsentMethod };
};

/** Serialise a record compactly: choices as 0/1. */
export const serializeRecord = (record: ConsentRecord): string => {
  const c: Record<string, number> = {};
  for (const key of Object.keys(record.c)) c[key] = record.c[key] ? 1 : 0;
  return JSON.stringify({ ...record, c });
};

/**
 * Why a parsed record cannot be used with this config, or null when it is valid:
 * expired, made under an older policy revision, or missing a category that now exists.
 */
export const staleReason = (
  record: ConsentRecord,
  config: ResolvedConfig,
  now: number,
): 'expired' | 'revision' | 'new-category' | null =>
  record.exp <= now || record.ts > now + 864e5 ? 'expired'
    : record.rev != config.revision ? 'revision'
    : config.categories.some((c) => !c.locked && !(c.key in record.c)) ? 'new-category'
    : null;

/** A random UUID (v4), also where `crypto.randomUUID` is missing (non-secure contexts). */
export const randomId = (): string =>
  typeof crypto.randomUUID == 'function'
    ? crypto.randomUUID()
    : '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (d) =>
        (+d ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (+d / 4)))).toString(16),
      );

/** Build a new record for the given choices (only the config's optional categories are kept). */
export const createRecord = (
  choices: Choices,
  method: ConsentMethod,
  config: ResolvedConfig,
  previousId: string | undefined,
  now: number,
): ConsentRecord => {
  const c: Choices = {};
  for (const cat of config.categories) if (!cat.locked) c[cat.key] = choices[cat.key] === true;
  return {
    v: RECORD_VERSION,
    id: previousId || randomId(),
    rev: config.revision,
    ts: now,
    exp: now + config.lifetimeMonths * MONTH,
    c,
    m: method,
  };
};
