import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// Pinterest Tag. Sources: Pinterest's base code (https://help.pinterest.com/en/business/article/install-the-pinterest-tag),
// Pinterest's tag cookies page (https://help.pinterest.com/en/business/article/pinterest-tag-parameters-and-cookies:
// _pin_unauth, _epik are set on the site's domain), Open Cookie Database (OCD,
// Apache-2.0), third-party-web 0.30 (MIT, entity "Pinterest", domain map: s.pinimg.com, ct.pinterest.com).

/** Blocking data (head script). */
export const pinterestTag: ServiceBlocking = {
  id: 'pinterest-tag',
  category: 'advertising',
  hosts: [
    's.pinimg.com', // ct/core.js, the base code (Pinterest docs; third-party-web)
    'ct.pinterest.com', // v3/ and user/ hits (Pinterest docs; third-party-web)
  ],
  cookies: [
    '_pin_unauth', // OCD 3a0db572-1853-4f7a-96cf-828ff9e76246 (first-party: Pinterest's tag cookies page)
    '_epik', // OCD b7f93cf5-84f9-4746-818f-92de4962d2ad
  ],
};

/** Display data (banner). */
export const pinterestTagInfo: ServiceInfo = {
  label: 'Pinterest Tag',
  vendor: 'Pinterest Europe Ltd.',
  purpose: 'ads-audiences',
  policyUrl: 'https://policy.pinterest.com/en/privacy-policy',
  retention: { years: 1 }, // OCD _epik
  vendorCookies: [
    '_pinterest_sess', // OCD 21e2b62f-6d9f-4527-9857-d59a71ee0b39
  ],
};
