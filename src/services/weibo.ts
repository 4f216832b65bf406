import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// Weibo widgets (share and follow buttons). Sources: Weibo's widget code
// (tjs.sjs.sinajs.cn/open/api/js/wb.js, widget.weibo.com iframes), third-party-web 0.30 (MIT,
// domain map: tjs.sjs.sinajs.cn, widget.weibo.com, api.weibo.com).
// Not listed, to keep the head script small: api.weibo.com, reached only by the
// script that the listed hosts serve, so holding that script holds them too (third-party-web).

/** Blocking data (head script). */
export const weibo: ServiceBlocking = {
  id: 'weibo',
  category: 'third_party',
  hosts: [
    'tjs.sjs.sinajs.cn', // open/api/js/wb.js, the widget script (third-party-web)
    'widget.weibo.com', // follow and share button iframes (third-party-web)
  ],
};

/** Display data (banner). */
export const weiboInfo: ServiceInfo = {
  label: 'Weibo',
  vendor: 'Beijing Weimeng Chuangke Network Technology Co., Ltd.',
  purpose: 'social-features',
  policyUrl: 'https://weibo.com/signup/v5/privacy',
};
