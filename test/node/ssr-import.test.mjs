// Import-safe everywhere. Importing the npm entries under Node (SSR) must not touch
// window/document, and createConsent outside a browser returns an inert instance.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

test('importing consentry under Node does not throw', async () => {
  const mod = await import('../../dist/esm/index.js');
  assert.equal(typeof mod.createConsent, 'function');
});

test('createConsent under Node returns an inert instance that grants nothing', async () => {
  const { createConsent } = await import('../../dist/esm/index.js');
  const api = createConsent({});
  assert.equal(api.get(), null);
  assert.equal(api.granted('analytics'), false);
  assert.equal(api.granted('necessary'), true);
  assert.equal(api.acceptAll(), null);
  assert.equal(api.granted('analytics'), false);
});

test('the public surface is deliberate: the list of exports', async () => {
  const mod = await import('../../dist/esm/index.js');
  assert.deepEqual(Object.keys(mod).sort(), [
    'ConfigError',
    'VERSION',
    'createConsent',
    'parseRecord',
    'resolveConfig',
  ]);
});

test('VERSION equals package.json version', async () => {
  const { VERSION } = await import('../../dist/esm/index.js');
  assert.equal(VERSION, JSON.parse(readFileSync('package.json', 'utf8')).version);
});

test('consentry/services and consentry/services/<id> resolve through the package exports and name what they hold', async () => {
  const { catalog } = await import('consentry/services');
  const { youtube } = await import('consentry/services/youtube');
  assert.equal(catalog.length, 52);
  assert.equal(youtube.id, 'youtube');
  const { createConsent } = await import('consentry');
  // Under Node the engine is inert, but a config naming a catalog id resolves with the catalog given.
  const { resolveConfig } = await import('consentry');
  assert.deepEqual(
    resolveConfig({ services: ['youtube'] }, [youtube]).services.map((s) => s.id),
    ['youtube'],
  );
  // Without the catalog the error says how to pass it.
  assert.throws(
    () => resolveConfig({ services: ['youtube'] }),
    /config\.services\[0\] "youtube"; expected a catalog service id .*createConsent\(config, \{ catalog \}\) with import \{ catalog \} from 'consentry\/services'/,
  );
  assert.equal(typeof createConsent, 'function');
});

test('consentry/loader resolves through the package exports and is import-safe under Node', async () => {
  const { mountBannerWhenNeeded } = await import('consentry/loader');
  const { createConsent } = await import('consentry');
  assert.equal(mountBannerWhenNeeded(createConsent({})), undefined); // SSR: nothing to load, nothing thrown
});
