import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// Calendly embeds. Sources: Calendly's embed code (https://help.calendly.com/hc/en-us/articles/223147027),
// third-party-web 0.30 (MIT, entity "Calendly": *.calendly.com).

/** Blocking data (head script). */
export const calendly: ServiceBlocking = {
  id: 'calendly',
  category: 'third_party',
  hosts: [
    '*.calendly.com', // assets.calendly.com/assets/external/widget.js and the calendly.com/<user> iframe (Calendly docs)
  ],
};

/** Display data (banner). */
export const calendlyInfo: ServiceInfo = {
  label: 'Calendly',
  vendor: 'Calendly LLC',
  purpose: 'book-appointments',
  policyUrl: 'https://calendly.com/privacy',
};
