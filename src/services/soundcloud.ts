import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// SoundCloud embeds. Sources: SoundCloud's widget docs (https://developers.soundcloud.com/docs/api/html5-widget),
// third-party-web 0.30 (MIT, domain map: w.soundcloud.com).

/** Blocking data (head script). */
export const soundcloud: ServiceBlocking = {
  id: 'soundcloud',
  category: 'third_party',
  hosts: [
    'w.soundcloud.com', // <iframe src="https://w.soundcloud.com/player/?url=…"> and player/api.js (SoundCloud docs)
  ],
};

/** Display data (banner). */
export const soundcloudInfo: ServiceInfo = {
  label: 'SoundCloud',
  vendor: 'SoundCloud Global Limited & Co. KG',
  purpose: 'embed-audio',
  policyUrl: 'https://soundcloud.com/pages/privacy',
};
