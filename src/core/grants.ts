import { NECESSARY } from './categories.js';
import type { CategoryKey, Choices, ResolvedConfig } from './types.js';
import { ownValue } from './values.js';

/**
 * The grant rule (docs/guide/services.md), pure: a service is granted by its own
 * answer, else by its category's; a category when its own answer is on and none of its
 * services is refused; `necessary` (and every service in it) always. `answers` are a record's
 * choices (possibly for services only); `unanswered(category)` is what a category is before
 * any answer (opt-in: off; opt-out: on unless GPC refuses it). `a|b` (a host several services
 * share) is granted when any of them is. Unknown keys are refused.
 */
export const grantsFor = (
  config: ResolvedConfig,
  answers: Choices,
  unanswered: (category: CategoryKey) => boolean,
): ((key: string) => boolean) => {
  const own = (category: CategoryKey) => ownValue(answers, category) ?? unanswered(category);
  const one = (key: string): boolean => {
    const service = config.services.find((s) => s.id == key);
    const category = config.categories.find((c) => c.key == (service?.category ?? key));
    return !category
      ? false
      : category.locked || key == NECESSARY
        ? true
        : service
          ? (ownValue(answers, key) ?? own(category.key))
          : own(key) && category.services.every((id) => ownValue(answers, id) !== false);
  };
  return (key) => key.split('|').some(one);
};

/**
 * `choices` merged over the current `answers` (API `set()`: only what it names changes).
 * Naming a category makes its services follow it again, unless they are named too. When the
 * choices name any category, every optional category gets an answer (unnamed ones keep their
 * current state, `own`); choices naming services only, before any answer, stay services only.
 */
export const mergeChoices = (
  config: ResolvedConfig,
  answers: Choices,
  choices: Choices,
  own: (category: CategoryKey) => boolean,
): Choices => {
  const merged: Choices = { ...answers };
  const named = (key: string) => Object.hasOwn(choices, key);
  let categories = false;
  for (const { key, locked, services } of config.categories) {
    if (locked || !named(key)) continue;
    categories = true;
    for (const id of services) if (!named(id)) delete merged[id];
  }
  for (const key of Object.keys(choices))
    if (config.categories.some((c) => c.key == key) || config.services.some((s) => s.id == key))
      merged[key] = choices[key] === true;
  if (categories || Object.keys(answers).some((key) => config.categories.some((c) => c.key == key)))
    for (const { key, locked } of config.categories) if (!locked) merged[key] ??= own(key);
  return merged;
};
