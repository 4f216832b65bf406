// The draft consentry.config.json (docs/scanner.md): the site's own config (on a consentry
// site) plus catalog services for what matched, URL rules for the other classified third
// parties, and the cookies seen. It must pass consentry's own validation.
import { categoriesFor, isObject, matchingNames, NECESSARY, resolveConfig } from 'consentry/shared';
import { catalog } from 'consentry/services';
import type { CategoryConfig, ConsentConfig, CookieSpec, ServiceConfig, UrlRule } from 'consentry';
import type { Classification, PhaseReport, ScanReport } from './types.js';

type Services = Record<string, ServiceConfig | true>;

/** The site's `services` in object form (an id list becomes `{ id: true }`). */
const servicesObject = (given: ConsentConfig['services']): Services =>
  Array.isArray(given) ? Object.fromEntries(given.map((id) => [id, true])) : { ...(given ?? {}) };

const cookieNames = (list: Array<string | CookieSpec> | undefined): string[] =>
  (list ?? []).map((c) => (typeof c == 'string' ? c : c.name));
const covers = (patterns: string[], name: string) => patterns.some((p) => matchingNames(p, [name]).includes(name));

/** Everything of every phase that ran, as classified things with a host or a cookie name. */
const observed = (phases: PhaseReport[]) =>
  phases
    .flatMap((p) => [
      ...p.requests.filter((r) => !r.firstParty).map((r) => ({ ...r, cookie: undefined as string | undefined })),
      ...p.cookies
        .filter((c) => !c.refused && c.firstParty)
        .map((c) => ({ ...(c as Classification), host: undefined as string | undefined, cookie: c.name })),
    ])
    .filter((x) => x.category && x.category != NECESSARY);

/**
 * The draft config. `siteConfig` is the site's current config when it runs consentry (its
 * `#consentry-config` JSON): the draft keeps it and adds what the scan saw it lacks. When
 * that config is invalid, the draft starts from `{}` and `siteConfigError` says what is wrong.
 */
export const draftConfig = (
  phases: ScanReport['phases'],
  siteConfig?: unknown,
): { config: ConsentConfig; siteConfigError?: string } => {
  let base: ConsentConfig = isObject(siteConfig) ? (structuredClone(siteConfig) as ConsentConfig) : {};
  let siteConfigError: string | undefined;
  try {
    resolveConfig(base, catalog);
  } catch (error) {
    // The site's config is itself invalid (its page is then in the safe, blocked state): draft from scratch, say why.
    siteConfigError = error instanceof Error ? error.message : String(error);
    base = {};
  }
  const services = servicesObject(base.services);
  const rules: UrlRule[] = [...(base.rules ?? [])];
  const categories = { ...(base.categories ?? {}) };
  const things = observed(Object.values(phases).filter((p) => p.ran));
  for (const t of things) {
    if (t.source == 'site-config') continue; // the site's config already declares it
    const category = t.category!;
    if (categories[category] === false) continue; // the site dropped that category; the report still names it
    if (t.source == 'catalog' && t.service) {
      const entry = catalog.find((s) => s.id == t.service)!;
      const own = services[t.service];
      const given = own === true || own === undefined ? {} : own;
      if (t.cookie && !covers([...cookieNames(entry.cookies), ...cookieNames(given.cookies)], t.cookie))
        services[t.service] = {
          ...given,
          cookies: [...cookieNames(entry.cookies), ...cookieNames(given.cookies), t.cookie],
        };
      else if (own === undefined) services[t.service] = true;
    } else if (t.host) {
      const url = new URL(`https://${t.host}/`);
      if (categoriesFor(rules, url)[0].length) continue;
      const rule = rules.find((r) => r.category == category && !r.paths?.length && !(base.rules ?? []).includes(r));
      if (rule) rule.hosts.push(t.host);
      else rules.push({ category, hosts: [t.host] });
    } else if (t.cookie) {
      const c = categories[category];
      const own: CategoryConfig = isObject(c) ? c : {};
      if (!covers(cookieNames(own.cookies), t.cookie))
        categories[category] = { ...own, cookies: [...(own.cookies ?? []), t.cookie] };
    }
  }
  const draft: ConsentConfig = { ...base };
  if (Object.keys(categories).length) draft.categories = categories;
  if (rules.length) draft.rules = rules;
  if (Object.keys(services).length) {
    const ids = Object.keys(services);
    draft.services = ids.every((id) => services[id] === true) ? ids : services;
  }
  resolveConfig(draft, catalog); // throws naming the key if the draft is not a valid config (a bug here)
  return { config: draft, ...(siteConfigError ? { siteConfigError } : {}) };
};
