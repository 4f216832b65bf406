// Hostile cookie values and hostile config never throw, never grant, never pollute.
import { expect } from '@open-wc/testing';
import { createConsent } from '../../src/core/consent.js';
import { ConfigError, resolveConfig } from '../../src/core/config.js';
import { parseRecord } from '../../src/core/record.js';

const now = Date.now();
const valid = {
  v: 1,
  id: 'abcdef12-0000-4000-8000-000000000000',
  rev: 1,
  ts: now,
  exp: now + 1e9,
  c: { identity: 1, analytics: 1, advertising: 1, third_party: 1 },
  m: 'accept-all',
};
const setCookie = (value: string) => {
  document.cookie = `consentry=${value}; path=/`;
};
const clearCookie = () => {
  document.cookie = 'consentry=; path=/; max-age=0';
};

describe('hostile consent cookie values', () => {
  afterEach(clearCookie);

  const hostile: Array<[string, string]> = [
    ['truncated JSON', encodeURIComponent(JSON.stringify(valid).slice(0, 30))],
    ['wrong types', encodeURIComponent(JSON.stringify({ ...valid, rev: '1', ts: 'now' }))],
    ['choice as true', encodeURIComponent(JSON.stringify({ ...valid, c: { analytics: true } }))],
    ['choices as array', encodeURIComponent(JSON.stringify({ ...valid, c: [1, 1, 1] }))],
    [
      '__proto__ in record',
      encodeURIComponent('{"__proto__":{"polluted":1},' + JSON.stringify(valid).slice(1).replace('"v":1', '"v":3')),
    ],
    ['future version', encodeURIComponent(JSON.stringify({ ...valid, v: 99 }))],
    ['huge value', encodeURIComponent(JSON.stringify({ ...valid, id: 'x'.repeat(3000) }))],
    ['id with markup', encodeURIComponent(JSON.stringify({ ...valid, id: '<img src=x onerror=alert(1)>' }))],
    ['double-encoded', encodeURIComponent(encodeURIComponent(JSON.stringify(valid)))],
    ['malformed escape', '%E0%A4%A'],
    ['negative expiry', encodeURIComponent(JSON.stringify({ ...valid, exp: -1 }))],
    ['NaN-ish timestamps', encodeURIComponent(JSON.stringify(valid).replace(`"ts":${now}`, '"ts":1e999'))],
  ];

  for (const [name, value] of hostile) {
    it(`${name} means no consent`, () => {
      setCookie(value);
      const api = createConsent({}, {});
      expect(api.get()).to.equal(null);
      expect(api.granted('analytics')).to.equal(false);
      expect(api.granted('advertising')).to.equal(false);
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    });
  }

  it('a record with unknown extra categories keeps only known ones and grants nothing unknown', () => {
    setCookie(encodeURIComponent(JSON.stringify({ ...valid, c: { ...valid.c, everything: 1 } })));
    const api = createConsent({});
    expect(api.granted('everything')).to.equal(false);
    expect(api.granted('analytics')).to.equal(true);
  });

  it('prototype keys inside choices cannot grant or pollute', () => {
    const text = JSON.stringify(valid).replace('"c":{', '"c":{"__proto__":1,"constructor":1,"toString":1,');
    const parsed = parseRecord(text)!;
    expect(Object.getPrototypeOf(parsed.c)).to.equal(null);
    setCookie(encodeURIComponent(text.replace(/"(identity|analytics|advertising|third_party)":1/g, '"$1":0')));
    const api = createConsent({});
    expect(api.granted('constructor')).to.equal(false);
    expect(api.granted('toString')).to.equal(false);
    expect(api.granted('__proto__')).to.equal(false);
    expect(({} as Record<string, unknown>).constructor).to.equal(Object);
  });
});

describe('hostile configuration', () => {
  it('a wrong type gets one error naming the key and leaves the engine in the safe state', () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (message: string) => errors.push(String(message));
    try {
      const api = createConsent({ rules: [{ category: 'ads', hosts: ['x.test'] }] });
      expect(errors).to.have.length(1);
      expect(errors[0]).to.contain('config.rules[0].category "ads"');
      expect(api.granted('analytics')).to.equal(false);
      expect(api.acceptAll()).to.equal(null);
      expect(api.granted('analytics')).to.equal(false);
      expect(document.cookie).not.to.contain('consentry=');
    } finally {
      console.error = original;
    }
  });

  it('rejects non-objects and prototype tricks at the top level', () => {
    for (const bad of [null, 42, 'x', [], JSON.parse('{"__proto__":{"mode":"opt-out"}}')])
      if (bad === null || typeof bad != 'object' || Array.isArray(bad))
        expect(() => resolveConfig(bad)).to.throw(ConfigError);
    // A JSON `__proto__` key is an own key there: named as unknown, never merged into defaults.
    expect(() => resolveConfig(JSON.parse('{"__proto__":{"mode":"opt-out"}}'))).to.throw('config.__proto__');
    expect(({} as Record<string, unknown>).mode).to.equal(undefined);
  });

  it('refuses script URLs in service policy links', () => {
    expect(() =>
      resolveConfig({ services: { ga: { category: 'analytics', label: 'GA', policyUrl: 'javascript:alert(1)' } } }),
    ).to.throw('config.services.ga.policyUrl');
  });
});
