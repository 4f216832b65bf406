import type { ConsentApi } from '../core/types.js';
import { pickTexts, type Picked } from './i18n/index.js';
import { keepGranted, optOutOfSale } from './opt-out.js';
import { warnStaticLeaks } from './static-leaks.js';
import { barStyles } from './styles.js';

// The first layer alone, without Lit (docs/guide/install.md "What loads when"): what a first visit downloads before
// any click. It builds the very markup `<consentry-banner>`'s template renders (banner.ts),
// with the bar's part of the same stylesheet, into the shadow root of a not-yet-defined `<consentry-banner>`;
// when the whole UI loads (Customize, a reopen link, open()), that element upgrades in place
// and its first render replaces this markup in the same task: no frame without the banner,
// no shift. Plain DOM calls: no template parsing, so no long task at 4× CPU.

/** `<tag part=… …>text</tag>` with attributes set as attributes and text as text, never HTML. */
const el = (tag: string, attrs: Record<string, string>, ...children: Array<Node | string>): HTMLElement => {
  const node = document.createElement(tag);
  for (const name in attrs) node.setAttribute(name, attrs[name]);
  node.append(...children);
  return node;
};

/**
 * Run `fn` once the page has painted its first frame. The page's first layout (its text, its
 * fonts) is the biggest piece of work in a load; a banner inserted before it lands in that same
 * frame and makes it one long task at 4× CPU (docs/decisions/2026-12-02-long-tasks.md). After it, the banner's frame holds
 * the banner's work alone, one frame later at most (a page that has painted already waits one
 * frame too). A hidden page paints no frame: at once.
 */
const afterFirstPaint = (fn: () => void): void =>
  // A rAF callback runs just before its frame renders; a task queued from it, just after.
  void (document.hidden ? fn() : requestAnimationFrame(() => setTimeout(fn)));

/**
 * Show the first layer while the visit has no valid choice, and hide it once one is made.
 * Accept all and Reject all call the API; Customize calls `open()`, which makes the head
 * script load the whole UI and open the preferences. Stops as soon as the whole UI has taken
 * the element over. Harmless when called twice, or when the whole UI is already there.
 */
export const showFirstLayer = (api: ConsentApi): void => {
  warnStaticLeaks(api);
  afterFirstPaint(() => mount(api));
};

const mount = (api: ConsentApi): void => {
  if (customElements.get('consentry-banner')) return; // the whole UI is here: it shows the first layer itself
  let host = document.querySelector('consentry-banner');
  if (host?.shadowRoot) return; // shown already (this file loaded twice)
  host ??= document.body.appendChild(document.createElement('consentry-banner'));
  const root = host.attachShadow({ mode: 'open' });
  // Where focus was before the first layer: the whole UI returns it there after a choice (element.ts).
  host.addEventListener(
    'focusin',
    (e) => e.relatedTarget && ((host as { focusBefore?: EventTarget }).focusBefore = e.relatedTarget),
  );
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(barStyles);
  root.adoptedStyleSheets = [sheet];
  const { config } = api;
  host.setAttribute('theme', config.ui.theme);
  // A locale other than English may have to be fetched first (src/ui/i18n): render once it is here.
  const picked = pickTexts(config);
  picked instanceof Promise ? picked.then((p) => start(api, root, p)) : start(api, root, picked);
};

const start = (api: ConsentApi, root: ShadowRoot, { lang, dir, t }: Picked): void => {
  const { config } = api;
  const optOut = api.state().mode != 'opt-in';
  const button = (label: string, onClick: () => unknown, secondary?: boolean) => {
    // One template for accept and reject (CNIL: reject as easy as accept), as in dialog.ts.
    const b = el('button', { class: `b ${secondary ? 's' : ''}`, part: 'button' }, label);
    b.onclick = onClick;
    return b;
  };
  const render = (): void => {
    if (customElements.get('consentry-banner')) return off.forEach((f) => f()); // upgraded: no longer ours
    const { record, reason } = api.state();
    if (record || !reason) return root.replaceChildren();
    if (root.firstChild) return;
    const text = el(
      'p',
      { part: 'text' },
      `${reason == 'revision' || reason == 'new-category' ? `${t.changed} ` : ''}${optOut ? t.optOutText : t.text} `,
    );
    if (config.privacyPolicyUrl) text.append(el('a', { part: 'link', href: config.privacyPolicyUrl }, t.policy));
    root.append(
      el(
        'section',
        {
          class: `bar ${config.ui.layout} ${config.ui.position}`,
          part: 'banner',
          role: 'region',
          'aria-labelledby': 'ct',
          lang,
          dir,
        },
        el('h2', { id: 'ct', part: 'title' }, optOut ? t.optOutTitle : t.title),
        text,
        ...(config.ui.minorsNotice ? [el('p', { part: 'minors' }, t.minors)] : []),
        // PIPL art. 29 and 23: separate consent is asked apart, never by "Accept all".
        ...(config.categories.some((c) => c.separate) ? [el('p', { part: 'separate' }, t.separate)] : []),
        el(
          'div',
          { class: 'row', part: 'actions' },
          ...(optOut
            ? [button(t.ok, () => keepGranted(api)), button(t.optOut, () => optOutOfSale(api))]
            : [button(t.acceptAll, api.acceptAll), button(t.rejectAll, api.rejectAll)]),
          button(t.customize, api.open, true),
        ),
      ),
    );
  };
  const off = [api.on('change', render), api.on('show', render)];
  render();
};
