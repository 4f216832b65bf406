import type { CategoryKey, ResolvedConfig, UrlRule } from './types.js';

/**
 * Whether a normalised host matches a rule pattern. `*.example.com` covers example.com and
 * every subdomain; `example.com` covers that host only (so a rule for `example.com` never
 * silently blocks `cdn.example.com`, and `notexample.com` never matches either form).
 */
export const hostMatches = (pattern: string, host: string): boolean => {
  pattern = pattern.toLowerCase();
  return pattern[0] == '*' ? host == pattern.slice(2) || host.endsWith(pattern.slice(1)) : host == pattern;
};

/**
 * The host a URL really goes to, as the browser will resolve it: the WHATWG parser lower-cases
 * it, decodes percent-escapes, drops userinfo and port and resolves protocol-relative URLs
 * against `base`; a trailing dot (`example.com.` is the same DNS name) is stripped here.
 * Returns null for what cannot be parsed (the browser will not fetch it either).
 */
export const parseUrl = (url: unknown, base: string): URL | null => {
  try {
    return new URL(String(url), base);
  } catch {
    return null;
  }
};

const hostOf = (url: URL): string => url.hostname.replace(/\.+$/, '');

/** Decoded path, so `/%63ollect` cannot slip past a `/collect` prefix. */
const pathOf = (url: URL): string => {
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    return url.pathname;
  }
};

/**
 * The categories of every rule that matches `url` (host pattern and, when given, a path
 * prefix), and the normalised host. A request must wait for all of them.
 */
export const categoriesFor = (rules: UrlRule[], url: URL): [CategoryKey[], string] => {
  const host = hostOf(url);
  const path = pathOf(url);
  const cats = rules
    .filter((r) => r.hosts.some((p) => hostMatches(p, host)) && (!r.paths?.length || r.paths.some((p) => path.startsWith(p) || url.pathname.startsWith(p))))
    .map((r) => r.category);
  return [cats, host];
};

/**
 * The config's URL rules plus one rule per host of its switchable services: a request to a
 * service's host waits for that service. A host several configured services claim (gtag.js
 * serves Google Analytics and Google Ads) waits for `a|b`: any of them granted lets it load.
 */
export const guardRules = (config: ResolvedConfig): UrlRule[] => {
  const byHost = new Map<string, string[]>();
  for (const { id, category, hosts } of config.services)
    if (config.categories.some((c) => c.key == category && !c.locked))
      for (const host of hosts) byHost.set(host.toLowerCase(), [...(byHost.get(host.toLowerCase()) ?? []), id]);
  return [...config.rules, ...Array.from(byHost, ([host, ids]) => ({ category: ids.join('|'), hosts: [host] }))];
};
