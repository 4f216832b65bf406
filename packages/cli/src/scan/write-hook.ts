// The init script that reports every cookie and storage write with its JavaScript stack, so a
// cookie or key is attributed to the script that wrote it (docs/scanner.md), in every frame.
// It runs before any page script (Playwright addInitScript) and changes no behaviour: each
// setter calls the original after reporting.

/** The binding the hook reports through (exposed on the browser context). */
export const WRITE_BINDING = '__consentryScanWrite';

/** One write as the hook reports it. */
export interface ReportedWrite {
  kind: 'cookie' | 'localStorage' | 'sessionStorage' | 'indexedDB';
  key: string;
  stack: string;
  /** The `data-consent` keys of the script running the write (a released tagged script), '' for none. */
  consent: string;
}

/** The hook's source (plain ES2020, evaluated in each frame's main world). */
export const WRITE_HOOK = `(() => {
  // Read through the prototype: page markup can shadow document.currentScript with a named element.
  const current = Object.getOwnPropertyDescriptor(Document.prototype, 'currentScript').get;
  const getAttribute = Element.prototype.getAttribute;
  const report = (kind, key) => {
    try {
      const script = current.call(document);
      const consent = (script && getAttribute.call(script, 'data-consent')) || '';
      window.${WRITE_BINDING}({ kind, key, stack: String(new Error().stack), consent });
    } catch (e) {}
  };
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  if (cookie && cookie.set) Object.defineProperty(Document.prototype, 'cookie', {
    configurable: true, enumerable: cookie.enumerable,
    get() { return cookie.get.call(this); },
    set(value) {
      const text = String(value);
      // A write that expires the cookie is a deletion (consentry's cleaner, a vendor's own reset).
      if (!/max-age=(0|-)|expires=[^;]*1970/i.test(text)) report('cookie', text.split(';')[0].split('=')[0].trim());
      return cookie.set.call(this, value);
    },
  });
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    let kind = 'sessionStorage';
    try { if (this === window.localStorage) kind = 'localStorage'; } catch (e) {}
    report(kind, String(key));
    return setItem.call(this, key, value);
  };
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (name, ...rest) {
    report('indexedDB', String(name));
    return open.call(this, name, ...rest);
  };
})();`;

/**
 * The innermost http(s) script URL of a V8 stack (the hook's own frames have none), skipping
 * `skip` (consentry's wrappers) unless nothing else is on the stack.
 */
export const setterOf = (stack: string, skip: (url: string) => boolean): string | undefined => {
  const urls = [
    ...stack
      .split('\n')
      .slice(1)
      .join('\n')
      .matchAll(/(https?:\/\/[^\s()]+?):\d+:\d+/g),
  ].map((m) => m[1]);
  return urls.find((u) => !skip(u)) ?? urls[0];
};
