import { MODES, REGION_PATTERN } from './regions.js';
import { isObject } from './values.js';

// The check of `regions` (docs/guide/regions.md). Not in the head script's config check: only a
// config with `regions` needs it, so its region-rules chunk runs it (until then, and on an error,
// the strictest mode holds and nobody is asked); createConsent and the Node tools run it at once.

const RULE_KEYS: Record<string, (v: unknown) => boolean> = {
  mode: (v) => MODES.includes(v as never),
  tcf: (v) => typeof v == 'boolean',
  gpp: (v) => Array.isArray(v) && v.every((s) => s == 'usnat' || s == 'usca'),
};
const EXPECTED: Record<string, string> = {
  mode: `one of ${MODES}`,
  tcf: 'true or false',
  gpp: 'a list of "usnat", "usca"',
};

/** Throws an error naming the first bad key of `regions` (`consentry: config.regions.US.mode "optout"; expected …`). */
export const checkRegions = (regions: unknown): void => {
  const fail = (key: string, expected: string, got: unknown) => {
    throw new Error(`consentry: config.regions${key} ${JSON.stringify(got)}; expected ${expected}`);
  };
  if (regions === undefined) return;
  if (!isObject(regions)) return fail('', 'an object', regions);
  for (const region of Object.keys(regions)) {
    const rule = regions[region];
    if (!REGION_PATTERN.test(region) && region != 'default' && region != 'EEA')
      fail(`.${region}`, 'a region: "US-CA", "DE", "EEA", "EU", "UK" or "default"', region);
    if (!isObject(rule)) fail(`.${region}`, 'an object like { "mode": "opt-out" }', rule);
    for (const k of Object.keys(rule as object)) {
      if (!Object.hasOwn(RULE_KEYS, k)) fail(`.${region}.${k}`, 'one of mode,tcf,gpp', 'unknown key');
      if (!RULE_KEYS[k]((rule as Record<string, unknown>)[k]))
        fail(`.${region}.${k}`, EXPECTED[k], (rule as Record<string, unknown>)[k]);
    }
  }
};
