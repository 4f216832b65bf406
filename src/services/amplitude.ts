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
  purpose: { en: 'Measures how the site and its features are used.', 'zh-CN': '分析网站及其功能的使用情况。' },
  policyUrl: 'https://amplitude.com/privacy',
  retention: { en: '1 year', 'zh-CN': '1 年' }, // OCD AMP_
};
