// Script-tag entry `consentry.js`: the gatekeeper and the banner in one file.
// Size budget (checked by `npm test`): 14336 B brotli (DESIGN: full bundle ≤ 14 KB).
// The gatekeeper is imported first so it is installed before Lit's module code runs: if
// anything in the UI fails to load (say a Trusted Types policy without `lit-html`), the page
// is still protected and the API still works.
import './gatekeeper.js';
import { autoMount, defineElements } from '../ui/define.js';

defineElements();
autoMount();
