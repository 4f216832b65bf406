// Storage failures, double loading, strict CSP with Trusted Types. The SDK must never
// break the host page and never grant by accident.
import { readFileSync } from 'node:fs';
import { expect, hits, html, ready, test } from './fixtures.js';

const tagged = (tracker: string) => `
  <script type="text/plain" data-consent="analytics" src="${tracker}/a.js"></script>
  <script type="text/plain" data-consent="analytics">(window.__ran = window.__ran || []).push('inline');</script>`;

test.describe('storage failures', () => {
  for (const [name, init] of [
    [
      'document.cookie throws',
      () => {
        Object.defineProperty(Document.prototype, 'cookie', {
          get() {
            throw new Error('SecurityError');
          },
          set() {
            throw new Error('SecurityError');
          },
        });
      },
    ],
    [
      'cookies are silently dropped (disabled)',
      () => {
        Object.defineProperty(Document.prototype, 'cookie', { get: () => '', set: () => {} });
      },
    ],
    [
      'localStorage and BroadcastChannel throw',
      () => {
        Object.defineProperty(window, 'localStorage', {
          get() {
            throw new Error('SecurityError');
          },
        });
        (window as unknown as { BroadcastChannel: unknown }).BroadcastChannel = function () {
          throw new Error('blocked');
        };
      },
    ],
  ] as const) {
    test(`${name}: nothing granted silently, no uncaught error, the choice holds for the page view`, async ({
      page,
      servers,
    }) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.addInitScript(init);
      // This tracker stand-in does not touch cookies itself, so any error would be consentry's.
      servers.thirdParty('/a.js', "(window.__ran = window.__ran || []).push('a');");
      servers.page(
        '/',
        html({
          head: tagged(servers.tracker),
          body: '<p id="host">host page</p><script>window.__hostOk = true;</script>',
        }),
      );
      await page.goto(`${servers.site}/`);
      await ready(page);
      await page.waitForLoadState('load');
      expect(await page.evaluate(() => (window as { __hostOk?: boolean }).__hostOk)).toBe(true);
      expect(await page.evaluate(() => window.consentry!.granted('analytics'))).toBe(false);
      expect(hits(servers)).toEqual([]);
      // A deliberate choice still applies to this page view.
      await page.evaluate(() => window.consentry!.acceptAll());
      await page.waitForFunction(() => window.__ran?.length === 2);
      expect(errors).toEqual([]);
    });
  }
});

test.describe('loading twice', () => {
  test('two different versions on one page: the first core wins, a warning explains, nothing runs twice', async ({
    page,
    servers,
  }) => {
    const other = readFileSync('dist/consentry.gatekeeper.js', 'utf8').replace(/"0\.1\.0"/g, '"9.9.9"');
    servers.page('/other-version.js', { body: other, headers: { 'Content-Type': 'text/javascript' } });
    servers.page('/', html({ head: `<script src="/other-version.js"></script>${tagged(servers.tracker)}` }));
    const warnings: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.goto(`${servers.site}/`);
    await ready(page);
    expect(await page.evaluate(() => window.consentry!.version)).toBe('0.1.0');
    expect(warnings.join('\n')).toContain('consentry: already loaded (version 0.1.0)');
    await page.evaluate(() => window.consentry!.acceptAll());
    await page.waitForFunction(() => window.__ran?.length === 2);
    await servers.waitForRequest((e) => e.path === '/a.js');
    expect(servers.log.filter((e) => e.path === '/a.js')).toHaveLength(1);
    expect(await page.evaluate(() => window.__ran)).toEqual(['a', 'inline']);
  });
});

test.describe('strict CSP with Trusted Types', () => {
  test('nonce-only script-src plus require-trusted-types-for: tagged scripts release, no violations', async ({
    page,
    servers,
  }) => {
    const nonce = 'r4nd0mN0nce';
    const csp =
      `default-src 'self'; script-src 'nonce-${nonce}' ${servers.tracker}; style-src 'self'; img-src 'self' ${servers.tracker}; ` +
      `require-trusted-types-for 'script'; trusted-types consentry`;
    servers.page('/', {
      headers: { 'Content-Security-Policy': csp },
      body: html({
        head: `<script nonce="${nonce}" type="text/plain" data-consent="analytics" src="${servers.tracker}/a.js"></script>
          <script nonce="${nonce}" type="text/plain" data-consent="analytics">(window.__ran = window.__ran || []).push('inline');</script>`,
        body: `<img data-consent="analytics" data-src="${servers.tracker}/p.gif" alt="">`,
      }).replace('<script src="/dist/', `<script nonce="${nonce}" src="/dist/`),
    });
    const violations: string[] = [];
    page.on('console', (m) => /Content Security Policy|Trusted Type/i.test(m.text()) && violations.push(m.text()));
    await page.exposeFunction('__violation', (v: string) => violations.push(v));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { __violation(v: string): void }).__violation(`${e.violatedDirective} ${e.blockedURI}`),
      ),
    );
    await page.goto(`${servers.site}/`);
    await ready(page);
    await page.evaluate(() => window.consentry!.acceptAll());
    await page.waitForFunction(() => window.__ran?.length === 2);
    await servers.waitForRequest((e) => e.path === '/p.gif');
    expect(await page.evaluate(() => window.__ran)).toEqual(['a', 'inline']);
    expect(violations).toEqual([]);
  });
});

test.describe('script URLs in tagged elements', () => {
  test('javascript:, data: and vbscript: data-src values are never released, even after Accept all', async ({
    page,
    servers,
  }) => {
    servers.page(
      '/',
      html({
        head: `<script type="text/plain" data-consent="analytics" src="javascript:window.__xss='script'"></script>`,
        body: `<iframe data-consent="analytics" data-src="javascript:parent.__xss='iframe'" title="x"></iframe>
        <iframe data-consent="analytics" data-src=" JAVA&#9;SCRIPT:parent.__xss='iframe2'" title="y"></iframe>
        <iframe data-consent="analytics" data-src="data:text/html,<script>parent.__xss='data'</script>" title="z"></iframe>
        <img data-consent="analytics" data-src="vbscript:msgbox" alt="">
        <img id="ok" data-consent="analytics" data-src="${servers.tracker}/fine.gif" alt="">`,
      }),
    );
    const warnings: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.goto(`${servers.site}/`);
    await ready(page);
    await page.evaluate(() => window.consentry!.acceptAll());
    // The safe pixel next to them is released: the release pass has run over all of them.
    await servers.waitForRequest((e) => e.path === '/fine.gif');
    expect(await page.evaluate(() => (window as { __xss?: string }).__xss)).toBeUndefined();
    expect(
      await page.evaluate(
        () => [...document.querySelectorAll('iframe, img:not(#ok)')].filter((e) => e.hasAttribute('src')).length,
      ),
    ).toBe(0);
    expect(warnings.filter((w) => w.startsWith('consentry: refused')).length).toBeGreaterThanOrEqual(2);
  });
});
