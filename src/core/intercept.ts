import { allowedOnce, onAddedNodes, type Release } from './gatekeeper.js';
import { categoriesFor, guardRules, parseUrl } from './rules.js';
import { warn } from './store.js';
import { RELEASED } from './tagging.js';
import type { BlockedRequest, CategoryKey, ConsentApi } from './types.js';

/** What the interceptors need from the consent engine: rules, the live `granted()`, `change` events. */
export type Guarded = Pick<ConsentApi, 'config' | 'granted' | 'on'>;

type Kind = BlockedRequest['kind'];
type Fn = (this: unknown, ...args: unknown[]) => unknown;

/** Elements that fetch by URL and the attributes that carry it (a Map: `<constructor>` is no key). */
const URL_ATTRS = new Map([
  ['script', ['src']],
  ['img', ['src', 'srcset']],
  ['iframe', ['src']],
  ['link', ['href']],
]);
const SELECTOR = 'script,img,iframe,link';
/** Tag names cannot be escaped in HTML, so a string without these cannot load anything we rule. */
const HTML_TAGS = /<(script|img|iframe|link)/i;

let installed = false;

/** Replace each of the space-separated methods `names` of `obj` with `make(original)`, when it exists. */
const wrap = (obj: object, names: string, make: (orig: Fn) => Fn): void => {
  const o = obj as Record<string, unknown>;
  for (const name of names.split(' ')) {
    const orig = o[name];
    if (typeof orig == 'function') o[name] = make(orig as Fn);
  }
};

/**
 * `fn`, except that an exception is logged and answered by `undefined` (falsy: nothing is
 * held or dropped): a bug in a rule check must never break the page nor cost the site its
 * own requests.
 */
const safe = <A extends unknown[], R>(fn: (...args: A) => R) => (...args: A): R | undefined => {
  try {
    return fn(...args);
  } catch (error) {
    warn('a URL rule check failed', error);
  }
};

/**
 * Install the URL-rule interceptors (once per page, only when rules exist): element URL
 * setters and `setAttribute`, DOM insertion, HTML string sinks, fetch, XHR, sendBeacon,
 * and a MutationObserver for what the parser inserts after the gatekeeper. Scripts,
 * pixels and iframes are held in the tagged form TagGatekeeper releases; the rest is dropped.
 * For URLs no rule matches, every patched function does exactly what the original does.
 */
export const installInterceptors = (consent: Guarded, log: BlockedRequest[], release: Release): void => {
  const rules = guardRules(consent.config);
  if (installed || !rules.length) return;
  installed = true;
  const setAttr = Element.prototype.setAttribute;
  /** Images held while detached (`new Image().src`): no document scan can find them. */
  let detached: Element[] = [];

  /**
   * The categories the first stopped URL of `urls` waits for (none when all may load); a stop
   * is logged in `blocked()`. `held`: the element is kept for release, not dropped.
   */
  const stopped = (urls: unknown[], kind: Kind, held: boolean): CategoryKey[] => {
    for (const url of urls) {
      const parsed = parseUrl(url instanceof Request ? url.url : url, document.baseURI);
      const [cats, host] = parsed ? categoriesFor(rules, parsed) : [[], ''];
      const missing = cats.filter((c) => !consent.granted(c));
      if (missing[0]) return log.push({ category: missing[0], host, kind, held }), missing;
    }
    return [];
  };

  /** Drop a beacon, fetch or XHR to a ruled host: truthy (the category) when it must not be sent. */
  const drop = safe((url: unknown, kind: Kind) => stopped([url], kind, false)[0]);

  /**
   * `el.<attr> = value` is about to happen. When a rule stops it: a script becomes
   * `type="text/plain" data-consent` (its src may still be set: it will not load); an img or
   * iframe keeps the URL in `data-src`/`data-srcset` only; a link is dropped. Returns true
   * when the URL must not be written.
   */
  const hold = safe((el: Element, attr: unknown, value: unknown): boolean => {
    const kind = el?.localName as Kind;
    const name = String(attr).toLowerCase();
    if (!URL_ATTRS.get(kind)?.includes(name) || (kind == 'script' && el.getAttribute('type') == 'text/plain') || allowedOnce.has(el)) return false;
    // srcset descriptors ("2x", "100w") parse as same-origin paths, so every token can be tested.
    const missing = stopped(name == 'srcset' ? String(value).split(/[\s,]+/) : [value], kind, kind != 'link');
    if (!missing[0] || kind == 'link') return !!missing[0];
    const set = (n: string, v: unknown) => setAttr.call(el, n, String(v));
    if (kind == 'script') {
      const type = el.getAttribute('type');
      if (type) set('data-type', type);
      set('type', 'text/plain');
    } else {
      set(`data-${name}`, value);
      if (!el.isConnected && el.ownerDocument == document) detached.push(el);
    }
    set('data-consent', [el.getAttribute('data-consent'), ...missing].join(' ').trim());
    if (el.hasAttribute(RELEASED)) {
      // TagGatekeeper is releasing a tagged element whose URL another category rules:
      // hold it again, and let its ordered script queue move on.
      el.removeAttribute(RELEASED);
      if (kind == 'script') el.dispatchEvent(new Event('error'));
    }
    return kind != 'script';
  });

  /** Hold every ruled element in `node` before it is inserted (or just after the parser did). */
  const scan = safe((node: unknown, scripts = true): void => {
    if (!(node instanceof Element || node instanceof DocumentFragment)) return;
    const els = node.firstElementChild ? [...node.querySelectorAll(SELECTOR)] : [];
    if (node instanceof Element) els.unshift(node);
    for (const el of els)
      if (scripts || el.localName != 'script')
        for (const attr of URL_ATTRS.get(el.localName) ?? []) {
          const value = el.getAttribute(attr);
          if (value != null && hold(el, attr, value)) el.removeAttribute(attr);
        }
  });

  const htmlSet = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')!.set!;
  /**
   * An HTML string about to be parsed into the live document. Parsed first into an inert
   * `<template>` (no loads there); only when something was held is the cleaned markup used,
   * so markup without ruled URLs reaches the original sink untouched. `scripts`: whether
   * scripts in it would run (document.write, createContextualFragment) — innerHTML scripts
   * never run, so they are left alone rather than made runnable on grant.
   * Should cleaning fail, the markup is used as it is.
   */
  const cleanOrFail = safe((html: string, scripts?: boolean) => {
    const t = document.createElement('template');
    htmlSet.call(t, html);
    const before = log.length;
    scan(t.content, scripts);
    return log.length > before ? t.innerHTML : html;
  });
  const clean = (html: unknown, scripts?: boolean): unknown =>
    typeof html == 'string' && HTML_TAGS.test(html) ? cleanOrFail(html, scripts) ?? html : html;

  for (const [proto, prop] of [[HTMLScriptElement, 'src'], [HTMLImageElement, 'src'], [HTMLImageElement, 'srcset'], [HTMLIFrameElement, 'src'], [HTMLLinkElement, 'href'], [Element, 'innerHTML'], [Element, 'outerHTML'], [ShadowRoot, 'innerHTML']] as const) {
    const d = Object.getOwnPropertyDescriptor(proto.prototype, prop);
    if (!d?.set) continue;
    const set = d.set;
    Object.defineProperty(proto.prototype, prop, {
      ...d,
      set(this: Element, value: unknown) {
        if (prop.endsWith('HTML')) set.call(this, clean(value));
        else if (!hold(this, prop, value)) set.call(this, value);
      },
    });
  }

  wrap(Element.prototype, 'setAttribute', (orig) => function (...args) {
    if (!hold(this as Element, args[0], args[1])) return orig.apply(this, args);
  });

  // Scripts inserted by scripts, and markup from other sources (importNode, cloneNode).
  const insert = (orig: Fn): Fn => function (...args) {
    for (const a of args) scan(a);
    return orig.apply(this, args);
  };
  wrap(Node.prototype, 'appendChild insertBefore replaceChild', insert);
  wrap(Element.prototype, 'append prepend before after replaceWith replaceChildren insertAdjacentElement', insert);
  wrap(CharacterData.prototype, 'before after replaceWith', insert);
  wrap(Document.prototype, 'append prepend replaceChildren', insert);
  wrap(DocumentFragment.prototype, 'append prepend replaceChildren', insert);

  const cleanArg = (i: number, scripts?: boolean) => (orig: Fn): Fn => function (...args) {
    for (let j = i; j < (i ? 2 : args.length); j++) if (j in args) args[j] = clean(args[j], scripts);
    return orig.apply(this, args);
  };
  wrap(Element.prototype, 'insertAdjacentHTML', cleanArg(1));
  wrap(Document.prototype, 'write writeln', cleanArg(0, true));
  wrap(Range.prototype, 'createContextualFragment', cleanArg(0, true));

  // Dropped, never replayed: fetch rejects and XHR errors as on a network error; sendBeacon
  // reports it could not queue the data.
  wrap(window, 'fetch', (orig) => function (...args) {
    return drop(args[0], 'fetch') ? Promise.reject(new TypeError('Failed to fetch')) : orig.apply(this, args);
  });
  wrap(Navigator.prototype, 'sendBeacon', (orig) => function (...args) {
    return drop(args[0], 'beacon') ? false : orig.apply(this, args);
  });
  // about:blank is refused by XHR without any network access, so `send()` fails with a real
  // network error: readyState 4, `error` and `loadend` events, NetworkError on sync requests.
  wrap(XMLHttpRequest.prototype, 'open', (orig) => function (...args) {
    if (drop(args[1], 'xhr')) args[1] = 'about:blank';
    return orig.apply(this, args);
  });

  // Backstop for elements the parser inserts after the gatekeeper. A parser-inserted script
  // is seen here before it runs (the parser runs a microtask checkpoint before each script),
  // but its request may already be out (the preload scanner): static HTML must be tagged.
  // Scripts are held only while parsing, so a script that already ran never runs again on grant.
  onAddedNodes((node) => scan(node, document.readyState == 'loading'));

  // Pixels held while detached are released here; those in the document by TagGatekeeper.
  consent.on('change', () => {
    detached = detached.filter((el) => {
      if (!el.isConnected) release(el);
      return !el.hasAttribute(RELEASED);
    });
  });
};
