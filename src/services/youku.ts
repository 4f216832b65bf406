import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// Youku embeds. Sources: Youku's share embed code (<iframe src="https://player.youku.com/embed/…">),
// third-party-web 0.30 (MIT, domain map: player.youku.com).

/** Blocking data (head script). */
export const youku: ServiceBlocking = {
  id: 'youku',
  category: 'third_party',
  hosts: [
    'player.youku.com', // the embed iframe (third-party-web)
  ],
};

/** Display data (banner). */
export const youkuInfo: ServiceInfo = {
  label: 'Youku',
  vendor: 'Youku Information Technology (Beijing) Co., Ltd.',
  purpose: 'embed-video',
  policyUrl:
    'https://terms.alicdn.com/legal-agreement/terms/suit_bu1_unification/suit_bu1_unification202012071717_37795.html',
};
