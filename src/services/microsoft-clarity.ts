import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// Microsoft Clarity. Sources: Clarity's cookie list
// (https://learn.microsoft.com/en-us/clarity/setup-and-installation/cookie-list), Open Cookie
// Database (OCD, Apache-2.0), third-party-web 0.30 (MIT, domain map: *.clarity.ms).

/** Blocking data (head script). */
export const microsoftClarity: ServiceBlocking = {
  id: 'microsoft-clarity',
  category: 'analytics',
  hosts: [
    '*.clarity.ms', // www.clarity.ms/tag/<id>, scripts.clarity.ms, <letter>.clarity.ms/collect (third-party-web); the domain serves only Clarity
  ],
  cookies: [
    '_clck', // OCD 6b0fcf2e-09e7-4b4d-acb5-d39e946ae32c; Clarity's list: first-party
    '_clsk', // OCD a8e8abce-2d0b-49f9-93ed-9cf17ef7b234; Clarity's list: first-party
  ],
};

/** Display data (banner). */
export const microsoftClarityInfo: ServiceInfo = {
  label: 'Microsoft Clarity',
  vendor: 'Microsoft Corporation',
  purpose: 'record-visits',
  policyUrl: 'https://privacy.microsoft.com/privacystatement',
  retention: { years: 1 }, // OCD _clck
  vendorCookies: [
    'CLID', // OCD c44c1631-94e5-457e-bd09-d089bf114bd2 (clarity.ms)
    'MUID', // OCD 256c999e-d881-11e9-8a34-2a2ae2dbcce4
  ],
};
