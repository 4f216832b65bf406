// The built-in catalog's display data (label, vendor, purpose, policy link), loaded with the banner.
import type { ServiceInfo } from '../core/types.js';
import { googleAnalyticsInfo } from './google-analytics.js';
import { youtubeInfo } from './youtube.js';

/** Display data of every catalog service, by id. */
export const catalogInfo: Readonly<Record<string, ServiceInfo>> = {
  'google-analytics': googleAnalyticsInfo,
  youtube: youtubeInfo,
};
