import Cookies from 'js-cookie';
import { loadScript, markSelf } from './assets.js';
import { startConsent } from './engine.js';
import type { Integration } from './integration.js';
import { shareLoader } from './shared-loader.js';
import { soon } from './soon.js';
import { warn } from './store.js';
import type { ConsentApi, ResolvedConfig } from './types.js';

declare global {
  interface Window {
    /** The consent API installed by the script-tag bundles. */
    consentry?: ConsentApi;
  }
}

/**
 * The `window.consentry` a copy of consentry installed: an own property of window. Markup
 * (`<html id="consentry">`) only names a property on window's prototype chain (HTML "named
 * access on the Window object"), which must not pass for an installed engine.
 */
const installed = (): ConsentApi | undefined => (Object.hasOwn(window, 'consentry') ? window.consentry : undefined);

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
 * The engine (the cookie read, the stored choice, releasing, the UI loader's start) is the
 * biggest part of the head script's work. A config that needs nothing before the page's next
 * script gets it in a task of its own, so the parser's task around the head script stays short
 * (docs/decisions/2026-12-02-long-tasks.md); any other config gets it at once. `configOf` gives the checked config and
 * whether it is usable (src/core/consent.ts resolveSafely); `integrations` are what the entry plugs in.
 */
export const installGlobal = (
  configOf: () => [ResolvedConfig, boolean],
  start: (api: ConsentApi) => void,
  integrations: readonly Integration[],
): ConsentApi => {
  const existing = installed();
  if (existing) {
    if (existing.version) warn(`already loaded (version ${existing.version}); this copy is ignored`);
    return existing;
  }
  const [config, usable] = configOf();
  let api: ConsentApi | undefined;
  const engine = (): ConsentApi => {
    if (!api) {
      // The cookies are read here, on a short JS stack: under DevTools a cookie read would
      // otherwise capture the whole engine's stack (docs/decisions/2026-12-02-long-tasks.md).
      let cookies: Record<string, string> | undefined;
      try {
        cookies = Cookies.get();
      } catch {
        // Read again (and reported) by the engine, which then asks: no choice is assumed.
      }
      // `_created` installs the engine before it releases anything: a released inline script or
      // a `consentry:ready` listener that uses window.consentry reaches it, not a second one.
      start(
        startConsent(config, usable, {
          cookies,
          _integrations: integrations,
          _created: (early) => void (window.consentry = api = early),
        }),
      );
    }
    return api!;
  };
  // URL rules, services and Consent Mode act before the page's next script (their interceptors,
  // Consent Mode's default), and so does the safe state of an invalid config (it guards every
  // catalog host), and so do gated browser permissions. Anything else acts on no request by
  // itself: tagged elements are inert until released.
  if (
    usable &&
    !config.rules[0] &&
    !config.services[0] &&
    !config.googleConsentMode &&
    !Object.values(config.permissions).some(Boolean)
  ) {
    soon(engine);
    return (window.consentry = facade(engine));
  }
  return engine();
};

/**
 * What each head script does first, when its module is evaluated (so before any UI module of
 * the same bundle): remember its own script element, share its file loader, and install the
 * page's consent API, with the entry's `integrations`, in a microtask. Returns how to hand the
 * engine, once it exists, to the entry's UI loader (only the first copy on a page has one).
 *
 * A microtask runs as soon as the script ends and before the parser goes on (HTML "clean up
 * after running script" performs a microtask checkpoint), so the page's next script finds
 * `window.consentry` and everything blocked, exactly as at top level. Not at top level because
 * under DevTools the first `document.cookie` read would capture, and V8 re-parse, this whole
 * script: a long task (docs/decisions/2026-12-02-long-tasks.md).
 */
export const startHead = (
  configOf: () => [ResolvedConfig, boolean],
  integrations: readonly Integration[],
): ((start: (api: ConsentApi) => void) => void) => {
  markSelf();
  // The UI parts fetch their locale files through this copy's loader.
  if (!installed()) shareLoader(loadScript);
  let afterInstall: (api: ConsentApi) => void = () => {};
  queueMicrotask(() => installGlobal(configOf, (api) => afterInstall(api), integrations));
  return (start) => void (afterInstall = start);
};
