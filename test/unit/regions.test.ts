import { expect } from '@open-wc/testing';
import { resolveConfig } from '../../src/core/config.js';
import { createRecord, parseRecord, serializeRecord } from '../../src/core/record.js';
import { firstPlace } from '../../src/core/regions.js';
import { normalizeRegion, placeOf } from '../../src/integrations/region-rules.js';

const REGIONS = {
  EEA: { mode: 'opt-in', tcf: true },
  UK: { mode: 'opt-in' },
  'US-CA': { mode: 'opt-out', gpp: ['usnat', 'usca'] },
  US: { mode: 'opt-out', gpp: ['usnat'] },
  CN: { mode: 'opt-in' },
  default: { mode: 'notice' },
} as const;

describe('regions', () => {
  const config = resolveConfig({ regions: REGIONS as never, mode: 'opt-out' });

  it('the most specific key wins: subdivision, country, group, default', () => {
    expect(placeOf(config, 'US-CA'))
      .to.include({ mode: 'opt-out', tcf: false })
      .and.have.deep.property('gpp', ['usnat', 'usca']);
    expect(placeOf(config, 'US-TX').gpp).to.deep.equal(['usnat']);
    expect(placeOf(config, 'DE')).to.include({ mode: 'opt-in', tcf: true });
    expect(placeOf(config, 'NO')).to.include({ mode: 'opt-in', tcf: true });
    expect(placeOf(config, 'GB-ENG')).to.include({ mode: 'opt-in', tcf: false });
    expect(placeOf(config, 'JP').mode).to.equal('notice');
    expect(placeOf(config, null).mode).to.equal('notice');
    expect(
      placeOf(resolveConfig({ regions: { EU: { mode: 'notice' }, EEA: { mode: 'opt-in' } } }), 'FR').mode,
    ).to.equal('notice');
    expect(
      placeOf(resolveConfig({ regions: { EU: { mode: 'notice' }, EEA: { mode: 'opt-out' } } }), 'IS').mode,
    ).to.equal('opt-out');
    expect(placeOf(resolveConfig({ regions: { US: { mode: 'opt-out' } }, mode: 'notice' }), 'JP').mode).to.equal(
      'notice',
    );
  });

  it('XX, T1, malformed and missing regions are unknown', () => {
    for (const raw of ['XX', 't1', 'Nowhere', '', null, undefined, 42, '-CA', 'XX-CA'])
      expect(normalizeRegion(raw), String(raw)).to.equal(null);
    expect(normalizeRegion(' us-ca ')).to.equal('US-CA');
    expect(normalizeRegion('US-')).to.equal('US');
    expect(normalizeRegion('US-CALIFORNIA')).to.equal('US');
  });

  it('the strictest mode holds while the region is found; without regions the top-level mode', () => {
    expect(firstPlace(config, true)).to.include({ mode: 'opt-in', known: false });
    expect(firstPlace(resolveConfig({ regions: { US: { mode: 'notice' } }, mode: 'opt-out' }), true).mode).to.equal(
      'opt-out',
    );
    expect(firstPlace(resolveConfig({ mode: 'opt-out' }), undefined)).to.include({ mode: 'opt-out', known: true });
  });

  it('a record keeps its region; one made under a less strict mode is moved', () => {
    const record = createRecord({ analytics: true }, 'custom', config, undefined, Date.now(), 'US-CA');
    const read = parseRecord(serializeRecord(record))!;
    expect(read.r).to.equal('US-CA');
    expect(placeOf(config, 'DE').moved!(read)).to.equal(true);
    expect(placeOf(config, 'US-NY').moved!(read)).to.equal(false);
    expect(placeOf(config, 'JP').moved!(read)).to.equal(false);
    expect(
      placeOf(config, 'US-CA').moved!(
        parseRecord(serializeRecord(createRecord({}, 'custom', config, undefined, Date.now(), 'JP')))!,
      ),
    ).to.equal(true);
    expect(parseRecord(serializeRecord({ ...record, r: 'nowhere' }))).to.equal(null);
    expect(
      parseRecord(serializeRecord(createRecord({}, 'custom', config, undefined, Date.now()))),
    ).not.to.have.property('r');
  });

  it('a bad region key, mode, tcf or gpp is named', () => {
    expect(() => resolveConfig({ regions: { Europe: { mode: 'opt-in' } } } as never)).to.throw('config.regions.Europe');
    expect(() => resolveConfig({ regions: { US: { mode: 'optout' } } } as never)).to.throw(
      'config.regions.US.mode "optout"; expected one of opt-in,opt-out,notice',
    );
    expect(() => resolveConfig({ regions: { US: { gpp: ['usva'] } } } as never)).to.throw('config.regions.US.gpp');
    expect(() => resolveConfig({ regions: { US: { tcf: 'yes' } } } as never)).to.throw('config.regions.US.tcf');
    expect(() => resolveConfig({ regions: { US: { mod: 'opt-in' } } } as never)).to.throw('config.regions.US.mod');
    expect(() => resolveConfig({ regions: [] } as never)).to.throw('config.regions');
    expect(() => resolveConfig({ permissions: { geolocation: 'location' } })).to.throw(
      'config.permissions.geolocation "location"',
    );
    expect(
      resolveConfig({ categories: { location: { separate: true } }, permissions: { geolocation: 'location' } })
        .permissions.geolocation,
    ).to.equal('location');
  });
});
