import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// OpenStreetMap tiles and embeds. Sources: the OSMF tile usage policy
// (https://operations.osmfoundation.org/policies/tiles/), third-party-web 0.30 (MIT, domain map:
// tile.openstreetmap.org, a/b/c.tile.openstreetmap.org, www.openstreetmap.org). No cookies.

/** Blocking data (head script). */
export const openstreetmap: ServiceBlocking = {
  id: 'openstreetmap',
  category: 'third_party',
  hosts: [
    '*.tile.openstreetmap.org', // tile.openstreetmap.org/{z}/{x}/{y}.png, as Leaflet and OpenLayers load it (OSMF policy)
    'www.openstreetmap.org', // <iframe src="https://www.openstreetmap.org/export/embed.html?…"> (third-party-web)
  ],
};

/** Display data (banner). */
export const openstreetmapInfo: ServiceInfo = {
  label: 'OpenStreetMap',
  vendor: 'OpenStreetMap Foundation',
  purpose: 'embed-map',
  policyUrl: 'https://osmfoundation.org/wiki/Privacy_Policy',
};
