// A file's bytes kept as they are: its encoding found as a browser finds it (HTML "determining
// the character encoding": BOM, then `<meta charset>` / `http-equiv` in the first 1024 bytes),
// the text decoded for parsing, and edits spliced into the original bytes at the byte offsets
// of the characters they replace. Nothing outside an edit is re-encoded.
import type { Edit } from './rewrite.js';

/** The encoding of `bytes` by its byte order mark, if it has one, and the mark's length. */
const byBom = (bytes: Uint8Array): [string, number] | undefined => {
  if (bytes[0] == 0xef && bytes[1] == 0xbb && bytes[2] == 0xbf) return ['utf-8', 3];
  if (bytes[0] == 0xfe && bytes[1] == 0xff) return ['utf-16be', 2];
  if (bytes[0] == 0xff && bytes[1] == 0xfe) return ['utf-16le', 2];
  return undefined;
};

/** A label as the WHATWG Encoding standard names it (`latin1` → `windows-1252`), or undefined. */
const encodingOf = (label: string): string | undefined => {
  try {
    const name = new TextDecoder(label.trim()).encoding;
    // A meta that claims UTF-16 is read as UTF-8 (HTML "prescan"); x-user-defined as windows-1252.
    return name.startsWith('utf-16') ? 'utf-8' : name == 'x-user-defined' ? 'windows-1252' : name;
  } catch {
    return undefined;
  }
};

/** The encoding a `<meta>` in the first 1024 bytes declares (comments skipped). */
const byMeta = (bytes: Uint8Array): string | undefined => {
  const head = Buffer.from(bytes.subarray(0, 1024))
    .toString('latin1')
    .replace(/<!--[\s\S]*?-->/g, '');
  for (const [meta] of head.matchAll(/<meta[\t\n\f\r /][^>]*>?/gi)) {
    const charset = /[\s/]charset\s*=\s*["']?([^\s"'/>;]+)/i.exec(meta);
    if (charset) return encodingOf(charset[1]);
    if (/http-equiv\s*=\s*["']?content-type/i.test(meta)) {
      const content = /content\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/i.exec(meta)?.[1];
      const declared = content && /charset\s*=\s*["']?([^\s"';]+)/i.exec(content)?.[1];
      if (declared) return encodingOf(declared);
    }
  }
  return undefined;
};

/** The encoding of an HTML file: BOM, meta, else UTF-8 when the bytes are valid UTF-8, else windows-1252. */
export const detectEncoding = (bytes: Uint8Array): string => {
  const found = byBom(bytes)?.[0] ?? byMeta(bytes);
  if (found) return found;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'windows-1252'; // what browsers assume for undeclared Western pages
  }
};

/** An HTML file decoded, with the byte offset where each character starts. */
export interface DecodedFile {
  encoding: string;
  text: string;
  /** `byteAt[i]` is the byte offset of character `i`; `byteAt[text.length]` the file's length. */
  byteAt: Uint32Array;
}

/** Valid UTF-8 maps by arithmetic (1 to 4 bytes per code point); undefined when it is not valid. */
const utf8Offsets = (bytes: Uint8Array, skip: number): Omit<DecodedFile, 'encoding'> | undefined => {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(skip));
  } catch {
    return undefined;
  }
  const byteAt = new Uint32Array(text.length + 1);
  let at = skip;
  for (let i = 0; i < text.length; i++) {
    byteAt[i] = at;
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code < 0xdc00) {
      byteAt[++i] = at; // the low surrogate starts where its pair does
      at += 4;
    } else at += code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
  }
  byteAt[text.length] = at;
  return { text, byteAt };
};

/** Decode `bytes` (BOM dropped) and map every character back to its bytes. */
export const decodeFile = (bytes: Uint8Array): DecodedFile => {
  const encoding = detectEncoding(bytes);
  const bom = byBom(bytes);
  const skip = bom && bom[0] == encoding ? bom[1] : 0;
  const fast = encoding == 'utf-8' ? utf8Offsets(bytes, skip) : undefined;
  if (fast) return { encoding, ...fast };
  const decoder = new TextDecoder(encoding, { ignoreBOM: true });
  const parts: string[] = [];
  const offsets: number[] = [];
  // One byte at a time: a character is placed at the byte where its sequence began.
  let start = skip;
  for (let i = skip; i < bytes.length; i++) {
    const out = decoder.decode(bytes.subarray(i, i + 1), { stream: true });
    if (!out) continue;
    // One code point (a surrogate pair included) began at `start`; a flushed invalid sequence
    // comes out before the character of byte `i`, which then began at `i`.
    const single = out.length == 1 || (out.length == 2 && out.codePointAt(0)! > 0xffff);
    for (let k = 0; k < out.length; k++) offsets.push(single || k < out.length - 1 ? start : i);
    parts.push(out);
    start = i + 1;
  }
  const rest = decoder.decode();
  for (let k = 0; k < rest.length; k++) offsets.push(start);
  parts.push(rest);
  offsets.push(bytes.length);
  return { encoding, text: parts.join(''), byteAt: Uint32Array.from(offsets) };
};

/** `text` in `encoding`, for the few characters an edit inserts (ASCII in every ASCII-compatible encoding). */
const encodeInserted = (text: string, encoding: string, file: string): Buffer => {
  if (encoding == 'utf-16le') return Buffer.from(text, 'utf16le');
  if (encoding == 'utf-16be') return Buffer.from(text, 'utf16le').swap16();
  if (encoding == 'utf-8' || [...text].every((c) => c.charCodeAt(0) < 0x80)) return Buffer.from(text, 'utf8');
  throw new Error(`${file}: cannot write "${text}" in ${encoding}; use ASCII keys in the config`);
};

/** Apply character `edits` to the original `bytes`: every byte outside an edit stays as it was. */
export const spliceBytes = (bytes: Uint8Array, decoded: DecodedFile, edits: Edit[], file: string): Buffer => {
  const chunks: Buffer[] = [];
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    const start = decoded.byteAt[e.start];
    chunks.push(Buffer.from(bytes.subarray(at, start)), encodeInserted(e.text, decoded.encoding, file));
    at = decoded.byteAt[e.end];
  }
  chunks.push(Buffer.from(bytes.subarray(at)));
  return Buffer.concat(chunks);
};
