// Stand-in for `consentry/banner` while the banner is not built in this checkout
// (demo/build.mjs switches to src/banner.ts as soon as it exists).
import type { ConsentApi } from 'consentry';

/** No-op: the SPA still works, driven by the demo panel's buttons. */
export const mountBanner = (_api: ConsentApi): HTMLElement | null => {
  console.info('consentry demo: src/banner.ts is not built yet; use the demo panel to choose');
  return null;
};
