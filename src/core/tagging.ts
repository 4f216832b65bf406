import type { CategoryKey } from './types.js';

// The markup contract of tagged elements (docs/guide/tagging.md): attributes sites write and the
// gatekeeper sets. Pure, no rendering and no state, so the UI's iframe placeholders read the
// markup by the very same rules as the gatekeeper (the one core module ui/ imports at runtime).

/** Marks an element the gatekeeper has released, so it is never released twice. */
export const RELEASED = 'data-consentry-released';

/** Tagged elements the gatekeeper has not released (yet). */
export const UNRELEASED = `[data-consent]:not([${RELEASED}])`;

/** The categories an element needs, from `data-consent="analytics advertising"` (all must be granted). */
export const categoriesOf = (el: Element): CategoryKey[] =>
  (el.getAttribute('data-consent') ?? '').split(/[\s,]+/).filter(Boolean);

/** The hash that opens the preferences (a link from another page, or a script setting it). */
export const PREFERENCES_HASH = '#consentry-preferences';

/** What reopens the preferences: a `data-consentry-open` element or a `#consentry-preferences` link. */
export const REOPEN_SELECTOR = `[data-consentry-open],a[href="${PREFERENCES_HASH}"]`;
