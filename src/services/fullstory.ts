import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// Fullstory. Sources: Fullstory's snippet as sites paste it, its help center's cookie article
// (help.fullstory.com: fs_uid, fs_lua), third-party-web 0.30 (MIT,
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
  purpose: { en: 'Records visits to show how pages are used.', 'zh-CN': '记录访问过程，以了解页面的使用方式。' },
  policyUrl: 'https://www.fullstory.com/legal/privacy-policy/',
  retention: { en: '1 year', 'zh-CN': '1 年' }, // Fullstory's cookies article: fs_uid 1 year
};
