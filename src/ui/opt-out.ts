import type { ConsentApi, ConsentRecord } from '../core/types.js';

// The opt-out notice's two answers (docs/guide/consent.md "Opt-out mode"), shared by
// the first layer without Lit (first-layer.ts) and the banner's template (banner.ts), so the
// one-file bundle, which holds both, carries them once.

/** The optional categories and whether each is granted right now. */
const grantedNow = (api: ConsentApi) =>
  Object.fromEntries(api.config.categories.filter((c) => !c.locked).map((c) => [c.key, api.granted(c.key)]));

/** "OK": keep what is granted now (everything granted: stored as accept all). */
export const keepGranted = (api: ConsentApi): ConsentRecord | null => {
  const now = grantedNow(api);
  return Object.values(now).every(Boolean) ? api.acceptAll() : api.set(now, 'custom');
};

/** "Do not sell or share": advertising and third-party off, the rest as granted now. */
export const optOutOfSale = (api: ConsentApi): ConsentRecord | null =>
  api.set({ ...grantedNow(api), advertising: false, third_party: false }, 'custom');
