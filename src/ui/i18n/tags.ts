// The 40 locales consentry ships (docs/guide/languages.md): English built in, every other
// one a separate file fetched only by a page that needs it. Its table lists the same.

/** Every shipped locale tag; each but `en` is a file src/ui/i18n/<tag>.ts built to dist/i18n/<tag>.js. */
export const LOCALE_TAGS = [
  'en',
  'zh-CN',
  'zh-TW',
  'bg',
  'hr',
  'cs',
  'da',
  'nl',
  'et',
  'fi',
  'fr',
  'de',
  'el',
  'hu',
  'ga',
  'it',
  'lv',
  'lt',
  'mt',
  'pl',
  'pt',
  'pt-BR',
  'ro',
  'sk',
  'sl',
  'es',
  'sv',
  'nb',
  'is',
  'ja',
  'ko',
  'tr',
  'ru',
  'uk',
  'ar',
  'he',
  'hi',
  'id',
  'vi',
  'th',
] as const;

/** A shipped locale tag. */
export type LocaleTag = (typeof LOCALE_TAGS)[number];

/** Languages written right to left (Unicode CLDR character order), by base language subtag. */
const RTL = /^(ar|he|fa|ur|ps|sd|ug|yi|dv|ckb|syr)(-|$)/i;

/** The text direction of a language tag: `rtl` for Arabic, Hebrew and the other right-to-left scripts. */
export const dirOf = (tag: string): 'ltr' | 'rtl' =>
  RTL.test(tag) || /-(Arab|Hebr|Thaa|Syrc)(-|$)/i.test(tag) ? 'rtl' : 'ltr';
