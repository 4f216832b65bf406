// What both generic head-script entries (consentry.gatekeeper.js, consentry.js) start with:
// the config from the page's JSON block, checked with the catalog. The site build's head
// script does the same with the config built into it (./site-head.ts).
import { resolveSafely } from '../core/consent.js';
import { readDocumentConfig } from '../core/document-config.js';
import { startHead } from '../core/global.js';
import type { Integration } from '../core/integration.js';
import { catalog } from '../services/index.js';

/**
 * Start the head script with the entry's `integrations`: call it while the entry's modules
 * are evaluated, before any UI module (consentry.js: ./one-file-head.ts), so that if anything
 * in the UI fails (say a Trusted Types policy without `lit-html`), the page is still protected
 * and the API still works. Returns how to run `start` with the page's consent engine once it
 * exists (by the first copy on a page only).
 */
export const startGenericHead = (integrations: readonly Integration[]) =>
  startHead(() => resolveSafely(readDocumentConfig(), catalog), integrations);
