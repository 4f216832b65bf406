import { expect } from '@open-wc/testing';
import { resolveConfig } from '../../../src/core/config.js';
import { createRecord } from '../../../src/core/record.js';
import { applyGpc, gpcRefused } from '../../../src/integrations/gpc.js';

const setGpc = (value: unknown) =>
  Object.defineProperty(navigator, 'globalPrivacyControl', { value, configurable: true });

describe('Global Privacy Control', () => {
  afterEach(() => delete (navigator as { globalPrivacyControl?: unknown }).globalPrivacyControl);

  it('refuses advertising and third_party only when the signal is exactly true', () => {
    const config = resolveConfig({});
    setGpc(true);
    expect(gpcRefused(config)).to.deep.equal(['advertising', 'third_party']);
    setGpc('1');
    expect(gpcRefused(config)).to.deep.equal([]);
    setGpc(false);
    expect(gpcRefused(config)).to.deep.equal([]);
  });

  it('names only categories the site has', () => {
    setGpc(true);
    expect(gpcRefused(resolveConfig({ categories: { third_party: false } }))).to.deep.equal(['advertising']);
  });

  it('overrides a stored accept-all but not a per-category choice', () => {
    const config = resolveConfig({});
    const all = { identity: true, analytics: true, advertising: true, third_party: true };
    const accepted = createRecord(all, 'accept-all', config, undefined, 1);
    expect(applyGpc(accepted, ['advertising', 'third_party'])!.c).to.deep.equal({ ...all, advertising: false, third_party: false });
    expect(accepted.c.advertising).to.equal(true); // the stored record object is not mutated
    const custom = createRecord(all, 'custom', config, undefined, 1);
    expect(applyGpc(custom, ['advertising', 'third_party'])).to.equal(custom);
    expect(applyGpc(accepted, [])).to.equal(accepted);
    expect(applyGpc(null, ['advertising'])).to.equal(null);
  });
});
