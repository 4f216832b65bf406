import { expect } from '@open-wc/testing';
import { resolveConfig } from '../../src/core/config.js';
import { createRecord, parseRecord, serializeRecord, staleReason } from '../../src/core/record.js';

const config = resolveConfig({});
const now = Date.UTC(2026, 10, 25);
const good = () => createRecord({ analytics: true }, 'custom', config, undefined, now);

describe('consent record', () => {
  it('round-trips through the compact cookie form', () => {
    const record = good();
    const parsed = parseRecord(serializeRecord(record));
    expect(parsed).to.deep.equal({ ...record, c: Object.assign(Object.create(null), record.c) });
    expect(serializeRecord(record)).to.contain('"c":{"identity":0,"analytics":1,"advertising":0,"third_party":0}');
    expect(record.id).to.match(/^[0-9a-f-]{36}$/);
  });

  it('gives every new decision chain a fresh random v4 UUID', () => {
    const ids = new Set(Array.from({ length: 50 }, () => good().id));
    expect(ids.size).to.equal(50);
    for (const id of ids) expect(id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('treats tampered, truncated and future-version values as no consent', () => {
    const text = serializeRecord(good());
    for (const bad of [
      text.slice(0, -5),
      text.replace('"v":2', '"v":3'),
      text.replace('"v":2', '"v":0'),
      text.replace('"analytics":1', '"analytics":true'),
      text.replace('"analytics":1', '"analytics":"1"'),
      text.replace('"m":"custom"', '"m":"hacked"'),
      '',
      'null',
      '[]',
      '{}',
      '1',
      'x'.repeat(5000),
      undefined,
    ])
      expect(parseRecord(bad as string), String(bad).slice(0, 40)).to.equal(null);
  });

  it('never pollutes Object.prototype from __proto__ keys', () => {
    const text = serializeRecord(good()).replace('"c":{', '"c":{"__proto__":1,"constructor":1,');
    const parsed = parseRecord(text);
    expect(({} as Record<string, unknown>).analytics).to.equal(undefined);
    expect(Object.getPrototypeOf(parsed!.c)).to.equal(null);
  });

  it('is stale when expired, made under an older revision, or missing a new category', () => {
    const record = good();
    expect(staleReason(record, config, now)).to.equal(null);
    expect(staleReason(record, config, record.exp + 1)).to.equal('expired');
    expect(staleReason(record, resolveConfig({ revision: 2 }), now)).to.equal('revision');
    expect(staleReason(record, resolveConfig({ categories: { social: {} } }), now)).to.equal('new-category');
    expect(staleReason(record, resolveConfig({ categories: { social: false } }), now)).to.equal(null);
  });

  it('expires after the configured lifetime', () => {
    const record = createRecord({}, 'reject-all', resolveConfig({ lifetimeMonths: 13 }), undefined, now);
    expect(Math.round((record.exp - now) / 864e5)).to.equal(396);
  });
});
