import { expect, waitUntil } from '@open-wc/testing';
import { createConsent } from '../../../src/core/consent.js';
import { mountBanner, type ConsentryBanner } from '../../../src/banner.js';
import ar from '../../../src/ui/i18n/ar.js';
import ja from '../../../src/ui/i18n/ja.js';

const root = (el: ConsentryBanner) => el.shadowRoot!;
const clearCookies = () => {
  for (const c of document.cookie.split(';')) document.cookie = `${c.split('=')[0].trim()}=; max-age=0; path=/`;
};

describe('<consentry-banner> languages', () => {
  let banner: ConsentryBanner | undefined;
  beforeEach(clearCookies);
  afterEach(() => {
    banner?.remove();
    banner = undefined;
    clearCookies();
  });

  it('waits for a fetched locale: nothing in English first, then the locale with its lang', async () => {
    const renders: string[] = [];
    banner = mountBanner(createConsent({ language: 'ja', reloadOnWithdraw: false }));
    const seen = new MutationObserver(() => renders.push(root(banner!).querySelector('h2')?.textContent ?? ''));
    seen.observe(root(banner), { childList: true, subtree: true, characterData: true });
    await waitUntil(() => root(banner!).querySelector('[part=banner]'), 'the banner shows');
    seen.disconnect();
    expect(renders.filter(Boolean)).to.deep.equal([ja.title]);
    const region = root(banner).querySelector('[part=banner]')!;
    expect([region.getAttribute('lang'), region.getAttribute('dir')]).to.deep.equal(['ja', 'ltr']);
    expect([...region.querySelectorAll('button')].map((b) => b.textContent)).to.deep.equal([
      ja.acceptAll,
      ja.rejectAll,
      ja.customize,
    ]);
  });

  it('Arabic: dir=rtl and lang=ar on the region, the dialog and placeholders; counts in Arabic plural forms', async () => {
    const frame = document.createElement('iframe');
    frame.dataset.consent = 'third_party';
    frame.dataset.src = 'https://video.example/embed';
    document.body.append(frame);
    try {
      const api = createConsent({
        language: 'ar',
        reloadOnWithdraw: false,
        categories: { analytics: { cookies: ['_a', '_b', '_c'] } },
      });
      banner = mountBanner(api);
      await waitUntil(() => root(banner!).querySelector('[part=banner]'), 'the banner shows');
      const region = root(banner).querySelector('[part=banner]')!;
      expect([
        region.getAttribute('lang'),
        region.getAttribute('dir'),
        region.querySelector('h2')!.textContent,
      ]).to.deep.equal(['ar', 'rtl', ar.title]);
      const placeholder = document.querySelector('consentry-placeholder')!;
      await waitUntil(() => placeholder.shadowRoot!.querySelector('[part=placeholder]'), 'the placeholder shows');
      const box = placeholder.shadowRoot!.querySelector('[part=placeholder]')!;
      expect([box.getAttribute('lang'), box.getAttribute('dir')]).to.deep.equal(['ar', 'rtl']);
      api.open();
      await banner.updateComplete;
      const dialog = root(banner).querySelector('dialog')!;
      expect([dialog.getAttribute('lang'), dialog.getAttribute('dir')]).to.deep.equal(['ar', 'rtl']);
      const three = ar['cookies#few'].replace('{0}', (3).toLocaleString('ar'));
      expect(dialog.querySelector('summary')!.textContent).to.contain(three);
    } finally {
      frame.remove();
    }
  });
});
