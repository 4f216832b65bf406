import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// LinkedIn Insight Tag. Sources: the Insight Tag as sites paste it (snap.licdn.com),
// LinkedIn's cookie table
// (https://www.linkedin.com/legal/l/cookie-table), Open Cookie Database (OCD, Apache-2.0),
// third-party-web 0.30 (MIT, entity "LinkedIn Ads"). www.linkedin.com is not listed: it serves
// LinkedIn itself (sign-in, embeds), and the tag only reaches it from insight.min.js.

/** Blocking data (head script). */
export const linkedinInsight: ServiceBlocking = {
  id: 'linkedin-insight',
  category: 'advertising',
  hosts: [
    'snap.licdn.com', // li.lms-analytics/insight.min.js (LinkedIn help; third-party-web)
    '*.ads.linkedin.com', // px.ads.linkedin.com/collect, px4.ads.linkedin.com (third-party-web)
  ],
  cookies: [
    'li_fat_id', // OCD b1ba9abe-9902-418b-ae40-7594f977d67b
  ],
};

/** Display data (banner). */
export const linkedinInsightInfo: ServiceInfo = {
  label: 'LinkedIn Insight Tag',
  vendor: 'LinkedIn Ireland Unlimited Company',
  purpose: 'ads-audiences',
  policyUrl: 'https://www.linkedin.com/legal/privacy-policy',
  retention: { years: 1 }, // OCD bcookie
  vendorCookies: [
    'bcookie', // OCD 657f80f4-7eb6-41c9-9bc7-7d2570a0887f
    'lidc', // OCD 1b1067dd-9003-40f8-a2d6-c6ac72bb6779
    'UserMatchHistory', // OCD 1874cfdd-0691-4ce0-a158-bc3c1605275e
  ],
};
