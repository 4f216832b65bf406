import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// Google Analytics 4 through gtag.js. Sources: Google's tag snippet
// (https://developers.google.com/tag-platform/gtagjs/install), Google's cookie usage page
// (https://support.google.com/analytics/answer/11397207), Open Cookie Database (OCD, Apache-2.0),
// third-party-web 0.30 (MIT, entity "Google Analytics").

/** Blocking data (head script). */
export const googleAnalytics: ServiceBlocking = {
  id: 'google-analytics',
  category: 'analytics',
  hosts: [
    'www.googletagmanager.com', // the snippet's gtag/js?id=G-… (shared: Google Ads, DoubleClick and GTM load from it too)
    '*.google-analytics.com', // region1.google-analytics.com/g/collect, the GA4 hit endpoint (Google docs; third-party-web)
    '*.analytics.google.com', // region1.analytics.google.com/g/collect (Google docs, 2023 endpoint; third-party-web)
  ],
  shared: ['www.googletagmanager.com'],
  cookies: [
    '_ga', // OCD 256c18e8-d881-11e9-8a34-2a2ae2dbcce4
    '_ga_*', // OCD d7496a0e-7f4b-4e20-b288-9d5e4852fa79; Google's page: _ga_<container-id> keeps session state
  ],
  consentMode: ['analytics_storage'],
};

/** Display data (banner). */
export const googleAnalyticsInfo: ServiceInfo = {
  label: 'Google Analytics',
  vendor: 'Google LLC',
  purpose: 'measure-visits',
  policyUrl: 'https://policies.google.com/privacy',
  retention: { years: 2 }, // Google's cookie usage page: _ga 2 years
};
