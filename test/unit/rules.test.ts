import { expect } from '@open-wc/testing';
import { categoriesFor, hostMatches, parseUrl } from '../../src/core/rules.js';
import type { UrlRule } from '../../src/core/types.js';

const rules: UrlRule[] = [
  { category: 'analytics', hosts: ['*.Tracker.test'] },
  { category: 'advertising', hosts: ['ads.example.test'] },
  { category: 'analytics', hosts: ['api.example.test'], paths: ['/collect'] },
  { category: 'advertising', hosts: ['*.tracker.test'], paths: ['/ads/'] },
];
const BASE = 'https://shop.example.test/page';
const match = (url: string) => {
  const parsed = parseUrl(url, BASE);
  return parsed ? categoriesFor(rules, parsed) : null;
};

describe('URL rules', () => {
  it('"*.host" covers the host and every subdomain; "host" only itself', () => {
    expect(hostMatches('*.tracker.test', 'tracker.test')).to.equal(true);
    expect(hostMatches('*.tracker.test', 'a.b.tracker.test')).to.equal(true);
    expect(hostMatches('*.tracker.test', 'nottracker.test')).to.equal(false);
    expect(hostMatches('*.tracker.test', 'tracker.test.evil.test')).to.equal(false);
    expect(hostMatches('ads.example.test', 'ads.example.test')).to.equal(true);
    expect(hostMatches('ads.example.test', 'x.ads.example.test')).to.equal(false);
    expect(hostMatches('ADS.example.test', 'ads.example.test')).to.equal(true);
  });

  it('normalises case, trailing dots, ports, userinfo, escapes and protocol-relative URLs', () => {
    for (const url of [
      'https://cdn.tracker.test/x.js',
      'HTTPS://CDN.TRACKER.TEST/x.js',
      'https://cdn.tracker.test./x.js',
      'https://cdn.tracker.test..:8443/x.js',
      'https://user:pw@cdn.tracker.test/x.js',
      'https://evil.test@cdn.tracker.test/x.js',
      '//cdn.tracker.test/x.js',
      'https://%63dn.tracker.test/x.js',
      ' https://cdn.tracker.test/x.js\n',
      'https://cdn.tracker.test\\x.js',
    ])
      expect(match(url), url).to.deep.equal([['analytics'], 'cdn.tracker.test']);
    expect(match('https://cdn.tracker.test:1@evil.test/')).to.deep.equal([[], 'evil.test']);
  });

  it('leaves hosts no rule names, relative URLs and unparsable URLs alone', () => {
    expect(match('/local.js')).to.deep.equal([[], 'shop.example.test']);
    expect(match('https://x.ads.example.test/p.gif')).to.deep.equal([[], 'x.ads.example.test']);
    expect(match('data:image/gif;base64,R0lGOD')).to.deep.equal([[], '']);
    expect(parseUrl('http://[::1', BASE)).to.equal(null);
  });

  it('applies path prefixes, also to escaped paths, and collects every matching category', () => {
    expect(match('https://api.example.test/collect?x=1')[0]).to.deep.equal(['analytics']);
    expect(match('https://api.example.test/%63ollect')[0]).to.deep.equal(['analytics']);
    expect(match('https://api.example.test/a/../collect')[0]).to.deep.equal(['analytics']);
    expect(match('https://api.example.test/other')[0]).to.deep.equal([]);
    expect(match('https://cdn.tracker.test/ads/1.gif')[0]).to.deep.equal(['analytics', 'advertising']);
    expect(match('https://cdn.tracker.test/%E0%A4%A')[0]).to.deep.equal(['analytics']);
  });
});
