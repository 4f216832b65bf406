// What both head-script entries (consentry.gatekeeper.js, consentry.js) do first, as a module
// of its own so that it is evaluated before any UI module: the gatekeeper is installed before
// Lit's module code runs, so if anything in the UI fails (say a Trusted Types policy without
// `lit-html`), the page is still protected and the API still works.
import { markSelf } from '../core/assets.js';
import { installGlobal } from '../core/global.js';

markSelf();
/** Whether this copy installed `window.consentry` (a second copy of a bundle only warns). */
export const first = !window.consentry;
/** The page's consent API. */
export const api = installGlobal();
