import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// Baidu Maps JS API. Sources: Baidu Maps' JS API docs (https://lbsyun.baidu.com/index.php?title=jspopularGL),
// third-party-web 0.30 (MIT, domain map: api.map.baidu.com). Tiles come from *.bdimg.com, which
// serves other Baidu products too: the loader is what is held.

/** Blocking data (head script). */
export const baiduMaps: ServiceBlocking = {
  id: 'baidu-maps',
  category: 'third_party',
  hosts: [
    '*.map.baidu.com', // api.map.baidu.com/api?v=3.0&ak=… (Baidu docs) and map.baidu.com embeds
  ],
};

/** Display data (banner). */
export const baiduMapsInfo: ServiceInfo = {
  label: 'Baidu Maps',
  vendor: 'Baidu, Inc.',
  purpose: 'embed-map',
  policyUrl: 'https://www.baidu.com/duty/yinsiquan.html',
};
