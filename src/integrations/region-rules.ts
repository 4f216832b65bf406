import { checkRegions } from '../core/region-check.js';
import { MODES, REGION_PATTERN, type Place } from '../core/regions.js';
import type { ResolvedConfig } from '../core/types.js';

// Jurisdictions (docs/guide/regions.md): the visitor's region and its rule. A chunk the head
// script loads only for a config with `regions` (./regions.ts).

const EU = 'AT BE BG HR CY CZ DK EE FI FR DE GR IE IT LV LT LU MT NL PL PT RO SK SI ES SE';

/** Region groups, smallest first (the most specific key wins), with their ISO 3166-1 countries. */
export const REGION_GROUPS: Readonly<Record<string, string>> = { UK: 'GB', EU, EEA: `${EU} IS LI NO` };

/**
 * A region code as read (meta, endpoint, edge header), upper-cased; the country alone when the
 * subdivision is missing or malformed (`US-` from a template); null when unknown (`XX`, `T1`) or malformed.
 */
export const normalizeRegion = (raw: unknown): string | null => {
  const [country, sub] = String(raw ?? '')
    .trim()
    .toUpperCase()
    .split('-');
  return [`${country}-${sub}`, country].find((code) => REGION_PATTERN.test(code)) ?? null;
};

/**
 * The place of a region (null: unknown): the rule of its subdivision, else its country, else
 * its smallest group (UK, EU, EEA), else `default`, else the top-level `mode`.
 */
export const placeOf = (config: ResolvedConfig, region: string | null): Place => {
  const { regions } = config;
  const country = region?.slice(0, 2);
  const key = [
    region,
    country,
    ...Object.keys(REGION_GROUPS).filter((g) => country && REGION_GROUPS[g].includes(country)),
    'default',
  ].find((k) => k && Object.hasOwn(regions, k));
  const rule = (key && regions[key]) || {};
  const mode = rule.mode ?? config.mode;
  return {
    region,
    mode,
    known: true,
    tcf: !!rule.tcf,
    gpp: rule.gpp ?? [],
    moved: (record) => MODES.indexOf(mode) < MODES.indexOf(placeOf(config, record.r ?? null).mode),
  };
};

/**
 * The visitor's region: the one `consentry build` baked in, else `<meta name="consentry-region">`
 * (written by the site's server or edge before the head script), else `regionEndpoint`'s answer
 * (`{"region":"US-CA"}`; null when it fails), else null: the `default` rule. No guess from the
 * time zone or the language.
 */
export const readRegion = async (config: ResolvedConfig): Promise<string | null> => {
  const given = config.region ?? document.querySelector<HTMLMetaElement>('meta[name="consentry-region"]')?.content;
  if (given != null || !config.regionEndpoint) return normalizeRegion(given);
  try {
    const response = await fetch(config.regionEndpoint, { credentials: 'omit' });
    return normalizeRegion((await response.json())?.region);
  } catch {
    return null;
  }
};

/**
 * The visitor's place: its region and the rule that applies there. A bad `regions` is reported
 * (console error naming the key) and rejects: the strictest mode stays and nobody is asked.
 */
export const locate = async (config: ResolvedConfig): Promise<Place> => {
  try {
    checkRegions(config.regions);
  } catch (error) {
    console.error((error as Error).message);
    throw error;
  }
  return placeOf(config, await readRegion(config));
};
