// The npm entry `consentry/banner`: defines <consentry-banner> (import-safe under SSR: without
// a DOM, or a DOM shim from the SSR framework, nothing is defined and nothing throws).
import type { ConsentApi } from './core/types.js';
import { ConsentryBanner } from './ui/banner.js';
import { defineElements } from './ui/define.js';
import { useLocaleLoader } from './ui/i18n/index.js';
import { loadLocaleChunk } from './ui/i18n/locale-chunks.js';

export { ConsentryBanner } from './ui/banner.js';
export { ConsentryPlaceholder } from './ui/placeholder.js';
export { registerLocale } from './ui/i18n/index.js';
export type { Texts } from './ui/i18n/index.js';

// npm: each shipped locale is a lazy import() chunk the app's bundler emits (docs/guide/languages.md "What is downloaded, and when").
useLocaleLoader(loadLocaleChunk);
defineElements();

/** Append a `<consentry-banner>` bound to `api` (default `window.consentry`) to the body; returns it. */
export const mountBanner = (api?: ConsentApi): ConsentryBanner => {
  defineElements();
  const el = document.createElement('consentry-banner') as ConsentryBanner;
  if (api) el.consent = api;
  document.body.append(el);
  return el;
};

declare global {
  interface HTMLElementTagNameMap {
    'consentry-banner': ConsentryBanner;
  }
}
