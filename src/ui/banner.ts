import { html, nothing } from 'lit/html.js';
import type { CategoryKey, Choices, ConsentApi } from '../core/types.js';
import { button, preferencesDialog } from './dialog.js';
import { en } from './i18n/en.js';
import { pickTexts, registerLocale, useAllEnglish, type Picked, type Texts } from './i18n/index.js';
import { UIElement } from './element.js';
import { watchIframes } from './placeholder.js';
import { watchReopen } from './reopen.js';
import { normalizeChoices } from './service-choices.js';
import { styles } from './styles.js';

type Text = string | Record<string, string> | undefined;

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
 * the `consent` property, else `window.consentry`.
 */
export class ConsentryBanner extends UIElement {
  static override styles = [styles];
  /** Same as the `registerLocale` export, for script-tag sites: `customElements.get('consentry-banner').registerLocale(…)`. */
  static registerLocale = registerLocale;

  /** @internal */ _api?: ConsentApi;
  /** @internal */ _t!: Texts;
  /** @internal */ _lang!: string;
  /** @internal The texts' direction, set with `lang` on everything rendered (Arabic, Hebrew: rtl). */
  _dir!: 'ltr' | 'rtl';
  /** @internal Whether the preferences dialog is open, and its working choices. */
  _dlg?: boolean;
  /** @internal */ _choices!: Choices;
  private _given?: ConsentApi;
  private _opener?: HTMLElement | null;
  private _off?: Array<() => void>;

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

  private _unbind(): void {
    this._off?.forEach((off) => off());
    this._off = [];
  }

  private _bind(): void {
    this._unbind();
    const api = (this._api = this._given ?? window.consentry);
    if (!api) return;
    this.setAttribute('theme', api.config.ui.theme);
    const update = () => this.requestUpdate();
    this._off = [api.on('show', (d) => (d.preferences ? this._open() : update())), api.on('change', update), watchReopen((el) => this._open(el))];
    // Nothing renders until the texts are in (no English flash before a fetched locale).
    const off = this._off;
    const ready = ({ lang, dir, t }: Picked) => {
      if (this._off != off) return; // unbound or rebound meanwhile
      [this._lang, this._dir, this._t] = [lang, dir, t];
      off.push(watchIframes(this));
      update();
    };
    const picked = pickTexts(api.config);
    picked instanceof Promise ? picked.then(ready) : ready(picked);
  }

  /** @internal Localised config text (a label may be one string or one per locale). */
  _l(text: Text): string {
    return typeof text == 'string' ? text : text ? text[this._lang] ?? text[this._lang.split('-')[0]] ?? text.en ?? Object.values(text)[0] ?? '' : '';
  }

  /** @internal A category's label: from the config, else the locale's default, else the key. */
  _label(key: CategoryKey): string {
    const t = this._t as Record<string, string>;
    return this._l(this._api!.config.categories.find((c) => c.key == key)?.label) || t[`cat.${key}`] || key;
  }

  /** @internal The optional categories and whether each is granted right now. */
  _current(): Choices {
    const api = this._api!;
    return Object.fromEntries(api.config.categories.filter((c) => !c.locked).map((c) => [c.key, api.granted(c.key)]));
  }

  /** @internal Replace the dialog's working choices (categories and services) and render. */
  _setChoices(choices: Choices): void {
    this._choices = choices;
    this.requestUpdate();
  }

  /** @internal Open the preferences, pre-filled with the last saved (or default) choices. */
  _open(opener?: HTMLElement | null): void {
    const api = this._api!;
    if (this._dlg) return;
    this._opener = opener ?? deepActive();
    // The core's pre-fill (services where they differ from their category): without a
    // stored choice, GPC's categories start switched off.
    this._choices = normalizeChoices(api.state().prefill, api.config.categories);
    this._dlg = true;
    this.requestUpdate();
  }

  /** @internal Run a decision (its `change` event renders again), then close the dialog. */
  _decide(fn: () => unknown): void {
    fn();
    this._close();
  }

  /**
   * @internal Close the dialog (a button, ×, Esc) and return focus to the opener. Synchronous,
   * so a reopen right after Esc is not undone by the later `close` event.
   */
  _close(): void {
    this.renderRoot.querySelector('dialog')?.close();
    if (!this._dlg) return;
    this._dlg = false;
    this.requestUpdate();
    if (this._opener?.isConnected) this._opener.focus();
  }

  override updated(): void {
    const dialog = this.renderRoot.querySelector('dialog');
    if (this._dlg && dialog && !dialog.open) dialog.showModal();
  }

  override render(): unknown {
    const api = this._api;
    // Checked at render, not on connect: frameworks set `consent` just after connecting.
    if (!api) {
      console.warn('consentry: <consentry-banner> needs its `consent` property or window.consentry');
      return nothing;
    }
    const t = this._t;
    if (!t) return nothing; // the locale is still on its way
    const { config } = api;
    const { record, reason } = api.state();
    const optOut = config.mode == 'opt-out';
    const open = (e: Event) => this._open(e.currentTarget as HTMLElement);
    const show = !record && reason;
    return html`${show
      ? html`<section class="bar" part="banner" role="region" aria-labelledby="ct" lang=${this._lang} dir=${this._dir} data-pos=${config.ui.position}
><h2 id="ct" part="title">${optOut ? t.optOutTitle : t.title}</h2
><p part="text">${reason == 'revision' || reason == 'new-category' ? `${t.changed} ` : ''}${optOut ? t.optOutText : t.text} ${config.privacyPolicyUrl ? html`<a part="link" href=${config.privacyPolicyUrl}>${t.policy}</a>` : nothing}</p
>${config.ui.minorsNotice ? html`<p part="minors">${t.minors}</p>` : nothing}<div class="row" part="actions">${optOut
          ? [button(t.ok, () => this._decide(() => {
              const now = this._current();
              return Object.values(now).every(Boolean) ? api.acceptAll() : api.set(now, 'custom');
            })), button(t.optOut, () => this._decide(() => api.set({ ...this._current(), advertising: false, third_party: false }, 'custom')))]
          : [button(t.acceptAll, () => this._decide(() => api.acceptAll())), button(t.rejectAll, () => this._decide(() => api.rejectAll()))]}${button(t.customize, open, true)}</div></section>`
      : config.ui.floatingButton
        ? html`<button class="b f" part="float" lang=${this._lang} dir=${this._dir} aria-label=${t.prefsTitle} @click=${open}><svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 2a10 10 0 1 0 10 10 4 4 0 0 1-5-5 4 4 0 0 1-5-5z"/></svg></button>`
        : nothing}${this._dlg ? preferencesDialog(this) : nothing}`;
  }
}
