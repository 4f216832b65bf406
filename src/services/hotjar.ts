import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// Hotjar. Sources: Hotjar's tracking code as sites paste it, Hotjar's cookie list (help.hotjar.com),
// Open Cookie Database (OCD, Apache-2.0), third-party-web 0.30 (MIT, entity "Hotjar").

/** Blocking data (head script). */
export const hotjar: ServiceBlocking = {
  id: 'hotjar',
  category: 'analytics',
  hosts: [
    '*.hotjar.com', // static.hotjar.com/c/hotjar-<id>.js, script.hotjar.com, ws*.hotjar.com (third-party-web)
    '*.hotjar.io', // content.hotjar.io, metrics.hotjar.io (third-party-web)
  ],
  cookies: [
    // Every Hotjar cookie starts with _hj: OCD 283823c6-684c-466e-8ca4-23b18231e5a3 (_hjSession_*),
    // d5da1a8e-0ccd-4b3a-a19d-ec38807a5444 (_hjSessionUser_*), 5b248efa-5559-4cc7-8124-4f63dd14be68 (_hjid).
    '_hj*',
  ],
};

/** Display data (banner). */
export const hotjarInfo: ServiceInfo = {
  label: 'Hotjar',
  vendor: 'Hotjar Ltd.',
  purpose: 'record-visits',
  policyUrl: 'https://www.hotjar.com/legal/policies/privacy/',
  retention: { years: 1 }, // OCD _hjSessionUser_: 365 days
};
