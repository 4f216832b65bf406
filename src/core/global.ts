import Cookies from 'js-cookie';
import { createConsent } from './consent.js';
import { readDocumentConfig } from './document-config.js';
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
 * Install `window.consentry` once. A second copy of the bundle (or of a different version)
 * keeps the first core, warns, and does nothing else: nothing is released twice.
 */
export const installGlobal = (): ConsentApi => {
  const existing = window.consentry;
  if (existing) {
    if (existing.version) warn(`already loaded (version ${existing.version}); this copy is ignored`);
    return existing;
  }
  // The cookies are read here, on a short JS stack: under DevTools every cookie read captures
  // the stack, and V8 then re-parses each function on it for source positions, which for
  // createConsent (the whole engine) cost ~30 ms of the head script's task at 4× CPU.
  let cookies: Record<string, string> | undefined;
  try {
    cookies = Cookies.get();
  } catch {
    // Read again (and reported) by the engine, which then asks: no choice is assumed.
  }
  const api = createConsent(readDocumentConfig(), { catalog, cookies });
  window.consentry = api;
  return api;
};
