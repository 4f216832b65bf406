// Script-tag entry `consentry.js`: the gatekeeper and the banner in one file.
// The gatekeeper is imported first so it is installed before Lit's module code runs: if
// anything in the UI fails to load (say a Trusted Types policy without `lit-html`), the page
// is still protected and the API still works.
import './gatekeeper.js';
import { autoMount, defineElements } from '../ui/define.js';

defineElements();
autoMount();
