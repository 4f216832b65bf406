// How the npm build fetches a locale: one lazy `import()` chunk per locale. The map is written
// out, not computed, so bundlers (rollup here, the site's own later) emit one chunk per locale
// and never put all of them in one file. `consentry/banner` (src/banner.ts) registers it; the
// script-tag bundles never import this module (they use ./locale-files.ts), so no IIFE holds a locale.
import type { Locale, Texts } from './en.js';

const loaders: Record<string, () => Promise<{ default: Locale }>> = {
  'zh-CN': () => import('./zh-CN.js'),
  'zh-TW': () => import('./zh-TW.js'),
  bg: () => import('./bg.js'),
  hr: () => import('./hr.js'),
  cs: () => import('./cs.js'),
  da: () => import('./da.js'),
  nl: () => import('./nl.js'),
  et: () => import('./et.js'),
  fi: () => import('./fi.js'),
  fr: () => import('./fr.js'),
  de: () => import('./de.js'),
  el: () => import('./el.js'),
  hu: () => import('./hu.js'),
  ga: () => import('./ga.js'),
  it: () => import('./it.js'),
  lv: () => import('./lv.js'),
  lt: () => import('./lt.js'),
  mt: () => import('./mt.js'),
  pl: () => import('./pl.js'),
  pt: () => import('./pt.js'),
  'pt-BR': () => import('./pt-BR.js'),
  ro: () => import('./ro.js'),
  sk: () => import('./sk.js'),
  sl: () => import('./sl.js'),
  es: () => import('./es.js'),
  sv: () => import('./sv.js'),
  nb: () => import('./nb.js'),
  is: () => import('./is.js'),
  ja: () => import('./ja.js'),
  ko: () => import('./ko.js'),
  tr: () => import('./tr.js'),
  ru: () => import('./ru.js'),
  uk: () => import('./uk.js'),
  ar: () => import('./ar.js'),
  he: () => import('./he.js'),
  hi: () => import('./hi.js'),
  id: () => import('./id.js'),
  vi: () => import('./vi.js'),
  th: () => import('./th.js'),
};

/** Fetch a shipped locale's texts (a lazy chunk of the npm build). */
export const loadLocaleChunk = async (tag: string): Promise<Partial<Texts>> => {
  const load = loaders[tag];
  if (!load) throw new Error(`no locale file for ${tag}`);
  return (await load()).default;
};
