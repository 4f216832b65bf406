import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// DoubleClick: Google Marketing Platform (Campaign Manager 360 Floodlight through gtag.js with a
// DC- id) and Google Ad Manager's GPT tag. Sources: Floodlight tags
// (https://support.google.com/campaignmanager/answer/7554821), GPT
// (https://developers.google.com/publisher-tag/guides/get-started), Open Cookie Database (OCD,
// Apache-2.0), third-party-web 0.30 (MIT, entity "Google/Doubleclick Ads").

/** Blocking data (head script). */
export const doubleclick: ServiceBlocking = {
  id: 'doubleclick',
  category: 'advertising',
  hosts: [
    'www.googletagmanager.com', // gtag/js?id=DC-… (shared with Google Analytics, Google Ads, GTM)
    // securepubads.g.doubleclick.net/tag/js/gpt.js, ad.doubleclick.net and *.fls.doubleclick.net
    // (Floodlight); googleads.g. (Google Ads and AdSense hits) is reached only by their held scripts.
    '*.doubleclick.net',
  ],
  shared: ['www.googletagmanager.com'],
  cookies: [
    '_gcl_dc', // OCD 63855ee1-89f5-471c-bb7e-512f0b06f65a
  ],
  consentMode: ['ad_storage', 'ad_user_data', 'ad_personalization'],
};

/** Display data (banner). */
export const doubleclickInfo: ServiceInfo = {
  label: 'DoubleClick',
  vendor: 'Google LLC',
  purpose: 'ads-serve',
  policyUrl: 'https://policies.google.com/privacy',
  retention: { months: 13 }, // Google's advertising cookies page (IDE)
  vendorCookies: [
    'IDE', // OCD 256c8986-d881-11e9-8a34-2a2ae2dbcce4
    'DSID', // OCD 256c8af8-d881-11e9-8a34-2a2ae2dbcce4
    'test_cookie', // OCD 4204f375-a3e5-4b04-ae39-9adb71f3eb5d
  ],
};
