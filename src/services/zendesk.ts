import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// Zendesk Web Widget. Sources: Zendesk's Web Widget snippet
// (https://developer.zendesk.com/documentation/zendesk-web-widget-sdks/), Open Cookie Database
// (OCD, Apache-2.0), third-party-web 0.30 (MIT, entity "ZenDesk": *.zdassets.com, *.zendesk.com, *.zopim.com).
// Not listed, to keep the head script small: <account>.zendesk.com, *.zopim.com, reached only by the
// script that the listed hosts serve, so holding that script holds them too (third-party-web).

/** Blocking data (head script). */
export const zendesk: ServiceBlocking = {
  id: 'zendesk',
  category: 'third_party',
  hosts: [
    '*.zdassets.com', // static.zdassets.com/ekr/snippet.js?key=…, the widget loader (Zendesk docs; third-party-web)
  ],
};

/** Display data (banner). */
export const zendeskInfo: ServiceInfo = {
  label: 'Zendesk',
  vendor: 'Zendesk Inc.',
  purpose: 'chat-support',
  policyUrl: 'https://www.zendesk.com/company/agreements-and-terms/privacy-notice/',
  vendorCookies: [
    '__zlcmid', // OCD 5a498a0a-26c7-485d-bd60-e0e54923a3ee (.zendesk.com)
  ],
};
