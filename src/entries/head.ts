// What both generic head-script entries (consentry.gatekeeper.js, consentry.js) do first, as a
// module of its own so that it is evaluated before any UI module: the gatekeeper's install is
// queued before Lit's module code runs, so if anything in the UI fails (say a Trusted Types
// policy without `lit-html`), the page is still protected and the API still works.
// The site build's head script does the same with the config built into it (./site-head.ts).
import { resolveSafely } from '../core/consent.js';
import { readDocumentConfig } from '../core/document-config.js';
import { startHead } from '../core/global.js';
import { catalog } from '../services/index.js';

/** Run `start` with the page's consent engine once it exists (by the first copy on a page only). */
export const whenInstalled = startHead(() => resolveSafely(readDocumentConfig(), catalog));
