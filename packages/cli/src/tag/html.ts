// The start tags of a document as the browser's parser sees them, with the exact offsets of
// their attributes, so a rewrite can touch those characters and nothing else. parse5 runs the
// WHATWG tokenizer and tree builder (docs/decisions/2026-12-08-tag-tokenizer.md): `<!-->`,
// `--!>`, foreign content (`<svg><style>` holds markup), raw text and entities all as a browser.
import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** One attribute of a start tag, with offsets into the document. */
export interface HtmlAttribute {
  /** Lower-cased name. */
  name: string;
  /** The value with character references decoded, as the browser reads it; '' for a bare attribute. */
  value: string;
  /** Offsets of the name in the document. */
  nameStart: number;
  nameEnd: number;
  /** Offsets of the raw value (inside the quotes); both equal `nameEnd` for a bare attribute. */
  valueStart: number;
  valueEnd: number;
  /** Offset just past the attribute (past the closing quote). */
  end: number;
}

/** A start tag of an HTML element: its lower-cased name, offsets and attributes. */
export interface HtmlStartTag {
  name: string;
  /** Offset of `<`. */
  start: number;
  /** Offset just past the tag name as written. */
  nameEnd: number;
  /** Offset just past `>`. */
  end: number;
  attributes: HtmlAttribute[];
}

const HTML_NS = 'http://www.w3.org/1999/xhtml';
const NAME_END = /[\t\n\f\r />]/;

/** Where the name and the raw value of an attribute written at `[start, end)` are. */
const attributeAt = (html: string, name: string, value: string, start: number, end: number): HtmlAttribute => {
  // A name runs to space, '/', '>' or '=' (a leading '=' belongs to it): HTML "attribute name state".
  let nameEnd = start + 1;
  while (nameEnd < end && !NAME_END.test(html[nameEnd]) && html[nameEnd] != '=') nameEnd++;
  let valueStart = nameEnd;
  let valueEnd = nameEnd;
  let i = nameEnd;
  while (i < end && /[\t\n\f\r ]/.test(html[i])) i++;
  if (html[i] == '=') {
    i++;
    while (i < end && /[\t\n\f\r ]/.test(html[i])) i++;
    const quoted = html[i] == '"' || html[i] == "'";
    valueStart = quoted ? i + 1 : i;
    valueEnd = quoted ? end - 1 : end;
  }
  return { name, value, nameStart: start, nameEnd, valueStart, valueEnd, end };
};

/** The start tag of an element the document wrote (none for the parser's implied html/head/body). */
const startTagOf = (html: string, el: Element): HtmlStartTag | undefined => {
  const loc = el.sourceCodeLocation?.startTag;
  if (!loc) return undefined;
  let nameEnd = loc.startOffset + 1;
  while (nameEnd < loc.endOffset && !NAME_END.test(html[nameEnd])) nameEnd++;
  const attributes = el.attrs.flatMap((a) => {
    const at = el.sourceCodeLocation?.attrs?.[a.name];
    return at ? [attributeAt(html, a.name, a.value, at.startOffset, at.endOffset)] : [];
  });
  return { name: el.tagName, start: loc.startOffset, nameEnd, end: loc.endOffset, attributes };
};

/**
 * Every start tag of an HTML element in document order, as the browser parses the document
 * (scripting enabled: `<noscript>` holds text). Comments, raw text (script, style, textarea,
 * title) and foreign elements (SVG, MathML) yield none; a template's contents are included,
 * since a script may clone them into the page.
 */
export function* startTags(html: string): Generator<HtmlStartTag> {
  const document = parse(html, { sourceCodeLocationInfo: true });
  const found: HtmlStartTag[] = [];
  const walk = (node: Node): void => {
    if ('tagName' in node) {
      const tag = node.namespaceURI == HTML_NS ? startTagOf(html, node) : undefined;
      if (tag) found.push(tag);
      if (node.tagName == 'template' && 'content' in node) walk(node.content as Node);
    }
    if ('childNodes' in node) for (const child of node.childNodes) walk(child);
  };
  walk(document);
  yield* found.sort((a, b) => a.start - b.start);
}

/** The attribute `name` of `tag`, if present (the first one wins, as in the HTML parser). */
export const attribute = (tag: HtmlStartTag, name: string): HtmlAttribute | undefined =>
  tag.attributes.find((a) => a.name == name);
