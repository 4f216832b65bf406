// Import-safe everywhere. `consentry/banner` must import under Node (SSR) without
// touching window/document. Without a DOM (or an SSR framework's DOM shim) nothing is defined.
import { test } from 'node:test';
import assert from 'node:assert/strict';

test('importing consentry/banner under Node does not throw and exports the deliberate surface', async () => {
  const mod = await import('../../dist/esm/banner.js');
  assert.deepEqual(Object.keys(mod).sort(), [
    'ConsentryBanner',
    'ConsentryPlaceholder',
    'mountBanner',
    'registerLocale',
  ]);
  assert.equal(typeof mod.ConsentryBanner, 'function');
  assert.equal(typeof globalThis.window, 'undefined');
  assert.equal(typeof globalThis.document, 'undefined');
});

test('importing it twice under Node is harmless and defines nothing without a DOM', async () => {
  await import('../../dist/esm/banner.js?again');
  await import('../../dist/esm/banner.js');
  assert.equal(typeof globalThis.customElements, 'undefined');
  assert.equal(typeof globalThis.HTMLElement, 'undefined');
});

test('with an SSR DOM shim installed, importing twice defines the element once', async () => {
  const { customElements, HTMLElement } = await import('@lit-labs/ssr-dom-shim');
  Object.assign(globalThis, { customElements, HTMLElement });
  try {
    const a = await import('../../dist/esm/banner.js?shimmed-a');
    const b = await import('../../dist/esm/banner.js?shimmed-b');
    assert.equal(globalThis.customElements.get('consentry-banner'), a.ConsentryBanner);
    assert.notEqual(a.ConsentryBanner, b.ConsentryBanner); // the second copy kept the first definition
  } finally {
    delete globalThis.customElements;
    delete globalThis.HTMLElement;
  }
});

test('registerLocale works under Node (locale modules can be imported during SSR)', async () => {
  const { registerLocale } = await import('../../dist/esm/banner.js');
  assert.doesNotThrow(() => registerLocale('fr', { acceptAll: 'Tout accepter' }));
});
