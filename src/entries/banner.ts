// Script-tag entry `consentry.banner.js`: the first layer alone, without Lit. The head script
// (consentry.gatekeeper.js) loads it from beside itself when there is no valid choice; pages
// that still load it themselves with `defer` keep working (it is harmless twice).
// Size budget (checked by `npm test`): 3520 B brotli (the bar's styles and texts only; the dialog's come with consentry.ui.js).
// Raised from 3080 B on 2026-12-08 for the development-only static-leak warning, the locale-file
// warning and focus after a choice (docs/decisions/2026-12-08-first-layer-dev-checks.md).
// This import order gives the smallest bundle (module order decides the minifier's short names).
import { loadLocaleFile } from '../ui/i18n/locale-files.js';
import { showFirstLayer } from '../ui/first-layer.js';
import { useLocaleLoader } from '../ui/i18n/index.js';

// Locales are files beside the head script (dist/i18n/<tag>.js), fetched through its loader.
useLocaleLoader(loadLocaleFile);

const api = window.consentry;
if (!api)
  console.warn(
    'consentry: consentry.banner.js needs consentry.gatekeeper.js loaded before it (window.consentry is missing); no banner is shown',
  );
else if (document.body) showFirstLayer(api);
else document.addEventListener('DOMContentLoaded', () => showFirstLayer(api));
