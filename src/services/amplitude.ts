import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// Amplitude. Sources: Amplitude's Browser SDK docs
// (https://amplitude.com/docs/sdks/analytics/browser/browser-sdk-2), Open Cookie Database (OCD,
// Apache-2.0), third-party-web 0.30 (MIT, entity "Amplitude Mobile Analytics": *.amplitude.com).

/** Blocking data (head script). */
export const amplitude: ServiceBlocking = {
  id: 'amplitude',
  category: 'analytics',
  hosts: [
    '*.amplitude.com', // cdn.amplitude.com (the snippet's SDK), api2.amplitude.com, api.eu.amplitude.com (Amplitude docs; third-party-web)
  ],
  cookies: [
    'AMP_*', // AMP_<key prefix>, AMP_MKTG_<key prefix>: OCD b21820c7-dfa5-48cb-a2ca-d6ac3c56346d, bf7543ae-ce76-491b-8e7b-d0f660a85abd
  ],
};

/** Display data (banner). */
export const amplitudeInfo: ServiceInfo = {
  label: 'Amplitude',
  vendor: 'Amplitude Inc.',
  purpose: 'measure-usage',
  policyUrl: 'https://amplitude.com/privacy',
  retention: { years: 1 }, // OCD AMP_
};
