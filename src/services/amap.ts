import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// Amap (高德地图) JS API. Sources: Amap's JS API loader docs
// (https://lbs.amap.com/api/javascript-api-v2/getting-started), third-party-web 0.30 (MIT, domain
// map: webapi.amap.com, restapi.amap.com, vdata.amap.com, wprd0*.is.autonavi.com). Both domains
// serve only Amap.
// Not listed, to keep the head script small: *.is.autonavi.com tiles, reached only by the
// script that the listed hosts serve, so holding that script holds them too (third-party-web).

/** Blocking data (head script). */
export const amap: ServiceBlocking = {
  id: 'amap',
  category: 'third_party',
  hosts: [
    '*.amap.com', // webapi.amap.com/maps?v=2.0&key=…, the loader (Amap docs); restapi., vdata. (third-party-web)
  ],
};

/** Display data (banner). */
export const amapInfo: ServiceInfo = {
  label: 'Amap',
  vendor: 'AutoNavi Software Co., Ltd.',
  purpose: 'embed-map',
  policyUrl: 'https://cache.amap.com/h5/h5/publish/238/index.html',
};
