import type { Place } from './regions.js';
import type { CategoryKey, ConsentApi, ConsentRecord, ResolvedConfig } from './types.js';

// The engine's seam (STYLE "Layout"): the core never imports an integration; each entry passes
// the ones it wants (src/entries) and the engine calls them at fixed points. Hook names start
// with `_`: internal to one bundle, so the minifier shortens them (rollup.config.mjs).

/** What a started integration does while the engine runs; each hook optional. */
export interface IntegrationHooks {
  /**
   * A consent state takes effect, before what it grants is released: on every change, and at
   * start when a choice is held or opt-out grants until refused (Consent Mode's update).
   */
  _beforeRelease?(): void;
  /** A decision was stored (a record), or forgotten (null, by reset()), in the task that made it. */
  _afterStore?(record: ConsentRecord | null): void;
}

/**
 * A plug-in of the engine. Its reading hooks run on every read of the stored choice, for every
 * engine (the safe state included, SSR too); `_start` runs once, in a browser and for a usable
 * configuration only (the safe state pushes, sends and syncs nothing), after the API exists and
 * before any tag is released, and returns the hooks that act from then on.
 */
export interface Integration {
  /** Categories a live signal refuses on this page load (GPC): off until switched on one by one, never pre-filled. */
  _refused?(config: ResolvedConfig): CategoryKey[];
  /** The stored record as this page must read it, given what the `_refused` hooks refuse (GPC overrides a stored accept-all). */
  _readStored?(record: ConsentRecord | null, refused: CategoryKey[]): ConsentRecord | null;
  /**
   * Start acting (Consent Mode's default goes to the dataLayer here); nothing to return when its
   * config is off. `readAtStart`: the stored record as the engine read it, before `_readStored`;
   * `applyStored`: read the stored choice again and put it in force (another tab changed it),
   * asking again when no valid choice remains.
   */
  _start?(api: ConsentApi, readAtStart: ConsentRecord | null, applyStored: () => void): IntegrationHooks | void;
  /** For a usable config with `regions`: the visitor's place, once found (until then the strictest mode holds). */
  _place?(config: ResolvedConfig): Promise<Place>;
}
