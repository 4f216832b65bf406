import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// CNZZ / Umeng web analytics (友盟+ U-Web). Sources: the tracking code as Umeng hands it out
// (s4.cnzz.com/z_stat.php?id=…, v1.cnzz.com/z.js?id=…), third-party-web 0.30 (MIT, domain map:
// c.cnzz.com, s4.cnzz.com, v1.cnzz.com, z*.cnzz.com …; the domain serves only this product).
// Its first-party cookie names have no source we may cite here: none is listed (add them with a source).

/** Blocking data (head script). */
export const cnzz: ServiceBlocking = {
  id: 'cnzz',
  category: 'analytics',
  hosts: [
    '*.cnzz.com', // the loader hosts above and its hit hosts (third-party-web)
  ],
};

/** Display data (banner). */
export const cnzzInfo: ServiceInfo = {
  label: 'CNZZ (Umeng)',
  vendor: 'Umeng (Alibaba Group)',
  purpose: 'measure-visits',
  policyUrl: 'https://www.umeng.com/page/policy',
};
