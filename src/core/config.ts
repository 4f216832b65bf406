import { DEFAULT_CATEGORIES, NECESSARY } from './categories.js';
import { CATEGORY_KEY_PATTERN, CONSENT_MODE_SIGNALS, isReservedName, SERVICE_ID_PATTERN } from './formats.js';
import { checkRegions } from './region-check.js';
import { MODES } from './regions.js';
import { isObject, isString } from './values.js';
import type {
  ConsentConfig,
  ResolvedCategory,
  ResolvedConfig,
  ResolvedService,
  ServiceBlocking,
  UrlRule,
} from './types.js';

/** A configuration error; the message names the key and what was expected. */
export class ConfigError extends Error {}

/** Validates the value at `key` (`.rules[2].category`): returns it (or a default) or throws naming the key. */
type Check = (value: unknown, key: string) => unknown;

/** Throw a {@link ConfigError}: `consentry: config.rules[2].category "ads"; expected …`. */
const fail = (key: string, expected: string, got: unknown): never => {
  throw new ConfigError(`consentry: config${key} ${String(JSON.stringify(got)).slice(0, 60)}; expected ${expected}`);
};

const typed =
  (expected: string, ok: (v: unknown) => boolean, fallback?: unknown): Check =>
  (v, key) =>
    v === undefined ? fallback : ok(v) ? v : fail(key, expected, v);
const oneOf = (...values: unknown[]) => typed(`one of ${JSON.stringify(values)}`, (v) => values.includes(v), values[0]);
const bool = (fallback?: boolean) => typed('true or false', (v) => typeof v == 'boolean', fallback);
const text = typed(
  'text or { locale: text }',
  (v) => isString(v) || (isObject(v) && Object.values(v).every(isString)),
  '',
);
/** http(s) or relative: no other scheme (`ftp:`, `mailto:`, `file:`, `blob:`, script schemes) once the URL parser's ignored characters are gone. */
const httpOrRelative = (v: unknown): boolean =>
  isString(v) && /^(https?:|(?![a-z][\w+.-]*:))/i.test(v.replace(/[\0-\x20]/g, ''));
const url = typed('an http(s) or relative URL', httpOrRelative);
/** Names every object has (`constructor`, `toString`, `__proto__`): never a key, or a plain object would answer for it. */
const NOT_RESERVED = ', not a name every object has';
const string = (pattern: RegExp, expected: string, fallback?: string) =>
  typed(expected, (v) => isString(v) && pattern.test(v), fallback);
const path = (fallback?: string) => string(/^\//, 'a path starting with /', fallback);
const list =
  (item: Check, nonEmpty?: boolean): Check =>
  (v, key) =>
    v === undefined && !nonEmpty
      ? []
      : Array.isArray(v) && (v.length || !nonEmpty)
        ? v.map((x, i) => item(x, `${key}[${i}]`))
        : fail(key, 'a list', v);
const record =
  (item: Check): Check =>
  (v, key) => {
    if (v === undefined) return {};
    if (!isObject(v)) return fail(key, 'an object', v);
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v))
      out[k == '__proto__' ? fail(`${key}.${k}`, 'a locale or text key', k) : k] = item(v[k], `${key}.${k}`);
    return out;
  };
/** An object with known keys only: an unknown key (a typo) is an error, not ignored. */
const shape =
  (fields: Record<string, Check>, required?: string): Check =>
  (v, key) => {
    if (v === undefined && !required) v = {};
    if (!isObject(v) || (required && v[required] === undefined))
      return fail(key, `an object with ${required ?? 'known keys'}`, v);
    for (const k of Object.keys(v))
      if (!Object.hasOwn(fields, k)) fail(`${key}.${k}`, `one of ${Object.keys(fields)}`, 'unknown key');
    const out: Record<string, unknown> = {};
    for (const k in fields) out[k] = fields[k](v[k], `${key}.${k}`);
    return out;
  };

const nonEmpty = (expected: string) => string(/./, expected);
const cookieSpec = shape(
  { name: nonEmpty('a cookie name'), domain: nonEmpty('a domain'), path: path(), description: text, retention: text },
  'name',
);
const cookieList = list((v, key) => cookieSpec(isString(v) ? { name: v } : v, key));
const hostList = (nonEmpty?: boolean) =>
  list(string(/^(\*\.)?([a-z0-9-]+\.)*[a-z0-9-]+$/i, 'a host like "*.example.com"'), nonEmpty);
const category = shape({ label: text, description: text, cookies: cookieList, separate: bool() });
const keyOf = nonEmpty('a category or service key');
const serviceFields: Record<string, Check> = {
  category: nonEmpty('a category key'),
  label: text,
  vendor: text,
  purpose: text,
  retention: text,
  policyUrl: url,
  hosts: hostList(),
  cookies: cookieList,
  consentMode: list(oneOf(...CONSENT_MODE_SIGNALS)),
};
const consentModeOptions = shape({
  wait_for_update: typed('milliseconds', (n) => typeof n == 'number' && n >= 0),
  region: (v, key) => v && list(string(/^[A-Z]{2}(-\w+)?$/i, 'an ISO 3166 region like "US-CA"'))(v, key),
  ads_data_redaction: bool(),
  url_passthrough: bool(),
});

const SCHEMA = shape({
  // Editors read `$schema` (consentry/config.schema.json); the engine ignores it.
  $schema: url,
  revision: typed('a positive integer', (v) => Number.isInteger(v) && (v as number) > 0, 1),
  mode: oneOf(...MODES),
  // ePrivacy guidance (CNIL): ask again after at most 13 months.
  lifetimeMonths: typed('a number of months from 1 to 13', (v) => typeof v == 'number' && v >= 1 && v <= 13, 6),
  categories: typed('an object of categories', isObject, {}),
  cookie: shape({
    name: typed(
      `a cookie name like "consentry"${NOT_RESERVED}`,
      (v) => isString(v) && /^[\w-]{1,64}$/.test(v) && !isReservedName(v),
      'consentry',
    ),
    domain: string(/^\.?([a-z0-9-]+\.)*[a-z0-9-]+$/i, 'a domain name'),
    path: path('/'),
    sameSite: oneOf('Lax', 'Strict', 'None'),
  }),
  rules: list(
    shape(
      {
        category: nonEmpty('a category key'),
        hosts: hostList(true),
        paths: list(path()),
      },
      'hosts',
    ),
  ),
  services: (v) => v,
  reloadOnWithdraw: bool(true),
  language: string(/^[a-z]{2,3}(-[a-z0-9]+)*$/i, 'a language tag like "zh-CN"'),
  translations: record(record(typed('text', isString))),
  privacyPolicyUrl: url,
  googleConsentMode: (v, key) =>
    v === true ? {} : v === undefined || v === false ? false : consentModeOptions(v, key),
  receipt: typed('an object with an http(s) endpoint', (v) => isObject(v) && httpOrRelative(v.endpoint)),
  ui: shape({
    theme: oneOf('auto', 'light', 'dark'),
    floatingButton: bool(false),
    minorsNotice: bool(false),
    position: oneOf('bottom', 'top', 'center'),
    layout: oneOf('box', 'bar'),
  }),
  // Checked in full by ./region-check.ts: in the region-rules chunk, so that other pages do not carry it.
  regions: typed('an object', isObject, {}),
  regionEndpoint: url,
  gpp: shape({
    cmpId: typed('an integer ≥ 0', (n) => Number.isInteger(n) && (n as number) >= 0, 0),
    mspaCovered: bool(false),
  }),
  permissions: shape({ geolocation: keyOf, notifications: keyOf, push: keyOf }),
});

/** Category keys are lower-case identifiers, safe in attributes and in the cookie JSON. */
const resolveCategories = (given: Record<string, unknown>): ResolvedCategory[] =>
  [...new Set([...DEFAULT_CATEGORIES, ...Object.keys(given)])].flatMap((key) => {
    const at = `.categories.${key}`;
    if (!CATEGORY_KEY_PATTERN.test(key) || isReservedName(key))
      fail(at, `a lower-case key like "analytics"${NOT_RESERVED}`, key);
    if (given[key] === false) return key == NECESSARY ? fail(at, 'a category: necessary cannot be dropped', false) : [];
    return [
      {
        ...(category(given[key], at) as Omit<ResolvedCategory, 'key' | 'locked' | 'services'>),
        services: [],
        key,
        locked: key == NECESSARY,
      },
    ];
  });

/**
 * One configured service: the catalog entry (when `id` names one) with the site's fields over
 * it. Only the fields the site gives override; a site's own service needs category and label.
 */
const resolveService = (
  id: string,
  given: unknown,
  at: string,
  catalog: readonly ServiceBlocking[],
): ResolvedService => {
  if (!SERVICE_ID_PATTERN.test(id) || isReservedName(id))
    fail(at, `a lower-case service id like "google-analytics"${NOT_RESERVED}`, id);
  const entry = catalog.find((s) => s.id == id);
  if (given !== true && !isObject(given)) fail(at, 'true or an object of overrides', given);
  const own: Record<string, unknown> = {};
  if (isObject(given)) {
    shape(serviceFields)(given, at); // unknown keys and bad values fail here
    for (const k of Object.keys(given)) own[k] = serviceFields[k](given[k], `${at}.${k}`);
  }
  if (!entry && (own.category === undefined || !own.label))
    fail(at, 'a catalog service id, or an object with "category" and "label" for the site\'s own service', given);
  const { shared = [], cookies = [], consentMode = [], ...base } = entry ?? ({} as Partial<ServiceBlocking>);
  return {
    hosts: [],
    ...base,
    shared,
    cookies: cookieList(cookies, at) as ResolvedService['cookies'],
    consentMode,
    ...own,
    id,
    catalog: !!entry,
  } as ResolvedService;
};

/** `services`: a list of catalog ids, or an object keyed by id (overrides and the site's own). */
const resolveServices = (given: unknown, catalog: readonly ServiceBlocking[]): ResolvedService[] => {
  if (given === undefined) return [];
  if (Array.isArray(given))
    return given.map((id, i) =>
      isString(id) && catalog.some((s) => s.id == id)
        ? resolveService(id, true, `.services[${i}]`, catalog)
        : fail(`.services[${i}]`, 'a catalog service id like "google-analytics"', id),
    );
  if (!isObject(given)) return fail('.services', 'a list of catalog ids or an object keyed by service id', given);
  return Object.keys(given).map((id) => resolveService(id, given[id], `.services.${id}`, catalog));
};

/**
 * {@link resolveConfig} without its advice for a missing catalog: what the head script uses,
 * since it always passes the built-in catalog and every byte of it is on every page.
 */
export const checkConfig = (input: unknown, catalog: readonly ServiceBlocking[]): ResolvedConfig => {
  const config = SCHEMA(input, '') as Omit<ResolvedConfig, 'categories' | 'services'> & {
    categories: Record<string, unknown>;
    services: unknown;
  };
  const categories = resolveCategories(config.categories);
  const services = resolveServices(config.services, catalog);
  for (const s of services) {
    const at = `.services.${s.id}`;
    if (categories.some((c) => c.key == s.id)) fail(at, 'a service id that is not also a category key', s.id);
    const cat = categories.find((c) => c.key == s.category);
    if (!cat) fail(`${at}.category`, 'a category defined in config.categories', s.category);
    cat!.services.push(s.id);
  }
  for (const [capability, key] of Object.entries(config.permissions))
    if (key && !categories.some((c) => c.key == key) && !services.some((s) => s.id == key))
      fail(`.permissions.${capability}`, 'a category or service defined in config', key);
  config.rules.forEach((rule: UrlRule, i) => {
    if (!categories.some((c) => c.key == rule.category && !c.locked) && !services.some((s) => s.id == rule.category))
      fail(`.rules[${i}].category`, 'an optional category or a service defined in config', rule.category);
  });
  return { ...config, categories, services };
};

/**
 * Validate a site's configuration and apply every default. Throws a {@link ConfigError}
 * naming the first bad key; the caller then keeps the page in the safe (blocked) state.
 * `catalog` holds the blocking data of the services `config.services` may name by id.
 */
export const resolveConfig = (input: unknown = {}, catalog: readonly ServiceBlocking[] = []): ResolvedConfig => {
  try {
    checkRegions((input as ConsentConfig | undefined)?.regions);
    return checkConfig(input, catalog);
  } catch (error) {
    // Without a catalog no id is a catalog id: an npm user who left out `{ catalog }` learns
    // how to pass it, rather than that "youtube" is unknown.
    if (!catalog[0] && error instanceof ConfigError && error.message.includes('expected a catalog service id'))
      error.message += ` (no catalog given: pass it, createConsent(config, { catalog }) with import { catalog } from 'consentry/services')`;
    throw error;
  }
};
