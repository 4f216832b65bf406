import type { ResolvedConfig } from '../../core/types.js';
import { en, type Texts } from './en.js';
import { zhCN } from './zh-CN.js';

export type { Texts };

/** Built-in and registered locales by tag. English fills whatever a locale leaves out. */
const locales: Record<string, Partial<Texts>> = { en, 'zh-CN': zhCN };

/** Add a locale, e.g. `registerLocale('fr', { title: '…' })`; missing keys fall back to English. */
export const registerLocale = (tag: string, texts: Partial<Texts>): void => {
  locales[tag] = texts;
};

const base = (tag: string) => tag.toLowerCase().split('-')[0];

/**
 * Pick the language: config.language, else `<html lang>`, else `navigator.languages`, else en.
 * An exact tag wins over a shared base (`zh-Hans-CN` and `zh` both find `zh-CN`). Locales that
 * exist only in config.translations count too. Returns the tag and the merged texts.
 */
export const pickTexts = (config: ResolvedConfig): { lang: string; t: Texts } => {
  const tr = config.translations;
  const known = Object.keys({ ...locales, ...tr });
  const find = (tag?: string) =>
    tag && (known.find((k) => k.toLowerCase() == tag.toLowerCase()) ?? known.find((k) => base(k) == base(tag)));
  const lang = [config.language, document.documentElement.lang, ...navigator.languages].map(find).find(Boolean) || 'en';
  return { lang, t: { ...en, ...locales[lang], ...tr[lang] } };
};

/** Fill `{0}`, `{1}` … in a text. The result is still bound as text, never as HTML. */
export const format = (text: string, ...args: string[]): string => text.replace(/\{(\d)\}/g, (_, i) => args[+i] ?? '');
