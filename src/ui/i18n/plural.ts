import { format } from './index.js';

/**
 * A counted text: `plural(t, 'services', 3, 'en')` reads `services#other` ("{0} services").
 * The plural category comes from `Intl.PluralRules(lang)` (Arabic has six, Chinese one);
 * a locale that lacks that category's key falls back to `#other`, then to the bare number.
 */
export const plural = (t: object, key: string, n: number, lang: string): string => {
  const texts = t as Record<string, string | undefined>;
  let category: string;
  try {
    category = new Intl.PluralRules(lang).select(n);
  } catch {
    category = 'other'; // a tag Intl does not know still gets a readable count
  }
  return format(texts[`${key}#${category}`] ?? texts[`${key}#other`] ?? '{0}', String(n));
};
