import type { ServiceBlocking, ServiceInfo } from '../core/types.js';

// Heap. Sources: Heap's web snippet as sites paste it, Open Cookie
// Database (OCD, Apache-2.0), third-party-web 0.30 (MIT, entity "Heap": *.heapanalytics.com).

/** Blocking data (head script). */
export const heap: ServiceBlocking = {
  id: 'heap',
  category: 'analytics',
  hosts: [
    '*.heapanalytics.com', // cdn.heapanalytics.com/js/heap-<id>.js and heapanalytics.com/h hits (third-party-web)
  ],
  cookies: [
    '_hp2_*', // _hp2_id.<app id>, _hp2_ses_props.<app id>: OCD a7018555-44d1-447b-a160-045e820d79d4, 7ef83948-292a-4d60-b81f-3d74c48f5012
  ],
};

/** Display data (banner). */
export const heapInfo: ServiceInfo = {
  label: 'Heap',
  vendor: 'Heap Inc.',
  purpose: 'measure-usage',
  policyUrl: 'https://www.heap.io/privacy',
  retention: { months: 14 }, // OCD _hp2_id
};
