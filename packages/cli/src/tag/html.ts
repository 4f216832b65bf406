// A byte-exact start-tag scanner for `consentry tag` and the scanner's static-tag check. It
// finds the tags the browser's preload scanner would fetch from (script, img, iframe, source)
// and the exact offsets of their attributes, so a rewrite can touch those bytes and nothing
// else. It follows the HTML tokenizer where it matters here (WHATWG "tokenization"): names
// are case-insensitive, values may be double-, single- or un-quoted, comments and the raw text
// of script/style/textarea/title hold no tags.

/** One attribute of a start tag, with offsets into the document. */
export interface HtmlAttribute {
  /** Lower-cased name. */
  name: string;
  /** The value with character references decoded; '' for a bare attribute. */
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

/** A start tag: its lower-cased name, offsets and attributes. */
export interface HtmlStartTag {
  name: string;
  /** Offset of `<`. */
  start: number;
  /** Offset just past the tag name. */
  nameEnd: number;
  /** Offset just past `>`. */
  end: number;
  attributes: HtmlAttribute[];
}

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noembed', 'noframes']);
const SPACE = /[\t\n\f\r ]/;
const NAMED: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: '\u00a0' };

/** Decode the character references a URL in an attribute may carry (`&amp;`, `&#38;`, `&#x26;`). */
export const decodeEntities = (raw: string): string =>
  raw.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (all, ref: string) => {
    if (ref[0] != '#') return NAMED[ref.toLowerCase()] ?? all;
    const code = ref[1] == 'x' || ref[1] == 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : all;
  });

/** Parse the attributes from `at` up to the tag's `>`; returns them and the offset past `>`. */
const readAttributes = (html: string, at: number): [HtmlAttribute[], number] => {
  const attributes: HtmlAttribute[] = [];
  let i = at;
  while (i < html.length) {
    while (i < html.length && (SPACE.test(html[i]) || html[i] == '/')) i++;
    if (i >= html.length) break;
    if (html[i] == '>') return [attributes, i + 1];
    const nameStart = i;
    // An attribute name runs to space, '/', '>' or '=' (a leading '=' belongs to the name).
    i++;
    while (i < html.length && !SPACE.test(html[i]) && !'/>='.includes(html[i])) i++;
    const nameEnd = i;
    let j = i;
    while (j < html.length && SPACE.test(html[j])) j++;
    let valueStart = nameEnd;
    let valueEnd = nameEnd;
    if (html[j] == '=') {
      j++;
      while (j < html.length && SPACE.test(html[j])) j++;
      const quote = html[j];
      if (quote == '"' || quote == "'") {
        valueStart = j + 1;
        const close = html.indexOf(quote, valueStart);
        valueEnd = close < 0 ? html.length : close;
        i = close < 0 ? html.length : close + 1;
      } else {
        valueStart = j;
        while (j < html.length && !SPACE.test(html[j]) && html[j] != '>') j++;
        valueEnd = i = j;
      }
    }
    const value = decodeEntities(html.slice(valueStart, valueEnd));
    attributes.push({ name: html.slice(nameStart, nameEnd).toLowerCase(), value, nameStart, nameEnd, valueStart, valueEnd, end: i });
  }
  return [attributes, html.length];
};

/** Every start tag in document order, skipping comments, doctype and raw-text content. */
export function* startTags(html: string): Generator<HtmlStartTag> {
  let i = 0;
  while ((i = html.indexOf('<', i)) >= 0) {
    if (html.startsWith('<!--', i)) {
      const close = html.indexOf('-->', i + 4);
      i = close < 0 ? html.length : close + 3;
      continue;
    }
    const name = /^<([a-zA-Z][^\t\n\f\r />]*)/.exec(html.slice(i, i + 64));
    if (!name) {
      // `</x>`, `<!doctype>`, `<?…>` and a lone '<' hold nothing to fetch.
      i++;
      continue;
    }
    const start = i;
    const nameEnd = i + name[0].length;
    const [attributes, end] = readAttributes(html, nameEnd);
    const tag = name[1].toLowerCase();
    yield { name: tag, start, nameEnd, end, attributes };
    i = end;
    if (RAW_TEXT.has(tag)) {
      const close = html.slice(end).search(new RegExp(`</${tag}[\\t\\n\\f\\r />]`, 'i'));
      i = close < 0 ? html.length : end + close;
    }
  }
}

/** The attribute `name` of `tag`, if present (the first one wins, as in the HTML parser). */
export const attribute = (tag: HtmlStartTag, name: string): HtmlAttribute | undefined =>
  tag.attributes.find((a) => a.name == name);
