import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// Outbrain. Sources: Outbrain's widget and pixel code as sites paste it,
// Open Cookie Database (OCD, Apache-2.0), third-party-web 0.30 (MIT, entity "Outbrain").
// Not listed, to keep the head script small: *.outbrainimg.com, reached only by the
// script that the listed hosts serve, so holding that script holds them too (third-party-web).

/** Blocking data (head script). */
export const outbrain: ServiceBlocking = {
  id: 'outbrain',
  category: 'advertising',
  hosts: [
    '*.outbrain.com', // widgets.outbrain.com/outbrain.js, amplify.outbrain.com/cp/obtp.js, tr.outbrain.com (third-party-web)
  ],
};

/** Display data (banner). */
export const outbrainInfo: ServiceInfo = {
  label: 'Outbrain',
  vendor: 'Outbrain Inc.',
  purpose: 'recommend-content',
  policyUrl: 'https://www.outbrain.com/privacy/',
  retention: { months: 3 }, // OCD obuid
  vendorCookies: [
    'obuid', // OCD f78cbb95-bec5-45b9-ab35-9e42cf2be030
  ],
};
