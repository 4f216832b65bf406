// Script-tag entry of the site build (docs/guide/install.md "Site build"): dist/site/consentry.gatekeeper.js
// is the template `consentry build` fills with a site's checked config. It loads the same
// parts from beside itself as consentry.gatekeeper.js (./gatekeeper.ts).
// Size budget (checked by `npm test`): 8220 B brotli, before a config is written in: with
// the bench page's config a returning visitor downloads 7705 B (docs/decisions/2026-12-02-site-build.md;
// raised from 6700 B and ≤ 7 KB on 2026-12-08 for the hardening, docs/decisions/2026-12-08-hardening-bytes.md).
// The head first: the core's modules come first in the bundle (the minifier names the busiest shortest).
import { startSiteHead } from './site-head.js';
import { loadScript } from '../core/assets.js';
import { watchUiNeed } from '../core/ui-loader.js';
import { consentMode } from '../integrations/consent-mode.js';
import { gpc } from '../integrations/gpc.js';
import { gpp } from '../integrations/gpp.js';
import { permissions } from '../integrations/permissions.js';
import { regions } from '../integrations/regions.js';
import { receipts } from '../integrations/receipt.js';
import { tabSync } from '../integrations/sync.js';

startSiteHead([
  consentMode(),
  gpc(),
  receipts(() => loadScript('consentry.receipts.js')),
  tabSync(),
  regions(() => loadScript('consentry.regions.js')),
  permissions(),
  gpp(() => loadScript('consentry.gpp.js')),
])((api) => watchUiNeed(api, (part) => loadScript(`consentry.${part}.js`)));
