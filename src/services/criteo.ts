import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// Criteo OneTag. Sources: the OneTag loader as sites paste it (dynamic.criteo.com/js/ld/ld.js),
// third-party-web 0.30 (MIT, entity "Criteo": *.criteo.com, *.criteo.net). Criteo's first-party
// cookie names have no source we may cite here: none is listed (add them with a source).
// Not listed, to keep the head script small: static.criteo.net, reached only by the
// script that the listed hosts serve, so holding that script holds them too (third-party-web).

/** Blocking data (head script). */
export const criteo: ServiceBlocking = {
  id: 'criteo',
  category: 'advertising',
  hosts: [
    '*.criteo.com', // dynamic.criteo.com/js/ld/ld.js (the OneTag loader), sslwidget., gum. (third-party-web)
  ],
};

/** Display data (banner). */
export const criteoInfo: ServiceInfo = {
  label: 'Criteo',
  vendor: 'Criteo SA',
  purpose: 'ads-retarget',
  policyUrl: 'https://www.criteo.com/privacy/',
};
