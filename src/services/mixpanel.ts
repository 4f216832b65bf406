import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// Mixpanel. Sources: Mixpanel's JavaScript SDK docs (https://docs.mixpanel.com/docs/tracking-methods/sdks/javascript),
// Open Cookie Database (OCD, Apache-2.0), third-party-web 0.30 (MIT, entity "Mixpanel":
// *.mixpanel.com, *.mxpnl.com; both domains serve only Mixpanel).

/** Blocking data (head script). */
export const mixpanel: ServiceBlocking = {
  id: 'mixpanel',
  category: 'analytics',
  hosts: [
    '*.mxpnl.com', // cdn.mxpnl.com/libs/mixpanel-2-latest.min.js, the snippet's library (Mixpanel docs)
    '*.mixpanel.com', // api-js.mixpanel.com/track, api-eu.mixpanel.com (Mixpanel docs; third-party-web)
  ],
  cookies: [
    'mp_*_mixpanel', // mp_<project token>_mixpanel: OCD 71a7af65-12a4-4ba9-bea3-8b0d85083f46 (Mixpanel docs)
  ],
};

/** Display data (banner). */
export const mixpanelInfo: ServiceInfo = {
  label: 'Mixpanel',
  vendor: 'Mixpanel Inc.',
  purpose: 'measure-usage',
  policyUrl: 'https://mixpanel.com/legal/privacy-policy/',
  retention: { years: 1 }, // OCD mp_
};
