import { GppModel } from '@iabgpp/cmpapi';
import { expect, html, ready, test, type Servers } from './fixtures.js';

// IAB GPP where a region lists sections (docs/guide/regions.md "GPP"): the strings are decoded
// here with the IAB's reference library, as a consumer (Prebid.js) would read them.

type Ping = { signalStatus: string; gppString: string; applicableSections: number[]; cmpDisplayStatus: string };
declare global {
  interface Window {
    __gpp?: (command: string, callback: (value: unknown, success: boolean) => void, parameter?: unknown) => void;
    __events?: Array<{ eventName: string; data: unknown }>;
  }
}

const REGIONS = {
  'US-CA': { mode: 'opt-out', gpp: ['usnat', 'usca'] },
  US: { mode: 'opt-out', gpp: ['usnat'] },
  default: { mode: 'opt-in' },
};

const page = (_servers: Servers, region: string, config: object = { regions: REGIONS }, body = '') =>
  html({ config, body }).replace(
    '<meta charset="utf-8">',
    `<meta charset="utf-8"><meta name="consentry-region" content="${region}">`,
  );

/** The GPP string once signalStatus is ready, read through a listener as Prebid reads it. */
const readyString = (p: import('@playwright/test').Page) =>
  p.evaluate(
    () =>
      new Promise<Ping>((resolve) =>
        window.__gpp!('addEventListener', (e) => {
          const event = e as { eventName: string; data: unknown; pingData: Ping };
          if (event.eventName == 'signalStatus' && event.data == 'ready') resolve(event.pingData);
        }),
      ),
  );

const fields = (gppString: string, section: string) => {
  const model = new GppModel(gppString);
  return Object.fromEntries(
    [
      'SaleOptOut',
      'SharingOptOut',
      'TargetedAdvertisingOptOut',
      'SaleOptOutNotice',
      'SharingOptOutNotice',
      'MspaCoveredTransaction',
      'MspaOptOutOptionMode',
      'MspaServiceProviderMode',
      'Gpc',
    ]
      .filter((key) => {
        try {
          return model.getFieldValue(section, key) !== undefined;
        } catch {
          return false;
        }
      })
      .map((key) => [key, model.getFieldValue(section, key)]),
  );
};

test.describe('GPP: __gpp where a region lists sections', () => {
  test('California: usnat and usca, notice shown, not opted out, MSPA not covered; "Do not sell" opts out and listeners hear it', async ({
    page: p,
    servers,
  }) => {
    servers.page('/', page(servers, 'US-CA'));
    await p.goto(`${servers.site}/`);
    await ready(p);
    await expect(p.getByRole('button', { name: 'Do not sell or share my personal information' })).toBeVisible();
    const ping = await readyString(p);
    expect(ping.applicableSections).toEqual([7, 8]);
    expect(fields(ping.gppString, 'usnat')).toMatchObject({
      SaleOptOut: 2,
      SharingOptOut: 2,
      TargetedAdvertisingOptOut: 2,
      SaleOptOutNotice: 1,
      SharingOptOutNotice: 1,
      MspaCoveredTransaction: 2,
      MspaOptOutOptionMode: 2,
      MspaServiceProviderMode: 2,
      Gpc: false,
    });
    expect(fields(ping.gppString, 'usca')).toMatchObject({
      SaleOptOut: 2,
      SharingOptOut: 2,
      SaleOptOutNotice: 1,
      MspaCoveredTransaction: 2,
    });
    // Opting out withdraws advertising: the page reloads, and the new page's string says so.
    await p.getByRole('button', { name: 'Do not sell or share my personal information' }).click();
    await expect.poll(() => p.evaluate(() => window.consentry?.get()?.c.advertising).catch(() => null)).toBe(false);
    await p.waitForLoadState('load');
    const after = await readyString(p);
    expect(fields(after.gppString, 'usnat')).toMatchObject({
      SaleOptOut: 1,
      SharingOptOut: 1,
      TargetedAdvertisingOptOut: 1,
      SaleOptOutNotice: 1,
    });
    expect(
      await p.evaluate(() => new Promise((resolve) => window.__gpp!('getField', (v) => resolve(v), 'usca.SaleOptOut'))),
    ).toBe(1);
    expect(
      await p.evaluate(() => new Promise((resolve) => window.__gpp!('hasSection', (v) => resolve(v), 'usca'))),
    ).toBe(true);
    // Opting back in changes the sections at once: listeners get sectionChange.
    await p.evaluate(() =>
      window.__gpp!('addEventListener', (e) =>
        (window.__events ??= []).push(e as { eventName: string; data: unknown }),
      ),
    );
    await p.evaluate(() => window.consentry!.set({ advertising: true, third_party: true }));
    await p.waitForFunction(() => window.__events?.some((e) => e.eventName == 'sectionChange' && e.data == 'usnat'));
    expect(
      await p.evaluate(
        () => new Promise((resolve) => window.__gpp!('getField', (v) => resolve(v), 'usnat.SaleOptOut')),
      ),
    ).toBe(2);
  });

  test('a listener that registers after the string is ready still gets signalStatus "ready"', async ({
    page: p,
    servers,
  }) => {
    servers.page('/', page(servers, 'US-TX'));
    await p.goto(`${servers.site}/`);
    await ready(p);
    const first = await readyString(p);
    expect(first.applicableSections).toEqual([7]);
    // Registered long after ready: it must not wait for a change that may never come.
    const late = await readyString(p);
    expect(late.gppString).toBe(first.gppString);
  });

  test('GPC: usnat says opted out and Gpc 1, with no choice made', async ({ page: p, servers }) => {
    await p.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }),
    );
    servers.page('/', page(servers, 'US-CA'));
    await p.goto(`${servers.site}/`);
    await ready(p);
    const ping = await readyString(p);
    expect(fields(ping.gppString, 'usnat')).toMatchObject({
      SaleOptOut: 1,
      SharingOptOut: 1,
      TargetedAdvertisingOptOut: 1,
      Gpc: true,
    });
  });

  test('gpp.mspaCovered: the MSPA fields say covered', async ({ page: p, servers }) => {
    servers.page('/', page(servers, 'US-CA', { regions: REGIONS, gpp: { mspaCovered: true, cmpId: 300 } }));
    await p.goto(`${servers.site}/`);
    await ready(p);
    const ping = await readyString(p);
    expect(fields(ping.gppString, 'usnat')).toMatchObject({
      MspaCoveredTransaction: 1,
      MspaOptOutOptionMode: 1,
      MspaServiceProviderMode: 2,
    });
  });

  test('a cross-origin frame reads it through __gppLocator and postMessage', async ({ page: p, servers }) => {
    servers.thirdParty(
      '/frame.html',
      `<script>
      let w = window; while (w !== top) { w = w.parent; try { if (w.frames['__gppLocator']) break; } catch (e) {} }
      addEventListener('message', (e) => { const r = e.data && e.data.__gppReturn; if (r && r.returnValue && r.returnValue.eventName == 'signalStatus') parent.postMessage({ fromFrame: r.returnValue.pingData.gppString }, '*'); });
      w.postMessage({ __gppCall: { command: 'addEventListener', callId: 'x1', version: '1.1' } }, '*');
    </script>`,
      'text/html',
    );
    servers.page(
      '/',
      page(servers, 'US-CA', { regions: REGIONS }, `<iframe src="${servers.tracker}/frame.html"></iframe>`),
    );
    await p.addInitScript(() =>
      addEventListener(
        'message',
        (e) => e.data?.fromFrame && ((window as unknown as { fromFrame: string }).fromFrame = e.data.fromFrame),
      ),
    );
    await p.goto(`${servers.site}/`);
    await ready(p);
    const ping = await readyString(p);
    await p.waitForFunction(() => (window as unknown as { fromFrame?: string }).fromFrame);
    expect(await p.evaluate(() => (window as unknown as { fromFrame: string }).fromFrame)).toBe(ping.gppString);
  });

  test('a region without GPP sections answers applicableSections [-1]; a config without GPP has no __gpp and fetches no GPP file', async ({
    page: p,
    servers,
  }) => {
    servers.page('/', page(servers, 'DE'));
    await p.goto(`${servers.site}/`);
    await ready(p);
    expect((await readyString(p)).applicableSections).toEqual([-1]);
    servers.siteLog.length = 0;
    servers.page('/', page(servers, 'US-CA', { regions: { US: { mode: 'opt-out' } } }));
    await p.goto(`${servers.site}/`);
    await ready(p);
    await p.waitForLoadState('load');
    expect(await p.evaluate(() => typeof window.__gpp)).toBe('undefined');
    expect(servers.siteLog).not.toContain('/dist/consentry.gpp.js');
  });
});
