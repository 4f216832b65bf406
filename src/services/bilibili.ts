import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// Bilibili embeds. Sources: the embed code on Bilibili's share menu
// (<iframe src="//player.bilibili.com/player.html?bvid=…">), third-party-web 0.30 (MIT, domain
// map: player.bilibili.com).

/** Blocking data (head script). */
export const bilibili: ServiceBlocking = {
  id: 'bilibili',
  category: 'third_party',
  hosts: [
    'player.bilibili.com', // the embed iframe (third-party-web)
  ],
};

/** Display data (banner). */
export const bilibiliInfo: ServiceInfo = {
  label: 'Bilibili',
  vendor: 'Shanghai Hode Information Technology Co., Ltd.',
  purpose: 'embed-video',
  policyUrl: 'https://www.bilibili.com/blackboard/privacy-pc.html',
};
