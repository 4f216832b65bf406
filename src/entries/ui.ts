// Script-tag entry `consentry.ui.js`: the whole `<consentry-banner>` (Lit templates, the
// preferences dialog, iframe placeholders, floating button). The head script loads it from
// beside itself on open(), a reopen link, a blocked embed or ui.floatingButton; it takes over
// a first layer already on screen in place.
// Size budget (checked by `npm test`): 13000 B brotli.
import { autoMount, defineElements } from '../ui/define.js';
import { useLocaleLoader } from '../ui/i18n/index.js';
import { loadLocaleFile } from '../ui/i18n/locale-files.js';

// Locales are files beside the head script (dist/i18n/<tag>.js), fetched through its loader.
useLocaleLoader(loadLocaleFile);

if (window.consentry) {
  defineElements();
  autoMount();
} else
  console.warn(
    'consentry: consentry.ui.js needs consentry.gatekeeper.js loaded before it (window.consentry is missing); no banner is shown',
  );
