import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// HubSpot tracking code. Sources: HubSpot's cookie list
// (https://knowledge.hubspot.com/privacy-and-consent/what-cookies-does-hubspot-set-in-a-visitor-s-browser),
// Open Cookie Database (OCD, Apache-2.0), third-party-web 0.30 (MIT, entity "Hubspot").
// HubSpot forms (*.hsforms.net) and the CMS are separate products and are not listed.
// Not listed, to keep the head script small: js.hs-analytics.net, js.hs-banner.com, js.hsadspixel.net, js.hscollectedforms.net,
// track.hubspot.com, reached only by the
// script that the listed hosts serve, so holding that script holds them too (third-party-web).

/** Blocking data (head script). */
export const hubspot: ServiceBlocking = {
  // advertising: the tracking code ties visits to CRM contacts for marketing, beyond analytics.
  id: 'hubspot',
  category: 'advertising',
  hosts: [
    '*.hs-scripts.com', // js.hs-scripts.com/<portal id>.js, the tracking code (HubSpot docs; third-party-web)
  ],
  cookies: [
    '__hstc', // OCD a4a0bfbb-2fff-4352-a931-105381955855
    '__hssc', // OCD 0641f061-2be6-4d26-adea-d8614c7f097b
    '__hssrc', // OCD 04f6c79c-87a2-420f-a341-15b806967c80
    'hubspotutk', // OCD 02865dba-5da8-46ec-b100-50c1b8a1e913
  ],
};

/** Display data (banner). */
export const hubspotInfo: ServiceInfo = {
  label: 'HubSpot',
  vendor: 'HubSpot Inc.',
  purpose: 'link-contacts',
  policyUrl: 'https://legal.hubspot.com/privacy-policy',
  retention: { months: 13 }, // OCD __hstc, hubspotutk
};
