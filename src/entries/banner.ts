// Script-tag entry `consentry.banner.js` (load with `defer`, after consentry.gatekeeper.js).
// Size budget (checked by `npm test`): 8704 B brotli.
import { autoMount, defineElements } from '../ui/define.js';

if (window.consentry) {
  defineElements();
  autoMount();
} else console.warn('consentry: consentry.banner.js needs consentry.gatekeeper.js loaded before it (window.consentry is missing); no banner is shown');
