// Script-tag entry `consentry.receipts.js`: sends the queued consent receipts. The head script
// loads it from beside itself on the first decision, or when receipts wait in the queue.
// Size budget (checked by `npm test`): 1024 B brotli.
import { startReceiptSender } from '../integrations/receipt-sender.js';

if (window.consentry) startReceiptSender(window.consentry);
