// The one-file consentry.js's head part, a module of its own so that it is evaluated before
// any UI module of the bundle (./head.ts says why). Everything is inside the file: receipt
// sending is started from here on demand instead of fetched (docs/guide/install.md "What loads when").
// The head first: the core's modules come first in the bundle (the minifier names the busiest shortest).
import { startGenericHead } from './head.js';
import { consentMode } from '../integrations/consent-mode.js';
import { gpc } from '../integrations/gpc.js';
import { gpp } from '../integrations/gpp.js';
import { startGppApi } from '../integrations/gpp-api.js';
import { permissions } from '../integrations/permissions.js';
import { locate } from '../integrations/region-rules.js';
import { regions } from '../integrations/regions.js';
import { receipts } from '../integrations/receipt.js';
import { startReceiptSender } from '../integrations/receipt-sender.js';
import { tabSync } from '../integrations/sync.js';

/** Run `start` with the page's consent engine once it exists (by the first copy on a page only). */
export const whenInstalled = startGenericHead([
  consentMode(),
  gpc(),
  receipts((api) => Promise.resolve(startReceiptSender(api))),
  tabSync(),
  regions(() => Promise.resolve(locate)),
  permissions(),
  gpp(() => Promise.resolve(startGppApi)),
]);
