// Script-tag entry `consentry.js`: the one-file install (the docs' one-file install).
// It holds everything — the head script, the first layer, the whole UI, receipt sending — but
// runs each UI part only when the visit needs it, exactly as consentry.gatekeeper.js loads
// them (docs/guide/install.md "What loads when"): a returning visitor evaluates no banner code; it just downloads it.
// Size budget (checked by `npm test`): 26350 B brotli (everything; returning visitors who must download
// less use consentry.gatekeeper.js, which fetches the parts). Raised from 22272 B on 2026-12-07 for
// the engine's integration seam (docs/decisions/2026-12-07-engine-integrations.md): the head script
// paid its share back, this fallback has nothing lazy to shed it onto. Raised from 22400 B on
// 2026-12-08 for the hardening (docs/decisions/2026-12-08-hardening-bytes.md). Raised from 25840 B
// on 2026-12-08 for the first layer's development checks and focus after a choice
// (docs/decisions/2026-12-08-first-layer-dev-checks.md).
// ./one-file-head.js comes first: the gatekeeper install is queued before any UI module is evaluated.
import { whenInstalled } from './one-file-head.js';
import { watchUiNeed } from '../core/ui-loader.js';
import { autoMount, defineElements } from '../ui/define.js';
import { showFirstLayer } from '../ui/first-layer.js';
import { useLocaleLoader } from '../ui/i18n/index.js';
import { loadLocaleFile } from '../ui/i18n/locale-files.js';

// Locales are files beside this one (dist/i18n/<tag>.js), never inside it.
useLocaleLoader(loadLocaleFile);

const whenBody = (fn: () => void) => (document.body ? fn() : document.addEventListener('DOMContentLoaded', fn));
whenInstalled((api) =>
  watchUiNeed(
    api,
    (part) =>
      new Promise<void>((resolve) =>
        whenBody(() => {
          if (part == 'banner') showFirstLayer(api);
          else {
            defineElements();
            autoMount();
          }
          resolve();
        }),
      ),
  ),
);
