import { expect } from '@open-wc/testing';
import Cookies from 'js-cookie';
import { createConsent } from '../../src/core/consent.js';
import { resolveConfig } from '../../src/core/config.js';
import { parseRecord, staleReason } from '../../src/core/record.js';
import { catalog } from '../../src/services/index.js';
import { consentModeState } from '../../src/integrations/consent-mode.js';

// Per-service consent (docs/guide/services.md). Each test uses its own
// cookie name: test files share the browser's cookie jar.
let n = 0;
const fresh = (config: Record<string, unknown> = {}) => {
  const name = `svc${++n}`;
  Cookies.remove(name);
  return { name, api: createConsent({ cookie: { name }, reloadOnWithdraw: false, ...config }, { catalog }) };
};
const stored = (name: string) => JSON.parse(Cookies.get(name)!);

describe('services: config', () => {
  it("names catalog services by id, with the catalog entry's category, hosts and cookies", () => {
    const config = resolveConfig({ services: ['google-analytics', 'youtube'] }, catalog);
    expect(config.services.map((s) => [s.id, s.category, s.catalog])).to.deep.equal([
      ['google-analytics', 'analytics', true],
      ['youtube', 'third_party', true],
    ]);
    expect(config.categories.find((c) => c.key == 'analytics')!.services).to.deep.equal(['google-analytics']);
    expect(config.services[0].cookies.map((c) => c.name)).to.include('_ga_*');
  });

  it("overrides only the fields a site gives, and adds the site's own services", () => {
    const config = resolveConfig(
      {
        services: {
          'google-analytics': { cookies: ['_ga', '_ga_ABC123'] },
          chat: {
            category: 'third_party',
            label: 'Chat',
            vendor: 'Us',
            policyUrl: 'https://example.com/p',
            hosts: ['chat.example.com'],
            cookies: ['chat_*'],
          },
        },
      },
      catalog,
    );
    const [ga, chat] = config.services;
    expect(ga.cookies.map((c) => c.name)).to.deep.equal(['_ga', '_ga_ABC123']);
    expect(ga.hosts).to.include('www.googletagmanager.com');
    expect(chat).to.include({ id: 'chat', category: 'third_party', catalog: false, label: 'Chat' });
    expect(chat.hosts).to.deep.equal(['chat.example.com']);
  });

  it('names the key of an unknown id, a clash with a category, a bad override, a missing category', () => {
    expect(() => resolveConfig({ services: ['google-analytics', 'nope'] }, catalog)).to.throw(
      'config.services[1] "nope"; expected a catalog service id',
    );
    expect(() => resolveConfig({ services: { analytics: { category: 'analytics', label: 'A' } } }, catalog)).to.throw(
      'config.services.analytics "analytics"; expected a service id that is not also a category key',
    );
    expect(() => resolveConfig({ services: { youtube: { hosts: ['not a host'] } } }, catalog)).to.throw(
      'config.services.youtube.hosts[0]',
    );
    expect(() => resolveConfig({ services: { youtube: { colour: 'red' } } }, catalog)).to.throw(
      'config.services.youtube.colour',
    );
    expect(() => resolveConfig({ services: { chat: { label: 'Chat' } } }, catalog)).to.throw('config.services.chat');
    expect(() => resolveConfig({ services: { chat: { category: 'social', label: 'Chat' } } }, catalog)).to.throw(
      'config.services.chat.category "social"',
    );
    expect(() => resolveConfig({ categories: { third_party: false }, services: ['youtube'] }, catalog)).to.throw(
      'config.services.youtube.category',
    );
  });

  it('services listed inside a category are an unknown key there, named (they belong in config.services)', () => {
    expect(() => resolveConfig({ categories: { analytics: { services: [{ name: 'GA4' }] } } })).to.throw(
      /config\.categories\.analytics\.services "unknown key"; expected one of label,description,cookies/,
    );
  });

  it('a bad services config leaves the page safe: nothing granted, nothing stored', () => {
    const { api } = fresh({ services: ['nope'] });
    expect(api.set({ analytics: true })).to.equal(null);
    expect(api.granted('analytics')).to.equal(false);
  });
});

describe('services: granted, set, stored record', () => {
  it('a service follows its category unless it has its own choice; a category needs all its services', () => {
    const { api, name } = fresh({ services: ['google-analytics', 'youtube'] });
    api.set({ analytics: true, third_party: true, youtube: false });
    expect(api.granted('google-analytics')).to.equal(true);
    expect(api.granted('analytics')).to.equal(true);
    expect(api.granted('youtube')).to.equal(false);
    expect(api.granted('third_party')).to.equal(false); // its only service is refused
    expect(stored(name).c).to.deep.equal({ identity: 0, analytics: 1, advertising: 0, third_party: 1, youtube: 0 });
  });

  it('set() merges: only what it names changes; naming a category makes its services follow it', () => {
    const { api, name } = fresh({ services: ['google-analytics', 'youtube'] });
    api.set({ analytics: true, third_party: false });
    api.set({ youtube: true });
    expect(api.granted('analytics')).to.equal(true);
    expect(api.granted('youtube')).to.equal(true);
    expect(api.granted('third_party')).to.equal(false);
    api.set({ third_party: false });
    expect(api.granted('youtube')).to.equal(false);
    expect(stored(name).c).to.deep.equal({ identity: 0, analytics: 1, advertising: 0, third_party: 0 });
  });

  it('allowing one service before any answer grants it alone, and the banner still asks', () => {
    const { api, name } = fresh({ services: ['google-analytics', 'youtube'] });
    const shows: unknown[] = [];
    api.on('show', (d) => shows.push(d));
    api.set({ youtube: true });
    expect(api.granted('youtube')).to.equal(true);
    expect(api.granted('third_party')).to.equal(false);
    expect(api.granted('google-analytics')).to.equal(false);
    expect(api.get()).to.equal(null);
    expect(api.state().reason).to.equal('none');
    expect(stored(name).c).to.deep.equal({ youtube: 1 });
    // A new engine on the same cookie (the next page view): still granted, still asking.
    const next = createConsent(
      { cookie: { name }, reloadOnWithdraw: false, services: ['google-analytics', 'youtube'] },
      { catalog },
    );
    expect(next.granted('youtube')).to.equal(true);
    expect(next.get()).to.equal(null);
    // Then "Reject all" in the banner answers everything.
    next.rejectAll();
    expect(next.granted('youtube')).to.equal(false);
  });

  it('acceptAll and rejectAll cover services; the record stores no service equal to its category', () => {
    const { api, name } = fresh({ services: ['google-analytics', 'youtube'] });
    api.acceptAll();
    expect(api.granted('youtube') && api.granted('google-analytics')).to.equal(true);
    expect(Object.keys(stored(name).c)).to.deep.equal(['identity', 'analytics', 'advertising', 'third_party']);
    api.rejectAll();
    expect(api.granted('youtube') || api.granted('google-analytics')).to.equal(false);
  });

  it('a service added to the config later inherits its category: nobody is asked again', () => {
    const { api, name } = fresh({ services: ['google-analytics'] });
    api.set({ analytics: true, third_party: true });
    const later = createConsent(
      { cookie: { name }, reloadOnWithdraw: false, services: ['google-analytics', 'youtube'] },
      { catalog },
    );
    expect(later.get()).to.not.equal(null);
    expect(later.granted('youtube')).to.equal(true);
  });

  it('a cookie written by 0.1 stays valid after the upgrade and is migrated', () => {
    // Exactly what consentry 0.1 wrote (js-cookie encoding), made on 2026-11-01 for 6 months.
    const v01 =
      '{%22v%22:1%2C%22id%22:%223b0e7f4e-5a2c-4d8e-9f1a-2b6c8d0e4f13%22%2C%22rev%22:1%2C%22ts%22:1793491200000%2C%22exp%22:1809129600000%2C%22c%22:{%22identity%22:0%2C%22analytics%22:1%2C%22advertising%22:0%2C%22third_party%22:1}%2C%22m%22:%22custom%22}';
    const name = `svc${++n}`;
    document.cookie = `${name}=${v01}; path=/`;
    const api = createConsent(
      { cookie: { name }, reloadOnWithdraw: false, services: ['youtube'] },
      { catalog, now: () => Date.UTC(2026, 11, 1) },
    );
    expect(api.get()).to.include({ id: '3b0e7f4e-5a2c-4d8e-9f1a-2b6c8d0e4f13', v: 2 });
    expect(api.granted('analytics')).to.equal(true);
    expect(api.granted('youtube')).to.equal(true);
    expect(api.granted('advertising')).to.equal(false);
    // The next decision keeps the chain's id and writes the current format.
    expect(api.set({ youtube: false })).to.include({ v: 2, id: '3b0e7f4e-5a2c-4d8e-9f1a-2b6c8d0e4f13' });
    Cookies.remove(name);
  });

  it('validity ends at the earlier of exp and ts + the configured lifetime', () => {
    const now = Date.UTC(2026, 11, 1);
    const config = resolveConfig({ lifetimeMonths: 6 });
    const ancient = parseRecord(
      JSON.stringify({
        v: 2,
        id: 'abcdef12-0000-4000-8000-000000000000',
        rev: 1,
        ts: 0,
        exp: now + 10 * 365 * 864e5,
        c: { identity: 1, analytics: 1, advertising: 1, third_party: 1 },
        m: 'accept-all',
      }),
    )!;
    expect(staleReason(ancient, config, now)).to.equal('expired');
    expect(staleReason({ ...ancient, ts: now - 5 * 30 * 864e5 }, config, now)).to.equal(null);
    expect(staleReason({ ...ancient, ts: now - 7 * 30 * 864e5 }, config, now)).to.equal('expired');
  });

  it('a shared host (gtag.js) loads when any service needing it is granted', () => {
    const { api } = fresh({
      services: {
        'google-analytics': true,
        ads: { category: 'advertising', label: 'Ads', hosts: ['www.googletagmanager.com'] },
      },
    });
    expect(api.granted('google-analytics|ads')).to.equal(false);
    api.set({ ads: true });
    expect(api.granted('google-analytics|ads')).to.equal(true);
    expect(api.granted('google-analytics')).to.equal(false);
  });

  it('Consent Mode: a signal services declare follows them; allowing Google Analytics alone grants analytics_storage only', () => {
    const { api } = fresh({ services: ['google-analytics', 'google-ads'] });
    api.set({ 'google-analytics': true });
    const state = consentModeState(api.granted, api.config.services);
    expect([state.analytics_storage, state.ad_storage, state.ad_user_data, state.functionality_storage]).to.deep.equal([
      'granted',
      'denied',
      'denied',
      'denied',
    ]);
    api.set({ advertising: true });
    expect(consentModeState(api.granted, api.config.services).ad_storage).to.equal('granted');
    api.set({ 'google-ads': false });
    expect(consentModeState(api.granted, api.config.services).ad_storage).to.equal('denied');
  });
});
