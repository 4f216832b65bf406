import { html } from 'lit/html.js';
import { RELEASED, UNRELEASED, categoriesOf } from '../core/tagging.js';
import type { ConsentryBanner } from './banner.js';
import { UIElement } from './element.js';
import { format } from './i18n/index.js';
import { styles } from './styles.js';

/** The provider to name: `data-consent-provider`, else the host of the blocked URL. */
const providerOf = (frame: HTMLIFrameElement): string => {
  try {
    return frame.dataset.consentProvider || new URL(frame.dataset.src ?? '', location.href).hostname;
  } catch {
    return '?';
  }
};

/**
 * `<consentry-placeholder>`: stands in for a blocked iframe (same box), names the provider
 * and the category, and offers "Allow and load", which grants that category.
 */
export class ConsentryPlaceholder extends UIElement {
  static override styles = [styles, ':host{display:inline-block;overflow:hidden;max-inline-size:100%}'];
  /** @internal */ _frame!: HTMLIFrameElement;
  /** @internal */ _host!: ConsentryBanner;

  override render(): unknown {
    const { _host: host, _frame: frame } = this;
    const t = host._t;
    const provider = providerOf(frame);
    const cats = categoriesOf(frame);
    return html`<div class="p" part="placeholder" role="group" aria-label=${frame.title || provider} lang=${host._lang} dir=${host._dir}><p>${format(t.embed, provider, cats.map((k) => host._label(k)).join(', '))}</p><button class="b" part="button" @click=${() => host._grant(cats)}>${t.loadOnce}</button></div>`;
  }
}

/**
 * Put a placeholder in front of every blocked iframe (also ones added later) and hide the
 * iframe; remove it again when the gatekeeper releases the iframe. Returns a stop function.
 */
export const watchIframes = (host: ConsentryBanner): (() => void) => {
  const held = new Map<HTMLIFrameElement, [ConsentryPlaceholder, string]>();
  const api = host._api!;
  const drop = (frame: HTMLIFrameElement) => {
    const [placeholder, display] = held.get(frame)!;
    placeholder.remove();
    frame.style.display = display;
    held.delete(frame);
  };
  const sync = () => {
    for (const frame of held.keys()) if (!frame.isConnected || frame.hasAttribute(RELEASED)) drop(frame);
    for (const frame of Array.from(document.querySelectorAll<HTMLIFrameElement>(`iframe${UNRELEASED}`))) {
      // Already granted: the gatekeeper is about to release it.
      if (held.has(frame) || categoriesOf(frame).every((k) => api.granted(k))) continue;
      const placeholder = document.createElement('consentry-placeholder') as ConsentryPlaceholder;
      placeholder._frame = frame;
      placeholder._host = host;
      placeholder.setAttribute('theme', api.config.ui.theme);
      // Same border box as the iframe, and (overflow:hidden) the same baseline: CLS 0; an unrendered iframe has the default 300×150.
      placeholder.style.width = `${frame.offsetWidth || 300}px`;
      placeholder.style.height = `${frame.offsetHeight || 150}px`;
      held.set(frame, [placeholder, frame.style.display]);
      frame.style.display = 'none';
      frame.before(placeholder);
    }
  };
  sync();
  // A grant needs no listener of its own: the gatekeeper releases the iframe, which marks it RELEASED.
  const observer = new MutationObserver(sync);
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: [RELEASED, 'data-consent'] });
  return () => {
    observer.disconnect();
    held.forEach((_, frame) => drop(frame));
  };
};
