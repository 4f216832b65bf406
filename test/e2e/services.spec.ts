import { expect, html, ready, test, type Servers } from './fixtures.js';

// Per-service consent in a real browser (docs/guide/services.md): service hosts hold and drop exactly as
// URL rules do, a service can be allowed alone, a shared host loads for any of its services,
// a refused service's cookies are deleted, and "Load once" stores nothing.
const config = () => ({
  reloadOnWithdraw: false,
  services: {
    stats: { category: 'analytics', label: 'Stats', hosts: ['stats.tracker.test'], cookies: ['_st_*'] },
    heat: { category: 'analytics', label: 'Heatmaps', hosts: ['heat.tracker.test'] },
    video: { category: 'third_party', label: 'Video', hosts: ['video.tracker.test'] },
    // Both load their tag from one host (as gtag.js serves Google Analytics and Google Ads).
    'tag-a': { category: 'analytics', label: 'Tag A', hosts: ['tags.other.test'] },
    'tag-b': { category: 'advertising', label: 'Tag B', hosts: ['tags.other.test'] },
  },
  // A host nobody rules, to know when the page is done sending.
  rules: [{ category: 'advertising', hosts: ['ads.other.test'] }],
});

/** Untagged vendor-style snippets: a script, a pixel, a beacon and an embed per service. */
const snippets = (servers: Servers) => `
  <script>
    function loadAll(tag) {
      var s = document.createElement('script'); s.src = '${servers.origin('stats.tracker.test')}/stats.js'; document.head.appendChild(s);
      new Image().src = '${servers.origin('heat.tracker.test')}/pixel.gif?' + tag;
      navigator.sendBeacon('${servers.origin('stats.tracker.test')}/collect?' + tag, 'x');
      var t = document.createElement('script'); t.src = '${servers.origin('tags.other.test')}/tag.js'; document.head.appendChild(t);
      var f = document.createElement('iframe'); f.src = '${servers.origin('video.tracker.test')}/embed.html'; f.title = 'video';
      document.addEventListener('DOMContentLoaded', function () { document.body.append(f); });
      fetch('${servers.origin('done.other.test')}/done?' + tag);
    }
    loadAll('1');
  </script>`;

const hostsHit = (servers: Servers) =>
  [...new Set(servers.log.map((e) => e.host))].filter((h) => h != 'done.other.test').sort();
const done = (servers: Servers, tag: string) =>
  servers.waitForRequest((e) => e.host == 'done.other.test' && e.query == `?${tag}`);

test.describe('services', () => {
  test('untagged snippets of named services reach nothing before consent', async ({ page, servers }) => {
    const cfg = config();
    // (A static <iframe src> in the HTML would load before any script: `consentry tag` fixes those.)
    servers.page('/', html({ config: cfg, head: snippets(servers) }));
    await page.goto(`${servers.site}/`);
    await ready(page);
    await done(servers, '1');
    expect(hostsHit(servers)).toEqual([]);
    expect((await page.evaluate(() => window.consentry!.blocked())).map((b) => b.category).sort()).toEqual(
      ['heat', 'stats', 'stats', 'tag-a|tag-b', 'video'].sort(),
    );
  });

  test('allowing one service loads it alone; the rest stays blocked and the banner still asks', async ({
    page,
    servers,
  }) => {
    const cfg = config();
    servers.page('/', html({ config: cfg, head: snippets(servers) }));
    await page.goto(`${servers.site}/`);
    await ready(page);
    await done(servers, '1');
    await page.evaluate(() => window.consentry!.set({ stats: true }));
    await servers.waitForRequest((e) => e.host == 'stats.tracker.test' && e.path == '/stats.js');
    await page.evaluate(() => (window as unknown as { loadAll(t: string): void }).loadAll('2'));
    await done(servers, '2');
    expect(hostsHit(servers)).toEqual(['stats.tracker.test']);
    expect(
      await page.evaluate(() => [
        window.consentry!.granted('stats'),
        window.consentry!.granted('analytics'),
        window.consentry!.get(),
      ]),
    ).toEqual([true, false, null]);
  });

  test('a shared host loads when either service needing it is granted', async ({ page, servers }) => {
    const cfg = config();
    servers.page('/', html({ config: cfg, head: snippets(servers) }));
    await page.goto(`${servers.site}/`);
    await ready(page);
    await done(servers, '1');
    await page.evaluate(() => window.consentry!.set({ analytics: false, advertising: true }));
    await servers.waitForRequest((e) => e.host == 'tags.other.test');
    expect(hostsHit(servers)).toEqual(['tags.other.test']);
  });

  test("a refused service's cookies are deleted, its category's other services keep theirs", async ({
    page,
    servers,
  }) => {
    const cfg = config();
    servers.page('/', html({ config: cfg }));
    await page.goto(`${servers.site}/`);
    await ready(page);
    await page.evaluate(() => window.consentry!.set({ analytics: true }));
    await page.evaluate(() => {
      document.cookie = '_st_id=1; path=/';
      document.cookie = '_keep=1; path=/';
    });
    await page.evaluate(() => window.consentry!.set({ stats: false }));
    expect(await page.evaluate(() => document.cookie)).not.toContain('_st_id');
    expect(await page.evaluate(() => document.cookie)).toContain('_keep=1');
    expect(
      await page.evaluate(() => [window.consentry!.granted('heat'), window.consentry!.granted('analytics')]),
    ).toEqual([true, false]);
  });

  test('loadOnce releases one embed for this page view and stores nothing', async ({ page, servers }) => {
    const cfg = config();
    servers.page(
      '/',
      html({
        config: cfg,
        body: `<iframe id="v" data-consent="video" data-src="${servers.origin('video.tracker.test')}/embed.html" title="video"></iframe>`,
      }),
    );
    await page.goto(`${servers.site}/`);
    await ready(page);
    await page.evaluate(() => window.consentry!.loadOnce(document.getElementById('v')!));
    await servers.waitForRequest((e) => e.host == 'video.tracker.test' && e.path == '/embed.html');
    expect(
      await page.evaluate(() => [window.consentry!.granted('video'), document.cookie.includes('consentry=')]),
    ).toEqual([false, false]);
    servers.log.length = 0;
    await page.reload();
    await ready(page);
    expect(await page.locator('#v').getAttribute('src')).toBeNull();
    expect(hostsHit(servers)).toEqual([]);
  });
});

test('a config naming an unknown service fails loudly and keeps every catalog host blocked', async ({
  page,
  servers,
}) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() == 'error' && errors.push(m.text()));
  servers.page(
    '/',
    html({
      config: { services: ['youtube', 'no-such-service'] },
      body: `<script>var s = document.createElement('script'); s.src = 'https://www.youtube.com/iframe_api'; document.head.appendChild(s);</script>`,
    }),
  );
  await page.goto(`${servers.site}/`);
  await ready(page);
  expect(errors.join('\n')).toContain('config.services[1] "no-such-service"; expected a catalog service id');
  expect(await page.evaluate(() => window.consentry!.blocked().map((b) => `${b.kind} ${b.host}`))).toEqual([
    'script www.youtube.com',
  ]);
  expect(await page.evaluate(() => [window.consentry!.acceptAll(), window.consentry!.granted('youtube')])).toEqual([
    null,
    false,
  ]);
});
