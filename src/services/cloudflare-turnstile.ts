import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// Cloudflare Turnstile. Sources: Turnstile's client-side rendering docs
// (https://developers.cloudflare.com/turnstile/get-started/client-side-rendering/), Cloudflare's
// Turnstile privacy addendum (https://www.cloudflare.com/turnstile-privacy-policy/),
// third-party-web 0.30 (MIT, domain map: challenges.cloudflare.com).

/** Blocking data (head script). */
export const cloudflareTurnstile: ServiceBlocking = {
  // necessary: it only guards the form the visitor is sending (security the visitor asked for,
  // ePrivacy Art. 5(3) exemption), sets no tracking cookie and Cloudflare may not use the
  // data for ads. A site that shows it on every page for no form can override the category.
  id: 'cloudflare-turnstile',
  category: 'necessary',
  hosts: [
    'challenges.cloudflare.com', // turnstile/v0/api.js and the challenge iframe (Cloudflare docs)
  ],
};

/** Display data (banner). */
export const cloudflareTurnstileInfo: ServiceInfo = {
  label: 'Cloudflare Turnstile',
  vendor: 'Cloudflare Inc.',
  purpose: 'protect-forms',
  policyUrl: 'https://www.cloudflare.com/turnstile-privacy-policy/',
};
