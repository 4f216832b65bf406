import { isSafeUrl } from './config.js';
import { warn } from './store.js';
import { trustedScript, trustedScriptURL } from './trusted-types.js';
import type { CategoryKey } from './types.js';

/** Marks an element the gatekeeper has released, so it is never released twice. */
const RELEASED = 'data-consentry-released';
const SELECTOR = `[data-consent]:not([${RELEASED}])`;

/** The categories an element needs, from `data-consent="analytics advertising"` (all must be granted). */
export const categoriesOf = (el: Element): CategoryKey[] =>
  (el.getAttribute('data-consent') ?? '').split(/[\s,]+/).filter(Boolean);

const isBlockedScript = (el: Element): el is HTMLScriptElement =>
  el instanceof HTMLScriptElement && el.type == 'text/plain';

/**
 * Replace a `type="text/plain"` script with a live copy. The copy keeps every attribute
 * (so `data-consent` stays visible for debugging), gets its real type back from
 * `data-type`, and the nonce through the IDL property: browsers hide the nonce attribute
 * from script (HTML spec, "nonce hiding"), so copying the attribute would lose it.
 * `async = false` keeps external scripts in document order.
 * Resolves when an external script has loaded or failed; inline scripts run at once.
 */
const releaseScript = (old: HTMLScriptElement): Promise<void> | void => {
  const script = document.createElement('script');
  for (const { name, value } of Array.from(old.attributes))
    if (name != 'type' && name != 'src' && name != 'data-type') script.setAttribute(name, value);
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
  if (!isSafeUrl(src)) return warn(`refused to release a script with src "${src.slice(0, 40)}"`);
  script.async = false;
  const done = new Promise<void>((resolve) => {
    script.addEventListener('load', () => resolve());
    script.addEventListener('error', () => resolve());
  });
  script.src = trustedScriptURL(src);
  old.replaceWith(script);
  return done;
};

/** Load a pixel or embed: `data-src` (and `data-srcset`) become the real attributes. */
const releaseMedia = (el: Element): void => {
  el.setAttribute(RELEASED, '');
  for (const name of ['srcset', 'src']) {
    const value = el.getAttribute(`data-${name}`);
    if (value == null) continue;
    if (isSafeUrl(value)) el.setAttribute(name, value);
    else warn(`refused to release data-${name} "${value.slice(0, 40)}"`);
  }
};

/**
 * Releases tagged elements once their categories are granted. Scripts run in document order:
 * an inline script that follows an external one waits for it, as it would have in the HTML.
 */
export class TagGatekeeper {
  private _queue: Promise<void> = Promise.resolve();
  private _pending = 0;
  private _observer?: MutationObserver;

  constructor(private readonly _granted: (category: CategoryKey) => boolean) {}

  /** Whether every category an element needs is granted. */
  allows(el: Element): boolean {
    const needed = categoriesOf(el);
    return needed.length > 0 && needed.every(this._granted);
  }

  /** Release every tagged element under `root` that is now allowed, in document order. */
  releaseAllowed(root: ParentNode = document): void {
    const candidates = root instanceof Element && root.matches(SELECTOR) ? [root] : [];
    candidates.push(...Array.from(root.querySelectorAll(SELECTOR)));
    for (const el of candidates) if (this.allows(el)) this._release(el);
  }

  /** Watch for tagged elements added later (the rest of the HTML while it parses, SPA renders). */
  observe(): void {
    if (this._observer) return;
    this._observer = new MutationObserver((mutations) => {
      for (const m of mutations)
        for (const node of Array.from(m.addedNodes)) if (node instanceof Element) this.releaseAllowed(node);
    });
    this._observer.observe(document, { childList: true, subtree: true });
  }

  private _release(el: Element): void {
    if (!isBlockedScript(el)) {
      if (el instanceof HTMLScriptElement) return; // a tagged script that is not text/plain already ran
      return releaseMedia(el);
    }
    el.setAttribute(RELEASED, '');
    if (this._pending) {
      this._pending++;
      this._queue = this._queue.then(() => this._insert(el));
      return;
    }
    const loading = releaseScript(el);
    if (loading) {
      this._pending++;
      this._queue = loading.then(() => void this._pending--);
    }
  }

  private _insert(el: HTMLScriptElement): Promise<void> {
    const loading = releaseScript(el);
    return (loading ?? Promise.resolve()).then(() => void this._pending--);
  }
}
