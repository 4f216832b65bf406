import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// Alipay JSAPI (pages opened inside the Alipay app). Sources: third-party-web 0.30 (MIT, domain map:
// gw.alipayobjects.com, as.alipayobjects.com). *.alipay.com is not listed: paying there is a
// navigation, which is never held.

/** Blocking data (head script). */
export const alipay: ServiceBlocking = {
  // necessary: it is loaded to pay, which the visitor asks for. gw.alipayobjects.com also serves
  // Ant Group's libraries; as a necessary service it is never held anyway.
  id: 'alipay',
  category: 'necessary',
  hosts: [
    'gw.alipayobjects.com', // as/g/h5-lib/alipayjsapi/…/alipayjsapi.min.js (third-party-web)
  ],
};

/** Display data (banner). */
export const alipayInfo: ServiceInfo = {
  label: 'Alipay',
  vendor: 'Alipay (Hangzhou) Information Technology Co., Ltd.',
  purpose: 'payments',
  policyUrl: 'https://docs.open.alipay.com/54',
};
