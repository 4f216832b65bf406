import { readFileSync } from 'node:fs';
import { expect, html, ready, test, type Servers } from './fixtures.js';

// Prebid.js 11.36.0 (its prebuilt dist/chunks, no build step; never `debug: true`, which fetches a
// module from a CDN) reads consentry's GPP string with consentManagementGpp, and gppControl_usnat
// strips the user's first-party data (ortb2.user.data) from bid requests when the visitor opted out.

const CHUNKS = [
  'chunk-core.js',
  'fpdUtils.js',
  'viewport.js',
  'creative-renderer-safe.js',
  'creative-renderer-display.js',
  'prebid-core.js',
  'consentManagement.js',
  'cmp.js',
  'consentManagementGpp.js',
  'mspa.js',
  'gppControl_usnat.js',
];
const REGIONS = { 'US-CA': { mode: 'opt-out', gpp: ['usnat', 'usca'] }, default: { mode: 'opt-in' } };

/** Serve Prebid's chunks at /pb/ on `origin`'s pages; a bidder `probe` records the ortb2 of its bid request. */
const prebid = (servers: Servers) => {
  for (const file of CHUNKS)
    servers.page(`/pb/${file}`, {
      body: readFileSync(`node_modules/prebid.js/dist/chunks/${file}`, 'utf8'),
      headers: { 'Content-Type': 'text/javascript' },
    });
  return `<script>window.pbjs = window.pbjs || { que: [] };</script>
${CHUNKS.map((f) => `<script src="/pb/${f}"></script>`).join('\n')}
<script>
  pbjs.registerBidAdapter(() => ({ callBids(request, addBid, done) { window.__ortb2 = request.ortb2 || {}; window.__gppConsent = request.gppConsent; done(); } }), 'probe');
  pbjs.setConfig({ consentManagement: { gpp: { cmpApi: 'iab', timeout: 5000 } }, ortb2: { user: { data: [{ name: 'site-segments', segment: [{ id: 'gardening' }] }] } } });
  pbjs.que.push(() => pbjs.requestBids({ adUnits: [{ code: 'slot', mediaTypes: { banner: { sizes: [[300, 250]] } }, bids: [{ bidder: 'probe', params: {} }] }], bidsBackHandler() {} }));
  pbjs.processQueue();
</script>`;
};

declare global {
  interface Window {
    __ortb2?: { user?: { data?: unknown[] } };
    __gppConsent?: { gppString: string; applicableSections: number[] };
  }
}

const page = (_servers: Servers, body = '', head = '') =>
  html({ config: { regions: REGIONS }, head, body }).replace(
    '<meta charset="utf-8">',
    '<meta charset="utf-8"><meta name="consentry-region" content="US-CA">',
  );

test.describe('Prebid.js reads the GPP string', () => {
  test('not opted out: the bid request carries the GPP string and the user data', async ({ page: p, servers }) => {
    servers.page('/', page(servers, '', prebid(servers)));
    await p.goto(`${servers.site}/`);
    await ready(p);
    await p.waitForFunction(() => window.__ortb2);
    const [ortb2, gpp, ours] = await p.evaluate(
      () =>
        new Promise<[unknown, unknown, string]>((resolve) =>
          window.__gpp!('ping', (v) =>
            resolve([window.__ortb2, window.__gppConsent, (v as { gppString: string }).gppString]),
          ),
        ),
    );
    expect((gpp as { gppString: string }).gppString).toBe(ours);
    expect((gpp as { applicableSections: number[] }).applicableSections).toEqual([7, 8]);
    expect((ortb2 as { user: { data: unknown[] } }).user.data).toHaveLength(1);
  });

  test('opted out ("Do not sell or share"): gppControl_usnat strips ortb2.user.data from the bid request', async ({
    page: p,
    servers,
  }) => {
    servers.page('/', page(servers, '', prebid(servers)));
    await p.goto(`${servers.site}/`);
    await ready(p);
    await p.getByRole('button', { name: 'Do not sell or share my personal information' }).click();
    await expect.poll(() => p.evaluate(() => window.consentry?.get()?.c.advertising).catch(() => null)).toBe(false);
    await p.waitForFunction(() => window.__ortb2);
    expect(await p.evaluate(() => window.__ortb2!.user?.data)).toBeUndefined();
  });

  test('GPC on: stripped too, with no choice made; and from a cross-origin iframe through __gppLocator', async ({
    page: p,
    servers,
  }) => {
    await p.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }),
    );
    const frame = html({ config: null, bundle: null, head: prebid(servers) });
    servers.thirdParty('/ad.html', frame.replace(/src="\/pb\//g, `src="${servers.site}/pb/`), 'text/html');
    servers.page('/', page(servers, `<iframe src="${servers.tracker}/ad.html"></iframe>`, prebid(servers)));
    await p.goto(`${servers.site}/`);
    await ready(p);
    await p.waitForFunction(() => window.__ortb2);
    expect(await p.evaluate(() => window.__ortb2!.user?.data)).toBeUndefined();
    const ad = p.frames().find((f) => f.url().includes('/ad.html'))!;
    await ad.waitForFunction(() => window.__ortb2);
    expect(await ad.evaluate(() => [window.__ortb2!.user?.data, window.__gppConsent?.applicableSections])).toEqual([
      undefined,
      [7, 8],
    ]);
  });
});
