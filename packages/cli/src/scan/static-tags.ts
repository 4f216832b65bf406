// Static tags that load a third party before any script can act (docs/scanner.md): the
// preload scanner fetches them while the HTML is still arriving, so no gatekeeper can stop
// them; only tagging the HTML can (`consentry tag`).
import { untaggedLoaders } from '../tag/rewrite.js';
import { classifyRequest } from './classify.js';
import type { StaticTagEntry } from './types.js';

/** The untagged third-party loaders of one page's HTML, classified. */
export const staticThirdPartyTags = (html: string, page: string, site: string): StaticTagEntry[] =>
  untaggedLoaders(html, () => []).flatMap(({ tag, urls }) =>
    urls.flatMap((raw) => {
      let url: string;
      try {
        url = new URL(raw.trim(), page).href;
      } catch {
        return [];
      }
      if (!/^https?:/.test(url)) return [];
      const { firstParty, host, ...c } = classifyRequest(url, site);
      return firstParty
        ? []
        : [{ page, tag: tag.name, url, host, html: html.slice(tag.start, tag.end).slice(0, 300), ...c }];
    }),
  );
