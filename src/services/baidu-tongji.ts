import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// Baidu Tongji (百度统计). Sources: the tracking code as Baidu Tongji hands it out
// (hm.baidu.com/hm.js?<site id>), Open Cookie Database (OCD, Apache-2.0), third-party-web 0.30
// (MIT, entity "Baidu Analytics": hm.baidu.com, hmcdn.baidu.com).
// Not listed, to keep the head script small: hmcdn.baidu.com, reached only by the
// script that the listed hosts serve, so holding that script holds them too (third-party-web).

/** Blocking data (head script). */
export const baiduTongji: ServiceBlocking = {
  id: 'baidu-tongji',
  category: 'analytics',
  hosts: [
    'hm.baidu.com', // hm.js?<site id> and hm.gif hits: the code loads from and sends to it (third-party-web)
  ],
  cookies: [
    'Hm_lvt_*', // Hm_lvt_<site id>: OCD 637370ce-290c-4a87-bfc0-9befe319caef
    'Hm_lpvt_*', // Hm_lpvt_<site id>: OCD 2a8fa759-6930-4969-ad70-ed514c7b3462
  ],
};

/** Display data (banner). */
export const baiduTongjiInfo: ServiceInfo = {
  label: 'Baidu Tongji',
  vendor: 'Baidu, Inc.',
  purpose: 'measure-visits',
  policyUrl: 'https://www.baidu.com/duty/yinsiquan.html',
  retention: { years: 1 }, // OCD Hm_lvt_
  vendorCookies: [
    'HMACCOUNT', // OCD 996c50cc-3e46-4788-ab0e-529487503b6d
  ],
};
