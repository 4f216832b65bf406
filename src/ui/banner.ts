import { html, nothing } from 'lit/html.js';
import type { ConsentApi } from '../core/types.js';
import { button, preferencesDialog } from './dialog.js';
import { en } from './i18n/en.js';
import { pickTexts, registerLocale, useAllEnglish, type Picked } from './i18n/index.js';
import { UIElement } from './element.js';
import { keepGranted, optOutOfSale } from './opt-out.js';
import { watchIframes } from './placeholder.js';
import { watchReopen } from './reopen.js';
import { styles } from './styles.js';
import { createView, type BannerView } from './view.js';

useAllEnglish(en);

/** The element focused now, looking inside shadow roots (the opener to return focus to). */
const deepActive = (): HTMLElement | null => {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el as HTMLElement | null;
};

/**
 * `<consentry-banner>`: the first-layer notice (a non-modal region, shown while there is no
 * valid consent), the preferences dialog (modal), the optional floating reopen button, and the
 * placeholders of blocked iframes. It reaches the core only through the public ConsentApi:
 * the `consent` property, else `window.consentry`. Its templates read one BannerView (view.ts).
 */
export class ConsentryBanner extends UIElement {
  static override styles = [styles];
  /** Same as the `registerLocale` export, for script-tag sites: `customElements.get('consentry-banner').registerLocale(…)`. */
  static registerLocale = registerLocale;

  // Internals are private and @internal: mangled in the bundles (`_name`), left out of the
  // published types (stripInternal), so the element's public surface is `consent` alone.
  /** @internal The API bound now: `consent`, else `window.consentry`. */
  private _api?: ConsentApi;
  /** @internal What the templates read and call; none until the texts are in. */
  private _view?: BannerView;
  /** @internal Whether the preferences dialog is open. */
  private _dlg?: boolean;
  /** @internal */
  private _given?: ConsentApi;
  /** @internal */
  private _opener?: HTMLElement | null;
  /** @internal */
  private _off?: Array<() => void>;
  /** @internal Show the "choices saved" status (focus's last resort after a choice removed the opener). */
  private _said?: boolean;

  /** The consent API to use (from `createConsent()`); defaults to `window.consentry`. */
  get consent(): ConsentApi | undefined {
    return this._given ?? this._api;
  }
  set consent(api: ConsentApi | undefined) {
    this._given = api;
    if (this.isConnected) this._bind();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._bind();
  }

  disconnectedCallback(): void {
    this._unbind();
  }

  /** @internal */
  private _unbind(): void {
    this._off?.forEach((off) => off());
    this._off = [];
  }

  /** @internal */
  private _bind(): void {
    this._unbind();
    const api = (this._api = this._given ?? window.consentry);
    if (!api) return;
    this.setAttribute('theme', api.config.ui.theme);
    const update = () => this.requestUpdate();
    this._off = [
      api.on('show', (d) => (d.preferences ? this._open() : update())),
      api.on('change', update),
      watchReopen((el) => this._open(el)),
    ];
    // Nothing renders until the texts are in (no English flash before a fetched locale).
    const off = this._off;
    const ready = (picked: Picked) => {
      if (this._off != off) return; // unbound or rebound meanwhile
      const before = this._view;
      const view = (this._view = createView(api, picked, update, () => this._close()));
      // Bound again with the dialog open (the element was moved): its unsaved switches stay.
      if (this._dlg && before?.api == api) view.setChoices(before.choices);
      off.push(watchIframes(view));
      update();
    };
    const picked = pickTexts(api.config);
    picked instanceof Promise ? picked.then(ready) : ready(picked);
  }

  /** @internal Open the preferences, pre-filled with the last saved (or default) choices. */
  private _open(opener?: HTMLElement | null): void {
    if (this._dlg) return;
    this._opener = opener ?? deepActive();
    this._dlg = true;
    this._said = false;
    // Without a view yet (the texts are on their way), the view starts pre-filled.
    this._view?.reset();
    this.requestUpdate();
  }

  /**
   * @internal Close the dialog (a button, ×, Esc) and return focus to the opener. Synchronous,
   * so a reopen right after Esc is not undone by the later `close` event.
   */
  private _close(): void {
    this.renderRoot.querySelector('dialog')?.close();
    if (!this._dlg) return;
    this._dlg = false;
    this.requestUpdate();
    // An opener from the first layer that the upgrade replaced: its successor (element.ts).
    const [was, successor] = this._successor ?? [];
    const opener = this._opener == was ? successor : this._opener;
    // After the render: a choice made from a dialog the first layer opened removes the first
    // layer, and the opener with it (docs/decisions/2026-12-08-focus-after-save.md).
    this.updateComplete.then(() => {
      if (this._dlg || this.renderRoot.activeElement) return; // reopened, or focus placed meanwhile
      const before = this.focusBefore;
      const next = opener?.isConnected ? opener : this.renderRoot.querySelector<HTMLElement>('[part=float]');
      if (next) return next.focus();
      if (before instanceof HTMLElement) before.focus();
      // Gone, inert or never focusable: a status inside consentry takes focus and says what happened.
      if (!before || document.activeElement != before) {
        this._said = true;
        this.requestUpdate();
        this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part=status]')?.focus());
      }
    });
  }

  override updated(): void {
    const dialog = this.renderRoot.querySelector('dialog');
    if (this._dlg && dialog && !dialog.open) dialog.showModal();
  }

  override render(): unknown {
    // Checked at render, not on connect: frameworks set `consent` just after connecting.
    if (!this._api) {
      console.warn('consentry: <consentry-banner> needs its `consent` property or window.consentry');
      return nothing;
    }
    const view = this._view;
    // The locale is still on its way (for this API: a view of one bound before shows nothing).
    if (view?.api != this._api) return nothing;
    const { api, t, lang, dir } = view;
    const { config } = api;
    const { record, reason } = api.state();
    const optOut = api.state().mode != 'opt-in';
    const open = (e: Event) => this._open(e.currentTarget as HTMLElement);
    const show = !record && reason;
    return html`${
      show
        ? html`<section class="bar ${config.ui.layout} ${config.ui.position}" part="banner" role="region" aria-labelledby="ct" lang=${lang} dir=${dir}
><h2 id="ct" part="title">${optOut ? t.optOutTitle : t.title}</h2
><p part="text">${reason == 'revision' || reason == 'new-category' ? `${t.changed} ` : ''}${optOut ? t.optOutText : t.text} ${config.privacyPolicyUrl ? html`<a part="link" href=${config.privacyPolicyUrl}>${t.policy}</a>` : nothing}</p
>${config.ui.minorsNotice ? html`<p part="minors">${t.minors}</p>` : nothing}${config.categories.some((c) => c.separate) ? html`<p part="separate">${t.separate}</p>` : nothing}<div class="row" part="actions">${
            optOut
              ? [
                  button(t.ok, () => view.decide(() => keepGranted(api))),
                  button(t.optOut, () => view.decide(() => optOutOfSale(api))),
                ]
              : [
                  button(t.acceptAll, () => view.decide(api.acceptAll)),
                  button(t.rejectAll, () => view.decide(api.rejectAll)),
                ]
          }${button(t.customize, open, true)}</div></section>`
        : config.ui.floatingButton
          ? html`<button class="b f" part="float" lang=${lang} dir=${dir} aria-label=${t.prefsTitle} @click=${open}><svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 2a10 10 0 1 0 10 10 4 4 0 0 1-5-5 4 4 0 0 1-5-5z"/></svg></button>`
          : nothing
    }${this._dlg ? preferencesDialog(view) : nothing}${this._said ? html`<p class="sr" part="status" role="status" tabindex="-1" lang=${lang} dir=${dir}>${t.saved}</p>` : nothing}`;
  }
}
