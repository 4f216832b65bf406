import { html, nothing } from 'lit/html.js';
import { RELEASED, UNRELEASED, categoriesOf } from '../core/tagging.js';
import { UIElement } from './element.js';
import { format } from './i18n/index.js';
import { serviceDisplay } from './services.js';
import { styles } from './styles.js';
import type { BannerView } from './view.js';

/** The host of the blocked URL, the provider's name of last resort. */
const hostOf = (frame: HTMLIFrameElement): string => {
  try {
    return new URL(frame.dataset.src ?? '', location.href).hostname;
  } catch {
    return '?';
  }
};

/**
 * What a placeholder says, for an iframe tagged with service ids and/or category keys:
 * `name` the provider (a service's label, else `data-consent-provider`, else the host),
 * `categories` the category labels it falls under, `allow` the labels "Always allow" names.
 */
export const describeEmbed = (
  view: BannerView,
  frame: HTMLIFrameElement,
): { name: string; categories: string; allow: string } => {
  const { services } = view.api.config;
  const keys = categoriesOf(frame);
  const found = keys.map((key) => services.find((s) => s.id == key));
  const labels = found.map((s, i) => (s ? serviceDisplay(view, s).label : view.label(keys[i])));
  const named = found.flatMap((s) => (s ? [serviceDisplay(view, s).label] : []));
  return {
    name: named.join(', ') || frame.dataset.consentProvider || hostOf(frame),
    categories: [...new Set(keys.map((key, i) => view.label(found[i]?.category ?? key)))].join(', '),
    allow: labels.join(', '),
  };
};

/** The iframe each placeholder stands in for, and the view it reads: kept off the element, so none of it is public. */
const embeds = new WeakMap<ConsentryPlaceholder, [HTMLIFrameElement, BannerView]>();

/**
 * `<consentry-placeholder>`: stands in for a blocked iframe (same box), names the provider
 * and offers **Load once** (this page view only, nothing stored) and **Always allow <Service>**
 * (stores that service only, or that category for an iframe tagged with a category). Neither
 * answers the banner for anything else (docs/guide/services.md "Placeholders of blocked embeds").
 */
export class ConsentryPlaceholder extends UIElement {
  static override styles = [styles, ':host{display:inline-block;overflow:hidden;max-inline-size:100%}'];

  override render(): unknown {
    const [frame, view] = embeds.get(this)!;
    const { api, t } = view;
    const { name, categories, allow } = describeEmbed(view, frame);
    const keys = categoriesOf(frame);
    const { config } = api;
    // Separate consent (PIPL art. 29 and 23) is never given by a placeholder: only by its own switch.
    const separate = keys.some(
      (k) => config.categories.find((c) => c.key == (config.services.find((s) => s.id == k)?.category ?? k))?.separate,
    );
    return html`<div class="p" part="placeholder" role="group" aria-label=${frame.title || name} lang=${view.lang} dir=${view.dir}><p>${format(t.embed, name, categories)}</p
><div class="pa"><button class="b" part="load-once" @click=${() => api.loadOnce(frame)}>${t.loadOnce}</button
>${separate ? nothing : html`<button class="b s" part="allow-always" @click=${() => api.set(Object.fromEntries(keys.map((k) => [k, true])), 'custom')}>${format(t.allowAlways, allow)}</button>`}</div></div>`;
  }
}

/**
 * Put a placeholder in front of every blocked iframe (also ones added later) and hide the
 * iframe; remove it again when the gatekeeper releases the iframe. Returns a stop function.
 */
export const watchIframes = (view: BannerView): (() => void) => {
  const held = new Map<HTMLIFrameElement, [ConsentryPlaceholder, string]>();
  const { api } = view;
  const drop = (frame: HTMLIFrameElement) => {
    const [placeholder, display] = held.get(frame)!;
    const focused = document.activeElement == placeholder;
    placeholder.remove();
    frame.style.display = display;
    held.delete(frame);
    // WCAG 2.4.3 focus order: the button just pressed is gone; keep keyboard users where the content now is.
    if (focused) frame.focus();
  };
  const sync = () => {
    for (const frame of held.keys()) if (!frame.isConnected || frame.hasAttribute(RELEASED)) drop(frame);
    for (const frame of Array.from(document.querySelectorAll<HTMLIFrameElement>(`iframe${UNRELEASED}`))) {
      // Already granted: the gatekeeper is about to release it.
      if (held.has(frame) || categoriesOf(frame).every((k) => api.granted(k))) continue;
      const placeholder = document.createElement('consentry-placeholder') as ConsentryPlaceholder;
      embeds.set(placeholder, [frame, view]);
      placeholder.setAttribute('theme', api.config.ui.theme);
      // Same border box as the iframe, and (overflow:hidden) the same baseline: CLS 0; an unrendered iframe has the default 300×150.
      // The height is a minimum: a long translation grows the box rather than clipping its text or buttons.
      placeholder.style.width = `${frame.offsetWidth || 300}px`;
      placeholder.style.minHeight = `${frame.offsetHeight || 150}px`;
      held.set(frame, [placeholder, frame.style.display]);
      frame.style.display = 'none';
      frame.before(placeholder);
    }
  };
  sync();
  // A grant (or Load once) needs no listener of its own: the gatekeeper releases the iframe, which marks it RELEASED.
  const observer = new MutationObserver(sync);
  observer.observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: [RELEASED, 'data-consent'],
  });
  return () => {
    observer.disconnect();
    held.forEach((_, frame) => drop(frame));
  };
};
