// Script-tag entry `consentry.js`: the one-file install (README quick start: copy one file).
// It holds everything — the head script, the first layer, the whole UI, receipt sending — but
// runs each UI part only when the visit needs it, exactly as consentry.gatekeeper.js loads
// them (DESIGN "Loading"): a returning visitor evaluates no banner code; it just downloads it.
// Size budget (checked by `npm test`): 14848 B brotli.
// The gatekeeper is installed before any UI code runs: if anything in the UI fails (say a
// Trusted Types policy without `lit-html`), the page is still protected and the API works.
import { markSelf } from '../core/assets.js';
import { installGlobal } from '../core/global.js';
import { watchUiNeed } from '../core/ui-loader.js';
import { autoMount, defineElements } from '../ui/define.js';
import { showFirstLayer } from '../ui/first-layer.js';

markSelf();
const first = !window.consentry;
const api = installGlobal();
const whenBody = (fn: () => void) => (document.body ? fn() : document.addEventListener('DOMContentLoaded', fn));
if (first)
  watchUiNeed(api, (part) =>
    new Promise<void>((resolve) =>
      whenBody(() => {
        if (part == 'banner') showFirstLayer(api);
        else {
          defineElements();
          autoMount();
        }
        resolve();
      }),
    ),
  );
