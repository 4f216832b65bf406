import type { Choices, ResolvedCategory, ServiceId } from '../core/types.js';

// The dialog's working choices: one value per optional category, plus a value per service
// only where it differs from its category (docs/guide/consent.md "Stored consent"). Pure functions, so the
// tri-state rules are the same for the pre-fill, every click and Save.

/** A category switch's state: all its services on, none, or some (`aria-checked="mixed"`). */
export type SwitchState = 'true' | 'false' | 'mixed';

/** Whether a service is on in `choices`: by its own choice, else its category's. */
export const serviceOn = (choices: Choices, id: ServiceId, category: ResolvedCategory): boolean =>
  category.locked || (choices[id] ?? !!choices[category.key]);

/** The switch state of a category: from its services when it has any, else its own choice. */
export const categoryState = (choices: Choices, category: ResolvedCategory): SwitchState => {
  if (category.locked) return 'true';
  if (!category.services.length) return String(!!choices[category.key]) as SwitchState;
  const on = category.services.filter((id) => serviceOn(choices, id, category)).length;
  return on == category.services.length ? 'true' : on ? 'mixed' : 'false';
};

/**
 * Rewrite a category's choices in their shortest form: all services on → the category on,
 * none → off, both without per-service values. Some on → the category OFF with the allowed
 * services named: a service the site adds later then inherits "off", never a grant nobody
 * gave (opt-in: GDPR art. 7, PIPL art. 14), and the category's own tags stay blocked, as
 * they would anyway while one of its services is refused.
 */
const normalizeCategory = (choices: Choices, category: ResolvedCategory): Choices => {
  if (category.locked || !category.services.length) return choices;
  const on = category.services.filter((id) => serviceOn(choices, id, category));
  const next = { ...choices };
  for (const id of category.services) delete next[id];
  const state = categoryState(choices, category);
  next[category.key] = state == 'true';
  if (state == 'mixed') for (const id of on) next[id] = true;
  return next;
};

/** Every category of `categories` in its shortest form (the pre-fill the dialog opens with). */
export const normalizeChoices = (choices: Choices, categories: readonly ResolvedCategory[]): Choices =>
  categories.reduce(normalizeCategory, { ...choices });

/** Switch a whole category: its services follow it (their own values are dropped). */
export const setCategory = (choices: Choices, category: ResolvedCategory, on: boolean): Choices => {
  const next = { ...choices, [category.key]: on };
  for (const id of category.services) delete next[id];
  return next;
};

/** Switch one service; the category's tri-state follows. */
export const setService = (choices: Choices, category: ResolvedCategory, id: ServiceId, on: boolean): Choices =>
  normalizeCategory({ ...choices, [id]: on }, category);
