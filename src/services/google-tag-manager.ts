import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// Google Tag Manager. Sources: Google's container snippet
// (https://developers.google.com/tag-platform/tag-manager/web), third-party-web 0.30 (MIT,
// entity "Google Tag Manager"). GTM sets no cookie of its own; the tags it loads are services
// of their own (Google Analytics, Google Ads …), each with its own hosts and Consent Mode signals.

/** Blocking data (head script). */
export const googleTagManager: ServiceBlocking = {
  // analytics, not necessary: gtm.js sends the visitor's address and page to Google and the page
  // works without it (CNIL: only what the visitor asked for is exempt from consent).
  id: 'google-tag-manager',
  category: 'analytics',
  hosts: [
    'www.googletagmanager.com', // the snippet's gtm.js?id=GTM-… (shared with gtag.js: Google Analytics, Google Ads, DoubleClick)
  ],
  shared: ['www.googletagmanager.com'],
};

/** Display data (banner). */
export const googleTagManagerInfo: ServiceInfo = {
  label: 'Google Tag Manager',
  vendor: 'Google LLC',
  purpose: 'load-tags',
  policyUrl: 'https://policies.google.com/privacy',
};
