import type { Integration } from '../core/integration.js';
import type { Place } from '../core/regions.js';
import type { ResolvedConfig } from '../core/types.js';

/** Finds the visitor's place (./region-rules.ts `locate`). */
export type Locate = (config: ResolvedConfig) => Promise<Place>;

/** Where the script-tag chunk consentry.regions.js leaves `locate` for the head script that loaded it. */
export const LOCATE_KEY = Symbol.for('consentry.locate');

/**
 * Jurisdictions as an engine integration: for a config with `regions`, `load` brings the rules
 * however the entry ships them (a file beside the head script that leaves `locate` under
 * {@link LOCATE_KEY}, a lazy `import()` chunk, or inside the one-file bundle).
 */
export const regions = (load: () => Promise<Locate | void>): Integration => ({
  _place: (config) =>
    load().then((locate) => (locate || (window as unknown as Record<symbol, Locate>)[LOCATE_KEY])(config)),
});
