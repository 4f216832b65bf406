import type { ConsentApi } from './types.js';
import { startReceiptSender } from '../integrations/receipt-sender.js';

// The one-file consentry.js's lazy parts (see lazy-parts.ts): inside the file, started on demand.

/** Start sending `api`'s queued consent receipts. */
export const loadReceiptSender = (api: ConsentApi): Promise<void> => Promise.resolve(startReceiptSender(api));
