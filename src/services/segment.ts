import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// Segment (Twilio). Sources: Segment's Analytics.js identity docs
// (https://www.twilio.com/docs/segment/connections/sources/catalog/libraries/website/javascript/identity),
// third-party-web 0.30 (MIT, entity "Segment": *.segment.com, *.segment.io).

/** Blocking data (head script). */
export const segment: ServiceBlocking = {
  id: 'segment',
  category: 'analytics',
  hosts: [
    'cdn.segment.com', // analytics.js/v1/<write key>/analytics.min.js, the snippet's library (Segment docs)
    'api.segment.io', // v1/t, v1/p … event hits (Segment docs; third-party-web)
  ],
  cookies: [
    'ajs_*', // ajs_anonymous_id, ajs_user_id, ajs_group_id (Segment identity docs)
  ],
};

/** Display data (banner). */
export const segmentInfo: ServiceInfo = {
  label: 'Segment',
  vendor: 'Twilio Inc.',
  purpose: 'collect-events',
  policyUrl: 'https://www.twilio.com/en-us/legal/privacy',
};
