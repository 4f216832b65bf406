import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// Intercom Messenger. Sources: Intercom's Messenger install snippet
// (https://developers.intercom.com/installing-intercom/web/installation), Open Cookie Database
// (OCD, Apache-2.0), third-party-web 0.30 (MIT, entity "Intercom": *.intercom.io, *.intercomcdn.com).
// Not listed, to keep the head script small: js.intercomcdn.com, reached only by the
// script that the listed hosts serve, so holding that script holds them too (third-party-web).

/** Blocking data (head script). */
export const intercom: ServiceBlocking = {
  id: 'intercom',
  category: 'third_party',
  hosts: [
    '*.intercom.io', // widget.intercom.io/widget/<app id>, api-iam.intercom.io, nexus websockets (Intercom docs; third-party-web)
  ],
  cookies: [
    // intercom-id-<app id>, intercom-session-<app id>, intercom-device-id-<app id>: OCD
    // a0394a57-4b02-4653-8b32-783f685a0e92, 8d09a1ad-8e64-4fe7-b33c-018b0c082cbc, cdbad186-7795-472b-b2a8-cea6e07441a2
    'intercom-*',
  ],
};

/** Display data (banner). */
export const intercomInfo: ServiceInfo = {
  label: 'Intercom',
  vendor: 'Intercom R&D Unlimited Company',
  purpose: 'chat-support',
  policyUrl: 'https://www.intercom.com/legal/privacy',
  retention: { months: 9 }, // OCD intercom-id-
};
