import { allowedOnce, onAddedNodes, type Release } from './gatekeeper.js';
import { create, docGet, queryAll } from './dom.js';
import { guardRules, parseUrl, ruleIndex } from './rules.js';
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
  ['input', ['src']], // <input type=image>
]);
const SELECTOR = 'script,img,iframe,link,input';
/** Tag names cannot be escaped in HTML, so a string without these cannot load anything we rule. */
const HTML_TAGS = /<(script|img|iframe|link|input)/i;

let installed = false;

/**
 * Run `install`; a page that froze what it patches (`Object.freeze(Navigator.prototype)`, a
 * non-writable `fetch`) makes it throw: that one guard is missing, said once, and every other
 * guard, the engine and the banner still run.
 */
export const guard = (name: string, install: () => void): void => {
  try {
    install();
  } catch (error) {
    warn(`cannot guard ${name}`, error);
  }
};

/** Replace each of the space-separated methods `names` of `obj` with `make(original)`, when it exists. */
const wrap = (obj: object, names: string, make: (orig: Fn) => Fn): void => {
  const o = obj as Record<string, unknown>;
  for (const name of names.split(' ')) {
    const orig = o[name];
    if (typeof orig == 'function') guard(name, () => (o[name] = make(orig as Fn)));
  }
};

type TrustedTypes = Record<'isScriptURL' | 'isHTML' | 'isScript', (v: unknown) => boolean>;

/**
 * The value a URL argument will be sent as, taken once: an object's `toString` could answer
 * differently when checked and when sent. Trusted Types values are immutable and must stay
 * objects under `require-trusted-types-for` (`setAttribute('srcdoc', trustedHTML)` too).
 */
const snapshot = (args: unknown[], i: number): void => {
  const value = args[i];
  const tt = (globalThis as { trustedTypes?: TrustedTypes }).trustedTypes;
  if (
    (typeof value == 'object' || typeof value == 'function') &&
    value &&
    !(value instanceof Request) &&
    !(tt && (tt.isScriptURL(value) || tt.isHTML(value) || tt.isScript(value)))
  )
    args[i] = String(value);
};

/**
 * `fn`, except that an exception is logged and answered by `undefined` (falsy: nothing is
 * held or dropped): a bug in a rule check must never break the page nor cost the site its
 * own requests.
 */
const safe =
  <A extends unknown[], R>(fn: (...args: A) => R) =>
  (...args: A): R | undefined => {
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
  const rulesFor = ruleIndex(rules);
  /** The URL a Request will fetch, from the browser's own getter (an own `url` property cannot fake it). */
  const requestUrl = Object.getOwnPropertyDescriptor(Request.prototype, 'url')!.get!;
  const setAttr = Element.prototype.setAttribute;
  /** Images held while detached (`new Image().src`): no document scan can find them. */
  let detached: Element[] = [];

  /**
   * The categories the first stopped URL of `urls` waits for (none when all may load); a stop
   * is logged in `blocked()`. `held`: the element is kept for release, not dropped.
   */
  const stopped = (urls: unknown[], kind: Kind, held: boolean): CategoryKey[] => {
    for (const url of urls) {
      const parsed = parseUrl(url instanceof Request ? requestUrl.call(url) : url, docGet('baseURI'));
      const [cats, host] = parsed ? rulesFor(parsed) : [[], ''];
      const missing = cats.filter((c) => !consent.granted(c));
      if (missing[0]) return (log.push({ category: missing[0], host, kind, held }), missing);
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
    const tag = el?.localName;
    const kind = (tag == 'input' ? 'img' : tag) as Kind;
    const name = String(attr).toLowerCase();
    if (
      !URL_ATTRS.get(tag)?.includes(name) ||
      (kind == 'script' && el.getAttribute('type') == 'text/plain') ||
      allowedOnce.has(el)
    )
      return false;
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
    const els = node.firstElementChild ? [...queryAll(node, SELECTOR)] : [];
    if (node instanceof Element) els.unshift(node);
    for (const el of els)
      if (scripts || el.localName != 'script')
        for (const attr of URL_ATTRS.get(el.localName) ?? []) {
          const value = el.getAttribute(attr);
          if (value != null && hold(el, attr, value)) el.removeAttribute(attr);
        }
  });

  const htmlDesc = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')!;
  /** The body of a document with no browsing context: markup parsed there loads and runs nothing. */
  let inert: Element | undefined;
  /**
   * An HTML string about to be parsed into the live document, parsed first where nothing loads:
   * in a `<template>` (any fragment, table rows too) for the sinks whose scripts never run
   * (innerHTML and the like: those scripts are left alone rather than made runnable on grant),
   * in an inert body for document.write and createContextualFragment (`scripts`). When nothing
   * was held the markup goes to the original sink untouched (undefined). Otherwise the innerHTML
   * sinks get the cleaned nodes themselves, never markup serialised again: serialised markup can
   * parse into something else (mutation XSS: inert text becoming an element). The string sinks
   * get the cleaned markup only when it parses back into itself; else nothing.
   */
  const cleaned = safe((html: unknown, scripts?: boolean): DocumentFragment | string | undefined => {
    if (typeof html != 'string' || !HTML_TAGS.test(html)) return;
    const before = log.length;
    const parse = (markup: string): ParentNode => {
      const root = scripts ? (inert ??= docGet('implementation').createHTMLDocument('').body) : create('template');
      htmlDesc.set!.call(root, markup);
      return scripts ? root : (root as HTMLTemplateElement).content;
    };
    const root = parse(html);
    scan(root, scripts);
    if (log.length == before) return;
    if (!scripts) return root as DocumentFragment;
    const markup = htmlDesc.get!.call(root);
    return htmlDesc.get!.call(parse(markup)) == markup
      ? markup
      : (warn('refused markup that parses into something else'), '');
  });

  for (const [proto, prop] of [
    [HTMLScriptElement, 'src'],
    [HTMLImageElement, 'src'],
    [HTMLImageElement, 'srcset'],
    [HTMLIFrameElement, 'src'],
    [HTMLLinkElement, 'href'],
    [HTMLInputElement, 'src'],
    [Element, 'innerHTML'],
    [Element, 'outerHTML'],
    [ShadowRoot, 'innerHTML'],
  ] as const) {
    const d = Object.getOwnPropertyDescriptor(proto.prototype, prop);
    if (!d?.set) continue;
    const set = d.set;
    guard(prop, () =>
      Object.defineProperty(proto.prototype, prop, {
        ...d,
        set(this: Element, value: unknown) {
          if (prop.endsWith('HTML')) {
            const nodes = cleaned(value);
            if (!nodes) set.call(this, value);
            else if (prop[0] == 'o') this.replaceWith(nodes);
            else set.call(this, ''), (this instanceof HTMLTemplateElement ? this.content : this).append(nodes);
          } else {
            const args = [value];
            snapshot(args, 0);
            if (!hold(this, prop, args[0])) set.call(this, args[0]);
          }
        },
      }),
    );
  }

  wrap(
    Element.prototype,
    'setAttribute',
    (orig) =>
      function (...args) {
        snapshot(args, 1);
        if (!hold(this as Element, args[0], args[1])) return orig.apply(this, args);
      },
  );

  // Scripts inserted by scripts, and markup from other sources (importNode, cloneNode).
  const insert = (orig: Fn): Fn =>
    function (...args) {
      for (const a of args) scan(a);
      return orig.apply(this, args);
    };
  wrap(Node.prototype, 'appendChild insertBefore replaceChild', insert);
  wrap(Element.prototype, 'append prepend before after replaceWith replaceChildren insertAdjacentElement', insert);
  wrap(CharacterData.prototype, 'before after replaceWith', insert);
  wrap(Document.prototype, 'append prepend replaceChildren', insert);
  wrap(DocumentFragment.prototype, 'append prepend replaceChildren', insert);
  wrap(Range.prototype, 'insertNode surroundContents', insert);
  // A node imported or adopted from an inert document (a <template>'s content) starts loading
  // here: hold it before the image fetch starts (after this task's microtasks).
  wrap(
    Document.prototype,
    'importNode adoptNode',
    (orig) =>
      function (...args) {
        const node = orig.apply(this, args);
        scan(node);
        return node;
      },
  );

  /** Where insertAdjacentHTML puts markup, as the DOM method that puts nodes there. */
  const ADJACENT = { beforebegin: 'before', afterbegin: 'prepend', beforeend: 'append', afterend: 'after' } as const;
  wrap(
    Element.prototype,
    'insertAdjacentHTML',
    (orig) =>
      function (this: unknown, ...args) {
        const nodes = cleaned(args[1]) as DocumentFragment | undefined;
        if (!nodes) return orig.apply(this, args);
        (this as Element)[ADJACENT[String(args[0]).toLowerCase() as keyof typeof ADJACENT]](nodes);
      },
  );
  const cleanArgs = (orig: Fn): Fn =>
    function (...args) {
      for (let j = 0; j < args.length; j++) args[j] = cleaned(args[j], true) ?? args[j];
      return orig.apply(this, args);
    };
  wrap(Document.prototype, 'write writeln', cleanArgs);
  wrap(Range.prototype, 'createContextualFragment', cleanArgs);

  // Dropped, never replayed: fetch rejects and XHR errors as on a network error; sendBeacon
  // reports it could not queue the data.
  // Each checks the same snapshot of the URL it sends.
  wrap(
    window,
    'fetch',
    (orig) =>
      function (...args) {
        snapshot(args, 0);
        return drop(args[0], 'fetch') ? Promise.reject(new TypeError('Failed to fetch')) : orig.apply(this, args);
      },
  );
  wrap(
    Navigator.prototype,
    'sendBeacon',
    (orig) =>
      function (...args) {
        snapshot(args, 0);
        return drop(args[0], 'beacon') ? false : orig.apply(this, args);
      },
  );
  // about:blank is refused by XHR without any network access, so `send()` fails with a real
  // network error: readyState 4, `error` and `loadend` events, NetworkError on sync requests.
  wrap(
    XMLHttpRequest.prototype,
    'open',
    (orig) =>
      function (...args) {
        snapshot(args, 1);
        if (drop(args[1], 'xhr')) args[1] = 'about:blank';
        return orig.apply(this, args);
      },
  );

  // Backstop for elements the parser inserts after the gatekeeper. A parser-inserted script
  // is seen here before it runs (the parser runs a microtask checkpoint before each script),
  // but its request may already be out (the preload scanner): static HTML must be tagged.
  // Scripts are held only while parsing, so a script that already ran never runs again on grant.
  onAddedNodes((node) => scan(node, docGet('readyState') == 'loading'));

  // Pixels held while detached are released here; those in the document by TagGatekeeper.
  consent.on('change', () => {
    detached = detached.filter((el) => {
      if (!el.isConnected) release(el);
      return !el.hasAttribute(RELEASED);
    });
  });
};
