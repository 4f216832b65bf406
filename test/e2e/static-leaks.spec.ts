// In development, an untagged static tag to a ruled host is fetched by the browser's preload
// scanner before the head script can hold it: the banner's file says so once, naming the URL
// and `consentry tag`. A tagged page gets no such warning.
import type { Page } from '@playwright/test';
import { expect, html, ready, test, type Servers } from './fixtures.js';

const config = {
  privacyPolicyUrl: '/privacy',
  reloadOnWithdraw: false,
  rules: [{ category: 'analytics', hosts: ['*.tracker.test'] }],
};

/** Load `body` on the site served as `host`; resolves with consentry's console warnings once the load event was handled. */
const visit = async (page: Page, servers: Servers, body: string, host = '127.0.0.1', bundle?: string) => {
  const warnings: string[] = [];
  page.on('console', (m) => m.type() == 'warning' && m.text().startsWith('consentry:') && warnings.push(m.text()));
  servers.page('/', html({ config, body, ...(bundle ? { bundle } : {}) }));
  await page.goto(servers.site.replace('shop.example.test', host) + '/');
  await ready(page);
  await page.locator('consentry-banner [part=banner]').waitFor();
  // The check runs on the load event (or at once when the banner came after it): one more task after it.
  await page.waitForFunction(() => document.readyState == 'complete');
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve)));
  return warnings;
};

const leakWarning = (url: string) =>
  `consentry: ${url} was requested before consentry could hold it (static HTML). Tag it: npx consentry tag --write <file>, see docs/guide/tagging.md`;

for (const bundle of ['consentry.gatekeeper.js', 'consentry.js'])
  test(`${bundle}: an untagged static <img src> to a ruled host on 127.0.0.1 is named once`, async ({
    page,
    servers,
  }) => {
    const pixel = `${servers.tracker}/pixel.gif`;
    const warnings = await visit(
      page,
      servers,
      `<main><p>Tea.</p><img src="${pixel}" alt=""><img src="${pixel}?b" alt=""></main>`,
      '127.0.0.1',
      bundle,
    );
    // It really went out before any choice: the tracker's own log.
    expect(servers.log.some((e) => e.host.endsWith('tracker.test') && e.path == '/pixel.gif')).toBe(true);
    expect(warnings).toEqual([leakWarning(pixel)]);
  });

test('the same <img> tagged: held, and no warning', async ({ page, servers }) => {
  const warnings = await visit(
    page,
    servers,
    `<main><p>Tea.</p><img data-consent="analytics" data-src="${servers.tracker}/pixel.gif" alt=""></main>`,
  );
  expect(servers.log.filter((e) => e.host.endsWith('tracker.test'))).toEqual([]);
  expect(warnings).toEqual([]);
});
