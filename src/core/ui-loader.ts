import { docCall, docGet } from './dom.js';
import { onDomChange } from './gatekeeper.js';
import { soon } from './soon.js';
import { warn } from './store.js';
import { PREFERENCES_HASH, REOPEN_SELECTOR, UNRELEASED } from './tagging.js';
import type { ConsentApi } from './types.js';

// The head script decides whether this visit needs any UI and fetches it then; a returning
// visitor with a valid choice downloads no banner code at all (docs/guide/install.md "What loads when").

/**
 * The UI parts a visit may need: `banner` is the first layer alone (no Lit, the smallest
 * thing that asks), `ui` is the whole `<consentry-banner>` (dialog, placeholders, floating
 * button), which also takes over a first layer already shown.
 */
export type UiPart = 'banner' | 'ui';

/** Tagged iframes still blocked that the loader has acted on already. */
const seen = new WeakSet<Element>();

/**
 * Whether the document holds a tagged iframe still blocked that the loader has not seen yet:
 * it needs a placeholder, so the whole UI. Only a new one counts, so that when the UI file
 * cannot be loaded, DOM changes elsewhere on the page do not fetch it again and again.
 */
const newBlockedEmbed = (): boolean => {
  let found = false;
  for (const el of docCall('querySelectorAll', `iframe${UNRELEASED}`)) if (!seen.has(el)) found = !!seen.add(el);
  return found;
};

/**
 * Load UI parts when the visit needs them, and not before: the first layer when there is no
 * valid choice; the whole UI on `open()`, a reopen link click or `#consentry-preferences`, a
 * blocked iframe on the page, or `ui.floatingButton`. Until the whole UI is there, reopen
 * links are watched by one delegated click listener. A part that fails to load (the file is
 * missing) leaves the page as it is: blocked, and working.
 */
export const watchUiNeed = (api: ConsentApi, load: (part: UiPart) => Promise<unknown>): void => {
  let ui: Promise<unknown> | undefined;
  let banner: unknown;
  let done = false;
  /** The safe state of an invalid config: no valid choice, and none is asked for. */
  const broken = !api.get() && api.state().reason == null;
  const preferencesHash = () => location.hash == PREFERENCES_HASH;
  /** The whole UI, then (`open`) the preferences: the UI subscribes to `show` only when it starts. */
  const whole = (open?: boolean): void => {
    if (done) return;
    // An invalid config's safe state shows nothing that would pretend to store a choice.
    if (broken) return warn('preferences are unavailable: invalid config');
    ui ??= load('ui').then(
      () => (done = true),
      (error) => {
        ui = undefined; // a later click may try again
        throw error;
      },
    );
    // loadScript has already named the missing file; nothing else to do: stay blocked.
    ui.then(() => open && api.open()).catch(() => {});
  };
  const firstLayer = (): unknown =>
    ui || banner || (!api.get() && api.state().reason && (banner = load('banner').catch(() => {})));

  api.on('show', ({ preferences }) => (preferences ? whole(true) : firstLayer()));
  const onClick = (e: Event) => {
    if (done) return docCall('removeEventListener', 'click', onClick, true);
    // composedPath: reopen links inside other shadow roots count too (as src/ui/reopen.ts).
    const target = e
      .composedPath()
      .find((n): n is HTMLElement => n instanceof HTMLElement && n.matches(REOPEN_SELECTOR));
    if (!target) return;
    e.preventDefault();
    target.focus(); // the dialog returns focus to it on close, as before
    whole(true);
  };
  docCall('addEventListener', 'click', onClick, true);
  addEventListener('hashchange', () => preferencesHash() && whole(true));
  // A first visit starts fetching the first layer in the next task, in parallel with parsing
  // the page: inserting the script (and creating the Trusted Types policy) inside the head
  // script's own task made that task long at 4× CPU (docs/decisions/2026-12-02-long-tasks.md). An embed can only be seen once
  // the document is parsed (or when an SPA adds it).
  soon(firstLayer);
  const start = () => {
    if (newBlockedEmbed() || api.config.ui.floatingButton || preferencesHash()) whole(preferencesHash());
    else firstLayer();
    onDomChange(() => done || (newBlockedEmbed() && whole()));
  };
  docGet('readyState') == 'loading' ? docCall('addEventListener', 'DOMContentLoaded', start) : start();
};
