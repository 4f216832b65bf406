import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// X (Twitter) Pixel. Sources: X's conversion tracking docs
// (https://business.x.com/en/help/campaign-measurement-and-analytics/conversion-tracking-for-websites),
// Open Cookie Database (OCD, Apache-2.0), third-party-web 0.30 (MIT, entity "Twitter Online
// Conversion Tracking"). X documents no first-party cookie name we could cite: none is listed.
// Not listed, to keep the head script small: analytics.twitter.com, reached only by the
// script that the listed hosts serve, so holding that script holds them too (third-party-web).

/** Blocking data (head script). */
export const xPixel: ServiceBlocking = {
  id: 'x-pixel',
  category: 'advertising',
  hosts: [
    'static.ads-twitter.com', // uwt.js, the base code (X docs; third-party-web *.ads-twitter.com)
    't.co', // i/adsct hits (third-party-web "Twitter Short URL"); links to t.co are navigations, never held
  ],
};

/** Display data (banner). */
export const xPixelInfo: ServiceInfo = {
  label: 'X Pixel',
  vendor: 'X Corp.',
  purpose: 'ads-audiences',
  policyUrl: 'https://x.com/en/privacy',
  retention: { years: 2 }, // OCD muc_ads: 24 months
  vendorCookies: [
    'muc_ads', // OCD 2757f362-78e0-4bd5-b1e4-fce5c7977ddc (t.co)
    'personalization_id', // OCD 256cc8d8-d881-11e9-8a34-2a2ae2dbcce4
    'guest_id', // OCD 256cc7a2-d881-11e9-8a34-2a2ae2dbcce4
  ],
};
