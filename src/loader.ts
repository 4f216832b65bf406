// The npm entry `consentry/loader`: the banner as a lazy `import()` chunk, fetched only when a
// visit needs it (no valid choice, open(), a reopen link, a blocked embed, the floating
// button), exactly as the script-tag head script decides (docs/guide/install.md "What loads when"). A returning
// visitor's bundle then holds the core alone. `import 'consentry/banner'` still works for
// apps that want the banner in their main bundle.
import { watchUiNeed } from './core/ui-loader.js';
import type { ConsentApi } from './core/types.js';

/** Mount `<consentry-banner>` bound to `api` when this visit first needs it; its code is a lazy chunk. */
export const mountBannerWhenNeeded = (api: ConsentApi): void => {
  if (typeof document == 'undefined') return; // SSR: nothing to load
  let mounted: Promise<unknown> | undefined;
  watchUiNeed(api, () => (mounted ??= import('./banner.js').then((m) => m.mountBanner(api))));
};
