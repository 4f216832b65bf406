import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// Ocean Engine (巨量引擎, ByteDance's ad platform for Douyin and Toutiao) web conversion tracking.
// Sources: third-party-web 0.30 (MIT, domain map: analytics.oceanengine.com). Only the hit host is
// listed: its loader comes from ByteDance's shared CDNs, which other products use too.

/** Blocking data (head script). */
export const oceanEngine: ServiceBlocking = {
  id: 'ocean-engine',
  category: 'advertising',
  hosts: [
    'analytics.oceanengine.com', // api/v2/conversion hits (third-party-web)
  ],
};

/** Display data (banner). */
export const oceanEngineInfo: ServiceInfo = {
  label: 'Ocean Engine',
  vendor: 'Beijing Ocean Engine Network Technology Co., Ltd.',
  purpose: 'ads-measure',
  policyUrl: 'https://www.oceanengine.io/private-privacy',
};
