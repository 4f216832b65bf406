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
  const api = createConsent(readDocumentConfig(), { catalog });
  window.consentry = api;
  return api;
};
