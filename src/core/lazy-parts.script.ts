import { loadScript } from './assets.js';
import type { ConsentApi } from './types.js';

// The script-tag head script's lazy parts (see lazy-parts.ts): files beside the head script.

/** Load `consentry.receipts.js`, which sends `window.consentry`'s queued receipts. */
export const loadReceiptSender = (_api: ConsentApi): Promise<void> => loadScript('consentry.receipts.js');
