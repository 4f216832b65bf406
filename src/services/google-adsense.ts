import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// Google AdSense. Sources: AdSense's ad code (https://support.google.com/adsense/answer/9274634),
// Google's advertising cookies page (https://business.safety.google/adscookies/), Open Cookie
// Database (OCD, Apache-2.0), third-party-web 0.30 (MIT, entity "Google/Doubleclick Ads", domain map).
// Not listed, to keep the head script small: googleads.g.doubleclick.net (ad requests;
// DoubleClick's host), *.adtrafficquality.google, tpc.googlesyndication.com, reached only by the
// script that the listed hosts serve, so holding that script holds them too (third-party-web).

/** Blocking data (head script). */
export const googleAdsense: ServiceBlocking = {
  id: 'google-adsense',
  category: 'advertising',
  hosts: [
    'pagead2.googlesyndication.com', // the ad code's pagead/js/adsbygoogle.js (AdSense docs)
  ],
  cookies: [
    '__gads', // OCD cd5b4059-c31a-4467-bb0d-5fe50b0589b4
    '__gpi', // OCD 39235f09-fa59-4a79-963c-38f340e49419
  ],
  consentMode: ['ad_storage', 'ad_user_data', 'ad_personalization'],
};

/** Display data (banner). */
export const googleAdsenseInfo: ServiceInfo = {
  label: 'Google AdSense',
  vendor: 'Google LLC',
  purpose: 'ads-serve',
  policyUrl: 'https://policies.google.com/privacy',
  retention: { months: 13 }, // OCD __gpi
  vendorCookies: [
    'IDE', // OCD 256c8986-d881-11e9-8a34-2a2ae2dbcce4 (doubleclick.net)
  ],
};
