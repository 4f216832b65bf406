// The site build's head script (docs/guide/install.md "Site build", `consentry build`): the generic head
// script (./head.ts) without the config checker and the catalog. `consentry build` checks the
// site's config and writes it, resolved with the catalog entries it names, into this file.
import { startHead } from '../core/global.js';
import { CONFIG_ELEMENT_ID } from '../core/document-config.js';
import { docCall } from '../core/dom.js';
import type { Integration } from '../core/integration.js';
import type { ConsentApi, ResolvedConfig } from '../core/types.js';
import { isObject } from '../core/values.js';

/**
 * The resolved config: `consentry build` (src/node/build) writes its JSON in place of the
 * placeholder string. JSON.parse of a string, not an object literal: the minifier cannot fold
 * the placeholder away, and V8 parses JSON faster than JavaScript (v8.dev "cost of JavaScript").
 */
const config = ((): ResolvedConfig | undefined => {
  try {
    return JSON.parse('__CONSENTRY_SITE_CONFIG__');
  } catch {
    // The placeholder itself: the file was served without running `consentry build`.
  }
})();

/**
 * Start the site build's head script with the entry's `integrations`; returns how to run
 * `start` with the page's consent engine once it exists (by the first copy on a page only).
 * Served without running `consentry build`, the file installs nothing: tagged elements stay inert.
 */
export const startSiteHead = (integrations: readonly Integration[]): ((start: (api: ConsentApi) => void) => void) =>
  !isObject(config)
    ? (console.error('consentry: this head script has no config: serve the output of `consentry build`'), () => {})
    : startHead(() => {
        if (docCall('getElementById', CONFIG_ELEMENT_ID))
          console.warn(
            `consentry: #${CONFIG_ELEMENT_ID} is ignored: this head script was built with its config (consentry build)`,
          );
        return [config, true];
      }, integrations);
