import { expect } from '@open-wc/testing';
import { createConsent } from '../../../src/core/consent.js';
import { SIGNAL_CATEGORIES, consentMode, consentModeState } from '../../../src/integrations/consent-mode.js';

const withConsentMode = { _integrations: [consentMode()] };

const args = (e: unknown) =>
  Object.prototype.toString.call(e) == '[object Arguments]' ? Array.from(e as IArguments) : e;

describe('Consent Mode v2 mapping', () => {
  afterEach(() => {
    delete window.dataLayer;
    delete window.gtag;
    document.cookie = 'consentry=; max-age=0; path=/';
  });

  it('maps categories to signals exactly as documented', () => {
    expect(SIGNAL_CATEGORIES).to.deep.equal({
      ad_storage: 'advertising',
      ad_user_data: 'advertising',
      ad_personalization: 'advertising',
      analytics_storage: 'analytics',
      functionality_storage: 'identity',
      personalization_storage: 'identity',
      security_storage: 'necessary',
    });
    expect(consentModeState((c) => c == 'identity')).to.deep.equal({
      ad_storage: 'denied',
      ad_user_data: 'denied',
      ad_personalization: 'denied',
      analytics_storage: 'denied',
      functionality_storage: 'granted',
      personalization_storage: 'granted',
      security_storage: 'denied',
    });
  });

  it('a category the site dropped stays denied', () => {
    const api = createConsent({ googleConsentMode: true, categories: { advertising: false } }, withConsentMode);
    api.acceptAll();
    const update = window.dataLayer!.map(args).find((e) => Array.isArray(e) && e[1] == 'update') as unknown[];
    expect(update[2]).to.include({ ad_storage: 'denied', analytics_storage: 'granted', security_storage: 'granted' });
  });

  it('an invalid configuration pushes nothing', () => {
    createConsent({ googleConsentMode: true, mode: 'nope' }, withConsentMode);
    expect(window.dataLayer).to.equal(undefined);
  });
});
