// Which pages to visit (docs/scanner.md): same-site links breadth-first from the start page,
// and the site's sitemap.xml when it has one, up to --pages.
import type { APIRequestContext, Page } from 'playwright-core';

/** Files that are not pages: following them only downloads. */
const NOT_A_PAGE =
  /\.(pdf|zip|gz|tgz|dmg|exe|png|jpe?g|gif|webp|avif|svg|ico|mp4|webm|mp3|woff2?|css|js|json|xml|txt)$/i;

/** The URL without its fragment, if it is an http(s) page of the same origin as `start`. */
export const samePage = (href: string, start: URL): string | null => {
  let url: URL;
  try {
    url = new URL(href, start);
  } catch {
    return null;
  }
  if (url.origin != start.origin || NOT_A_PAGE.test(url.pathname)) return null;
  url.hash = '';
  return url.href;
};

/** The same-origin links of a loaded page, in document order. */
export const linksOf = async (page: Page, start: URL): Promise<string[]> => {
  const hrefs = await page
    .$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href))
    .catch(() => [] as string[]);
  return hrefs.map((h) => samePage(h, start)).filter((u): u is string => !!u);
};

/** The page URLs `sitemap.xml` lists (one level; a sitemap index's children are not fetched). */
export const sitemapPages = async (request: APIRequestContext, start: URL): Promise<string[]> => {
  const response = await request
    .get(new URL('/sitemap.xml', start).href, { timeout: 10000, failOnStatusCode: false })
    .catch(() => null);
  if (!response || !response.ok()) return [];
  const xml = await response.text();
  return [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/gi)]
    .map((m) => samePage(m[1].replace(/&amp;/g, '&'), start))
    .filter((u): u is string => !!u);
};

/** A breadth-first queue of pages that never holds a URL twice. */
export class CrawlQueue {
  private readonly seen = new Set<string>();
  private readonly queue: string[] = [];

  /** Add pages to the end of the queue (those already seen are skipped). */
  add(urls: string[]): void {
    for (const u of urls)
      if (!this.seen.has(u)) {
        this.seen.add(u);
        this.queue.push(u);
      }
  }

  /** The next page to visit, or undefined when none is left. */
  next(): string | undefined {
    return this.queue.shift();
  }
}
