import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// Plausible Analytics (plausible.io). Sources: Plausible's script docs
// (https://plausible.io/docs/plausible-script), its data policy (https://plausible.io/data-policy:
// no cookies), third-party-web 0.30 (MIT, entity "Plausible"). A self-hosted or proxied
// Plausible runs on another host: name it as the site's own service.

/** Blocking data (head script). */
export const plausible: ServiceBlocking = {
  // analytics: cookieless, but it still sends every page view to a third party; a site whose
  // regulator exempts such measurement can override the category.
  id: 'plausible',
  category: 'analytics',
  hosts: [
    'plausible.io', // js/script.js and api/event (Plausible docs)
  ],
};

/** Display data (banner). */
export const plausibleInfo: ServiceInfo = {
  label: 'Plausible Analytics',
  vendor: 'Plausible Insights OÜ',
  purpose: 'count-visits',
  policyUrl: 'https://plausible.io/privacy',
};
