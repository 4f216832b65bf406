import { create, docGet } from './dom.js';
import { trustedScriptURL } from './trusted-types.js';

// Files the script-tag bundles fetch when a visit needs them (docs/guide/install.md "What loads when"): they sit
// beside the script that loaded consentry, so a site self-hosts one folder and nothing else.

/**
 * The consentry script that is running now, read once at evaluation (currentScript is null
 * later) through Document.prototype: `<img name="currentScript" src="https://evil/x">` must not
 * choose where the loader fetches code from (a DOM-clobbering gadget). Null for a module.
 */
let self: HTMLScriptElement | null | undefined;
const selfScript = (): HTMLScriptElement | null => {
  if (self === undefined) {
    const s = typeof document != 'undefined' ? docGet('currentScript') : null;
    self = s instanceof HTMLScriptElement ? s : null;
  }
  return self;
};

/** Its own URL, from the script element's `src` as the browser defines it. */
const selfUrl = (): string => {
  const s = selfScript();
  return s ? Reflect.get(HTMLScriptElement.prototype, 'src', s) : '';
};

/**
 * Remember the running script: call at the top of each script-tag entry. A head script loaded
 * `async`, `defer` or as a module runs after tags it should have seen first: say so, once.
 */
export const markSelf = (): void => {
  const s = selfScript();
  if (!s || s.hasAttribute('async') || s.hasAttribute('defer'))
    console.warn('consentry: put this script first in <head>, no async, defer or type="module"');
};

/**
 * URL of `file` beside the consentry script (`consentry.banner.js`, `i18n/de.js`). Both bases
 * are absolute URLs already, so the folder is cut off as text: a page's first `new URL()`
 * costs milliseconds at 4× CPU.
 */
export const assetUrl = (file: string): string =>
  (selfUrl() || docGet('baseURI')).replace(/[?#].*/s, '').replace(/[^/]*$/, file);

const loading = new Map<string, Promise<void>>();

/**
 * Load `file` (beside the consentry script) once, as a classic script with the consentry
 * script's nonce (CSP nonce + `strict-dynamic` trust it either way) and through the Trusted
 * Types policy. Rejects, after one console error naming the URL, when it cannot be loaded:
 * the caller stays in the safe state.
 */
export const loadScript = (file: string): Promise<void> => {
  const url = assetUrl(file);
  let done = loading.get(url);
  if (!done) {
    done = new Promise<void>((resolve, reject) => {
      const script = create('script');
      script.nonce = selfScript()?.nonce ?? '';
      script.src = trustedScriptURL(url);
      script.onload = () => resolve();
      script.onerror = () => {
        const message = `consentry: cannot load ${url}; serve it beside the consentry script`;
        loading.delete(url);
        console.error(message);
        reject(new Error(message));
      };
      docGet('head')!.append(script);
    });
    loading.set(url, done);
  }
  return done;
};
