import { docCall } from '../core/dom.js';
import type { Integration } from '../core/integration.js';
import { readRecord } from '../core/store.js';

/** The BroadcastChannel name every consentry tab of an origin listens on. */
export const SYNC_CHANNEL = 'consentry';

/**
 * Keep tabs in step. `read` returns the stored record as a string; `changed` applies it.
 * A tab that stores a choice calls the returned `notify`; the others re-read the cookie
 * (the cookie is the truth, the message carries nothing) and apply it only if it differs
 * from what they last saw, so a received change is never echoed back.
 * The cookie is also re-read on `focus`/`visibilitychange`: that is the fallback where
 * BroadcastChannel is missing or throws, and it covers sibling subdomains sharing a
 * `cookie.domain`, which a same-origin channel cannot reach. `seen` is what this tab read at
 * start (by default read again here).
 *
 * The channel is opened in a task of its own, after the page's start: opening it is a round
 * trip to the browser (~8 ms of the head script's task at 4× CPU). A change made in another
 * tab before then is caught by the check that follows the opening.
 */
export const syncTabs = (read: () => string, changed: () => void, seen = read()): (() => void) => {
  let channel: BroadcastChannel | undefined;
  const check = (): void => {
    const now = read();
    if (now != seen) {
      seen = now;
      changed();
    }
  };
  let open = (): void => {
    open = () => {};
    try {
      channel = new BroadcastChannel(SYNC_CHANNEL);
      channel.onmessage = check;
    } catch {
      // Missing (old Safari) or refused (opaque origins): the focus check below still works.
    }
  };
  setTimeout(() => {
    open();
    check();
  });
  addEventListener('focus', check);
  docCall('addEventListener', 'visibilitychange', check);
  // postMessage cannot throw here: the channel is never closed and `1` always clones.
  return () => {
    open();
    seen = read();
    channel?.postMessage(1);
  };
};

/**
 * Cross-tab sync as an engine integration (docs/guide/consent.md "Cross-tab sync"): another tab's change re-reads
 * the cookie and applies it (asking again when no valid choice remains); each stored or
 * forgotten decision is announced to the other tabs.
 */
export const tabSync = (): Integration => ({
  _start: ({ config }, readAtStart, applyStored) => ({
    _afterStore: syncTabs(() => JSON.stringify(readRecord(config)), applyStored, JSON.stringify(readAtStart)),
  }),
});
