// A few thousand random cookie values and configs through the parsers, in the browser.
// Deterministic PRNG so a failure is reproducible from its seed.
import { expect } from '@open-wc/testing';
import { ConfigError, resolveConfig } from '../../src/core/config.js';
import { parseRecord, serializeRecord, createRecord } from '../../src/core/record.js';

const rng = (seed: number) => () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const SEED = 20261125;

const randomValue = (r: () => number, depth = 0): unknown => {
  const pick = Math.floor(r() * 10);
  if (depth > 3) return pick % 2 ? 1 : 'x';
  switch (pick) {
    case 0:
      return null;
    case 1:
      return r() > 0.5;
    case 2:
      return Math.floor(r() * 3) - 1;
    case 3:
      return r() * 1e15;
    case 4:
      return [
        '',
        '__proto__',
        'constructor',
        'javascript:alert(1)',
        '<img src=x onerror=alert(1)>',
        'analytics',
        'opt-out',
        '*.x.test',
      ][Math.floor(r() * 8)];
    case 5:
      return Array.from({ length: Math.floor(r() * 4) }, () => randomValue(r, depth + 1));
    default: {
      const keys = [
        'v',
        'id',
        'rev',
        'ts',
        'exp',
        'c',
        'm',
        'analytics',
        '__proto__',
        'mode',
        'rules',
        'categories',
        'cookie',
        'hosts',
        'category',
        'ui',
        'label',
      ];
      const out: Record<string, unknown> = {};
      for (let i = Math.floor(r() * 6); i > 0; i--)
        out[keys[Math.floor(r() * keys.length)]] = randomValue(r, depth + 1);
      return out;
    }
  }
};

const mutate = (text: string, r: () => number): string => {
  const chars = text.split('');
  for (let i = Math.floor(r() * 4) + 1; i > 0; i--) {
    const at = Math.floor(r() * chars.length);
    const op = Math.floor(r() * 3);
    if (op == 0) chars.splice(at, 1);
    else if (op == 1) chars.splice(at, 0, String.fromCharCode(Math.floor(r() * 128)));
    else chars[at] = '"{}[],:01'[Math.floor(r() * 9)];
  }
  return chars.join('');
};

describe('fuzz', () => {
  it('3000 random and mutated cookie values: never throws, never grants anything it cannot trust', () => {
    const r = rng(SEED);
    const config = resolveConfig({});
    const base = serializeRecord(createRecord({ analytics: true }, 'custom', config, undefined, Date.now()));
    let parsedOk = 0;
    for (let i = 0; i < 3000; i++) {
      const value = i % 2 ? JSON.stringify(randomValue(r)) : mutate(base, r);
      const record = parseRecord(value);
      if (record) {
        parsedOk++;
        // Anything accepted is exactly well-formed: read as the current version, every choice strictly boolean.
        expect(record.v).to.equal(2);
        for (const k of Object.keys(record.c)) expect(record.c[k]).to.be.a('boolean');
      }
    }
    expect(({} as Record<string, unknown>).analytics).to.equal(undefined);
    // Mutations that keep the JSON valid (e.g. a digit changed) may still parse; most must not.
    expect(parsedOk).to.be.lessThan(1500);
  });

  it('2000 random configs: either a ConfigError naming a key, or a valid resolved config', () => {
    const r = rng(SEED + 1);
    for (let i = 0; i < 2000; i++) {
      const input = randomValue(r);
      try {
        const config = resolveConfig(input);
        expect(config.categories[0].key).to.equal('necessary');
      } catch (error) {
        expect(error).to.be.instanceOf(ConfigError);
        expect((error as Error).message).to.match(/^consentry: config/);
      }
    }
    expect(({} as Record<string, unknown>).mode).to.equal(undefined);
  });
});
