import { expect, hits, html, ready, test, type Servers } from './fixtures.js';

// docs/guide/regions.md: one config, the rule of the visitor's region.
const REGIONS = {
  EEA: { mode: 'opt-in' },
  'US-CA': { mode: 'opt-out', gpp: ['usnat', 'usca'] },
  US: { mode: 'notice' },
  default: { mode: 'opt-out' },
};

/** A page with two tagged trackers; `region` becomes the `<meta name="consentry-region">` written before the head script. */
const page = (servers: Servers, config: object, region?: string) =>
  html({
    config,
    head: `<script type="text/plain" data-consent="analytics" src="${servers.tracker}/a.js"></script>
      <script type="text/plain" data-consent="advertising" src="${servers.tracker}/ads.js"></script>`,
  }).replace(
    '<meta charset="utf-8">',
    `<meta charset="utf-8">${region === undefined ? '' : `<meta name="consentry-region" content="${region}">`}`,
  );

const ran = (p: import('@playwright/test').Page) => p.evaluate(() => window.__ran ?? []);
const where = (p: import('@playwright/test').Page) =>
  p.evaluate(() => [window.consentry!.state().region, window.consentry!.state().mode]);

test.describe('regions: the rule of the visitor’s region', () => {
  test('meta US-CA: opt-out, tagged trackers run at once and the "do not sell or share" notice shows', async ({
    page: p,
    servers,
  }) => {
    servers.page('/', page(servers, { regions: REGIONS }, 'US-CA'));
    await p.goto(`${servers.site}/`);
    await ready(p);
    await p.waitForFunction(() => window.__ran?.length == 2);
    expect(await where(p)).toEqual(['US-CA', 'opt-out']);
    await expect(p.getByRole('button', { name: 'Do not sell or share my personal information' })).toBeVisible();
  });

  test('meta DE (EEA): opt-in, nothing runs, the banner asks; accepting stores the region with the choice', async ({
    page: p,
    servers,
  }) => {
    servers.page('/', page(servers, { regions: REGIONS }, 'de'));
    await p.goto(`${servers.site}/`);
    await ready(p);
    await expect(p.getByRole('button', { name: 'Accept all' })).toBeVisible();
    expect(await ran(p)).toEqual([]);
    expect(hits(servers)).toEqual([]);
    expect(await where(p)).toEqual(['DE', 'opt-in']);
    await p.getByRole('button', { name: 'Accept all' }).click();
    await p.waitForFunction(() => window.__ran?.length == 2);
    const cookie = (await p.context().cookies()).find((c) => c.name == 'consentry');
    expect(JSON.parse(decodeURIComponent(cookie!.value)).r).toBe('DE');
  });

  test('the most specific key wins: US-NY falls to US (notice), a country of no entry to default', async ({
    page: p,
    servers,
  }) => {
    servers.page('/', page(servers, { regions: REGIONS }, 'US-NY'));
    await p.goto(`${servers.site}/`);
    await ready(p);
    await p.waitForFunction(() => window.__ran?.length == 2);
    expect(await where(p)).toEqual(['US-NY', 'notice']);
    servers.page('/jp', page(servers, { regions: { EEA: { mode: 'opt-in' } }, mode: 'opt-out' }, 'JP'));
    await p.goto(`${servers.site}/jp`);
    await ready(p);
    await p.waitForFunction(() => window.__ran?.length == 2);
    expect(await where(p)).toEqual(['JP', 'opt-out']);
  });

  for (const unknown of ['XX', 'T1', 'nowhere'])
    test(`meta ${unknown} is unknown: the default applies`, async ({ page: p, servers }) => {
      servers.page(
        '/',
        page(servers, { regions: { ...REGIONS, default: { mode: 'opt-in' } }, mode: 'opt-out' }, unknown),
      );
      await p.goto(`${servers.site}/`);
      await ready(p);
      await expect(p.getByRole('button', { name: 'Accept all' })).toBeVisible();
      expect(await where(p)).toEqual([null, 'opt-in']);
      expect(await ran(p)).toEqual([]);
    });

  test('no meta and no endpoint: the default applies', async ({ page: p, servers }) => {
    servers.page('/', page(servers, { regions: REGIONS }));
    await p.goto(`${servers.site}/`);
    await ready(p);
    await p.waitForFunction(() => window.__ran?.length == 2);
    expect(await where(p)).toEqual([null, 'opt-out']);
    expect(servers.siteLog).toContain('/dist/consentry.regions.js');
  });

  test('a page without regions loads nothing new: no region rules, no endpoint, no GPP', async ({
    page: p,
    servers,
  }) => {
    servers.page('/', page(servers, { mode: 'opt-out', regionEndpoint: '/region' }, 'DE'));
    await p.goto(`${servers.site}/`);
    await ready(p);
    await p.waitForFunction(() => window.__ran?.length == 2);
    await p.waitForLoadState('load');
    expect(await where(p)).toEqual([null, 'opt-out']);
    expect(
      servers.siteLog.filter(
        (path) => !['/', '/dist/consentry.gatekeeper.js', '/dist/consentry.banner.js', '/favicon.ico'].includes(path),
      ),
    ).toEqual([]);
  });

  test('regionEndpoint: nothing runs and nobody is asked until it answers; then its region’s opt-out releases what was held', async ({
    page: p,
    servers,
  }) => {
    let answer!: (region: string | null) => void;
    const answered = new Promise<string | null>((resolve) => (answer = resolve));
    servers.page('/region', async () => ({
      body: JSON.stringify({ region: await answered }),
      headers: { 'Content-Type': 'application/json' },
    }));
    servers.page('/', page(servers, { regions: REGIONS, regionEndpoint: '/region' }));
    await p.goto(`${servers.site}/`, { waitUntil: 'load' });
    await ready(p);
    expect(servers.siteLog).toContain('/region');
    expect(await where(p)).toEqual([null, 'opt-in']);
    expect(await ran(p)).toEqual([]);
    expect(await p.evaluate(() => window.consentry!.state().reason)).toBeNull();
    expect(servers.siteLog).not.toContain('/dist/consentry.banner.js');
    answer('US-CA');
    await p.waitForFunction(() => window.__ran?.length == 2);
    expect(await where(p)).toEqual(['US-CA', 'opt-out']);
    await expect(p.getByRole('button', { name: 'Do not sell or share my personal information' })).toBeVisible();
  });

  test('regionEndpoint answering {"region":null} (or failing): the default applies', async ({ page: p, servers }) => {
    servers.page('/region', { body: '{"region":null}', headers: { 'Content-Type': 'application/json' } });
    servers.page(
      '/',
      page(servers, {
        regions: { ...REGIONS, default: { mode: 'opt-in' } },
        regionEndpoint: '/region',
        mode: 'opt-out',
      }),
    );
    await p.goto(`${servers.site}/`);
    await ready(p);
    await expect(p.getByRole('button', { name: 'Accept all' })).toBeVisible();
    expect(await where(p)).toEqual([null, 'opt-in']);
    servers.page(
      '/',
      page(servers, {
        regions: { ...REGIONS, default: { mode: 'opt-in' } },
        regionEndpoint: '/missing',
        mode: 'opt-out',
      }),
    );
    await p.goto(`${servers.site}/`);
    await ready(p);
    await expect(p.getByRole('button', { name: 'Accept all' })).toBeVisible();
    expect(await ran(p)).toEqual([]);
  });

  test('a move to a stricter region asks again, and nothing runs meanwhile; a move to a laxer one does not', async ({
    page: p,
    servers,
  }) => {
    servers.page('/ca', page(servers, { regions: REGIONS }, 'US-CA'));
    servers.page('/de', page(servers, { regions: REGIONS }, 'DE'));
    servers.page('/ny', page(servers, { regions: REGIONS }, 'US-NY'));
    await p.goto(`${servers.site}/ca`);
    await ready(p);
    await p.getByRole('button', { name: 'OK' }).click();
    expect(await p.evaluate(() => window.consentry!.get()?.r)).toBe('US-CA');
    await p.goto(`${servers.site}/de`);
    await ready(p);
    await expect(p.getByRole('button', { name: 'Accept all' })).toBeVisible();
    expect(await p.evaluate(() => [window.consentry!.get(), window.consentry!.state().reason])).toEqual([
      null,
      'region',
    ]);
    expect(await ran(p)).toEqual([]);
    await p.getByRole('button', { name: 'Accept all' }).click();
    await p.waitForFunction(() => window.__ran?.length == 2);
    // Made in DE (opt-in): valid in California and New York without asking.
    for (const path of ['/ca', '/ny']) {
      await p.goto(`${servers.site}${path}`);
      await ready(p);
      await p.waitForFunction(() => window.__ran?.length == 2);
      expect(await p.evaluate(() => [window.consentry!.get()?.r, window.consentry!.state().reason])).toEqual([
        'DE',
        null,
      ]);
    }
  });

  test('a bad region key or mode is a config error naming it, and the page stays blocked', async ({
    page: p,
    servers,
  }) => {
    const errors: string[] = [];
    p.on('console', (m) => m.type() == 'error' && errors.push(m.text()));
    servers.page('/', page(servers, { regions: { Europe: { mode: 'opt-in' } }, mode: 'opt-out' }, 'DE'));
    await p.goto(`${servers.site}/`, { waitUntil: 'load' });
    await ready(p);
    expect(errors.join('\n')).toContain('config.regions.Europe');
    servers.page('/', page(servers, { regions: { US: { mode: 'optout' } }, mode: 'opt-out' }, 'US'));
    await p.goto(`${servers.site}/`, { waitUntil: 'load' });
    await ready(p);
    expect(errors.join('\n')).toContain('config.regions.US.mode');
    expect(await ran(p)).toEqual([]);
  });
});

test('opting out in a region found after load reloads once, not again and again', async ({ page: p, servers }) => {
  servers.page('/', page(servers, { regions: REGIONS }, 'US-CA'));
  let loads = 0;
  p.on('load', () => loads++);
  await p.goto(`${servers.site}/`);
  await ready(p);
  await p.getByRole('button', { name: 'Do not sell or share my personal information' }).click();
  await expect.poll(() => p.evaluate(() => window.consentry?.get()?.c.advertising).catch(() => null)).toBe(false);
  await p.waitForLoadState('load');
  await p.waitForFunction(() => window.__ran?.includes('a'));
  expect(await p.evaluate(() => window.__ran)).toEqual(['a']);
  expect(loads).toBe(2);
});

test('consentry build --region: the site build holds its region, no meta tag and no endpoint needed', async ({
  page: p,
  servers,
}) => {
  const { spawnSync } = await import('node:child_process');
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'consentry-region-'));
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ regions: REGIONS }));
  const out = `dist/test-region-site-${process.pid}`;
  const run = spawnSync(
    'node',
    ['packages/cli/dist/cli.js', 'build', '--config', join(dir, 'config.json'), '--out', out, '--region', 'US-CA'],
    { encoding: 'utf8' },
  );
  expect(run.status, run.stderr).toBe(0);
  servers.page(
    '/',
    page(servers, {})
      .replace(/<script type="application\/json"[\s\S]*?<\/script>/, '')
      .replace('/dist/consentry.gatekeeper.js', `/${out}/consentry.gatekeeper.js`),
  );
  await p.goto(`${servers.site}/`);
  await ready(p);
  await p.waitForFunction(() => window.__ran?.length == 2);
  expect(await where(p)).toEqual(['US-CA', 'opt-out']);
  (await import('node:fs')).rmSync(out, { recursive: true, force: true });
});
