import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// Google Ads conversion tracking and remarketing through gtag.js. Sources: Google's tag setup
// (https://support.google.com/google-ads/answer/6095821), Google's advertising cookies page
// (https://business.safety.google/adscookies/), Open Cookie Database (OCD, Apache-2.0),
// third-party-web 0.30 (MIT, entity "Google/Doubleclick Ads"). Not listed: googleads.g.doubleclick.net
// (viewthroughconversion) and www.google.com/pagead, reached only by gtag.js, which is held; and
// www.google.com is reCAPTCHA's and Maps' host too.

/** Blocking data (head script). */
export const googleAds: ServiceBlocking = {
  id: 'google-ads',
  category: 'advertising',
  hosts: [
    'www.googletagmanager.com', // gtag/js?id=AW-… (shared with Google Analytics, DoubleClick, GTM)
    'www.googleadservices.com', // pagead/conversion (Google docs; third-party-web)
  ],
  shared: ['www.googletagmanager.com'],
  cookies: [
    '_gcl_*', // OCD f0c95579-9131-4caf-8240-51eb01be6eb9 (_gcl_au), f54e4e1a-9520-4c58-8499-0119302caf49 (_gcl_aw)
  ],
  consentMode: ['ad_storage', 'ad_user_data', 'ad_personalization'],
};

/** Display data (banner). */
export const googleAdsInfo: ServiceInfo = {
  label: 'Google Ads',
  vendor: 'Google LLC',
  purpose: 'ads-conversions',
  policyUrl: 'https://policies.google.com/privacy',
  retention: { days: 90 }, // OCD _gcl_aw
};
