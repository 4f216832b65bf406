import { create, docGet, queryAll } from './dom.js';
import { isSafeUrl } from './values.js';
import { warn } from './store.js';
import { trustedScript, trustedScriptURL } from './trusted-types.js';
import { RELEASED, UNRELEASED, categoriesOf } from './tagging.js';
import type { CategoryKey } from './types.js';

/** Releases what is now allowed under `root` (default: the whole document). */
export type Release = (root?: ParentNode) => void;

/** Elements a person chose to load once (`loadOnce`): released and never held again, in this page view only. */
export const allowedOnce = new WeakSet<Element>();

/** Call `fn` with the records of every batch of nodes added or removed anywhere in the document from now on. */
const observeDom = (fn: MutationCallback): void =>
  new MutationObserver(fn).observe(document, { childList: true, subtree: true });

/** Call `fn` after every batch of nodes added or removed anywhere in the document from now on. */
export const onDomChange = (fn: () => void): void => observeDom(() => fn());

/** Call `fn` with every node added anywhere in the document from now on. */
export const onAddedNodes = (fn: (node: Node) => void): void =>
  observeDom((records) => {
    for (const r of records) r.addedNodes.forEach((node) => fn(node));
  });

/** Whether `url` (from attribute `attr`) may be released; a script scheme is refused with a warning. */
const releasable = (attr: string, url: string): boolean => {
  if (isSafeUrl(url)) return true;
  warn(`refused to release ${attr}="${url.slice(0, 40)}"`);
  return false;
};

/**
 * Replace a `type="text/plain"` script with a live copy. The copy keeps every attribute
 * (so `data-consent` stays visible for debugging), gets its real type back from
 * `data-type`, and the nonce through the IDL property: browsers hide the nonce attribute
 * from script (HTML spec, "nonce hiding"), so copying the attribute would lose it.
 * `async = false` keeps external scripts in document order.
 * Resolves when an external script has loaded or failed; inline scripts run at once.
 */
const releaseScript = (old: HTMLScriptElement): Promise<unknown> | void => {
  const script = create('script');
  for (const { name, value } of [...old.attributes])
    if (!['type', 'src', 'data-type'].includes(name)) script.setAttribute(name, value);
  const type = old.getAttribute('data-type');
  if (type) script.type = type;
  script.nonce = old.nonce;
  script.setAttribute(RELEASED, '');
  old.setAttribute(RELEASED, '');
  const src = old.getAttribute('src');
  if (src == null) {
    script.text = trustedScript(old.text);
    old.replaceWith(script);
    return;
  }
  if (!releasable('src', src)) return;
  script.async = false;
  const done = new Promise((resolve) => {
    script.addEventListener('load', resolve);
    script.addEventListener('error', resolve);
  });
  script.src = trustedScriptURL(src);
  old.replaceWith(script);
  return done;
};

/** Load a pixel or embed: `data-src` (and `data-srcset`) become the real attributes. */
const releaseMedia = (el: Element): void => {
  el.setAttribute(RELEASED, '');
  const load = () => {
    for (const name of ['srcset', 'src']) {
      const value = el.getAttribute(`data-${name}`);
      if (value != null && releasable(`data-${name}`, value)) el.setAttribute(name, value);
    }
  };
  // Chromium never navigates an iframe whose src is set from a MutationObserver callback
  // while the parser is inserting it (it stays about:blank); from the next task it loads.
  if (el.localName == 'iframe' && docGet('readyState') == 'loading') setTimeout(load);
  else load();
};

/**
 * A gatekeeper for tagged elements: the returned function releases every tagged element
 * whose categories (or services) are all `granted`, or that was allowed once, in document order. Scripts run in document order:
 * an inline script that follows an external one waits for it, as it would have in the HTML.
 */
export const tagGatekeeper = (granted: (category: CategoryKey) => boolean): Release => {
  let queue: Promise<unknown> = Promise.resolve();
  /** Scripts queued or loading: while any is, the next one waits its turn. */
  let pending = 0;
  const release = (el: Element): void => {
    if (!(el instanceof HTMLScriptElement)) return releaseMedia(el);
    if (el.type != 'text/plain') return; // a tagged script that is not text/plain already ran
    el.setAttribute(RELEASED, '');
    const loading = pending ? queue.then(() => releaseScript(el)) : releaseScript(el);
    if (loading) {
      pending++;
      queue = loading.then(() => pending--);
    }
  };
  return (root = document) => {
    const candidates = root instanceof Element && root.matches(UNRELEASED) ? [root] : [];
    candidates.push(...queryAll(root, UNRELEASED));
    for (const el of candidates) {
      const needed = categoriesOf(el);
      if (needed[0] && (allowedOnce.has(el) || needed.every(granted))) release(el);
    }
  };
};
