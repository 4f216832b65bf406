import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// Meta Pixel. Sources: Meta's pixel base code (https://developers.facebook.com/docs/meta-pixel/get-started),
// Meta's fbp/fbc parameters (https://developers.facebook.com/docs/marketing-api/conversions-api/parameters/fbp-and-fbc),
// Open Cookie Database (OCD, Apache-2.0), third-party-web 0.30 (MIT, entity "Facebook").

/** Blocking data (head script). */
export const metaPixel: ServiceBlocking = {
  id: 'meta-pixel',
  category: 'advertising',
  hosts: [
    // en_US/fbevents.js and signals/config/<id> (Meta docs). The host also serves Meta's JS SDK
    // (login, social plugins); no catalog entry needs it, and a site's own service can claim it.
    'connect.facebook.net',
    'www.facebook.com', // /tr?id=…&ev=PageView, the pixel's hit endpoint (Meta docs)
  ],
  cookies: [
    '_fbp', // OCD 0d249cd5-ae35-4dbb-ad00-d5ca46948619; Meta docs: first-party, set by the pixel on the site's domain
    '_fbc', // OCD d437b1da-7729-4c74-a5cc-e73620f5e381; Meta docs: first-party click id
  ],
};

/** Display data (banner). */
export const metaPixelInfo: ServiceInfo = {
  label: 'Meta Pixel',
  vendor: 'Meta Platforms Ireland Ltd.',
  purpose: 'ads-audiences',
  policyUrl: 'https://www.facebook.com/privacy/policy/',
  retention: { days: 90 }, // Meta's cookies policy (https://www.facebook.com/privacy/policies/cookies/): _fbp 90 days
  vendorCookies: [
    'fr', // OCD 256c787e-d881-11e9-8a34-2a2ae2dbcce4
    'datr', // OCD 256c7612-d881-11e9-8a34-2a2ae2dbcce4
  ],
};
