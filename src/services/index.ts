// The built-in catalog's blocking data, for `createConsent(config, { catalog })` and the
// script-tag head script. Data only (STYLE "Data is data"); display texts are in ./info.ts.
import type { ServiceBlocking } from '../core/types.js';
import { googleAnalytics } from './google-analytics.js';
import { youtube } from './youtube.js';

/** Every catalog service's blocking data (hosts, cookies, category, Consent Mode signals). */
export const catalog: readonly ServiceBlocking[] = [googleAnalytics, youtube];
