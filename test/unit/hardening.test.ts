import { expect } from '@open-wc/testing';
import { ConfigError, resolveConfig } from '../../src/core/config.js';
import { grantsFor } from '../../src/core/grants.js';
import { ruleIndex } from '../../src/core/rules.js';
import type { ResolvedConfig } from '../../src/core/types.js';

describe('prototype names', () => {
  it('a category named constructor is never granted by a plain {} of answers', () => {
    // A config the checker would refuse, as a site build could hand it over.
    const config = {
      categories: [
        { key: 'necessary', locked: true, services: [] },
        { key: 'constructor', locked: false, services: ['tostring'] },
      ],
      services: [{ id: 'tostring', category: 'constructor' }],
    } as unknown as ResolvedConfig;
    const granted = grantsFor(config, {}, () => false);
    expect(['constructor', 'tostring', 'toString', '__proto__', 'hasOwnProperty'].map(granted)).to.deep.equal([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  for (const [config, key] of [
    [{ categories: { constructor: {} } }, 'config.categories.constructor'],
    [{ services: { constructor: { category: 'analytics', label: 'C' } } }, 'config.services.constructor'],
    [{ cookie: { name: 'hasOwnProperty' } }, 'config.cookie.name'],
    [{ cookie: { name: '__proto__' } }, 'config.cookie.name'],
  ] as const)
    it(`${key} is refused, naming the key`, () => {
      expect(() => resolveConfig(config)).to.throw(ConfigError, key);
    });
});

describe('validation', () => {
  for (const host of ['.host.test', 'host.test.', 'a..b', 'host.test:8080', '*.', '*'])
    it(`rule host ${JSON.stringify(host)} is refused`, () => {
      expect(() => resolveConfig({ rules: [{ category: 'analytics', hosts: [host] }] })).to.throw(
        ConfigError,
        'config.rules[0].hosts[0]',
      );
    });
  for (const url of [
    'ftp://x.test/p',
    'mailto:a@x.test',
    'file:///etc/passwd',
    'blob:https://x.test/1',
    ' javascript:alert(1)',
    'java\tscript:x',
  ])
    it(`privacyPolicyUrl ${JSON.stringify(url)} is refused`, () => {
      expect(() => resolveConfig({ privacyPolicyUrl: url })).to.throw(ConfigError, 'config.privacyPolicyUrl');
    });
  for (const url of ['https://x.test/p', 'HTTP://x.test', '/privacy', 'privacy.html', '//x.test/p', '?p=1'])
    it(`privacyPolicyUrl ${JSON.stringify(url)} passes`, () => {
      expect(resolveConfig({ privacyPolicyUrl: url }).privacyPolicyUrl).to.equal(url);
    });
});

describe('host index', () => {
  const match = ruleIndex([
    { category: 'a', hosts: ['*.tracker.test'] },
    { category: 'b', hosts: ['api.other.test'], paths: ['/collect'] },
    { category: 'c', hosts: ['x.tracker.test'] },
  ]);
  const cats = (url: string) => match(new URL(url))[0];
  it('matches exact hosts, wildcard domains and their parents, in rule order', () => {
    expect(cats('https://x.tracker.test/')).to.deep.equal(['a', 'c']);
    expect(cats('https://tracker.test/')).to.deep.equal(['a']);
    expect(cats('https://a.b.tracker.test./')).to.deep.equal(['a']);
    expect(cats('https://nottracker.test/')).to.deep.equal([]);
  });
  it('reads repeated slashes as one before matching a path', () => {
    for (const path of ['/collect', '//collect', '///collect/x', '/%2Fcollect'])
      expect(cats(`https://api.other.test${path}`)).to.deep.equal(['b']);
    expect(cats('https://api.other.test/other')).to.deep.equal([]);
  });
  it('10,000 rules: a lookup visits only the host and its parent domains', () => {
    const many = ruleIndex(Array.from({ length: 10000 }, (_, i) => ({ category: `c${i}`, hosts: [`*.d${i}.test`] })));
    expect(many(new URL('https://x.d9999.test/'))[0]).to.deep.equal(['c9999']);
    expect(many(new URL('https://x.d10000.test/'))[0]).to.deep.equal([]);
  });
});
