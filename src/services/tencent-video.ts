import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// Tencent Video embeds. Sources: Tencent Video's share embed code
// (<iframe src="https://v.qq.com/txp/iframe/player.html?vid=…">), third-party-web 0.30 (MIT,
// domain map: v.qq.com).

/** Blocking data (head script). */
export const tencentVideo: ServiceBlocking = {
  id: 'tencent-video',
  category: 'third_party',
  hosts: [
    'v.qq.com', // the embed iframe (third-party-web)
  ],
};

/** Display data (banner). */
export const tencentVideoInfo: ServiceInfo = {
  label: 'Tencent Video',
  vendor: 'Shenzhen Tencent Computer Systems Co., Ltd.',
  purpose: 'embed-video',
  policyUrl: 'https://privacy.qq.com/',
};
