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
  purpose: 'measure-usage',
  policyUrl: 'https://posthog.com/privacy',
  retention: { years: 1 }, // PostHog persistence docs: cookie_expiration 365 days
};
