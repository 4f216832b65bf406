import type { ResolvedConfig } from '../../core/types.js';
import { enBar, type Texts } from './en.js';
import { resolveLocale } from './resolve.js';
import { LOCALE_TAGS, dirOf } from './tags.js';

export type { Locale, Texts } from './en.js';

declare global {
  interface Window {
    /** Locale texts that script-tag locale files (dist/i18n/<tag>.js) brought, by tag. */
    consentryLocales?: Record<string, Partial<Texts>>;
  }
}

/**
 * English, which fills what a locale leaves out: the first layer's texts only until the whole
 * UI brings the rest (banner.ts calls {@link useAllEnglish}), so the first-layer file that a
 * first visit downloads carries no dialog texts.
 */
let english: Partial<Texts> = enBar;
/** Make every English text the fallback (the whole UI imports them). */
export const useAllEnglish = (texts: Texts): void => void (english = texts);

/** Locales at hand without a fetch: English (nothing over the fallback), and whatever registerLocale added. */
const registered: Record<string, Partial<Texts>> = { en: {} };

/** Add a locale, e.g. `registerLocale('de', de)` with `import de from 'consentry/i18n/de'`; missing keys fall back to English. */
export const registerLocale = (tag: string, texts: Partial<Texts>): void => {
  registered[tag] = texts;
};

/** Fetch a shipped locale's texts: a lazy chunk (./locale-chunks.ts), a file beside the script (./locale-files.ts) … */
export type LocaleLoader = (tag: string) => Promise<Partial<Texts>>;

/** The loader the entry point registered; without one, a shipped locale not at hand shows English (after one warning). */
let loadLocale: LocaleLoader = () => Promise.reject(new Error('no locale loader'));

/**
 * Set how shipped locales are fetched. Each UI entry point registers the one its build can
 * load (the entries pass the loaders, docs/contributing.md "Project layout"), so a loader that is not imported is not bundled.
 */
export const useLocaleLoader = (load: LocaleLoader): void => void (loadLocale = load);

const atHand = (tag: string): Partial<Texts> | undefined => registered[tag] ?? window.consentryLocales?.[tag];

/** A fetch that never answers must not keep the banner away: after this long, English (never an empty banner). */
const LOAD_TIMEOUT_MS = 3000;

/** The language chosen, its direction, and its texts (English filling the gaps, config.translations on top). */
export interface Picked {
  lang: string;
  dir: 'ltr' | 'rtl';
  t: Texts;
}

/** Which language each merged texts object is in, for plural() (the texts stay a plain key → text map). */
const langOf = new WeakMap<Texts, string>();

const merge = (lang: string, texts: Partial<Texts>, config: ResolvedConfig): Picked => {
  const t = { ...english, ...texts, ...config.translations[lang] } as Texts;
  langOf.set(t, lang);
  return { lang, dir: dirOf(lang), t };
};

const timeout = () =>
  new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`no answer in ${LOAD_TIMEOUT_MS} ms`)), LOAD_TIMEOUT_MS),
  );

/**
 * Pick the language: config.language, else `<html lang>`, else `navigator.languages`, else en,
 * matched by BCP 47 with script awareness (resolve.ts) against the shipped locales, the
 * registered ones and those config.translations adds. Synchronous when the texts are at hand
 * (English, registered, a locale `<script>` already run, translations only); otherwise a
 * promise of them once fetched, or of English, after one console warning, when the fetch fails.
 */
export const pickTexts = (config: ResolvedConfig): Picked | Promise<Picked> => {
  const shipped: readonly string[] = LOCALE_TAGS;
  const available = new Set([
    ...shipped,
    ...Object.keys(registered),
    ...Object.keys(window.consentryLocales ?? {}),
    ...Object.keys(config.translations),
  ]);
  const lang = resolveLocale([config.language, document.documentElement.lang, ...navigator.languages], [...available]);
  const texts = atHand(lang);
  if (texts || !shipped.includes(lang)) return merge(lang, texts ?? {}, config);
  return Promise.race([loadLocale(lang), timeout()]).then(
    (loaded) => {
      registered[lang] ??= loaded;
      return merge(lang, loaded, config);
    },
    (error: Error) => {
      console.warn(
        `consentry: showing English: i18n/${lang}.js could not be loaded (${error.message}). Copy dist/i18n/ beside the consentry script, or set "language" in the config`,
      );
      return merge('en', {}, config);
    },
  );
};

/** Fill `{0}`, `{1}` … in a text. The result is still bound as text, never as HTML. */
export const format = (text: string, ...args: string[]): string => text.replace(/\{(\d)\}/g, (_, i) => args[+i] ?? '');

/** The count keys: `services` for `services#one`, `services#other`, … */
export type PluralKey = keyof Texts extends infer K ? (K extends `${infer Base}#${string}` ? Base : never) : never;

/**
 * `n` things in the texts' language: the `<key>#<category>` text Intl.PluralRules selects
 * (`#other` when the locale has no text for that category), `{0}` the number as the locale writes it.
 */
export const plural = (t: Texts, key: PluralKey, n: number): string => {
  const lang = langOf.get(t) ?? 'en';
  const texts = t as Record<string, string>;
  return format(
    texts[`${key}#${new Intl.PluralRules(lang).select(n)}`] ?? texts[`${key}#other`],
    n.toLocaleString(lang),
  );
};

/** Counts in one phrase, zeros left out, listed as the texts' language lists them: "1 service, 2 cookies", "1 项服务、2 个 Cookie". */
export const counts = (t: Texts, numbers: Partial<Record<PluralKey, number>>): string =>
  new Intl.ListFormat(langOf.get(t) ?? 'en', { style: 'narrow', type: 'conjunction' }).format(
    (Object.entries(numbers) as Array<[PluralKey, number]>).filter(([, n]) => n).map(([key, n]) => plural(t, key, n)),
  );
