import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { CookieSpec, ResolvedCategory, ResolvedService, ServiceInfo } from '../core/types.js';
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
 * A configured service as the visitor reads it: the catalog's display data (`catalogInfo`,
 * for `catalog: true` services) with the site's overrides from `config.services` on top.
 */
export const serviceDisplay = (view: BannerView, service: ResolvedService): ServiceDisplay => {
  const info: Partial<ServiceInfo> = (service.catalog && catalogInfo[service.id]) || {};
  const pick = (key: 'label' | 'vendor' | 'purpose' | 'retention'): string => view.l((service[key] ?? info[key]) as ConfigText);
  const policyUrl = service.policyUrl ?? info.policyUrl;
  return {
    id: service.id,
    label: pick('label') || service.id,
    vendor: pick('vendor'),
    purpose: pick('purpose'),
    retention: pick('retention'),
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

/** The cookie table (name, retention, purpose); a cookie without its own retention shows `retention`. */
export const cookieTable = (view: BannerView, cookies: CookieSpec[], retention = ''): TemplateResult | typeof nothing => {
  const t = view.t;
  return cookies.length
    ? html`<table part="cookies"><tr><th scope="col">${t.cookie}</th><th scope="col">${t.retention}</th><th scope="col">${t.purpose}</th></tr>${cookies.map(
        (c) => html`<tr><td>${c.name}</td><td>${view.l(c.retention) || retention}</td><td>${view.l(c.description)}</td></tr>`,
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
  const row = (term: string, value: string) => (value ? html`<div><dt>${term}${t.colon.trim()}</dt><dd>${value}</dd></div>` : nothing);
  return html`<dl id="sd-${s.id}">${row(t.vendor, s.vendor)}${row(t.purpose, s.purpose)}${row(t.retention, s.retention)}</dl>${s.policyUrl
    ? html`<p><a part="link" href=${s.policyUrl}>${format(t.servicePolicy, s.label)}</a></p>`
    : nothing}${cookieTable(view, s.cookies, s.retention)}${s.vendorCookies.length
    ? html`<p class="vc">${format(t.vendorCookies, s.vendorCookies.join(', '))}</p>`
    : nothing}`;
};
