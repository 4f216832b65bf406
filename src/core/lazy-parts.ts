import type { ConsentApi } from './types.js';

// The parts of the core that are fetched on demand (DESIGN "Loading"). One source, three
// outputs (rollup.config.mjs picks the file): the npm build (this file) uses lazy `import()`
// chunks; the script-tag head script (lazy-parts.script.ts) loads files beside itself; the
// one-file consentry.js (lazy-parts.inline.ts) has them inside and only defers their work.

/** Start sending `api`'s queued consent receipts (src/integrations/receipt-sender.ts). */
export const loadReceiptSender = (api: ConsentApi): Promise<void> =>
  import('../integrations/receipt-sender.js').then((m) => m.startReceiptSender(api));
