import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { ResolvedCategory } from '../core/types.js';
import { format } from './i18n/index.js';
import { categoryState, serviceOn, setCategory, setService, type SwitchState } from './service-choices.js';
import { cookieCount, cookieTable, detailsSummary, serviceFacts, servicesOf, type ServiceDisplay } from './services.js';
import type { BannerView } from './view.js';

/** A first-layer or dialog button. Accept and reject share this one template (CNIL: reject as easy as accept). */
export const button = (label: string, onClick: (e: Event) => void, secondary?: boolean): TemplateResult =>
  html`<button class="b ${secondary ? 's' : ''}" part="button" @click=${onClick}>${label}</button>`;

/**
 * A switch: a native button (Space and Enter toggle it, it is in the tab order) with
 * `role="switch"`. `mixed` marks a category with some services on (WAI-ARIA 1.2 treats
 * `mixed` on a switch as false, so the caller also describes it with a "Some services" text).
 */
const toggle = (state: SwitchState, labelledBy: string, describedBy: string, onClick?: () => void): TemplateResult =>
  html`<button role="switch" part="switch" aria-checked=${state} aria-labelledby=${labelledBy} aria-describedby=${describedBy} aria-disabled=${onClick ? nothing : 'true'} @click=${onClick}></button>`;

/** One service of a category with several: its name and switch (or "Always on"), then its facts. */
const serviceItem = (view: BannerView, c: ResolvedCategory, s: ServiceDisplay): TemplateResult => {
  const on = serviceOn(view.choices, s.id, c);
  return html`<li class="svc" part="service"><div class="sh"><h4 id="s-${s.id}">${s.label}</h4>${
    c.locked
      ? html`<span class="on" part="always-on">${view.t.alwaysOn}</span>`
      : toggle(String(on) as SwitchState, `s-${s.id}`, `sd-${s.id}`, () =>
          view.setChoices(setService(view.choices, c, s.id, !on)),
        )
  }</div>${serviceFacts(view, s)}</li>`;
};

/**
 * One category: its switch (three states when it has services), description, and what it
 * uses. A category with one service is not nested twice: that service's facts sit in the
 * category's own details, under the category's one switch.
 */
const categorySection = (view: BannerView, c: ResolvedCategory): TemplateResult => {
  const t = view.t as BannerView['t'] & Record<string, string>;
  const services = servicesOf(view, c);
  const state = categoryState(view.choices, c);
  const cookies = cookieCount(c, services);
  const single = services.length == 1 ? services[0] : undefined;
  // A locked switch says so in words too ("Always on"), not by its looks alone.
  const describedBy = state == 'mixed' ? `d-${c.key} m-${c.key}` : c.locked ? `o-${c.key} d-${c.key}` : `d-${c.key}`;
  return html`<section class="cat" part="category"
><div><h3 id="l-${c.key}">${view.label(c.key)}</h3>${c.locked ? html`<span class="on" id="o-${c.key}" part="always-on">${t.alwaysOn}</span>` : nothing}${toggle(
    state,
    `l-${c.key}`,
    describedBy,
    c.locked ? undefined : () => view.setChoices(setCategory(view.choices, c, state != 'true')),
  )}</div
>${state == 'mixed' ? html`<p id="m-${c.key}" class="mx" part="mixed">${t.mixed}</p>` : nothing}<p id="d-${c.key}">${view.l(c.description) || t[`desc.${c.key}`] || ''}</p
>${c.separate ? html`<p part="separate">${t.separateSwitch}</p>` : nothing}${Object.entries(view.api.config.permissions)
    .filter(([, key]) => key == c.key || c.services.includes(key!))
    .map(([capability]) => html`<p part="unlocks">${t[`unlocks.${capability}`]}</p>`)}${
    services.length || cookies
      ? html`<details part="details"><summary>${detailsSummary(view, services.length, cookies)}</summary>${
          single
            ? html`<div class="svc" part="service"><h4>${single.label}</h4>${serviceFacts(view, single)}</div>`
            : services.length
              ? html`<ul class="svcs">${services.map((s) => serviceItem(view, c, s))}</ul>`
              : nothing
        }${cookieTable(view, c.cookies)}</details>`
      : nothing
  }</section>`;
};

/**
 * Sync our state when the browser closes the dialog. The `close` event comes a task after
 * `close()`: a stale one from a dialog already removed (closed by Esc, then reopened by a link
 * or the URL hash before the event arrived) must not close the new one.
 */
const onClose =
  (view: BannerView) =>
  (e: Event): void => {
    const dialog = e.target as HTMLDialogElement;
    if (dialog.isConnected && !dialog.open) view.close();
  };

/**
 * The preferences dialog: one switch per category and per service (nothing on but the
 * locked necessary one, unless a saved choice says so), what each uses, and Save / Accept
 * all / Reject all (accept and reject side by side, first: equal prominence on any width). Save stores categories and services; the core keeps only the service
 * values that differ from their category. A native modal `<dialog>` traps focus and closes
 * on Esc; the view returns focus to the opener.
 */
export const preferencesDialog = (view: BannerView): TemplateResult => {
  const { api, t } = view;
  const { gpcRefused } = api.state();
  return html`<dialog part="dialog" aria-labelledby="pt" lang=${view.lang} dir=${view.dir} @cancel=${view.close} @close=${onClose(view)}
><div class="hd"><h2 id="pt" part="title">${t.prefsTitle}</h2><button class="x" part="close" aria-label=${t.close} @click=${view.close}>×</button></div
><div class="bd"><p>${t.prefsText}</p>${gpcRefused.length ? html`<p class="n" part="gpc" role="note">${format(t.gpc, gpcRefused.map(view.label).join(', '))}</p>` : nothing}${api.config.categories.map((c) => categorySection(view, c))}</div
><div class="ft"><div class="row" part="actions">${button(t.acceptAll, () => view.decide(api.acceptAll))}${button(t.rejectAll, () => view.decide(api.rejectAll))}${button(t.save, () => view.decide(() => api.set(view.choices, 'custom')))}</div></div></dialog>`;
};
