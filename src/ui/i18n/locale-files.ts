// How the script-tag bundles (IIFE) fetch a locale: dist/i18n/<tag>.js beside the consentry
// script, through the head script's loader for such files (src/core/shared-loader.ts: nonce,
// Trusted Types). The script-tag UI entries register it (src/entries/banner.ts, ui.ts, all.ts);
// an IIFE cannot split, so a locale is never a chunk of it. Each dist/i18n/<tag>.js is a tiny
// IIFE that stores its texts in window.consentryLocales (so it also works as a plain <script>
// before the banner).
import { loadFile } from '../../core/shared-loader.js';
import type { Texts } from './en.js';

/** Fetch a shipped locale's texts: `i18n/<tag>.js` beside the consentry script. */
export const loadLocaleFile = async (tag: string): Promise<Partial<Texts>> => {
  await loadFile(`i18n/${tag}.js`);
  const texts = window.consentryLocales?.[tag];
  if (!texts) throw new Error(`i18n/${tag}.js did not register the ${tag} texts`);
  return texts;
};
