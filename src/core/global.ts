import Cookies from 'js-cookie';
import { isObject } from './config.js';
import { createConsent } from './consent.js';
import { readDocumentConfig } from './document-config.js';
import { soon } from './soon.js';
import { warn } from './store.js';
import { catalog } from '../services/index.js';
import type { ConsentApi } from './types.js';

declare global {
  interface Window {
    /** The consent API installed by the script-tag bundles. */
    consentry?: ConsentApi;
  }
}

/**
 * Top-level config keys whose work can wait one task: nothing they configure acts on a request
 * by itself. Any other key (URL `rules`, `services`, `googleConsentMode`, or an unknown key,
 * whose config is invalid and whose safe state guards every catalog host) needs the engine
 * before the page's next script: its interceptors and Consent Mode's default act at once.
 * A key added to the config later is not listed here, so it takes the immediate path.
 */
const CAN_WAIT = ['revision', 'mode', 'lifetimeMonths', 'categories', 'cookie', 'reloadOnWithdraw', 'language', 'translations', 'privacyPolicyUrl', 'receipt', 'ui'];

/**
 * `window.consentry` before the engine exists: reading or testing (`in`) any member creates
 * it, at once, so a page script sees no difference; the engine then takes its place as
 * `window.consentry`. Unused, it is created in a task of its own.
 */
const facade = (engine: () => ConsentApi): ConsentApi =>
  new Proxy({} as ConsentApi, {
    get: (_, key) => Reflect.get(engine(), key),
    has: (_, key) => Reflect.has(engine(), key),
  });

/**
 * Install `window.consentry` once, and call `start` with the engine when it exists. A second
 * copy of the bundle (or of a different version) keeps the first core, warns, and does
 * nothing else: nothing is released twice.
 *
 * The engine (config check, the cookie read, releasing, the UI loader's start) is the biggest
 * part of the head script's work. A config that needs nothing before the page's next script
 * (tagged elements only: they are inert until released) gets it in a task of its own, so the
 * parser's task around the head script stays short (issue 12); any other config gets it at once.
 */
export const installGlobal = (start: (api: ConsentApi) => void): ConsentApi => {
  const existing = window.consentry;
  if (existing) {
    if (existing.version) warn(`already loaded (version ${existing.version}); this copy is ignored`);
    return existing;
  }
  const config = readDocumentConfig();
  let api: ConsentApi | undefined;
  const engine = (): ConsentApi => {
    if (!api) {
      // The cookies are read here, on a short JS stack: under DevTools every cookie read
      // captures the stack, and V8 then re-parses each function on it for source positions,
      // which for createConsent (the whole engine) cost ~30 ms of the head script's task at 4× CPU.
      let cookies: Record<string, string> | undefined;
      try {
        cookies = Cookies.get();
      } catch {
        // Read again (and reported) by the engine, which then asks: no choice is assumed.
      }
      // `_created` installs the engine before it releases anything: a released inline script or
      // a `consentry:ready` listener that uses window.consentry reaches it, not a second one.
      start(createConsent(config, { catalog, cookies, _created: (early) => void (window.consentry = api = early) }));
    }
    return api!;
  };
  if (isObject(config) && Object.keys(config).every((key) => CAN_WAIT.includes(key))) {
    soon(engine);
    return (window.consentry = facade(engine));
  }
  return engine();
};
