// `rewriteHtml`: tag the static tags a config covers (docs/guide/blocking.md: a static
// untagged <script src>/<img src> is fetched by the preload scanner before
// any script runs). Only the bytes of the rewritten attributes change; everything else,
// including odd quoting and case, stays exactly as written.
import { categoriesFor, hostMatches, parseUrl, resolveConfig } from 'consentry/shared';
import { catalog } from 'consentry/services';
import type { ConsentConfig, ResolvedConfig } from 'consentry';
import { attribute, startTags, type HtmlStartTag } from './html.js';

/** The `data-consent` keys a URL needs under a config, [] when nothing covers it. */
export type Coverage = (url: string) => string[];

/** Base for relative and protocol-relative URLs: they resolve to the page's own host, which no rule names. */
const BASE = 'https://consentry.invalid/';

/**
 * What covers a URL: the first configured service whose hosts match (its id: tags
 * take service ids, so "Always allow" for that service releases it; a host several services
 * share goes with the first in config order, since a tag needs every key it names), else the
 * URL rules (their category or service key).
 */
export const coverage =
  (config: ResolvedConfig): Coverage =>
  (raw) => {
    const url = parseUrl(raw.trim(), BASE);
    if (!url || !/^https?:$/.test(url.protocol)) return [];
    const [ruleKeys, host] = categoriesFor(config.rules, url);
    const service = config.services.find((s) => s.hosts.some((p) => hostMatches(p, host)));
    return service ? [service.id] : [...new Set(ruleKeys)];
  };

/** HTML "JavaScript MIME type essence match": the types a browser runs a classic script for. */
const JAVASCRIPT_TYPES = new Set([
  'application/ecmascript',
  'application/javascript',
  'application/x-ecmascript',
  'application/x-javascript',
  'text/ecmascript',
  'text/javascript',
  'text/javascript1.0',
  'text/javascript1.1',
  'text/javascript1.2',
  'text/javascript1.3',
  'text/javascript1.4',
  'text/javascript1.5',
  'text/jscript',
  'text/livescript',
  'text/x-ecmascript',
  'text/x-javascript',
]);

/**
 * Whether the browser runs this script (HTML "prepare the script element"): no type or an
 * empty one (then an old `language` attribute decides), a JavaScript MIME type, or `module`.
 */
const isJavaScript = (tag: HtmlStartTag): boolean => {
  const type = attribute(tag, 'type')?.value;
  const language = attribute(tag, 'language')?.value;
  if (type === '' || (type === undefined && !language)) return true;
  const essence = (type ?? `text/${language}`).replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '').toLowerCase();
  return essence == 'module' || JAVASCRIPT_TYPES.has(essence);
};

/** The URLs a tag loads from: `src`, and every candidate of `srcset`. */
const urlsOf = (tag: HtmlStartTag): string[] => {
  const src = attribute(tag, 'src')?.value;
  const srcset = attribute(tag, 'srcset')?.value;
  const candidates = srcset
    ? srcset
        .split(',')
        .map((c) => c.trim().split(/\s+/)[0])
        .filter(Boolean)
    : [];
  return [...(src ? [src] : []), ...candidates];
};

/** A static tag that fetches a URL before any script can act, and what covers it. */
export interface StaticTag {
  tag: HtmlStartTag;
  urls: string[];
  /** The `data-consent` keys it needs ([] when the config covers none of its URLs). */
  keys: string[];
}

/**
 * The static tags of a document that load something on their own: untagged `<script src>`
 * of a JavaScript type, `<img>`, `<iframe>` and `<source>` with `src`/`srcset`.
 */
export const untaggedLoaders = (html: string, cover: Coverage): StaticTag[] => {
  const found: StaticTag[] = [];
  for (const tag of startTags(html)) {
    if (!['script', 'img', 'iframe', 'source'].includes(tag.name) || attribute(tag, 'data-consent')) continue;
    if (tag.name == 'script' && !isJavaScript(tag)) continue;
    const urls = urlsOf(tag);
    if (urls.length) found.push({ tag, urls, keys: [...new Set(urls.flatMap(cover))] });
  }
  return found;
};

/** One edit: replace the characters `[start, end)` with `text`. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The edits that tag one element: data-consent after the name, the type or the src names changed. */
const editsFor = ({ tag, keys }: StaticTag): Edit[] => {
  const consent = ` data-consent="${keys.join(' ')}"`;
  if (tag.name == 'script') {
    const type = attribute(tag, 'type');
    if (!type) return [{ start: tag.nameEnd, end: tag.nameEnd, text: ` type="text/plain"${consent}` }];
    // The gatekeeper restores `data-type` on release; a classic type needs none.
    const module = /module/i.test(type.value) ? ' data-type="module"' : '';
    return [{ start: type.nameStart, end: type.end, text: `type="text/plain"${module}${consent}` }];
  }
  const renames = ['src', 'srcset'].flatMap((name) => {
    const a = attribute(tag, name);
    return a ? [{ start: a.nameStart, end: a.nameEnd, text: `data-${name}` }] : [];
  });
  return [{ start: tag.nameEnd, end: tag.nameEnd, text: consent }, ...renames];
};

/** Apply non-overlapping edits to `text`. */
const applyEdits = (text: string, edits: Edit[]): string => {
  let out = '';
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
};

/** The edits that tag what `config` covers in `html` (throws a ConfigError naming a bad key). */
export const tagEdits = (html: string, config: ConsentConfig): Edit[] => {
  const cover = coverage(resolveConfig(config, catalog));
  return untaggedLoaders(html, cover)
    .filter((t) => t.keys.length)
    .flatMap(editsFor);
};

/**
 * Rewrite the static tags of `html` that `config` (a consentry config, validated with the
 * built-in catalog; throws a ConfigError naming the key) covers into their tagged form:
 * `<script type="text/plain" data-consent="…" src>`, `<img|iframe|source data-consent data-src data-srcset>`.
 * Every other character stays as it was; tagged elements are left alone, so a second run changes nothing.
 */
export const rewriteHtml = (html: string, config: ConsentConfig): string => applyEdits(html, tagEdits(html, config));
