// The shop as a single-page app, using consentry the npm way: createConsent() + mountBanner(),
// then reading `granted()` and listening to `change` to decide what to load.
import { createConsent, type ConsentApi } from 'consentry';
import { mountBanner } from 'consentry/banner';
import { catalog } from 'consentry/services';
import config from '../consentry.config.json';

declare global {
  interface Window {
    consentry?: ConsentApi;
    standInAnalytics?: { track(event: string, page?: string): void };
  }
}

const tracker = document.querySelector<HTMLMetaElement>('meta[name="demo-tracker"]')?.content ?? '';
// The catalog's entries for the services the config names by id (YouTube, Google Maps …).
const consent: ConsentApi = createConsent(config, { catalog });
// The demo panel (and the e2e test) read the API from window, as on the script-tag pages.
window.consentry = consent;
mountBanner(consent);

/** Load the analytics tag once, the moment analytics is granted (now or later). */
let analyticsLoaded = false;
const loadAnalyticsIfGranted = (): void => {
  if (analyticsLoaded || !consent.granted('analytics')) return;
  analyticsLoaded = true;
  const script = document.createElement('script');
  script.src = `${tracker}/analytics.js`;
  document.head.append(script);
};

const status = document.getElementById('consent-status')!;
const showStatus = (): void => {
  status.textContent = `Analytics: ${consent.granted('analytics') ? 'on' : 'off'} · Video & maps: ${consent.granted('third_party') ? 'on' : 'off'}`;
};

const products = [
  { id: 'qj-20v', name: 'QJ-20V cordless drill', price: 499, icon: 'QJ-20V' },
  { id: 'driver-42', name: '42-piece precision driver set', price: 89, icon: 'S2 × 42' },
  { id: 'tape-5m', name: '5 m steel tape measure', price: 29, icon: '5 m' },
];

const h = (tag: string, text?: string, attrs: Record<string, string> = {}): HTMLElement => {
  const el = document.createElement(tag);
  if (text) el.textContent = text;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
};

/** Views return fresh DOM; tagged elements inside them are handled by the gatekeeper's observer. */
const views: Record<string, (arg?: string) => HTMLElement[]> = {
  '': () => {
    const list = h('ul', undefined, { class: 'grid' });
    for (const p of products) {
      const li = h('li', undefined, { class: 'card' });
      li.append(h('span', p.icon, { class: 'thumb', 'aria-hidden': 'true' }));
      const title = h('h2');
      title.append(h('a', p.name, { href: `#/product/${p.id}` }));
      li.append(title, h('p', `¥ ${p.price}`, { class: 'price' }));
      list.append(li);
    }
    return [h('h1', 'Products'), list];
  },
  product: (id) => {
    const p = products.find((x) => x.id == id) ?? products[0];
    const embeds = h('div', undefined, { class: 'embeds' });
    // Rendered after load: the gatekeeper's MutationObserver holds it until third_party is granted.
    embeds.append(
      h('iframe', undefined, {
        'data-consent': 'third_party',
        'data-consent-provider': 'ViewTube',
        'data-src': `${tracker}/embed/video.html`,
        title: 'Product video (ViewTube)',
      }),
    );
    return [h('h1', p.name), h('p', `¥ ${p.price}`, { class: 'price' }), embeds];
  },
  account: () => [
    h('h1', 'Account'),
    h(
      'p',
      consent.granted('identity')
        ? 'We will remember your sign-in on this device ("Remember me" is on).'
        : 'Sign-in is not remembered: "Remember me" is off in Cookie settings.',
    ),
  ],
};

const app = document.getElementById('app')!;
const route = (track = true): void => {
  // Only "#/…" is a route; "#consentry-preferences" (the footer link) belongs to the banner.
  if (location.hash && !location.hash.startsWith('#/')) return;
  const [name = '', arg] = location.hash.slice(2).split('/');
  app.replaceChildren(...(views[name] ?? views[''])(arg));
  // A virtual page view, only ever sent when analytics is granted.
  if (track && consent.granted('analytics')) window.standInAnalytics?.track('pageview', `/spa/${location.hash}`);
};

consent.on('change', () => {
  showStatus();
  loadAnalyticsIfGranted();
  route(false); // re-render (the account view reads granted()); not a new page view
});
window.addEventListener('hashchange', () => route());
showStatus();
loadAnalyticsIfGranted();
route();
