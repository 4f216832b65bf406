// The hand-written GPP encoder (src/integrations/gpp-encoder.ts) against @iabgpp/cmpapi 3.2.0,
// the IAB's reference library, byte for byte on many random field sets.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { buildSync } from 'esbuild';
import { GppModel } from '@iabgpp/cmpapi';

const out = join(mkdtempSync(join(tmpdir(), 'gpp-')), 'gpp-encoder.mjs');
buildSync({
  entryPoints: ['src/integrations/gpp-encoder.ts'],
  bundle: true,
  format: 'esm',
  outfile: out,
  logLevel: 'silent',
});
const { blankUsSection, encodeGpp, encodeUsSection, SECTIONS } = await import(pathToFileURL(out).href);

/** A deterministic random source (mulberry32), so a failure can be replayed. */
const random = (seed) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** Random valid values for every field of a section (MspaCoveredTransaction is 1 or 2; the rest 0–2). */
const randomSection = (name, next) => {
  const fields = blankUsSection(name);
  for (const key of Object.keys(fields)) {
    if (key == 'Version') continue;
    const value = fields[key];
    fields[key] =
      key == 'Gpc'
        ? next() < 0.5
        : Array.isArray(value)
          ? value.map(() => Math.floor(next() * 3))
          : key == 'MspaCoveredTransaction'
            ? 1 + Math.floor(next() * 2)
            : Math.floor(next() * 3);
  }
  return fields;
};

test('usnat and usca strings match @iabgpp/cmpapi 3.2.0 on 2,000 random field sets', () => {
  const next = random(20261208);
  for (let run = 0; run < 2000; run++) {
    const names = [['usnat'], ['usca'], ['usnat', 'usca']][run % 3];
    const model = new GppModel();
    const ours = [];
    for (const name of names) {
      const fields = randomSection(name, next);
      for (const [key, value] of Object.entries(fields)) if (key != 'Version') model.setFieldValue(name, key, value);
      ours.push([SECTIONS[name][0], encodeUsSection(name, fields)]);
      assert.equal(ours.at(-1)[1], model.encodeSection(name), `${name} ${JSON.stringify(fields)}`);
    }
    assert.equal(encodeGpp(ours), model.encode(), `run ${run}`);
  }
});

test('the reference decodes our strings back to the same fields', () => {
  const next = random(7);
  for (let run = 0; run < 200; run++) {
    const usnat = randomSection('usnat', next);
    const usca = randomSection('usca', next);
    const model = new GppModel(
      encodeGpp([
        [7, encodeUsSection('usnat', usnat)],
        [8, encodeUsSection('usca', usca)],
      ]),
    );
    for (const [name, fields] of [
      ['usnat', usnat],
      ['usca', usca],
    ])
      for (const [key, value] of Object.entries(fields))
        assert.deepEqual(model.getFieldValue(name, key), value, `${name}.${key}`);
  }
});
