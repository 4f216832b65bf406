import { onAddedNodes } from './gatekeeper.js';
import { UNRELEASED } from './tagging.js';
import type { ConsentApi } from './types.js';

// DESIGN "Loading": the head script decides whether this visit needs any UI and fetches it
// then; a returning visitor with a valid choice downloads no banner code at all.

/**
 * The UI parts a visit may need: `banner` is the first layer alone (no Lit, the smallest
 * thing that asks), `ui` is the whole `<consentry-banner>` (dialog, placeholders, floating
 * button), which also takes over a first layer already shown.
 */
export type UiPart = 'banner' | 'ui';

/** What reopens the preferences: a `data-consentry-open` element or a `#consentry-preferences` link (as src/ui/reopen.ts). */
export const REOPEN_SELECTOR = '[data-consentry-open],a[href="#consentry-preferences"]';
const PREFERENCES_HASH = '#consentry-preferences';

/** A tagged iframe still blocked: it needs a placeholder, so the whole UI. */
const blockedEmbed = (root: ParentNode): boolean =>
  (root instanceof Element && root.matches(`iframe${UNRELEASED}`)) || !!root.querySelector?.(`iframe${UNRELEASED}`);

/**
 * Load UI parts when the visit needs them, and not before: the first layer when there is no
 * valid choice; the whole UI on `open()`, a reopen link click or `#consentry-preferences`, a
 * blocked iframe on the page, or `ui.floatingButton`. Until the whole UI is there, reopen
 * links are watched by one delegated click listener. A part
 * that fails to load (the file is missing) leaves the page as it is: blocked, and working.
 */
export const watchUiNeed = (api: ConsentApi, load: (part: UiPart) => Promise<unknown>): void => {
  let ui: Promise<unknown> | undefined;
  let banner: Promise<unknown> | undefined;
  let uiLoaded = false;
  // loadScript has already logged which file is missing; nothing else to do: stay blocked.
  const quiet = (p: Promise<unknown>) => p.catch(() => {});
  const loadUi = (thenOpen?: boolean): void => {
    if (uiLoaded) return;
    if (!ui) ui = load('ui').then(() => (uiLoaded = true), (e) => ((ui = undefined), Promise.reject(e)));
    // The UI subscribes to `show` when it starts, after this request: ask it again.
    if (thenOpen) void quiet(ui.then(() => api.open()));
    else void quiet(ui);
  };
  const loadBanner = (): void => {
    if (!ui && !banner) void quiet((banner = load('banner')));
  };
  const asking = () => !api.get() && !!api.state().reason;

  api.on('show', ({ preferences }) => (preferences ? loadUi(true) : asking() && loadBanner()));
  const onClick = (e: Event) => {
    if (uiLoaded) return document.removeEventListener('click', onClick, true);
    // composedPath: reopen links inside other shadow roots count too (as src/ui/reopen.ts).
    const target = e.composedPath().find((n): n is HTMLElement => n instanceof HTMLElement && n.matches(REOPEN_SELECTOR));
    if (!target) return;
    e.preventDefault();
    target.focus(); // the dialog returns focus to it on close, as before
    loadUi(true);
  };
  document.addEventListener('click', onClick, true);
  const onHash = () => location.hash == PREFERENCES_HASH && loadUi(true);
  addEventListener('hashchange', onHash);

  const start = () => {
    if (api.config.ui.floatingButton || blockedEmbed(document) || location.hash == PREFERENCES_HASH) loadUi(location.hash == PREFERENCES_HASH);
    else if (asking()) loadBanner();
    if (!uiLoaded) onAddedNodes((node) => !uiLoaded && node instanceof Element && blockedEmbed(node) && loadUi());
  };
  // A first visit starts fetching the first layer now, in parallel with parsing the page; an
  // embed or a reopen link can only be seen once the document is parsed.
  if (asking()) loadBanner();
  document.readyState == 'loading' ? document.addEventListener('DOMContentLoaded', start) : start();
};
