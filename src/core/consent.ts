import { checkConfig, resolveConfig } from './config.js';
import { startConsent, type EngineOptions } from './engine.js';
import type { ConsentApi, ConsentConfig, ResolvedConfig, ServiceBlocking } from './types.js';

/** Options for {@link createConsent} beyond the site configuration. */
export interface CreateOptions extends EngineOptions {
  /** Catalog services `config.services` may name by id (`import { catalog } from 'consentry/services'`). */
  catalog?: readonly ServiceBlocking[];
}

/**
 * Check a site's configuration and apply its defaults: `[config, true]`, or for a bad one the
 * safe state `[config, false]` after a console error naming the key. Outside a browser (SSR)
 * the defaults, unusable (inert).
 */
export const resolveSafely = (input: unknown, catalog: readonly ServiceBlocking[] = [], check = checkConfig): [ResolvedConfig, boolean] => {
  const browser = typeof document != 'undefined';
  try {
    if (browser && input instanceof Error) throw input;
    return [check(browser ? input : {}, catalog), browser];
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    // Safe state: the hosts of every catalog service stay blocked (untagged snippets too),
    // since we cannot tell which of them the broken config meant to name.
    return [checkConfig({ services: catalog.map((s) => s.id) }, catalog), false];
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
