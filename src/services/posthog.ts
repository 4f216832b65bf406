import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// PostHog Cloud. Sources: PostHog's web snippet (https://posthog.com/docs/libraries/js),
// PostHog's persistence docs (https://posthog.com/docs/libraries/js/persistence),
// third-party-web 0.30 (MIT, domain map: us-assets.i.posthog.com, us.i.posthog.com, eu.i.posthog.com).

/** Blocking data (head script). */
export const posthog: ServiceBlocking = {
  id: 'posthog',
  category: 'analytics',
  hosts: [
    // The array snippet loads us-assets.i.posthog.com/static/array.js and sends to us.i.posthog.com
    // (eu-assets./eu. for EU Cloud). i.posthog.com serves only ingestion; app.posthog.com is not listed.
    '*.i.posthog.com',
  ],
  cookies: [
    'ph_*_posthog', // ph_<project token>_posthog (PostHog persistence docs)
  ],
};

/** Display data (banner). */
export const posthogInfo: ServiceInfo = {
  label: 'PostHog',
  vendor: 'PostHog Inc.',
  purpose: { en: 'Measures how the site and its features are used.', 'zh-CN': '分析网站及其功能的使用情况。' },
  policyUrl: 'https://posthog.com/privacy',
  retention: { en: '1 year', 'zh-CN': '1 年' }, // PostHog persistence docs: cookie_expiration 365 days
};
