import type { CategoryKey, Choices, ConsentApi } from '../core/types.js';
import type { Picked, Texts } from './i18n/index.js';
import { normalizeChoices } from './service-choices.js';

/** A text from the config: one string, or one per locale. */
export type ConfigText = string | Record<string, string> | undefined;

/**
 * Everything the banner's templates read and call (first layer, dialog, service facts,
 * placeholders): one plain object that `<consentry-banner>` owns and hands to them, so no
 * template reaches into the element (docs/contributing.md "Project layout": ui/ reaches the core through the public API and
 * one view object). An action that changes what is shown renders the element again.
 */
export interface BannerView {
  /** The consent API: the templates' only way to the core. */
  readonly api: ConsentApi;
  /** The texts, in `lang`. */
  readonly t: Texts;
  /** The texts' language, set with `dir` on everything rendered. */
  readonly lang: string;
  /** The texts' direction (Arabic, Hebrew: rtl). */
  readonly dir: 'ltr' | 'rtl';
  /** The dialog's working choices (categories, and services where they differ), not stored until Save; change them with `setChoices`, which renders. */
  choices: Choices;
  /** A config text in `lang` (a label may be one string or one per locale). */
  l(text: ConfigText): string;
  /** A category's label: from the config, else the locale's default, else the key. */
  label(key: CategoryKey): string;
  /** Replace the working choices and render. */
  setChoices(choices: Choices): void;
  /** The working choices back to the last saved (or default) ones, as the dialog opens with. */
  reset(): void;
  /** Run a decision (its `change` event renders again), then close the dialog. */
  decide(fn: () => unknown): void;
  /** Close the preferences and return focus to the opener. */
  close(): void;
}

/**
 * The view of `api` in the picked language; the working choices start pre-filled. The element
 * keeps the DOM and the focus: `update` schedules its render, `close` closes its dialog.
 */
export const createView = (
  api: ConsentApi,
  { lang, dir, t }: Picked,
  update: () => void,
  close: () => void,
): BannerView => {
  const { categories } = api.config;
  const view: BannerView = {
    api,
    t,
    lang,
    dir,
    choices: {},
    l: (text) =>
      typeof text == 'string'
        ? text
        : text
          ? (text[lang] ?? text[lang.split('-')[0]] ?? text.en ?? Object.values(text)[0] ?? '')
          : '',
    label: (key) =>
      view.l(categories.find((c) => c.key == key)?.label) || (t as Record<string, string>)[`cat.${key}`] || key,
    setChoices(choices) {
      view.choices = choices;
      update();
    },
    // The core's pre-fill (services where they differ from their category): without a
    // stored choice, GPC's categories start switched off.
    reset: () => view.setChoices(normalizeChoices(api.state().prefill, categories)),
    decide(fn) {
      fn();
      close();
    },
    close,
  };
  view.reset();
  return view;
};
