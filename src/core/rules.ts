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

/** Decoded path, so `/%63ollect` cannot slip past a `/collect` prefix; `//collect` is `/collect` to a server. */
const pathsOf = (url: URL): string[] => {
  let path = url.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // Keep the raw path: a bad escape is no path a rule names.
  }
  return [path, url.pathname].map((p) => p.replace(/\/{2,}/g, '/'));
};

/**
 * An index of `rules` by host (an exact host, or the domain of a `*.` pattern): what matches a
 * URL is found by looking up its host and each parent domain, in time that does not grow with
 * the number of rules. Returns the categories of every rule that matches the URL (host
 * pattern and, when given, a path prefix), in rule order, and the normalised host. A request
 * must wait for all of them.
 */
export const ruleIndex = (rules: UrlRule[]): ((url: URL) => [CategoryKey[], string]) => {
  const exact = new Map<string, number[]>();
  const domains = new Map<string, number[]>();
  rules.forEach((rule, i) => {
    for (let pattern of rule.hosts) {
      pattern = pattern.toLowerCase();
      const [map, key] = pattern[0] == '*' ? [domains, pattern.slice(2)] : [exact, pattern];
      (map.get(key) ?? map.set(key, []).get(key)!).push(i);
    }
  });
  return (url) => {
    const host = hostOf(url);
    const found = [...(exact.get(host) ?? [])];
    for (let domain = host; domain; domain = domain.slice(domain.indexOf('.') + 1 || domain.length))
      found.push(...(domains.get(domain) ?? []));
    const paths = pathsOf(url);
    const cats = [...new Set(found)]
      .sort((a, b) => a - b)
      .map((i) => rules[i])
      .filter((r) => !r.paths?.length || r.paths.some((p) => paths.some((path) => path.startsWith(p))))
      .map((r) => r.category);
    return [cats, host];
  };
};

/** The categories of every rule that matches `url`, and the normalised host (see {@link ruleIndex}). */
export const categoriesFor = (rules: UrlRule[], url: URL): [CategoryKey[], string] => ruleIndex(rules)(url);

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
