import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// Microsoft Advertising Universal Event Tracking (UET). Sources: Microsoft's UET docs
// (https://learn.microsoft.com/en-us/advertising/guides/universal-event-tracking), Open Cookie
// Database (OCD, Apache-2.0), third-party-web 0.30 (MIT, domain map: bat.bing.com, bat.bing.net).
// Not listed, to keep the head script small: bat.bing.net, reached only by the
// script that the listed hosts serve, so holding that script holds them too (third-party-web).

/** Blocking data (head script). */
export const microsoftUet: ServiceBlocking = {
  id: 'microsoft-uet',
  category: 'advertising',
  hosts: [
    'bat.bing.com', // bat.js and action/0?ti=… hits (Microsoft docs; third-party-web)
  ],
  cookies: [
    '_uet*', // OCD 256ca150-d881-11e9-8a34-2a2ae2dbcce4 (_uetsid), 8a195ee3-9a8c-4442-9ee2-37a718864253 (_uetvid)
  ],
};

/** Display data (banner). */
export const microsoftUetInfo: ServiceInfo = {
  label: 'Microsoft Advertising',
  vendor: 'Microsoft Corporation',
  purpose: 'ads-conversions',
  policyUrl: 'https://privacy.microsoft.com/privacystatement',
  retention: { months: 13 }, // Microsoft docs: _uetvid 13 months
  vendorCookies: [
    'MUID', // OCD 256c999e-d881-11e9-8a34-2a2ae2dbcce4
  ],
};
