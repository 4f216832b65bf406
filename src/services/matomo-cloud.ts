import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// Matomo Cloud (hosted by InnoCraft). Sources: Matomo's cookie FAQ (https://matomo.org/faq/general/faq_146/),
// Open Cookie Database (OCD, Apache-2.0), third-party-web 0.30 (MIT, entity "Matomo": *.matomo.cloud).
// A self-hosted Matomo runs on the site's own host: name it as the site's own service.

/** Blocking data (head script). */
export const matomoCloud: ServiceBlocking = {
  id: 'matomo-cloud',
  category: 'analytics',
  hosts: [
    '*.matomo.cloud', // cdn.matomo.cloud/<site>.matomo.cloud/matomo.js and <site>.matomo.cloud/matomo.php (third-party-web)
  ],
  cookies: [
    // _pk_id.<site>.<hash>, _pk_ses.…, _pk_ref.…: OCD 2c4137e9-0b31-4863-9e8c-9701993f2e04 (_pk_id),
    // a92a94f8-74f6-41e3-853c-d8a66cd78ea1, 4f72b12e-0b31-4863-9e8c-9701993f2e04 (Matomo FAQ)
    '_pk_*',
  ],
};

/** Display data (banner). */
export const matomoCloudInfo: ServiceInfo = {
  label: 'Matomo',
  vendor: 'InnoCraft Ltd.',
  purpose: 'measure-visits',
  policyUrl: 'https://matomo.org/privacy-policy/',
  retention: { months: 13 }, // OCD _pk_id
};
