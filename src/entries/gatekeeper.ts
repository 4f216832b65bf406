// Script-tag entry `consentry.gatekeeper.js`, the head script: what must act before any tag
// (blocking, the stored choice, the API, Consent Mode), and the loader that fetches the rest
// from beside this file when a visit needs it (docs/guide/install.md "What loads when"): consentry.banner.js (first
// layer), consentry.ui.js (dialog, placeholders), consentry.receipts.js (receipt sending).
// Size budget (checked by `npm test`): 11270 B brotli, including the catalog's blocking data
// (≤ 1536 B, src/services) and the config checker; the returning-visitor budget (7 KB) is met by
// the site build, which has neither (./site.ts, docs/decisions/2026-12-02-site-build.md).
// With consentry.banner.js's budget (3004 B) it makes 14340 B, 1.04× vanilla-cookieconsent's
// 13782 B: the budget for what a first visit downloads before any click (docs/decisions/2026-12-01-size-budgets.md).
// Raised from 9400 B on 2026-12-08 for the hardening (docs/decisions/2026-12-08-hardening-bytes.md).
// The head first: the core's modules come first in the bundle (the minifier names the busiest shortest).
import { startGenericHead } from './head.js';
import { loadScript } from '../core/assets.js';
import { watchUiNeed } from '../core/ui-loader.js';
import { consentMode } from '../integrations/consent-mode.js';
import { gpc } from '../integrations/gpc.js';
import { gpp } from '../integrations/gpp.js';
import { permissions } from '../integrations/permissions.js';
import { regions } from '../integrations/regions.js';
import { receipts } from '../integrations/receipt.js';
import { tabSync } from '../integrations/sync.js';

startGenericHead([
  consentMode(),
  gpc(),
  receipts(() => loadScript('consentry.receipts.js')),
  tabSync(),
  regions(() => loadScript('consentry.regions.js')),
  permissions(),
  gpp(() => loadScript('consentry.gpp.js')),
])((api) => watchUiNeed(api, (part) => loadScript(`consentry.${part}.js`)));
