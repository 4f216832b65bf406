// Value checks the engine itself needs (record parsing, releasing): apart from config.ts, so
// that a head script without the config checker (the site build, docs/guide/install.md "Site build") has them.

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value == 'object' && !!value && !Array.isArray(value);

export const isString = (v: unknown): v is string => typeof v == 'string';

/**
 * A URL a page may load or link to: http(s) or relative. `javascript:`, `data:` and
 * `vbscript:` are refused (OWASP: never let configured or tagged URLs carry script schemes).
 * Control characters are ignored first, as the URL parser ignores them.
 */
export const isSafeUrl = (url: unknown): boolean =>
  isString(url) && !/^\s*(javascript|data|vbscript):/i.test(url.replace(/[\0-\x1f]/g, ''));

/**
 * `object[key]` when it is the object's own: a key such as `constructor` or `toString` must not
 * read what every plain object inherits (a function, truthy) as a stored choice.
 */
export const ownValue = <T>(object: Record<string, T> | undefined, key: string): T | undefined =>
  object && Object.hasOwn(object, key) ? object[key] : undefined;
