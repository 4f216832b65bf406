import { expect, html, ready, test } from './fixtures.js';

// `permissions`: the browser's geolocation, notifications and push stay refused, without a prompt,
// until the category they serve is granted. The browser context has already granted geolocation
// and notifications, so anything that reached the browser would succeed: a refusal is consentry's.

declare global {
  interface Window {
    where(): Promise<unknown[]>;
    watch(): Promise<unknown[]>;
  }
}

const PAGE_SCRIPT = `<script>
  window.where = () => new Promise((resolve) => navigator.geolocation.getCurrentPosition((p) => resolve(['position', p.coords.latitude]), (e) => resolve(['error', e.code, e.code === e.PERMISSION_DENIED])));
  window.watch = () => new Promise((resolve) => { const id = navigator.geolocation.watchPosition((p) => { navigator.geolocation.clearWatch(id); resolve(['position', p.coords.latitude]); }, (e) => resolve(['error', e.code])); });
</script>`;

test.describe('browser permissions wait for the category they serve', () => {
  test.beforeEach(async ({ context, servers }) => {
    // 127.0.0.1 is a secure context: geolocation works there once it reaches the browser.
    await context.grantPermissions(['geolocation', 'notifications'], { origin: `http://127.0.0.1:${servers.port}` });
    await context.setGeolocation({ latitude: 31.23, longitude: 121.47 });
    servers.page(
      '/',
      html({
        config: {
          categories: { location: { label: 'Location', separate: true }, messages: { label: 'Messages' } },
          permissions: { geolocation: 'location', notifications: 'messages', push: 'messages' },
        },
        head: PAGE_SCRIPT,
      }),
    );
  });

  test('before consent: geolocation calls its error callback with code 1, requestPermission resolves "default", subscribe rejects NotAllowedError', async ({
    page,
    servers,
  }) => {
    await page.goto(`http://127.0.0.1:${servers.port}/`);
    await ready(page);
    expect(await page.evaluate(() => window.where())).toEqual(['error', 1, true]);
    expect(await page.evaluate(() => window.watch())).toEqual(['error', 1]);
    expect(await page.evaluate(() => Notification.requestPermission())).toBe('default');
    expect(await page.evaluate(() => new Promise((resolve) => Notification.requestPermission(resolve)))).toBe(
      'default',
    );
    expect(
      await page.evaluate(() =>
        PushManager.prototype.subscribe.call({} as PushManager).then(
          () => 'subscribed',
          (e: Error) => e.name,
        ),
      ),
    ).toBe('NotAllowedError');
    // Accept all does not grant the separate location category: still refused.
    await page.evaluate(() => window.consentry!.acceptAll());
    expect(await page.evaluate(() => window.where())).toEqual(['error', 1, true]);
    expect(await page.evaluate(() => Notification.requestPermission())).toBe('granted');
  });

  test('once granted, the calls reach the browser as usual', async ({ page, servers }) => {
    await page.goto(`http://127.0.0.1:${servers.port}/`);
    await ready(page);
    await page.evaluate(() => window.consentry!.set({ location: true, messages: true }));
    expect(await page.evaluate(() => window.where())).toEqual(['position', 31.23]);
    expect(await page.evaluate(() => window.watch())).toEqual(['position', 31.23]);
    expect(await page.evaluate(() => Notification.requestPermission())).toBe('granted');
    // The browser's own subscribe now runs, and refuses a receiver that is no PushManager.
    expect(
      await page.evaluate(() => {
        try {
          return PushManager.prototype.subscribe.call({} as PushManager).then(
            () => 'subscribed',
            (e: Error) => e.name,
          );
        } catch (e) {
          return (e as Error).name;
        }
      }),
    ).toBe('TypeError');
    // Withdrawn (the page reloads): refused again.
    await Promise.all([page.waitForEvent('load'), page.evaluate(() => window.consentry!.set({ location: false }))]);
    await ready(page);
    expect(await page.evaluate(() => window.where())).toEqual(['error', 1, true]);
  });
});

test('a frozen Geolocation.prototype before consentry: that gate alone is lost, said once; the engine and the others run', async ({
  page,
  context,
  servers,
}) => {
  await context.grantPermissions(['geolocation', 'notifications'], { origin: `http://127.0.0.1:${servers.port}` });
  const errors: string[] = [];
  const warnings: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() == 'warning' && warnings.push(m.text()));
  await page.addInitScript(() => Object.freeze(Geolocation.prototype));
  servers.page(
    '/',
    html({
      config: {
        categories: { location: { label: 'Location', separate: true }, messages: { label: 'Messages' } },
        permissions: { geolocation: 'location', notifications: 'messages' },
      },
    }),
  );
  await page.goto(`http://127.0.0.1:${servers.port}/`);
  await ready(page);
  await expect(page.locator('consentry-banner [part=banner]')).toBeVisible();
  expect(await page.evaluate(() => Notification.requestPermission())).toBe('default');
  expect(errors).toEqual([]);
  expect(warnings.filter((w) => w.includes('cannot guard getCurrentPosition'))).toHaveLength(1);
});
