import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// WeChat JS-SDK. Sources: WeChat's JS-SDK docs
// (https://developers.weixin.qq.com/doc/offiaccount/OA_Web_Apps/JS-SDK.html: res.wx.qq.com/open/js/jweixin-1.6.0.js,
// res2.wx.qq.com as the backup), third-party-web 0.30 (MIT, domain map: res.wx.qq.com, res2.wx.qq.com).
// res2.wx.qq.com is left out to keep the head script small: a site that pastes
// the backup can add it with an override of `hosts`.

/** Blocking data (head script). */
export const wechatJssdk: ServiceBlocking = {
  // third_party, not necessary: sharing, location and scanning inside WeChat are extras the page
  // works without. A site that needs it for WeChat Pay at checkout can override the category.
  id: 'wechat-jssdk',
  category: 'third_party',
  hosts: [
    'res.wx.qq.com', // jweixin-1.6.0.js (WeChat docs)
  ],
};

/** Display data (banner). */
export const wechatJssdkInfo: ServiceInfo = {
  label: 'WeChat JS-SDK',
  vendor: 'Shenzhen Tencent Computer Systems Co., Ltd.',
  purpose: 'social-features',
  policyUrl: 'https://weixin.qq.com/cgi-bin/readtemplate?lang=zh_CN&t=weixin_agreement&s=privacy',
};
