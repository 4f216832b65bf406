// BCP 47 matching of the visitor's languages against the locales at hand (issue 13, point 3).
// Pure: no DOM, so the whole table is unit-tested.

interface Parsed {
  /** As given (what resolveLocale returns). */
  tag: string;
  /** Canonical form, to compare. */
  canonical: string;
  lang: string;
  script?: string;
  region?: string;
}

/** Bokmål stands in for Norwegian: `no` (macrolanguage) and Nynorsk readers read Bokmål. */
const SAME_LANGUAGE: Record<string, string> = { no: 'nb', nn: 'nb' };

/**
 * Split a tag, canonicalised (`iw` → `he`, `zh-hant-tw` → `zh-Hant-TW`). The script comes from
 * the likely-subtags data (`zh-TW` → Hant, `zh-SG` → Hans, `zh` → Hans) because that is what
 * tells Traditional from Simplified Chinese; the region only when the tag says it, because
 * likely subtags would turn `pt` into `pt-BR`. Undefined for a malformed tag.
 */
const parse = (tag: string): Parsed | undefined => {
  try {
    const canonical = Intl.getCanonicalLocales(tag)[0];
    const locale = new Intl.Locale(canonical);
    return { tag, canonical, lang: SAME_LANGUAGE[locale.language] ?? locale.language, script: locale.maximize().script, region: locale.region };
  } catch {
    return undefined;
  }
};

/** The best of `available` for one wanted language, or undefined: same language, never a different script. */
const match = (wanted: Parsed, available: Parsed[]): string | undefined => {
  const same = available.filter((a) => a.lang == wanted.lang && (!a.script || !wanted.script || a.script == wanted.script));
  return (
    same.find((a) => a.canonical == wanted.canonical) ??
    same.find((a) => a.region && a.region == wanted.region) ??
    // A region we have no locale for reads the language's general locale: de-AT → de, pt-PT → pt, es-MX → es.
    same.find((a) => !a.region) ??
    same[0]
  )?.tag;
};

/**
 * Pick the locale for the first of `candidates` (most wanted first: config.language, `<html
 * lang>`, navigator.languages) that one of `available` can serve, script-aware (zh-HK → zh-TW,
 * zh-SG → zh-CN); a candidate nothing serves gives way to the next. `en` when none matches.
 */
export const resolveLocale = (candidates: ReadonlyArray<string | undefined>, available: readonly string[]): string => {
  const offered = available.map(parse).filter((p): p is Parsed => !!p);
  for (const candidate of candidates) {
    const wanted = candidate && parse(candidate);
    const found = wanted && match(wanted, offered);
    if (found) return found;
  }
  return 'en';
};
