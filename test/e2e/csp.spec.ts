// The exact strict CSP documented in docs/security.md works end to end with the full bundle:
// nonce-only scripts, no inline styles, Trusted Types enforced. Any violation fails the test.
import type { Page } from '@playwright/test';
import { expect, html, ready, test, type Servers } from './fixtures.js';

const NONCE = 'c0nsentryN0nce';

/** The CSP of docs/security.md, with the test's tracker origin as the site's allowed third party. */
const strictCsp = (s: Servers) =>
  `default-src 'self'; script-src 'nonce-${NONCE}' ${s.tracker}; style-src 'self'; ` +
  `img-src 'self' ${s.tracker}; frame-src ${s.tracker}; connect-src 'self' ${s.tracker}; ` +
  `require-trusted-types-for 'script'; trusted-types consentry lit-html`;

const collectViolations = async (page: Page) => {
  const violations: string[] = [];
  page.on('console', (m) => /Content.Security.Policy|Trusted.Type/i.test(m.text()) && violations.push(m.text()));
  page.on('pageerror', (e) => violations.push(`pageerror: ${e.message}`));
  await page.exposeFunction('__violation', (v: string) => violations.push(v));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __violation(v: string): void }).__violation(`${e.violatedDirective} ${e.blockedURI}`),
    ),
  );
  return violations;
};

test('strict CSP + Trusted Types: banner shows, Accept all releases nonced scripts, pixel and embed; zero violations', async ({
  page,
  servers,
}) => {
  servers.page('/', {
    headers: { 'Content-Security-Policy': strictCsp(servers) },
    body: html({
      bundle: 'consentry.js',
      config: { rules: [{ category: 'advertising', hosts: ['ads.tracker.test'] }] },
      head: `<script nonce="${NONCE}" type="text/plain" data-consent="analytics" src="${servers.tracker}/a.js"></script>
        <script nonce="${NONCE}" type="text/plain" data-consent="analytics">(window.__ran = window.__ran || []).push('inline');</script>`,
      body: `<main><h1>Shop</h1></main>
        <img data-consent="advertising" data-src="${servers.tracker}/p.gif" alt="">
        <iframe data-consent="third_party" data-src="${servers.tracker}/embed.html" title="Video" width="320" height="180"></iframe>
        <footer><a href="#consentry-preferences">Cookie settings</a></footer>`,
    }).replace('<script src="/dist/', `<script nonce="${NONCE}" src="/dist/`),
  });
  const violations = await collectViolations(page);
  await page.goto(`${servers.site}/`);
  await ready(page);
  const accept = page.locator('consentry-banner').getByRole('button', { name: 'Accept all' });
  await expect(accept).toBeVisible();
  await accept.click();
  await page.waitForFunction(() => window.__ran?.length === 2);
  expect(await page.evaluate(() => window.__ran)).toEqual(['a', 'inline']);
  await servers.waitForRequest((e) => e.path === '/p.gif');
  await servers.waitForRequest((e) => e.path === '/embed.html');
  // Reopen through the footer link: the dialog renders under the same policy.
  await page.getByRole('link', { name: 'Cookie settings' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(violations).toEqual([]);
});

test('without lit-html in trusted-types the gatekeeper still protects the page and the console explains', async ({
  page,
  servers,
}) => {
  servers.page('/', {
    headers: { 'Content-Security-Policy': strictCsp(servers).replace(' lit-html', '') },
    body: html({
      bundle: 'consentry.js',
      head: `<script nonce="${NONCE}" type="text/plain" data-consent="analytics" src="${servers.tracker}/a.js"></script>`,
    }).replace('<script src="/dist/', `<script nonce="${NONCE}" src="/dist/`),
  });
  const messages: string[] = [];
  page.on('console', (m) => messages.push(m.text()));
  page.on('pageerror', (e) => messages.push(e.message));
  await page.goto(`${servers.site}/`);
  await ready(page);
  await page.waitForLoadState('load');
  expect(messages.join('\n')).toMatch(/TrustedTypePolicy named 'lit-html'/);
  // Nothing was released by accident, and the API still works for the site's own UI.
  expect(await page.evaluate(() => window.consentry!.granted('analytics'))).toBe(false);
  expect(servers.log).toEqual([]);
  await page.evaluate(() => window.consentry!.acceptAll());
  await page.waitForFunction(() => window.__ran?.includes('a'));
});
