// STYLE.md: import-safe everywhere. `consentry/banner` must import under Node (SSR) without
// touching window/document; Lit's Node build provides a DOM shim for HTMLElement/customElements.
import { test } from 'node:test';
import assert from 'node:assert/strict';

test('importing consentry/banner under Node does not throw and exports the deliberate surface', async () => {
  const mod = await import('../../dist/esm/banner.js');
  assert.deepEqual(Object.keys(mod).sort(), ['ConsentryBanner', 'ConsentryPlaceholder', 'mountBanner', 'registerLocale']);
  assert.equal(typeof mod.ConsentryBanner, 'function');
  assert.equal(typeof globalThis.window, 'undefined');
  assert.equal(typeof globalThis.document, 'undefined');
});

test('importing it twice defines the element once', async () => {
  const a = await import('../../dist/esm/banner.js?again');
  const b = await import('../../dist/esm/banner.js');
  assert.equal(globalThis.customElements.get('consentry-banner'), b.ConsentryBanner);
  assert.notEqual(a.ConsentryBanner, b.ConsentryBanner); // a second module copy keeps the first definition
});

test('registerLocale works under Node (locale modules can be imported during SSR)', async () => {
  const { registerLocale } = await import('../../dist/esm/banner.js');
  assert.doesNotThrow(() => registerLocale('fr', { acceptAll: 'Tout accepter' }));
});
