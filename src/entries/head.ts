// What both head-script entries (consentry.gatekeeper.js, consentry.js) do first, as a module
// of its own so that it is evaluated before any UI module: the gatekeeper's install is queued
// before Lit's module code runs, so if anything in the UI fails (say a Trusted Types policy
// without `lit-html`), the page is still protected and the API still works.
import { loadScript, markSelf } from '../core/assets.js';
import { installGlobal } from '../core/global.js';
import { shareLoader } from '../core/shared-loader.js';
import type { ConsentApi } from '../core/types.js';

markSelf();
/** Whether this copy installs `window.consentry` (a second copy of a bundle only warns). */
const first = !window.consentry;
// The UI parts fetch their locale files through this copy's loader.
if (first) shareLoader(loadScript);
/** What the entry does with the engine once it exists (its UI loader); only the first copy has one. */
let afterInstall: (api: ConsentApi) => void = () => {};

// The page's consent API is installed in a microtask: it runs as soon as this script ends and
// before the parser goes on (HTML "clean up after running script" performs a microtask
// checkpoint), so the page's next script finds `window.consentry` and everything blocked,
// exactly as at top level. Not at top level because under DevTools (so under every bench or
// test that drives a browser) the first `document.cookie` read captures the whole JS stack,
// and a stack holding this script's top level makes V8 re-parse all of it for source
// positions: ~30 ms of the head script's task at 4× CPU. A microtask's stack starts fresh.
queueMicrotask(() => installGlobal((api) => afterInstall(api)));

/** Run `start` with the page's consent engine once it exists (by this copy only). */
export const whenInstalled = (start: (api: ConsentApi) => void): void => void (afterInstall = start);
