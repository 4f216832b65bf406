// The built-in catalog (docs/reference/catalog.md): one test validates the data (data is
// data: checked, never trusted). Every entry must be accepted by the same validation a site's config goes
// through, claim hosts that parse, list cookie patterns that can never sweep a site's own
// cookies, and never claim another entry's host unless both declare it shared.
import { expect } from '@open-wc/testing';
import { DEFAULT_CATEGORIES } from '../../src/core/categories.js';
import { matchingNames } from '../../src/core/cleaner.js';
import { resolveConfig } from '../../src/core/config.js';
import { hostMatches, parseUrl } from '../../src/core/rules.js';
import type { CookieSpec, ServiceBlocking } from '../../src/core/types.js';
import { catalog } from '../../src/services/index.js';
import { catalogInfo } from '../../src/services/info.js';
import { purposeTexts } from '../../src/services/purposes.js';

/** Every catalog id, word for word and in catalog order. */
const ISSUE_IDS = [
  'google-analytics',
  'google-tag-manager',
  'google-ads',
  'google-adsense',
  'doubleclick',
  'meta-pixel',
  'microsoft-uet',
  'microsoft-clarity',
  'hotjar',
  'linkedin-insight',
  'tiktok-pixel',
  'x-pixel',
  'pinterest-tag',
  'snap-pixel',
  'matomo-cloud',
  'plausible',
  'posthog',
  'mixpanel',
  'amplitude',
  'segment',
  'heap',
  'fullstory',
  'intercom',
  'hubspot',
  'zendesk',
  'crisp',
  'youtube',
  'vimeo',
  'google-maps',
  'openstreetmap',
  'spotify',
  'soundcloud',
  'calendly',
  'recaptcha',
  'cloudflare-turnstile',
  'stripe',
  'sentry',
  'criteo',
  'taboola',
  'outbrain',
  'baidu-tongji',
  'cnzz',
  'tencent-ads',
  'ocean-engine',
  'bilibili',
  'youku',
  'tencent-video',
  'amap',
  'baidu-maps',
  'wechat-jssdk',
  'alipay',
  'weibo',
];

/**
 * Names sites use for their own cookies: a catalog pattern matching one would delete the site's
 * session or login while a service is refused (tarteaucitron's GTM entry lists `id` and `uid`).
 */
const GENERIC_NAMES = [
  'id',
  'uid',
  'sid',
  'session',
  'sessionid',
  'session_id',
  'PHPSESSID',
  'JSESSIONID',
  'connect.sid',
  'token',
  'csrftoken',
  'XSRF-TOKEN',
  'user',
  'user_id',
  'userid',
  'lang',
  'language',
  'locale',
  'cart',
  'auth',
  'login',
  'remember_me',
  'consent',
  'consentry',
  'theme',
  '_session',
  '_id',
  'm',
  'v',
];

/** Cookie-name characters (RFC 6265 token, plus `/`, which browsers accept and Crisp uses), `*` = wildcard. */
const COOKIE_PATTERN = /^[A-Za-z0-9!#$%&'+\-.^_`|~/*]+$/;

const nameOf = (c: string | CookieSpec) => (typeof c == 'string' ? c : c.name);
const baseOf = (pattern: string) => pattern.replace(/^\*\./, '');
/** Whether two host patterns can match one host (`*.a.com` vs `x.a.com`, or equal). */
const overlap = (p: string, q: string): boolean =>
  p == q || (p.startsWith('*.') && hostMatches(p, baseOf(q))) || (q.startsWith('*.') && hostMatches(q, baseOf(p)));
const servicesFor = (url: string): string[] => {
  const host = parseUrl(url, 'https://shop.example/')!.hostname;
  return catalog.filter((s) => s.hosts.some((p) => hostMatches(p, host))).map((s) => s.id);
};

describe('the service catalog', () => {
  it('has exactly the catalog ids, once each, with display data for each and nothing more', () => {
    expect(catalog.map((s) => s.id)).to.deep.equal(ISSUE_IDS);
    expect(Object.keys(catalogInfo).sort()).to.deep.equal([...ISSUE_IDS].sort());
  });

  it('resolves every entry alone, and all of them at once, into their categories', () => {
    for (const { id, category } of catalog) {
      const config = resolveConfig({ services: [id] }, catalog);
      expect(config.categories.find((c) => c.key == category)!.services, id).to.deep.equal([id]);
    }
    const all = resolveConfig({ services: catalog.map((s) => s.id) }, catalog);
    expect(all.services.map((s) => s.id)).to.deep.equal(ISSUE_IDS);
    expect(all.categories.flatMap((c) => c.services).sort()).to.deep.equal([...ISSUE_IDS].sort());
  });

  it('puts every entry in one of the five default categories', () => {
    for (const s of catalog) expect(DEFAULT_CATEGORIES, s.id).to.include(s.category);
  });

  it('lists host patterns the config validation accepts and that parse as URL hosts', () => {
    for (const s of catalog) {
      expect(s.hosts.length, s.id).to.be.greaterThan(0);
      // The same check a site's own `hosts` and `cookies` go through (config.services.<id>).
      expect(
        () => resolveConfig({ services: { [s.id]: { hosts: s.hosts, cookies: s.cookies ?? [] } } }, catalog),
        s.id,
      ).not.to.throw();
      for (const pattern of s.hosts) {
        const host = baseOf(pattern);
        expect(new URL(`https://${host}/`).hostname, `${s.id}: ${pattern}`).to.equal(host);
        expect(host, `${s.id}: ${pattern}`).to.match(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
        expect(pattern.indexOf('*'), `${s.id}: ${pattern} (only a leading "*.")`).to.be.oneOf([-1, 0]);
      }
    }
  });

  it('never lists a host twice in one entry, nor one pattern its own other pattern covers', () => {
    for (const s of catalog)
      s.hosts.forEach((p, i) =>
        s.hosts.forEach((q, j) => {
          if (i != j) expect(overlap(p, q), `${s.id}: ${p} / ${q}`).to.equal(false);
        }),
      );
  });

  it('lets two entries claim one host only when both declare it shared, and declares nothing shared needlessly', () => {
    const claims = catalog.flatMap((s) => s.hosts.map((pattern) => ({ s, pattern })));
    const sharedUsed = new Set<string>();
    for (const a of claims)
      for (const b of claims) {
        if (a.s === b.s || !overlap(a.pattern, b.pattern)) continue;
        expect(a.s.shared ?? [], `${a.s.id} ${a.pattern} overlaps ${b.s.id} ${b.pattern}`).to.include(a.pattern);
        sharedUsed.add(`${a.s.id} ${a.pattern}`);
      }
    for (const s of catalog)
      for (const pattern of s.shared ?? []) {
        expect(s.hosts, `${s.id}: shared ${pattern} is one of its hosts`).to.include(pattern);
        expect(
          sharedUsed.has(`${s.id} ${pattern}`),
          `${s.id}: ${pattern} is declared shared but no other entry claims it`,
        ).to.equal(true);
      }
  });

  it("lists cookie patterns that never match a site's generic cookie names", () => {
    for (const s of catalog)
      for (const cookie of s.cookies ?? []) {
        const name = nameOf(cookie);
        expect(name, s.id).to.match(COOKIE_PATTERN);
        // A literal prefix of 3+ characters before any wildcard: `_*` or `*id` would sweep the site's cookies.
        expect(name.split('*')[0].length, `${s.id}: ${name}`).to.be.at.least(3);
        expect(
          matchingNames(name, GENERIC_NAMES).filter((n) => GENERIC_NAMES.includes(n)),
          `${s.id}: ${name}`,
        ).to.deep.equal([]);
      }
  });

  it("matches the cookie names the vendors' scripts really set, wildcards included", () => {
    const covered = (id: string, name: string) =>
      (catalog.find((s) => s.id == id)!.cookies ?? []).some((c) => matchingNames(nameOf(c), [name]).includes(name));
    expect(covered('google-analytics', '_ga_ABC123XYZ')).to.equal(true);
    expect(covered('matomo-cloud', '_pk_id.2.abf3')).to.equal(true); // tarteaucitron #259
    expect(covered('hotjar', '_hjSession_123456')).to.equal(true);
    expect(covered('mixpanel', 'mp_0123abcd_mixpanel')).to.equal(true);
    expect(covered('posthog', 'ph_phc_abc_posthog')).to.equal(true);
    expect(covered('baidu-tongji', 'Hm_lvt_0123456789abcdef')).to.equal(true);
    expect(covered('intercom', 'intercom-id-abc123')).to.equal(true);
    expect(covered('google-ads', '_gcl_au')).to.equal(true);
  });

  it("claims the URLs the vendors' snippets load from and send to", () => {
    const expectations: Array<[string, string]> = [
      ['https://us-assets.i.posthog.com/static/array.js', 'posthog'],
      ['https://us.i.posthog.com/e/', 'posthog'],
      ['https://eu.i.posthog.com/e/', 'posthog'],
      ['https://cdn.mxpnl.com/libs/mixpanel-2-latest.min.js', 'mixpanel'],
      ['https://api-js.mixpanel.com/track/', 'mixpanel'],
      ['https://hm.baidu.com/hm.js?0123456789abcdef', 'baidu-tongji'],
      ['https://connect.facebook.net/en_US/fbevents.js', 'meta-pixel'],
      ['https://www.facebook.com/tr?id=1&ev=PageView', 'meta-pixel'],
      ['https://static.hotjar.com/c/hotjar-1.js?sv=6', 'hotjar'],
      ['https://region1.google-analytics.com/g/collect?v=2', 'google-analytics'],
      ['https://js.hs-scripts.com/123.js', 'hubspot'],
      ['https://webapi.amap.com/maps?v=2.0&key=k', 'amap'],
      ['https://player.bilibili.com/player.html?bvid=BV1', 'bilibili'],
      ['https://res.wx.qq.com/open/js/jweixin-1.6.0.js', 'wechat-jssdk'],
    ];
    for (const [url, id] of expectations) expect(servicesFor(url), url).to.deep.equal([id]);
    expect(servicesFor('https://www.googletagmanager.com/gtag/js?id=G-1').sort()).to.deep.equal([
      'doubleclick',
      'google-ads',
      'google-analytics',
      'google-tag-manager',
    ]);
  });

  it('leaves other products of the same vendors alone', () => {
    for (const url of [
      'https://accounts.google.com/gsi/client', // Sign in with Google
      'https://fonts.googleapis.com/css2?family=Inter',
      'https://www.gstatic.com/firebasejs/10.0.0/firebase-app.js',
      'https://app.posthog.com/', // PostHog's app, not its ingestion
      'https://www.linkedin.com/in/someone',
      'https://cdn.example.com/www.googletagmanager.com.js',
      'https://qq.com/', // every Tencent product
      'https://www.baidu.com/s?wd=x',
    ])
      expect(servicesFor(url), url).to.deep.equal([]);
  });

  it("gives Consent Mode signals to Google's services only, as Google defines them", () => {
    const ads = ['ad_storage', 'ad_user_data', 'ad_personalization'];
    const expected: Record<string, string[]> = {
      'google-analytics': ['analytics_storage'],
      'google-ads': ads,
      'google-adsense': ads,
      doubleclick: ads,
    };
    for (const s of catalog) expect(s.consentMode ?? [], s.id).to.deep.equal(expected[s.id] ?? []);
  });

  it('has display data for every entry: label, vendor, a purpose of the vocabulary, retention as data, an https policy link', () => {
    for (const { id } of catalog as readonly ServiceBlocking[]) {
      const info = catalogInfo[id];
      expect(info.label, id).to.be.a('string').and.not.be.empty;
      expect(info.vendor, id).to.be.a('string').and.not.be.empty;
      // A key every locale translates (the Locale type makes each locale file list every key).
      expect(purposeTexts, `${id} purpose ${info.purpose}`).to.have.property(`purpose.${info.purpose}`);
      expect(new URL(info.policyUrl).protocol, `${id} policyUrl`).to.equal('https:');
      if (info.retention && info.retention != 'session') {
        const [[unit, n], ...more] = Object.entries(info.retention);
        expect(more, `${id} retention: one unit`).to.be.empty;
        expect(unit, `${id} retention unit`).to.be.oneOf(['days', 'months', 'years']);
        expect(Number.isInteger(n) && n > 0, `${id} retention ${n}`).to.equal(true);
      }
      for (const name of info.vendorCookies ?? []) expect(name, `${id} vendor cookie`).to.match(COOKIE_PATTERN);
    }
  });
});
