import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// Fullstory. Sources: "Why Fullstory uses First-Party Cookies"
// (https://help.fullstory.com/hc/en-us/articles/360020829513: fs_uid, fs_lua), third-party-web 0.30 (MIT,
// entity "FullStory": *.fullstory.com).

/** Blocking data (head script). */
export const fullstory: ServiceBlocking = {
  id: 'fullstory',
  category: 'analytics',
  hosts: [
    '*.fullstory.com', // edge.fullstory.com/s/fs.js and rs.fullstory.com recording hits (third-party-web)
  ],
  cookies: [
    'fs_uid', // Fullstory's cookies article
    'fs_lua', // Fullstory's cookies article
  ],
};

/** Display data (banner). */
export const fullstoryInfo: ServiceInfo = {
  label: 'Fullstory',
  vendor: 'FullStory Inc.',
  purpose: 'record-visits',
  policyUrl: 'https://www.fullstory.com/legal/privacy-policy/',
};
