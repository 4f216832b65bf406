import { expect } from '@open-wc/testing';
import { createConsent } from '../../../src/core/consent.js';
import { resolveConfig } from '../../../src/core/config.js';
import { createRecord, serializeRecord } from '../../../src/core/record.js';
import { applyGpc, gpc, gpcRefused } from '../../../src/integrations/gpc.js';

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
    expect(applyGpc(accepted, ['advertising', 'third_party'])!.c).to.deep.equal({
      ...all,
      advertising: false,
      third_party: false,
    });
    expect(accepted.c.advertising).to.equal(true); // the stored record object is not mutated
    const custom = createRecord(all, 'custom', config, undefined, 1);
    expect(applyGpc(custom, ['advertising', 'third_party'])).to.equal(custom);
    expect(applyGpc(accepted, [])).to.equal(accepted);
    expect(applyGpc(null, ['advertising'])).to.equal(null);
  });
});

describe('Global Privacy Control, plugged into the engine', () => {
  afterEach(() => {
    delete (navigator as { globalPrivacyControl?: unknown }).globalPrivacyControl;
    document.cookie = 'consentry=; max-age=0; path=/';
  });

  it('refuses advertising and third_party in opt-out mode and in acceptAll(); without the integration nothing is refused', () => {
    setGpc(true);
    const api = createConsent({ mode: 'opt-out', reloadOnWithdraw: false }, { _integrations: [gpc()] });
    expect(api.state().gpcRefused).to.deep.equal(['advertising', 'third_party']);
    expect(['analytics', 'advertising'].map(api.granted)).to.deep.equal([true, false]);
    expect(api.acceptAll()!.c).to.include({ analytics: true, advertising: false, third_party: false });
    const plain = createConsent({ mode: 'opt-out', reloadOnWithdraw: false, cookie: { name: 'plain' } });
    expect(plain.state().gpcRefused).to.deep.equal([]);
    expect(plain.granted('advertising')).to.equal(true);
  });

  it('a stored accept-all reads as refusing what GPC refuses', () => {
    const config = resolveConfig({});
    const all = { identity: true, analytics: true, advertising: true, third_party: true };
    document.cookie = `consentry=${encodeURIComponent(serializeRecord(createRecord(all, 'accept-all', config, undefined, Date.now())))}; path=/`;
    setGpc(true);
    const api = createConsent({ reloadOnWithdraw: false }, { _integrations: [gpc()] });
    expect(['analytics', 'advertising', 'third_party'].map(api.granted)).to.deep.equal([true, false, false]);
  });
});
