import { checkConfig, resolveConfig } from './config.js';
import { startConsent, type EngineOptions } from './engine.js';
import type { ConsentApi, ConsentConfig, ResolvedConfig, ServiceBlocking } from './types.js';
import { isObject, isString } from './values.js';

/** Options for {@link createConsent} beyond the site configuration. */
export interface CreateOptions extends EngineOptions {
  /** Catalog services `config.services` may name by id (`import { catalog } from 'consentry/services'`). */
  catalog?: readonly ServiceBlocking[];
}

/**
 * Every host named in a `hosts` list anywhere in a (broken) config, made a pattern that covers
 * at least what was meant: lower-cased, without scheme, port or path; `.example.com` covers
 * its subdomains. Never throws: a config too odd to read names nothing more.
 */
const namedHosts = (value: unknown, out: string[] = [], depth = 0): string[] => {
  try {
    if (depth < 9 && (isObject(value) || Array.isArray(value)))
      for (const [key, item] of Object.entries(value)) {
        if (key == 'hosts' && Array.isArray(item))
          for (const host of item.filter(isString).map((h) =>
            h
              .toLowerCase()
              .replace(/^[a-z]+:\/\/|[/:?#].*$/gs, '')
              .replace(/\.+$/, ''),
          ))
            if (host) out.push(host[0] == '.' ? `*${host}` : host);
        namedHosts(item, out, depth + 1);
      }
  } catch {
    // A getter that throws, a proxy: what was read so far stays blocked.
  }
  return out;
};

/**
 * Check a site's configuration and apply its defaults: `[config, true]`, or for a bad one the
 * safe state `[config, false]` after a console error naming the key. Outside a browser (SSR)
 * the defaults, unusable (inert).
 */
export const resolveSafely = (
  input: unknown,
  catalog: readonly ServiceBlocking[] = [],
  check = checkConfig,
): [ResolvedConfig, boolean] => {
  const browser = typeof document != 'undefined';
  try {
    if (browser && input instanceof Error) throw input;
    return [check(browser ? input : {}, catalog), browser];
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    // Safe state: the hosts of every catalog service stay blocked (untagged snippets too),
    // since we cannot tell which of them the broken config meant to name; and so does every
    // host the broken config names anywhere (one bad rule must not free the others).
    const safe = checkConfig({ services: catalog.map((s) => s.id) }, catalog);
    return [{ ...safe, rules: [{ category: 'analytics', hosts: namedHosts(input) }] }, false];
  }
};

/**
 * Create the consent engine for a configuration (`{}` is valid): see {@link startConsent}. Typed,
 * so a misspelt key is a compile error; checked at run time all the same (JSON, plain JS): a
 * bad configuration is reported with a message naming the key, and the engine stays in the
 * safe state: every optional category refused, the banner not shown.
 */
export const createConsent = (config: ConsentConfig = {}, options: CreateOptions = {}): ConsentApi =>
  startConsent(...resolveSafely(config, options.catalog, resolveConfig), options); // npm: with the missing-catalog advice
