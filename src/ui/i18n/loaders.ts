// How the npm ESM build fetches a locale: one lazy `import()` chunk per locale. The map is
// written out, not computed, so bundlers (rollup here, the site's own later) emit one chunk per
// locale and never put all of them in one file. The IIFE builds use ./loaders-script.ts instead.
import type { Locale, Texts } from './en.js';

const loaders: Record<string, () => Promise<{ default: Locale }>> = {
  'zh-CN': () => import('./zh-CN.js'),
  'zh-TW': () => import('./zh-TW.js'),
  'ja': () => import('./ja.js'),
  'ko': () => import('./ko.js'),
};

/** Fetch a shipped locale's texts (a lazy chunk of the npm build). */
export const loadLocale = async (tag: string): Promise<Partial<Texts>> => {
  const load = loaders[tag];
  if (!load) throw new Error(`no locale file for ${tag}`);
  return (await load()).default;
};
