// Document members read through Document.prototype, never through `document` itself: markup
// names clobber the document's own properties (`<img name="baseURI">` makes document.baseURI an
// element, HTML "named properties" with LegacyOverrideBuiltIns), but never its prototype.

/** `document[name]` as the browser defines it, whatever the page's markup names. */
export const docGet = <K extends keyof Document>(name: K): Document[K] =>
  Reflect.get(Document.prototype, name, document);

/** Call the browser's own `document[name](...args)`. */
export const docCall = <
  K extends
    | 'getElementById'
    | 'querySelectorAll'
    | 'createElement'
    | 'addEventListener'
    | 'removeEventListener'
    | 'dispatchEvent',
>(
  name: K,
  ...args: Parameters<Document[K]>
): ReturnType<Document[K]> => (docGet(name) as (...a: unknown[]) => ReturnType<Document[K]>).apply(document, args);

/** `root.querySelectorAll(selector)` through the prototype of what root is (a form's named controls clobber its own). */
export const queryAll = (root: ParentNode, selector: string): NodeListOf<Element> =>
  (root instanceof Element
    ? Element
    : root instanceof Document
      ? Document
      : DocumentFragment
  ).prototype.querySelectorAll.call(root, selector);

/** The browser's own `document.createElement(tag)`. */
export const create = <K extends keyof HTMLElementTagNameMap>(tag: K): HTMLElementTagNameMap[K] =>
  docCall('createElement', tag) as HTMLElementTagNameMap[K];
