import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { ResolvedCategory } from '../core/types.js';
import type { ConsentryBanner } from './banner.js';
import { counts, format } from './i18n/index.js';

/** A first-layer or dialog button. Accept and reject share this one template (CNIL: reject as easy as accept). */
export const button = (label: string, onClick: (e: Event) => void, secondary?: boolean): TemplateResult =>
  html`<button class="b ${secondary ? 's' : ''}" part="button" @click=${onClick}>${label}</button>`;

/** What a category uses: its services and the cookies deleted when it is refused. */
const details = (host: ConsentryBanner, { services: ids, cookies }: ResolvedCategory): TemplateResult | typeof nothing => {
  const t = host._t;
  const services = ids.map((id) => host._api!.config.services.find((s) => s.id == id)!);
  const l = (text: Parameters<ConsentryBanner['_l']>[0]) => host._l(text);
  return services.length || cookies.length
    ? html`<details part="details"><summary>${t.details} (${counts(t, { services: services.length, cookies: cookies.length })})</summary>${services.length
        ? html`<ul>${services.map((s) => html`<li><strong>${l(s.label) || s.id}</strong>${s.vendor ? ` (${l(s.vendor)})` : ''}${s.purpose ? ` – ${l(s.purpose)}` : ''}${s.retention ? ` · ${t.retention}${t.colon}${l(s.retention)}` : ''}${s.policyUrl ? html` · <a href=${s.policyUrl}>${t.policy}</a>` : nothing}</li>`)}</ul>`
        : nothing}${cookies.length
        ? html`<table><tr><th scope="col">${t.cookie}</th><th scope="col">${t.retention}</th><th scope="col">${t.purpose}</th></tr>${cookies.map((c) => html`<tr><td>${c.name}</td><td>${l(c.retention)}</td><td>${l(c.description)}</td></tr>`)}</table>`
        : nothing}</details>`
    : nothing;
};

/**
 * Sync our state when the browser closes the dialog. The `close` event comes a task after
 * `close()`: a stale one from a dialog already removed (closed by Esc, then reopened by a link
 * or the URL hash before the event arrived) must not close the new one.
 */
const onClose = (host: ConsentryBanner) => (e: Event): void => {
  const dialog = e.target as HTMLDialogElement;
  if (dialog.isConnected && !dialog.open) host._close();
};

/**
 * The preferences dialog: one switch per category (nothing on but the locked necessary one,
 * unless a saved choice says so), what each uses, and Save / Accept all / Reject all.
 * A native modal `<dialog>` traps focus and closes on Esc; the host returns focus to the opener.
 */
export const preferencesDialog = (host: ConsentryBanner): TemplateResult => {
  const api = host._api!;
  const t = host._t as ConsentryBanner['_t'] & Record<string, string>;
  const { gpcRefused } = api.state();
  return html`<dialog part="dialog" aria-labelledby="pt" lang=${host._lang} dir=${host._dir} @cancel=${() => host._close()} @close=${onClose(host)}
><div class="hd"><h2 id="pt" part="title">${t.prefsTitle}</h2><button class="x" part="close" aria-label=${t.close} @click=${() => host._close()}>×</button></div
><div class="bd"><p>${t.prefsText}</p>${gpcRefused.length ? html`<p class="n" part="gpc" role="note">${format(t.gpc, gpcRefused.map((k) => host._label(k)).join(', '))}</p>` : nothing}${api.config.categories.map((c) => {
    const on = c.locked || !!host._choices[c.key];
    return html`<section class="cat" part="category"
><div><h3 id="l-${c.key}">${host._label(c.key)}</h3><button role="switch" part="switch" aria-checked=${on} aria-labelledby="l-${c.key}" aria-describedby="d-${c.key}" aria-disabled=${c.locked || nothing} @click=${() => {
      if (c.locked) return;
      host._choices = { ...host._choices, [c.key]: !on };
      host.requestUpdate();
    }}></button></div
><p id="d-${c.key}">${host._l(c.description) || t[`desc.${c.key}`] || ''}</p>${details(host, c)}</section>`;
  })}</div
><div class="ft"><div class="row" part="actions">${button(t.save, () => host._decide(() => api.set(host._choices, 'custom')))}${button(t.acceptAll, () => host._decide(() => api.acceptAll()))}${button(t.rejectAll, () => host._decide(() => api.rejectAll()))}</div></div></dialog>`;
};
