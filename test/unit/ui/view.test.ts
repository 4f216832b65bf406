import { expect } from '@open-wc/testing';
import { createConsent } from '../../../src/core/consent.js';
import { en } from '../../../src/ui/i18n/en.js';
import zhCN from '../../../src/ui/i18n/zh-CN.js';
import { createView } from '../../../src/ui/view.js';

const clearCookies = () => {
  for (const c of document.cookie.split(';')) document.cookie = `${c.split('=')[0].trim()}=; max-age=0; path=/`;
};

// The view is what the templates read and call; the element only renders it. These pin the
// contract the templates rely on: every change goes through an action that asks for a render.
describe('BannerView', () => {
  beforeEach(clearCookies);
  afterEach(clearCookies);

  const make = (config: object, lang = 'en', t = en) => {
    const calls: string[] = [];
    const api = createConsent({ reloadOnWithdraw: false, ...config });
    const view = createView(
      api,
      { lang, dir: 'ltr', t },
      () => calls.push('update'),
      () => calls.push('close'),
    );
    return { api, view, calls };
  };

  it('starts with the core’s pre-fill; setChoices replaces the working choices and asks for a render', () => {
    const { view, calls } = make({});
    expect(view.choices).to.deep.equal({ identity: false, analytics: false, advertising: false, third_party: false });
    calls.length = 0;
    view.setChoices({ ...view.choices, analytics: true });
    expect(view.choices.analytics).to.equal(true);
    expect(calls).to.deep.equal(['update']);
  });

  it('reset goes back to the saved choices', () => {
    const { api, view } = make({});
    api.set({ analytics: true }, 'custom');
    view.setChoices({ analytics: false });
    view.reset();
    expect(view.choices.analytics).to.equal(true);
  });

  it('decide runs the decision, then closes; close is the element’s', () => {
    const { api, view, calls } = make({});
    calls.length = 0;
    view.decide(() => calls.push(`granted ${api.granted('analytics')}`) && api.acceptAll());
    expect(calls).to.deep.equal(['granted false', 'close']);
    expect(api.granted('analytics')).to.equal(true);
  });

  it('l reads a config text in the language, else its base language, else English, else any', () => {
    const { view } = make({}, 'zh-CN', zhCN);
    expect(view.l('plain')).to.equal('plain');
    expect(view.l({ en: 'Stats', 'zh-CN': '统计' })).to.equal('统计');
    expect(view.l({ en: 'Stats', zh: '统计（zh）' })).to.equal('统计（zh）');
    expect(view.l({ de: 'Statistik', en: 'Stats' })).to.equal('Stats');
    expect(view.l({ de: 'Statistik' })).to.equal('Statistik');
    expect(view.l(undefined)).to.equal('');
  });

  it('label: the config’s label, else the locale’s default, else the key', () => {
    const { view } = make(
      { categories: { analytics: { label: { en: 'Stats', 'zh-CN': '统计' } }, chat: { label: '' } } },
      'zh-CN',
      zhCN,
    );
    expect(view.label('analytics')).to.equal('统计');
    expect(view.label('identity')).to.equal('身份识别');
    expect(view.label('chat')).to.equal('chat');
  });
});
