import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { createConsent } from '../../../src/index.js'; // the npm createConsent: GPC plugged in
import type { ConsentApi } from '../../../src/core/types.js';
import { mountBanner, registerLocale, type ConsentryBanner } from '../../../src/banner.js';
import zhCN from '../../../src/ui/i18n/zh-CN.js';

const root = (el: ConsentryBanner) => el.shadowRoot!;
const clearCookies = () => {
  for (const c of document.cookie.split(';')) document.cookie = `${c.split('=')[0].trim()}=; max-age=0; path=/`;
};

describe('<consentry-banner>', () => {
  let banner: ConsentryBanner | undefined;
  // Bundled as a site would (no fetch): these tests are about rendering, test/unit/ui/i18n*.test.ts about loading.
  before(() => registerLocale('zh-CN', zhCN));
  beforeEach(clearCookies);
  afterEach(() => {
    banner?.remove();
    banner = undefined;
    clearCookies();
  });

  it('mountBanner binds the given API; the first layer is a region with accept/reject/customize', async () => {
    const api = createConsent({ reloadOnWithdraw: false });
    banner = mountBanner(api);
    await banner.updateComplete;
    expect(banner.consent).to.equal(api);
    const region = root(banner).querySelector('[role=region]')!;
    expect(region.getAttribute('aria-labelledby')).to.equal('ct');
    expect([...region.querySelectorAll('button')].map((b) => b.textContent)).to.deep.equal([
      'Accept all',
      'Reject all',
      'Customize',
    ]);
    region.querySelectorAll('button')[1].click();
    await banner.updateComplete;
    expect(api.get()?.m).to.equal('reject-all');
    expect(root(banner).querySelector('[role=region]')).to.equal(null);
  });

  it('the GPC note names the categories the signal switched off; they start off and can be switched on', async () => {
    // The browser sends the signal: the core fills gpcRefused and the dialog's pre-fill from it.
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    let api: ConsentApi;
    try {
      api = createConsent({ mode: 'opt-out', reloadOnWithdraw: false });
    } finally {
      delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
    }
    banner = await fixture<ConsentryBanner>(html`<consentry-banner .consent=${api}></consentry-banner>`);
    api.open();
    await banner.updateComplete;
    const note = root(banner).querySelector('[part=gpc]')!;
    expect(note.textContent).to.equal(
      'Your browser’s Global Privacy Control signal switched off: Ad optimization, Third-party. You can still switch them on.',
    );
    const state = (key: string) =>
      root(banner!).querySelector(`[aria-labelledby=l-${key}]`)!.getAttribute('aria-checked');
    expect(['analytics', 'advertising', 'third_party'].map(state)).to.deep.equal(['true', 'false', 'false']);
    (root(banner).querySelector('[aria-labelledby=l-advertising]') as HTMLElement).click();
    await banner.updateComplete;
    expect(state('advertising')).to.equal('true');
    const closed = oneEvent(root(banner).querySelector('dialog')!, 'close');
    (root(banner).querySelector('.ft button:last-child') as HTMLElement).click(); // Save (the footer reads Accept all, Reject all, Save choices)
    await closed;
    expect(api.get()?.c).to.deep.include({ analytics: true, advertising: true, third_party: false });
  });

  it('no GPC note without a GPC signal', async () => {
    const api = createConsent({});
    banner = mountBanner(api);
    api.open();
    await banner.updateComplete;
    expect(root(banner).querySelector('dialog[open]')).to.not.equal(null);
    expect(root(banner).querySelector('[part=gpc]')).to.equal(null);
  });

  it('config labels and descriptions are per-locale text; services and cookies are listed', async () => {
    const api = createConsent({
      language: 'zh-CN',
      categories: {
        analytics: {
          label: { en: 'Stats', 'zh-CN': '统计' },
          description: '<b>x</b>',
          cookies: ['_ga', { name: '_ga_*', retention: '2 years' }],
        },
      },
      services: { ga4: { category: 'analytics', label: 'GA4', vendor: 'Google' } },
    });
    banner = mountBanner(api);
    api.open();
    await banner.updateComplete;
    expect(root(banner).querySelector('#l-analytics')!.textContent).to.equal('统计');
    expect(root(banner).querySelector('#d-analytics')!.textContent).to.equal('<b>x</b>');
    expect(root(banner).querySelector('#l-identity')!.textContent).to.equal('身份识别');
    const details = root(banner).querySelector('details')!;
    expect(details.querySelector('summary')!.textContent).to.equal('服务与 Cookie：1 项服务、2 个 Cookie');
    expect([...details.querySelectorAll('td')].map((td) => td.textContent)).to.deep.equal([
      '_ga',
      '',
      '',
      '_ga_*',
      '2 years',
      '',
    ]);
    // One service: shown in the category's own details, under the category's one switch.
    expect(details.querySelector('[part=service] h4')!.textContent).to.equal('GA4');
    expect(details.querySelector('[part=service] dl')!.textContent).to.equal('提供方：Google');
    expect(root(banner).querySelectorAll('#l-analytics ~ [role=switch], [part=service] [role=switch]').length).to.equal(
      1,
    );
  });

  it('the service retention uses the locale punctuation (full-width colon in zh-CN)', async () => {
    const api = createConsent({
      language: 'zh-CN',
      services: { ga4: { category: 'analytics', label: 'GA4', retention: '2 years' } },
    });
    banner = mountBanner(api);
    api.open();
    await banner.updateComplete;
    expect(root(banner).querySelector('[part=service] dl')!.textContent).to.equal('保存期限：2 years');
  });

  it('moved while the dialog is open (bound again): the unsaved switches stay', async () => {
    const api = createConsent({ reloadOnWithdraw: false });
    banner = mountBanner(api);
    api.open();
    await banner.updateComplete;
    const state = () => root(banner!).querySelector('[aria-labelledby=l-analytics]')!.getAttribute('aria-checked');
    (root(banner).querySelector('[aria-labelledby=l-analytics]') as HTMLElement).click();
    await banner.updateComplete;
    expect(state()).to.equal('true');
    document.body.prepend(banner); // disconnected and connected again
    await banner.updateComplete;
    expect(state()).to.equal('true');
    expect(api.get()).to.equal(null); // nothing stored until Save
  });

  it('bound to another API: it renders that API’s state, not the one bound before', async () => {
    const first = createConsent({ reloadOnWithdraw: false });
    banner = mountBanner(first);
    await banner.updateComplete;
    expect(root(banner).querySelector('[role=region]')).to.not.equal(null);
    first.rejectAll();
    await banner.updateComplete;
    expect(root(banner).querySelector('[role=region]')).to.equal(null);
    const second = createConsent({ reloadOnWithdraw: false, cookie: { name: 'other' } });
    banner.consent = second;
    await banner.updateComplete;
    expect(banner.consent).to.equal(second);
    expect(root(banner).querySelector('[role=region]')).to.not.equal(null);
  });

  it('defining twice is harmless and a banner without an API stays empty', async () => {
    await import('../../../src/banner.js');
    const stray = document.createElement('consentry-banner');
    document.body.append(stray);
    await stray.updateComplete;
    expect(stray.shadowRoot!.querySelector('section,dialog')).to.equal(null);
    stray.remove();
  });
});
