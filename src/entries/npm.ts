// The npm build's engine wiring: `createConsent` of the `consentry` entry (src/index.ts) plugs
// in what the script-tag head scripts plug in, so npm and script-tag sites behave alike.
// Receipt sending is a lazy import() chunk the app's bundler emits (docs/guide/install.md "What loads when").
import { createConsent as createEngine } from '../core/consent.js';
import type { ConsentApi } from '../core/types.js';
import { consentMode } from '../integrations/consent-mode.js';
import { gpc } from '../integrations/gpc.js';
import { gpp } from '../integrations/gpp.js';
import { permissions } from '../integrations/permissions.js';
import { regions } from '../integrations/regions.js';
import { receipts } from '../integrations/receipt.js';
import { tabSync } from '../integrations/sync.js';

const integrations = [
  consentMode(),
  gpc(),
  receipts((api) => import('../integrations/receipt-sender.js').then((m) => m.startReceiptSender(api))),
  tabSync(),
  regions(() => import('../integrations/region-rules.js').then((m) => m.locate)),
  permissions(),
  gpp(() => import('../integrations/gpp-api.js').then((m) => m.startGppApi)),
];

/**
 * Create the consent engine for a configuration (`{}` is valid), with Google Consent Mode,
 * Global Privacy Control, consent receipts and cross-tab sync plugged in (each acts only when
 * the config asks for it). A bad configuration is reported with a message naming the key, and
 * the engine stays in the safe state: every optional category refused, the banner not shown.
 */
export const createConsent = (...[input, options = {}]: Parameters<typeof createEngine>): ConsentApi =>
  createEngine(input, { ...options, _integrations: integrations });
