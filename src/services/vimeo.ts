import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// Vimeo embeds. Sources: Vimeo's embed and Player SDK docs (https://developer.vimeo.com/player/sdk/basics),
// Open Cookie Database (OCD, Apache-2.0), third-party-web 0.30 (MIT, domain map: player.vimeo.com).

/** Blocking data (head script). */
export const vimeo: ServiceBlocking = {
  id: 'vimeo',
  category: 'third_party',
  hosts: [
    'player.vimeo.com', // <iframe src="https://player.vimeo.com/video/…"> and api/player.js (Vimeo docs)
  ],
};

/** Display data (banner). */
export const vimeoInfo: ServiceInfo = {
  label: 'Vimeo',
  vendor: 'Vimeo.com Inc.',
  purpose: 'embed-video',
  policyUrl: 'https://vimeo.com/privacy',
  retention: { years: 2 }, // OCD sd_identity
  vendorCookies: [
    'vuid', // OCD bf0017c3-9d7d-4f2b-b723-1bedc5938f3c
    'Player', // OCD bd57513e-37b1-4467-a3de-8eeb47afce76
  ],
};
