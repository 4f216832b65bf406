import { expect } from '@open-wc/testing';
import { ConfigError, resolveConfig } from '../../src/core/config.js';

describe('resolveConfig', () => {
  it('accepts {} and applies every default', () => {
    const config = resolveConfig({});
    expect(config.categories.map((c) => c.key)).to.deep.equal([
      'necessary',
      'identity',
      'analytics',
      'advertising',
      'third_party',
    ]);
    expect(config.mode).to.equal('opt-in');
    expect(config.lifetimeMonths).to.equal(6);
    expect(config.revision).to.equal(1);
    expect(config.cookie).to.include({ name: 'consentry', path: '/', sameSite: 'Lax' });
    expect(config.reloadOnWithdraw).to.equal(true);
    expect(config.categories[0].locked).to.equal(true);
  });

  it('names the key of a rule with an undefined category', () => {
    expect(() =>
      resolveConfig({
        rules: [
          { category: 'analytics', hosts: ['a.test'] },
          { category: 'ads', hosts: ['b.test'] },
        ],
      }),
    ).to.throw(ConfigError, 'config.rules[1].category "ads"');
  });

  it('names an unknown top-level key (a typo) instead of ignoring it', () => {
    expect(() => resolveConfig({ revison: 2 })).to.throw(ConfigError, 'config.revison');
  });

  it('names wrong types with the expected value', () => {
    expect(() => resolveConfig({ lifetimeMonths: 24 })).to.throw(
      'config.lifetimeMonths 24; expected a number of months from 1 to 13',
    );
    expect(() => resolveConfig({ mode: 'maybe' })).to.throw(
      'config.mode "maybe"; expected one of ["opt-in","opt-out","notice"]',
    );
    expect(() => resolveConfig({ categories: { analytics: { cookies: [42] } } })).to.throw(
      'config.categories.analytics.cookies[0]',
    );
  });

  it('refuses javascript:, data: and vbscript: policy links', () => {
    for (const url of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
    ])
      expect(() => resolveConfig({ privacyPolicyUrl: url }), url).to.throw('config.privacyPolicyUrl');
    expect(resolveConfig({ privacyPolicyUrl: '/privacy' }).privacyPolicyUrl).to.equal('/privacy');
  });

  it('lets sites drop, rename and add categories but never drop necessary', () => {
    const config = resolveConfig({
      categories: { third_party: false, identity: { label: 'Login' }, social: { label: 'Social' } },
    });
    expect(config.categories.map((c) => c.key)).to.deep.equal([
      'necessary',
      'identity',
      'analytics',
      'advertising',
      'social',
    ]);
    expect(config.categories[1].label).to.equal('Login');
    expect(() => resolveConfig({ categories: { necessary: false } })).to.throw(
      'config.categories.necessary false; expected a category',
    );
  });

  it('normalises cookie names given as strings', () => {
    const config = resolveConfig({
      categories: { analytics: { cookies: ['_ga', { name: '_ga_*', domain: '.example.test' }] } },
    });
    expect(config.categories[2].cookies).to.deep.equal([
      { name: '_ga', domain: undefined, path: undefined, description: '', retention: '' },
      { name: '_ga_*', domain: '.example.test', path: undefined, description: '', retention: '' },
    ]);
  });
});

describe('resolveConfig: googleConsentMode', () => {
  it('accepts true, false and the four known options; names a typo inside', () => {
    expect(resolveConfig({ googleConsentMode: true }).googleConsentMode).to.deep.equal({});
    expect(resolveConfig({}).googleConsentMode).to.equal(false);
    expect(
      resolveConfig({ googleConsentMode: { wait_for_update: 300, region: ['ES', 'US-CA'] } }).googleConsentMode,
    ).to.deep.include({ wait_for_update: 300, region: ['ES', 'US-CA'] });
    expect(() => resolveConfig({ googleConsentMode: { wait_for_updates: 300 } })).to.throw(
      'config.googleConsentMode.wait_for_updates',
    );
    expect(() => resolveConfig({ googleConsentMode: { region: ['Spain'] } })).to.throw(
      'config.googleConsentMode.region[0] "Spain"',
    );
  });
});
