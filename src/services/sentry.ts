import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// Sentry (sentry.io). Sources: Sentry's Loader Script and CDN docs
// (https://docs.sentry.io/platforms/javascript/install/loader/), third-party-web 0.30 (MIT,
// entity "Sentry": *.sentry-cdn.com, *.sentry.io). The browser SDK sets no cookie.

/** Blocking data (head script). */
export const sentry: ServiceBlocking = {
  // analytics: error reports carry the visitor's address, browser and page, and the page works
  // without them; a site that tunnels reports through its own host can override the category.
  id: 'sentry',
  category: 'analytics',
  hosts: [
    '*.sentry-cdn.com', // js.sentry-cdn.com/<key>.min.js (Loader Script) and browser.sentry-cdn.com (Sentry docs)
    '*.sentry.io', // o<org>.ingest.sentry.io / o<org>.ingest.us.sentry.io envelopes (third-party-web)
  ],
};

/** Display data (banner). */
export const sentryInfo: ServiceInfo = {
  label: 'Sentry',
  vendor: 'Functional Software Inc.',
  purpose: 'report-errors',
  policyUrl: 'https://sentry.io/privacy/',
};
