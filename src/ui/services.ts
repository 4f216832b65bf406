import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { CookieSpec, ResolvedCategory, ResolvedService, Retention, ServiceInfo } from '../core/types.js';
import { catalogInfo } from '../services/info.js';
import { counts, format } from './i18n/index.js';
import type { BannerView, ConfigText } from './view.js';

/** What the dialog and the placeholders show about one service, localised. Text, never HTML. */
export interface ServiceDisplay {
  id: string;
  label: string;
  vendor: string;
  purpose: string;
  retention: string;
  /** http(s) only, else empty: a `javascript:` link from a config never reaches the page. */
  policyUrl: string;
  /** Cookies on the site's own domain (deleted while refused). */
  cookies: CookieSpec[];
  /** Cookies on the vendor's domain: listed, not deletable. */
  vendorCookies: string[];
}

/** http(s), absolute or relative to the page (config validation allows both). */
const isWebUrl = (url: string | undefined): url is string => {
  try {
    return !!url && /^https?:$/.test(new URL(url, location.href).protocol);
  } catch {
    return false;
  }
};

/**
 * "Up to 2 years" in the page's language: the pattern from the locale, the number and unit from
 * `Intl.NumberFormat` (CLDR unit names, plural forms included). A language tag Intl rejects
 * (say, a private-use tag from config.language) falls back to English unit names.
 */
export const retentionText = ({ t, lang }: BannerView, retention?: Retention): string => {
  if (!retention || retention == 'session') return retention ? t.retentionSession : '';
  const [[units, n]] = Object.entries(retention);
  const unit = { style: 'unit', unit: units.slice(0, -1), unitDisplay: 'long' } as const;
  let text;
  try {
    text = new Intl.NumberFormat(lang, unit).format(n);
  } catch {
    text = new Intl.NumberFormat('en', unit).format(n);
  }
  return format(t.retentionUpTo, text);
};

/**
 * A configured service as the visitor reads it: the catalog's display data (`catalogInfo`,
 * for `catalog: true` services) with the site's overrides from `config.services` on top. The
 * catalog's purpose is a key of the translated vocabulary and its retention is data, so both
 * read in the page's language; a site's own text for either is shown as written.
 */
export const serviceDisplay = (view: BannerView, service: ResolvedService): ServiceDisplay => {
  const info: Partial<ServiceInfo> = (service.catalog && catalogInfo[service.id]) || {};
  const pick = (key: 'label' | 'vendor'): string => view.l((service[key] ?? info[key]) as ConfigText);
  const policyUrl = service.policyUrl ?? info.policyUrl;
  return {
    id: service.id,
    label: pick('label') || service.id,
    vendor: pick('vendor'),
    purpose: view.l(service.purpose as ConfigText) || (info.purpose ? view.t[`purpose.${info.purpose}`] : ''),
    retention: view.l(service.retention as ConfigText) || retentionText(view, info.retention),
    policyUrl: isWebUrl(policyUrl) ? policyUrl : '',
    cookies: service.cookies,
    vendorCookies: info.vendorCookies ?? [],
  };
};

/** The displays of a category's services, in config order. */
export const servicesOf = (view: BannerView, category: ResolvedCategory): ServiceDisplay[] =>
  category.services.flatMap((id) => {
    const service = view.api.config.services.find((s) => s.id == id);
    return service ? [serviceDisplay(view, service)] : [];
  });

/** The cookie table (name, retention, purpose); a cookie without its own retention or purpose shows its service's. */
export const cookieTable = (
  view: BannerView,
  cookies: CookieSpec[],
  retention = '',
  purpose = '',
): TemplateResult | typeof nothing => {
  const t = view.t;
  return cookies.length
    ? html`<table part="cookies"><tr><th scope="col">${t.cookie}</th><th scope="col">${t.retention}</th><th scope="col">${t.purpose}</th></tr>${cookies.map(
        (c) =>
          html`<tr><td>${c.name}</td><td>${view.l(c.retention) || retention}</td><td>${view.l(c.description) || purpose}</td></tr>`,
      )}</table>`
    : nothing;
};

/** How many cookies a category lists: its own, and its services' (site and vendor domain). */
export const cookieCount = (category: ResolvedCategory, services: ServiceDisplay[]): number =>
  services.reduce((n, s) => n + s.cookies.length + s.vendorCookies.length, category.cookies.length);

/** The summary of a category's details: "Services and cookies: 2 services, 3 cookies" (the locale's colon and list). */
export const detailsSummary = ({ t }: BannerView, services: number, cookies: number): string => {
  return services || cookies ? `${t.details}${t.colon}${counts(t, { services, cookies })}` : t.details;
};

/** One service's facts: provider, purpose, retention, privacy policy, its cookies (`#sd-<id>` describes its switch). */
export const serviceFacts = (view: BannerView, s: ServiceDisplay): TemplateResult => {
  const t = view.t;
  const row = (term: string, value: string) =>
    value ? html`<div><dt>${term}${t.colon.trim()}</dt><dd>${value}</dd></div>` : nothing;
  return html`<dl id="sd-${s.id}">${row(t.vendor, s.vendor)}${row(t.purpose, s.purpose)}${row(t.retention, s.retention)}</dl>${
    s.policyUrl ? html`<p><a part="link" href=${s.policyUrl}>${format(t.servicePolicy, s.label)}</a></p>` : nothing
  }${cookieTable(view, s.cookies, s.retention, s.purpose)}${
    s.vendorCookies.length ? html`<p class="vc">${format(t.vendorCookies, s.vendorCookies.join(', '))}</p>` : nothing
  }`;
};
