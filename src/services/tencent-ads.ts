import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// Tencent Ads (腾讯广告 / 广点通) web conversion tracking. Sources: third-party-web 0.30 (MIT,
// domain map: a.gdt.qq.com, m.gdt.qq.com, t.gdt.qq.com, v.gdt.qq.com, qzs.gdtimg.com). Only the
// gdt hosts are listed: *.qq.com serves every Tencent product.

/** Blocking data (head script). */
export const tencentAds: ServiceBlocking = {
  id: 'tencent-ads',
  category: 'advertising',
  hosts: [
    '*.gdt.qq.com', // conversion and ad hits (third-party-web)
    '*.gdtimg.com', // qzs.gdtimg.com scripts and creatives (third-party-web)
  ],
};

/** Display data (banner). */
export const tencentAdsInfo: ServiceInfo = {
  label: 'Tencent Ads',
  vendor: 'Shenzhen Tencent Computer Systems Co., Ltd.',
  purpose: 'ads-measure',
  policyUrl: 'https://privacy.qq.com/',
};
