// Classification of what the scanner sees (docs/scanner.md): consentry's catalog first
// (service id, category), then third-party-web (MIT) for other hosts' entity and category,
// tldts for the registrable domain. Data-driven: it reads the catalog, never a list of its own.
import thirdPartyWeb from 'third-party-web';
import { getDomain } from 'tldts';
import { categoriesFor, hostMatches, matchingNames, NECESSARY } from 'consentry/shared';
import { catalog } from 'consentry/services';
import { catalogInfo } from 'consentry/services/info';
import type { ResolvedConfig, ServiceBlocking } from 'consentry';
import type { Classification } from './types.js';

/**
 * third-party-web's categories in consentry's: measurement → analytics, ads and marketing →
 * advertising, embeds and widgets → third_party. CDNs, hosting, utilities and consent tools
 * are not mapped: whether they are strictly necessary is the site's call ("needs review").
 */
const TPW_CATEGORIES: Record<string, string> = {
  analytics: 'analytics',
  'tag-manager': 'analytics',
  ad: 'advertising',
  marketing: 'advertising',
  social: 'third_party',
  video: 'third_party',
  'customer-success': 'third_party',
  content: 'third_party',
};

/** The registrable domain of a host (`www.shop.co.uk` → `shop.co.uk`); the host itself for IPs and localhost. */
export const siteOf = (host: string): string => getDomain(host, { allowPrivateDomains: false }) ?? host;

/** The catalog service whose hosts cover `host`, preferring one that does not merely share it. */
export const catalogServiceFor = (host: string): ServiceBlocking | undefined => {
  const matches = catalog.filter((s) => s.hosts.some((p) => hostMatches(p, host)));
  return matches.find((s) => !(s.shared ?? []).some((p) => hostMatches(p, host))) ?? matches[0];
};

/** The catalog service that lists a cookie (or storage key) of this name. */
export const catalogServiceForCookie = (name: string): ServiceBlocking | undefined =>
  catalog.find((s) =>
    (s.cookies ?? []).some((c) => matchingNames(typeof c == 'string' ? c : c.name, [name]).includes(name)),
  );

const fromCatalog = (s: ServiceBlocking): Classification => ({
  service: s.id,
  category: s.category,
  vendor: catalogInfo[s.id]?.vendor ?? catalogInfo[s.id]?.label,
  source: 'catalog',
});

/** What the vendor behind a third-party URL is: catalog, else third-party-web, else nothing known. */
export const classifyThirdParty = (url: string, host: string): Classification => {
  const service = catalogServiceFor(host);
  if (service) return fromCatalog(service);
  const entity = thirdPartyWeb.getEntity(url);
  if (!entity) return {};
  const category = TPW_CATEGORIES[entity.category];
  return { vendor: entity.name, source: 'third-party-web', ...(category ? { category } : {}) };
};

/**
 * consentry's own bundles wrap sendBeacon, fetch, XHR and element insertion to hold what is
 * not granted: they are on the stack of every such call, but they are never its author.
 * What they write themselves (the consent cookie, the receipt queue) is strictly necessary.
 */
export const isConsentryBundle = (url: string): boolean => /\/consentry(\.[\w-]+)*\.js(\?|#|$)/.test(url);

/** Whether `host` belongs to the scanned site (same registrable domain). */
export const isFirstParty = (host: string, site: string): boolean => siteOf(host) == site;

/** The host of a URL, '' for what cannot be parsed. */
export const hostOf = (url: string): string => {
  try {
    return new URL(url).hostname.replace(/\.+$/, '');
  } catch {
    return '';
  }
};

/** A request's classification: first-party requests are the site's own (necessary). */
export const classifyRequest = (url: string, site: string): Classification & { host: string; firstParty: boolean } => {
  const host = hostOf(url);
  const firstParty = isFirstParty(host, site);
  return {
    host,
    firstParty,
    ...(firstParty ? { category: NECESSARY, source: 'first-party' as const } : classifyThirdParty(url, host)),
  };
};

/**
 * A cookie's or storage key's classification, from the script or response that set it
 * (attributed to its setter, not guessed from its name alone). A first-party
 * setter (the site's own code, or an inline snippet) says nothing about the vendor, so the
 * catalog's cookie names decide then; consentry's own record cookie and what its bundle
 * writes (ePrivacy art. 5(3): storing the choice is strictly necessary) are not findings.
 */
export const classifyWrite = (
  name: string,
  setBy: string | undefined,
  site: string,
  consentCookie: string,
  consent?: string[],
): Classification => {
  if (name == consentCookie) return { category: NECESSARY, vendor: 'consentry', source: 'consentry' };
  // Written by a script the site tagged: its data-consent key says whose it is (a catalog service
  // here; the site's own services and categories through its config, classifyBySiteConfig).
  const tagged = consent?.map((key) => catalog.find((s) => s.id == key)).find(Boolean);
  if (tagged) return fromCatalog(tagged);
  if (!consent?.length && setBy && isConsentryBundle(setBy))
    return { category: NECESSARY, vendor: 'consentry', source: 'consentry' };
  const setter = setBy ? classifyRequest(setBy, site) : undefined;
  if (setter && !setter.firstParty && setter.source) {
    const { host: _host, firstParty: _fp, ...rest } = setter;
    return rest;
  }
  const byName = catalogServiceForCookie(name);
  if (byName) return fromCatalog(byName);
  return {};
};

/**
 * Classify with the site's own consentry config what the catalog and third-party-web could
 * not: a host its rules or own services name, a cookie its categories or services list. By
 * the site's own declaration such a thing is not strictly necessary.
 */
export const siteConfigClassifier = (config: ResolvedConfig) => {
  const categoryOf = (key: string): string => config.services.find((s) => s.id == key)?.category ?? key;
  const byUrl = (url: string): Classification => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return {};
    }
    const [keys, host] = categoriesFor(config.rules, parsed);
    const service = config.services.find((s) => s.hosts.some((p) => hostMatches(p, host)));
    if (service) return { service: service.id, category: service.category, source: 'site-config' };
    return keys[0] ? { category: categoryOf(keys[0]), source: 'site-config' } : {};
  };
  const byCookie = (name: string): Classification => {
    const listed = (list: Array<{ name: string }>) => list.some((c) => matchingNames(c.name, [name]).includes(name));
    const service = config.services.find((s) => listed(s.cookies));
    if (service) return { service: service.id, category: service.category, source: 'site-config' };
    const category = config.categories.find((c) => !c.locked && listed(c.cookies));
    return category ? { category: category.key, source: 'site-config' } : {};
  };
  /** What a tagged script's data-consent keys name: the site's service, else its category. */
  const byKeys = (keys: string[]): Classification => {
    const service = config.services.find((s) => keys.includes(s.id));
    if (service) return { service: service.id, category: service.category, source: 'site-config' };
    const category = config.categories.find((c) => keys.includes(c.key));
    return category ? { category: category.key, source: 'site-config' } : {};
  };
  return { byUrl, byCookie, byKeys };
};
