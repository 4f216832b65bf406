import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// Crisp chat. Sources: Crisp's chatbox snippet (https://docs.crisp.chat/guides/chatbox-sdks/web-sdk/),
// Open Cookie Database (OCD, Apache-2.0), third-party-web 0.30 (MIT, entity "Crisp": *.crisp.chat).

/** Blocking data (head script). */
export const crisp: ServiceBlocking = {
  id: 'crisp',
  category: 'third_party',
  hosts: [
    '*.crisp.chat', // client.crisp.chat/l.js, client.relay.crisp.chat, image./storage.crisp.chat (Crisp docs; third-party-web)
  ],
  cookies: [
    'crisp-client/*', // crisp-client/session/<website id>: OCD c7d8e9f0-0008-4567-890a-000000000008
  ],
};

/** Display data (banner). */
export const crispInfo: ServiceInfo = {
  label: 'Crisp',
  vendor: 'Crisp IM SAS',
  purpose: 'chat-support',
  policyUrl: 'https://crisp.chat/en/privacy/',
  retention: { months: 6 }, // OCD crisp-client/
};
