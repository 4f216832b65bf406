import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// Google Maps: the Maps JavaScript API and the embed iframe. Sources: Maps JavaScript API
// (https://developers.google.com/maps/documentation/javascript/load-maps-js-api), Maps Embed API
// (https://developers.google.com/maps/documentation/embed/get-started), Open Cookie Database
// (OCD, Apache-2.0), third-party-web 0.30 (MIT, entity "Google Maps").
// Not listed, to keep the head script small: maps.gstatic.com, maps.google.com, reached only by the
// script that the listed hosts serve, so holding that script holds them too (third-party-web).

/** Blocking data (head script). */
export const googleMaps: ServiceBlocking = {
  id: 'google-maps',
  category: 'third_party',
  hosts: [
    'maps.googleapis.com', // maps/api/js, the JavaScript API loader (Google docs; third-party-web)
    'www.google.com', // <iframe src="https://www.google.com/maps/embed?…"> (Google docs; shared with reCAPTCHA)
  ],
  shared: ['www.google.com'],
};

/** Display data (banner). */
export const googleMapsInfo: ServiceInfo = {
  label: 'Google Maps',
  vendor: 'Google LLC',
  purpose: 'embed-map',
  policyUrl: 'https://policies.google.com/privacy',
  vendorCookies: [
    'NID', // OCD 8879d41f-3de1-4f87-b1db-b1bbdfba7d3f (google.com)
  ],
};
