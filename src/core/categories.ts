import type { CategoryKey, Choices, ResolvedConfig } from './types.js';

/** The category that is always granted and cannot be switched off. */
export const NECESSARY = 'necessary';

/**
 * The five default categories, in the order the dialog shows them. Labels and descriptions
 * live in the UI's locale files; the core only needs the keys.
 */
export const DEFAULT_CATEGORIES: readonly CategoryKey[] = [
  NECESSARY,
  'identity',
  'analytics',
  'advertising',
  'third_party',
];

/** Categories that Global Privacy Control refuses by default (sale/sharing of data). */
export const GPC_CATEGORIES: readonly CategoryKey[] = ['advertising', 'third_party'];

/** A choice for every optional category of `config`, from `choose(key)` (records, pre-fills, Consent Mode). */
export const choicesFor = (config: ResolvedConfig, choose: (key: CategoryKey) => boolean): Choices => {
  const choices: Choices = {};
  for (const { key, locked } of config.categories) if (!locked) choices[key] = choose(key);
  return choices;
};
