// The site build (docs/guide/install.md "Site build", `consentry build`): the head script with the site's
// checked config built in and no checker or catalog. Served from a folder the way a site
// self-hosts the build's output; the tracker's log shows what reached a third party.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { buildSite } from '@consentry/cli';
import { expect, hits, html, ready, test, type Servers } from './fixtures.js';

const HEAD = 'consentry.gatekeeper.js';

/** Run `consentry build` for `config` and serve its output at /consentry/ on the site. */
const serveBuild = async (servers: Servers, config: object) => {
  const out = mkdtempSync(join(tmpdir(), 'consentry-site-'));
  const files = await buildSite(config, out);
  for (const file of files)
    servers.page(`/consentry/${file}`, {
      body: readFileSync(join(out, file), 'utf8'),
      headers: { 'Content-Type': 'text/javascript' },
    });
  return files;
};

/**
 * A page with the site build's head script and no config block: tagged scripts, and an
 * untagged snippet that inserts a script from a host a URL rule covers (static HTML would be
 * fetched by the preload scanner before any script runs: it must be tagged).
 */
const sitePage = (servers: Servers, extraHead = '') =>
  html({
    config: null,
    bundle: null,
    head: `<script src="/consentry/${HEAD}"></script>${extraHead}
      <script type="text/plain" data-consent="analytics" src="${servers.tracker}/a.js"></script>
      <script type="text/plain" data-consent="advertising" src="${servers.tracker}/b.js"></script>
      <script>document.head.append(Object.assign(document.createElement('script'), { src: '${servers.origin('ads.tracker.test')}/untagged.js' }));</script>`,
    body: '<main><h1>Tea shop</h1></main>',
  });

const config = {
  privacyPolicyUrl: '/privacy',
  reloadOnWithdraw: false,
  rules: [{ category: 'advertising', hosts: ['ads.tracker.test'] }],
};
const siteFiles = (servers: Servers) =>
  servers.siteLog.filter((p) => p.startsWith('/consentry/')).map((p) => p.slice('/consentry/'.length));
const ran = (page: Page) => page.evaluate(() => [...(window.__ran ?? [])].sort());

test.describe('site build', () => {
  test('first visit: nothing reaches a third party before consent, the first layer asks, Accept all releases tagged and ruled scripts', async ({
    page,
    servers,
  }) => {
    const files = await serveBuild(servers, config);
    expect(files).toEqual(
      expect.arrayContaining([
        HEAD,
        'consentry.banner.js',
        'consentry.ui.js',
        'consentry.receipts.js',
        'i18n/zh-CN.js',
      ]),
    );
    servers.page('/', sitePage(servers));
    await page.goto(`${servers.site}/`);
    const region = page.getByRole('region', { name: 'We value your privacy' });
    await expect(region).toBeVisible();
    expect(hits(servers)).toEqual([]);
    await region.getByRole('button', { name: 'Accept all' }).click();
    await page.waitForFunction(() => window.__ran?.length == 3);
    expect(await ran(page)).toEqual(['a', 'b', 'untagged']);
    expect(siteFiles(servers)).toEqual([HEAD, 'consentry.banner.js']);
  });

  test('a returning visitor fetches the head script alone; Reject all keeps tagged and ruled scripts out', async ({
    page,
    servers,
  }) => {
    await serveBuild(servers, config);
    servers.page('/', sitePage(servers));
    await page.goto(`${servers.site}/`);
    await ready(page);
    await page.evaluate(() => window.consentry!.rejectAll());
    servers.siteLog.length = 0;
    await page.reload({ waitUntil: 'load' });
    await ready(page);
    expect(await page.evaluate(() => window.consentry!.get()?.m)).toBe('reject-all');
    expect(siteFiles(servers)).toEqual([HEAD]);
    expect(hits(servers)).toEqual([]);
    await expect(page.locator('consentry-banner')).toHaveCount(0);
    // The ruled script is held in the tagged form, waiting for its category.
    await expect(page.locator(`script[src$="/untagged.js"]`)).toHaveAttribute('data-consent', 'advertising');
  });

  test('strict CSP (nonce + strict-dynamic) and Trusted Types: the site build and the parts it fetches load, zero violations', async ({
    page,
    servers,
  }) => {
    const nonce = 's1teN0nce';
    await serveBuild(servers, config);
    servers.page('/', {
      headers: {
        'Content-Security-Policy': `default-src 'self'; script-src 'nonce-${nonce}' 'strict-dynamic'; style-src 'self'; require-trusted-types-for 'script'; trusted-types consentry lit-html`,
      },
      // Without the untagged snippet: under Trusted Types its own `script.src = '…'` is refused.
      body: sitePage(servers)
        .replace(/<script>document.head.append[^<]*<\/script>/, '')
        .replace(/<script(?= |>)/g, `<script nonce="${nonce}"`),
    });
    const violations: string[] = [];
    page.on('console', (m) => /Content.Security.Policy|Trusted.Type/i.test(m.text()) && violations.push(m.text()));
    page.on('pageerror', (e) => violations.push(e.message));
    await page.goto(`${servers.site}/`);
    await page.locator('consentry-banner').getByRole('button', { name: 'Customize' }).click();
    await expect(page.locator('consentry-banner dialog')).toBeVisible();
    await page.getByRole('button', { name: 'Accept all' }).last().click();
    await page.waitForFunction(() => window.__ran?.length == 2);
    expect(await ran(page)).toEqual(['a', 'b']);
    expect(siteFiles(servers)).toEqual([HEAD, 'consentry.banner.js', 'consentry.ui.js']);
    expect(violations).toEqual([]);
  });

  test('a config that only tags elements (the engine waits a task): the next page script already has the API', async ({
    page,
    servers,
  }) => {
    await serveBuild(servers, { privacyPolicyUrl: '/privacy' });
    servers.page(
      '/',
      sitePage(servers, '<script>window.__seen = typeof window.consentry.get;</script>').replace(
        /<script>document.head.append[^<]*<\/script>/,
        '',
      ),
    );
    await page.goto(`${servers.site}/`);
    expect(await page.evaluate(() => (window as unknown as { __seen: string }).__seen)).toBe('function');
    await page
      .getByRole('region', { name: 'We value your privacy' })
      .getByRole('button', { name: 'Accept all' })
      .click();
    await page.waitForFunction(() => window.__ran?.length == 2);
    expect(await ran(page)).toEqual(['a', 'b']);
  });

  test('a config block on the page is ignored, with a warning naming it', async ({ page, servers }) => {
    await serveBuild(servers, config);
    servers.page(
      '/',
      sitePage(servers).replace(
        '<script src="/consentry/',
        '<script type="application/json" id="consentry-config">{"mode":"opt-out"}</script><script src="/consentry/',
      ),
    );
    const warning = page.waitForEvent(
      'console',
      (m) => m.type() == 'warning' && m.text().includes('#consentry-config is ignored'),
    );
    await page.goto(`${servers.site}/`);
    await warning;
    await ready(page);
    expect(await page.evaluate(() => window.consentry!.config.mode)).toBe('opt-in');
    expect(hits(servers)).toEqual([]);
  });

  test('the template served without `consentry build`: a console error, no API, tagged scripts stay inert', async ({
    page,
    servers,
  }) => {
    servers.page(`/consentry/${HEAD}`, {
      body: readFileSync('dist/site/consentry.gatekeeper.js', 'utf8'),
      headers: { 'Content-Type': 'text/javascript' },
    });
    servers.page('/', sitePage(servers).replace(/<script>document.head.append[^<]*<\/script>/, ''));
    const errors: string[] = [];
    page.on('console', (m) => m.type() == 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${servers.site}/`, { waitUntil: 'load' });
    expect(errors).toEqual([
      expect.stringContaining('this head script has no config: serve the output of `consentry build`'),
    ]);
    expect(await page.evaluate(() => 'consentry' in window)).toBe(false);
    expect(hits(servers)).toEqual([]);
  });
});

// Locale files are copied as the package builds them: every one the generic build has.
test('the site build copies every locale file', async () => {
  const out = mkdtempSync(join(tmpdir(), 'consentry-site-'));
  await buildSite({}, out);
  expect(readdirSync(join(out, 'i18n')).sort()).toEqual(
    readdirSync('dist/i18n')
      .filter((f) => f.endsWith('.js'))
      .sort(),
  );
});
