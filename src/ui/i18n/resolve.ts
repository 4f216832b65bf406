// BCP 47 matching of the visitor's languages against the locales at hand (docs/guide/languages.md "How the language is chosen").
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

/**
 * Language subtags read as another: deprecated codes old systems still send (IANA registry
 * "Preferred-Value": `iw` Hebrew, `in` Indonesian, `ji` Yiddish), and Bokmål standing in for
 * Norwegian (`no`, the macrolanguage, and Nynorsk readers read Bokmål).
 */
const SAME_LANGUAGE: Record<string, string> = { iw: 'he', in: 'id', ji: 'yi', no: 'nb', nn: 'nb' };

/** language[-Script][-REGION][-variants…] (BCP 47; `_` as some systems write it). */
const TAG = /^([a-z]{2,3})(?:-([a-z]{4}))?(?:-([a-z]{2}|\d{3}))?(?:-[a-z\d]{1,8})*$/i;

/**
 * Split a tag, canonicalised (`iw` → `he`, `zh-hant-tw` → `zh-Hant-TW`). Chinese gets its
 * script from the region when the tag does not say it (CLDR likely subtags: TW, HK and MO
 * write Hant, everywhere else Hans), because that is what tells Traditional from Simplified;
 * the other shipped languages have one script each. Undefined for a malformed tag.
 * Plain text on purpose: `Intl.Locale#maximize()` loads ICU data (docs/decisions/2026-12-02-long-tasks.md).
 */
const parse = (tag: string): Parsed | undefined => {
  const [, given, written, area] = TAG.exec(tag.replace(/_/g, '-')) ?? [];
  if (!given) return undefined;
  const lower = given.toLowerCase();
  const lang = SAME_LANGUAGE[lower] ?? lower;
  const region = area?.toUpperCase();
  const script = written
    ? written[0].toUpperCase() + written.slice(1).toLowerCase()
    : lang == 'zh'
      ? /^(TW|HK|MO)$/.test(region!)
        ? 'Hant'
        : 'Hans'
      : undefined;
  return { tag, canonical: [lang, script, region].filter(Boolean).join('-'), lang, script, region };
};

/** The best of `available` for one wanted language, or undefined: same language, never a different script. */
const match = (wanted: Parsed, available: Parsed[]): string | undefined => {
  const same = available.filter(
    (a) => a.lang == wanted.lang && (!a.script || !wanted.script || a.script == wanted.script),
  );
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
 * A candidate that is one of `available` as written (the usual `<html lang="en">`) is taken
 * without parsing the 40 tags: the first layer's task stays short at 4× CPU.
 */
export const resolveLocale = (candidates: ReadonlyArray<string | undefined>, available: readonly string[]): string => {
  let offered: Parsed[] | undefined;
  for (const candidate of candidates) {
    if (!candidate) continue;
    if (available.includes(candidate)) return candidate;
    offered ??= available.map(parse).filter((p): p is Parsed => !!p);
    const wanted = parse(candidate);
    const found = wanted && match(wanted, offered);
    if (found) return found;
  }
  return 'en';
};
