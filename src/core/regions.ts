import type { ConsentMode, ConsentRecord, GppSection, ResolvedConfig } from './types.js';

// Jurisdictions (docs/guide/regions.md), the part in the head script: the strictest mode holds
// until the region's rule is known. Finding the region and its rule is a chunk loaded only for
// a config with `regions` (src/integrations/region-rules.ts), so other pages pay nothing.

/** The modes, strictest first. */
export const MODES: readonly ConsentMode[] = ['opt-in', 'opt-out', 'notice'];

/** An ISO 3166-1 country or 3166-2 subdivision; Cloudflare's `XX` (unknown) and `T1` (Tor) are no region. */
export const REGION_PATTERN = /^(?!XX|T1)[A-Z]{2}(-[A-Z0-9]{1,3})?$/;

/** Where the visitor is and what applies there. */
export interface Place {
  /** The region (`US-CA`), null when unknown (the `default` rule) or not asked. */
  region: string | null;
  mode: ConsentMode;
  /** false while the region is still being found (the strictest mode applies, nobody is asked). */
  known: boolean;
  /** The GPP sections that apply there (none before the place is found). */
  gpp?: GppSection[];
  /** Whether TCF applies there. */
  tcf?: boolean;
  /** Whether a record was made under a less strict mode than this place's: it is asked again. */
  moved?(record: ConsentRecord): boolean;
}

/**
 * The place before the region is found: for a config with `regions`, the strictest of its modes
 * (not checked yet: an invalid mode counts as opt-in); else the top-level mode.
 */
export const firstPlace = (config: ResolvedConfig, locating: unknown): Place => ({
  region: null,
  mode: locating
    ? MODES.find((m) =>
        [config.mode, ...Object.values(config.regions).map((r) => r?.mode)].some(
          (x) => x == m || !MODES.includes(x ?? m),
        ),
      )!
    : config.mode,
  known: !locating,
});
