import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// YouTube embeds. Sources: YouTube's embed docs (https://developers.google.com/youtube/player_parameters),
// the IFrame API (https://developers.google.com/youtube/iframe_api_reference), Open Cookie
// Database (OCD, Apache-2.0), third-party-web 0.30 (MIT, entity "YouTube").

/** Blocking data (head script). */
export const youtube: ServiceBlocking = {
  id: 'youtube',
  category: 'third_party',
  hosts: [
    'www.youtube.com', // <iframe src="https://www.youtube.com/embed/…"> and the IFrame API script (YouTube docs)
    'www.youtube-nocookie.com', // privacy-enhanced embeds (YouTube docs)
  ],
};

/** Display data (banner). */
export const youtubeInfo: ServiceInfo = {
  label: 'YouTube',
  vendor: 'Google LLC',
  purpose: 'embed-video',
  policyUrl: 'https://policies.google.com/privacy',
  retention: { months: 6 }, // OCD VISITOR_INFO1_LIVE: 179 days
  vendorCookies: [
    'VISITOR_INFO1_LIVE', // OCD 87613af8-8486-47ef-93c9-b45c9c285106
    'YSC', // OCD d0a28cbf-c082-477b-99fe-b45d0ef7e440
  ],
};
