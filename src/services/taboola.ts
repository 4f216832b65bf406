import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// Taboola. Sources: Taboola's loader as sites paste it (cdn.taboola.com/libtrc/…/loader.js),
// Open Cookie Database (OCD, Apache-2.0), third-party-web 0.30 (MIT, entity "Taboola").
// Not listed, to keep the head script small: *.taboolasyndication.com, reached only by the
// script that the listed hosts serve, so holding that script holds them too (third-party-web).

/** Blocking data (head script). */
export const taboola: ServiceBlocking = {
  id: 'taboola',
  category: 'advertising',
  hosts: [
    '*.taboola.com', // cdn.taboola.com/libtrc/<publisher>/loader.js, trc.taboola.com (Taboola docs; third-party-web)
  ],
};

/** Display data (banner). */
export const taboolaInfo: ServiceInfo = {
  label: 'Taboola',
  vendor: 'Taboola Inc.',
  purpose: 'recommend-content',
  policyUrl: 'https://www.taboola.com/policies/privacy-policy',
  retention: { months: 13 }, // OCD t_gid
  vendorCookies: [
    't_gid', // OCD f9200827-44f9-4ca1-9fd7-779d15d60155
    'taboola_session_id', // OCD 1b6c7e7d-e469-4834-ab43-a702e39e3142
  ],
};
