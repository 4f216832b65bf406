import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// Snap Pixel. Sources: Snap's pixel base code as sites paste it (sc-static.net/scevent.min.js),
// Open Cookie Database (OCD, Apache-2.0), third-party-web 0.30 (MIT, entity "Snapchat", domain map).
// Not listed, to keep the head script small: tr.snapchat.com, reached only by the
// script that the listed hosts serve, so holding that script holds them too (third-party-web).

/** Blocking data (head script). */
export const snapPixel: ServiceBlocking = {
  id: 'snap-pixel',
  category: 'advertising',
  hosts: [
    'sc-static.net', // scevent.min.js, the base code (third-party-web)
  ],
  cookies: [
    '_scid*', // OCD d26e5dfa-4f43-11eb-ae93-0242ac130002 (_scid), 66bbd376-f956-4a8e-a691-134241d1e88e (_scid_r)
  ],
};

/** Display data (banner). */
export const snapPixelInfo: ServiceInfo = {
  label: 'Snap Pixel',
  vendor: 'Snap Inc.',
  purpose: 'ads-audiences',
  policyUrl: 'https://values.snap.com/privacy/privacy-policy',
  retention: { months: 13 }, // OCD _scid_r
  vendorCookies: [
    'sc_at', // OCD 221f7d7b-6263-472e-97c7-3b35a1c8581c (snapchat.com)
  ],
};
