// Script-tag entry `consentry.regions.js`: the visitor's region and its rule (docs/guide/regions.md).
// The head script loads it from beside itself only for a config with `regions`.
// Size budget (checked by `npm test`): 980 B brotli.
import { locate } from '../integrations/region-rules.js';
import { LOCATE_KEY } from '../integrations/regions.js';

(window as unknown as Record<symbol, unknown>)[LOCATE_KEY] = locate;
