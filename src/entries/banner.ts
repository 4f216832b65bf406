// Script-tag entry `consentry.banner.js` (load with `defer`, after consentry.gatekeeper.js).
import { autoMount, defineElements } from '../ui/define.js';

if (window.consentry) {
  defineElements();
  autoMount();
} else console.warn('consentry: consentry.banner.js needs consentry.gatekeeper.js loaded before it (window.consentry is missing); no banner is shown');
