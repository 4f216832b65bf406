import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// Spotify embeds. Sources: Spotify's embeds docs (https://developer.spotify.com/documentation/embeds),
// Open Cookie Database (OCD, Apache-2.0), third-party-web 0.30 (MIT, entity "Spotify").

/** Blocking data (head script). */
export const spotify: ServiceBlocking = {
  id: 'spotify',
  category: 'third_party',
  hosts: [
    'open.spotify.com', // <iframe src="https://open.spotify.com/embed/…"> and embed/iframe-api/v1 (Spotify docs)
  ],
};

/** Display data (banner). */
export const spotifyInfo: ServiceInfo = {
  label: 'Spotify',
  vendor: 'Spotify AB',
  purpose: 'embed-audio',
  policyUrl: 'https://www.spotify.com/legal/privacy-policy/',
  vendorCookies: [
    'sp_t', // OCD 5d4bd049-33d3-423c-8ff6-313a59a6404d
    'sp_landing', // OCD 0e052395-ba52-4aa3-a964-b79dfa1623d1
  ],
};
