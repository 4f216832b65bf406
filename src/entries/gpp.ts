// Script-tag entry `consentry.gpp.js`: the IAB GPP CMP API and the usnat/usca encoder
// (docs/guide/regions.md "GPP"). The head script loads it from beside itself only where a
// region of the config lists GPP sections.
// Size budget (checked by `npm test`): 1700 B brotli.
import { startGppApi } from '../integrations/gpp-api.js';
import { GPP_KEY } from '../integrations/gpp.js';

(window as unknown as Record<symbol, unknown>)[GPP_KEY] = startGppApi;
