import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// Stripe.js. Sources: Stripe.js docs (https://docs.stripe.com/js), Stripe's cookie policy
// (https://stripe.com/legal/cookies-policy), Open Cookie Database (OCD, Apache-2.0),
// third-party-web 0.30 (MIT, entity "Stripe": *.stripe.com, *.stripe.network).

/** Blocking data (head script). */
export const stripe: ServiceBlocking = {
  // necessary: card payment and its fraud checks are what the visitor asks for at checkout
  // (ePrivacy Art. 5(3) exemption; Stripe's cookie policy). A site that loads Stripe.js on
  // every page only for fraud signals can override the category.
  id: 'stripe',
  category: 'necessary',
  hosts: [
    '*.stripe.com', // js.stripe.com/v3/ (Stripe docs), api.stripe.com, m.stripe.com (third-party-web)
    '*.stripe.network', // m.stripe.network fraud-signal frame (third-party-web)
  ],
  cookies: [
    // __stripe_mid, __stripe_sid, set on the site's domain (Stripe's cookie policy): OCD
    // 8a90cba6-c361-4513-b33c-509aec12d1a9, 123902bd-1664-4dbf-9af5-50b1d3ebf1bb
    '__stripe_*',
  ],
};

/** Display data (banner). */
export const stripeInfo: ServiceInfo = {
  label: 'Stripe',
  vendor: 'Stripe Payments Europe Ltd.',
  purpose: 'payments',
  policyUrl: 'https://stripe.com/privacy',
  retention: { years: 1 }, // OCD __stripe_mid
};
