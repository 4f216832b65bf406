// The head script loads only what a visit needs (docs/guide/install.md "What loads when"). The site
// server's request log shows which consentry files each page fetched; the tracker's log shows
// what was released.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { bannerConfig, shopPage } from './banner-pages.js';
import { expect, html, ready, test, type Servers } from './fixtures.js';

const GATEKEEPER = 'consentry.gatekeeper.js';
/** The consentry files a page requested from the site, in order. */
const consentryFiles = (servers: Servers) =>
  servers.siteLog.filter((p) => /consentry[^/]*\.js$/.test(p)).map((p) => p.split('/').pop());
const bar = (page: Page) => page.locator('consentry-banner [part=banner]');
const dialog = (page: Page) => page.locator('consentry-banner dialog');
const ran = (page: Page, name: string) => page.waitForFunction((n) => window.__ran?.includes(n), name);

/** A visit that chooses through the API, so the next navigation is a returning visitor's. */
const chooseThenReturn = async (page: Page, servers: Servers, choose: 'acceptAll' | 'rejectAll') => {
  await page.goto(`${servers.site}/`);
  await ready(page);
  await page.evaluate((fn) => window.consentry![fn](), choose);
  await page.waitForLoadState('load');
  servers.siteLog.length = 0;
  await page.goto(`${servers.site}/`);
  await ready(page);
};

test.describe('loading: what each visit fetches', () => {
  test('a returning visitor with a valid choice fetches no UI file, and its tagged scripts still run', async ({
    page,
    servers,
  }) => {
    servers.page('/', shopPage(servers, { bundle: GATEKEEPER, body: '' }).replace(/<iframe[^>]*><\/iframe>/, ''));
    await chooseThenReturn(page, servers, 'acceptAll');
    await ran(page, 'a');
    await ran(page, 'b');
    await page.waitForLoadState('load');
    expect(consentryFiles(servers)).toEqual([GATEKEEPER]);
    await expect(page.locator('consentry-banner')).toHaveCount(0);
  });

  test('the one-file consentry.js: a returning visitor runs no banner code', async ({ page, servers }) => {
    servers.page('/', shopPage(servers).replace(/<iframe[^>]*><\/iframe>/, ''));
    await chooseThenReturn(page, servers, 'acceptAll');
    await ran(page, 'a');
    await page.waitForLoadState('load');
    expect(consentryFiles(servers)).toEqual(['consentry.js']);
    expect(
      await page.evaluate(() => [
        !!customElements.get('consentry-banner'),
        !!document.querySelector('consentry-banner'),
      ]),
    ).toEqual([false, false]);
  });

  test('a first visit fetches the first layer alone; Accept all releases without fetching more', async ({
    page,
    servers,
  }) => {
    servers.page('/', shopPage(servers, { bundle: GATEKEEPER }).replace(/<iframe[^>]*><\/iframe>/, ''));
    await page.goto(`${servers.site}/`);
    const region = page.getByRole('region', { name: 'We value your privacy' });
    await expect(region).toBeVisible();
    await expect(region.getByRole('button')).toHaveText(['Accept all', 'Reject all', 'Customize']);
    expect(servers.log).toEqual([]);
    await region.getByRole('button', { name: 'Accept all' }).click();
    await ran(page, 'a');
    await expect(bar(page)).toHaveCount(0);
    expect(consentryFiles(servers)).toEqual([GATEKEEPER, 'consentry.banner.js']);
  });

  test('Customize on the first layer fetches the whole UI, which takes the banner over in place (no shift) and opens the dialog', async ({
    page,
    servers,
  }) => {
    servers.page('/', shopPage(servers, { bundle: GATEKEEPER }).replace(/<iframe[^>]*><\/iframe>/, ''));
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`${servers.site}/`);
    const accept = page.locator('consentry-banner').getByRole('button', { name: 'Accept all' });
    await expect(accept).toBeVisible();
    const before = await accept.boundingBox();
    await page.locator('consentry-banner').getByRole('button', { name: 'Customize' }).click();
    await expect(dialog(page)).toBeVisible();
    expect(consentryFiles(servers)).toEqual([GATEKEEPER, 'consentry.banner.js', 'consentry.ui.js']);
    await page.keyboard.press('Escape');
    await expect(dialog(page)).toHaveCount(0);
    expect(await accept.boundingBox()).toEqual(before);
    await expect(page.locator('consentry-banner').getByRole('button')).toHaveText([
      'Accept all',
      'Reject all',
      'Customize',
    ]);
    await page.getByRole('button', { name: 'Reject all' }).click();
    await expect(bar(page)).toHaveCount(0);
    expect(servers.log).toEqual([]);
  });

  test('on a returning visit a footer reopen link and open() fetch the UI and open the dialog; focus returns to the link', async ({
    page,
    servers,
  }) => {
    servers.page('/', shopPage(servers, { bundle: GATEKEEPER }).replace(/<iframe[^>]*><\/iframe>/, ''));
    await chooseThenReturn(page, servers, 'rejectAll');
    await page.waitForLoadState('load');
    expect(consentryFiles(servers)).toEqual([GATEKEEPER]);
    await page.locator('#prefs').click();
    await expect(dialog(page)).toBeVisible();
    expect(consentryFiles(servers)).toEqual([GATEKEEPER, 'consentry.ui.js']);
    // Pre-filled with the saved refusal, as before.
    await expect(page.getByRole('switch', { name: 'Analytics' })).toHaveAttribute('aria-checked', 'false');
    await page.keyboard.press('Escape');
    await expect(dialog(page)).toHaveCount(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('prefs');
    // open() on a fresh returning page view.
    servers.siteLog.length = 0;
    await page.goto(`${servers.site}/`);
    await ready(page);
    await page.evaluate(() => window.consentry!.open());
    await expect(dialog(page)).toBeVisible();
    expect(consentryFiles(servers)).toEqual([GATEKEEPER, 'consentry.ui.js']);
    await page.getByRole('button', { name: 'Accept all' }).last().click();
    await ran(page, 'a');
  });

  test('arriving on #consentry-preferences on a returning visit fetches the UI and opens the dialog', async ({
    page,
    servers,
  }) => {
    servers.page('/', shopPage(servers, { bundle: GATEKEEPER }).replace(/<iframe[^>]*><\/iframe>/, ''));
    await chooseThenReturn(page, servers, 'rejectAll');
    await page.goto('about:blank');
    servers.siteLog.length = 0;
    await page.goto(`${servers.site}/#consentry-preferences`);
    await expect(dialog(page)).toBeVisible();
    expect(consentryFiles(servers)).toEqual([GATEKEEPER, 'consentry.ui.js']);
  });

  test('a blocked embed on a returning visit fetches the UI for its placeholder', async ({ page, servers }) => {
    servers.page('/', shopPage(servers, { bundle: GATEKEEPER }));
    await chooseThenReturn(page, servers, 'rejectAll');
    await expect(page.getByRole('group', { name: 'Tea video' })).toBeVisible();
    expect(consentryFiles(servers)).toEqual([GATEKEEPER, 'consentry.ui.js']);
    await expect(bar(page)).toHaveCount(0);
    expect(servers.log).toEqual([]);
  });

  test('ui.floatingButton fetches the UI on a returning visit, and the button opens the dialog', async ({
    page,
    servers,
  }) => {
    servers.page(
      '/',
      shopPage(servers, { bundle: GATEKEEPER, config: bannerConfig({ ui: { floatingButton: true } }) }).replace(
        /<iframe[^>]*><\/iframe>/,
        '',
      ),
    );
    await chooseThenReturn(page, servers, 'rejectAll');
    await page.getByRole('button', { name: 'Privacy preferences' }).click();
    await expect(dialog(page)).toBeVisible();
  });

  test('missing UI files: one console error naming each, nothing released, the page keeps working', async ({
    page,
    servers,
  }) => {
    // The head script self-hosted in /js/ without the files that belong beside it.
    servers.page('/js/consentry.gatekeeper.js', {
      body: readFileSync(`dist/${GATEKEEPER}`, 'utf8'),
      headers: { 'Content-Type': 'text/javascript' },
    });
    servers.page(
      '/',
      html({
        bundle: null,
        head: `<script src="/js/consentry.gatekeeper.js"></script>
        <script type="text/plain" data-consent="analytics" src="${servers.tracker}/a.js"></script>`,
        body: `<button id="own" onclick="this.textContent = 'clicked'">Site button</button><a id="prefs" href="#consentry-preferences">Cookie settings</a>`,
      }),
    );
    const errors: string[] = [];
    const pageErrors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && /consentry/.test(m.text()) && errors.push(m.text()));
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${servers.site}/`);
    await ready(page);
    await expect.poll(() => errors.length).toBe(1);
    expect(errors[0]).toContain(`consentry: cannot load ${servers.site}/js/consentry.banner.js`);
    await page.locator('#prefs').click();
    await expect.poll(() => errors.length).toBe(2);
    expect(errors[1]).toContain('/js/consentry.ui.js');
    await page.locator('#own').click();
    await expect(page.locator('#own')).toHaveText('clicked');
    expect(await page.evaluate(() => window.consentry!.granted('analytics'))).toBe(false);
    expect(servers.log).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  test('a blocked embed with the UI file missing: one fetch and one error however often the page changes; a new embed tries once more', async ({
    page,
    servers,
  }) => {
    servers.page('/js/consentry.gatekeeper.js', {
      body: readFileSync(`dist/${GATEKEEPER}`, 'utf8'),
      headers: { 'Content-Type': 'text/javascript' },
    });
    servers.page(
      '/',
      html({
        bundle: null,
        head: '<script src="/js/consentry.gatekeeper.js"></script>',
        body: `<iframe data-consent="third_party" data-src="${servers.tracker}/embed.html"></iframe><ul id="feed"></ul>`,
      }),
    );
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && /consentry\.ui\.js/.test(m.text()) && errors.push(m.text()));
    await page.goto(`${servers.site}/`);
    await ready(page);
    await expect.poll(() => errors.length).toBe(1);
    // An SPA-like page keeps changing its DOM; every change is a mutation batch the loader sees.
    for (let i = 0; i < 20; i++) {
      await page.evaluate(
        (n) =>
          document
            .getElementById('feed')!
            .append(Object.assign(document.createElement('li'), { textContent: `item ${n}` })),
        i,
      );
      await page.evaluate(() => new Promise(requestAnimationFrame));
    }
    expect(consentryFiles(servers).filter((f) => f === 'consentry.ui.js')).toHaveLength(1);
    expect(errors).toHaveLength(1);
    // A second embed is a new need: the UI file is tried once more.
    await page.evaluate((src) => {
      const iframe = document.createElement('iframe');
      iframe.setAttribute('data-consent', 'third_party');
      iframe.setAttribute('data-src', src);
      document.body.append(iframe);
    }, `${servers.tracker}/embed2.html`);
    await expect.poll(() => errors.length).toBe(2);
    expect(consentryFiles(servers).filter((f) => f === 'consentry.ui.js')).toHaveLength(2);
    expect(servers.log).toEqual([]);
  });

  test('receipt sending is fetched on the first decision, not before, and not on a returning visit with an empty queue', async ({
    page,
    servers,
  }) => {
    // A same-origin receiver: the request body as it arrived.
    const received: string[] = [];
    servers.page(
      '/receipts',
      ((req: NodeJS.ReadableStream) =>
        new Promise((resolve) => {
          let body = '';
          req.on('data', (c) => (body += c));
          req.on('end', () => (received.push(body), resolve({ body: '', headers: { 'Content-Type': 'text/plain' } })));
        })) as never,
    );
    servers.page('/', html({ bundle: GATEKEEPER, config: { receipt: { endpoint: '/receipts' } } }));
    await page.goto(`${servers.site}/`);
    await expect(bar(page)).toBeVisible();
    expect(consentryFiles(servers)).toEqual([GATEKEEPER, 'consentry.banner.js']);
    await page.getByRole('button', { name: 'Accept all' }).click();
    await expect.poll(() => received.length).toBe(1);
    expect(JSON.parse(received[0])).toMatchObject({ method: 'accept-all', hash: expect.stringMatching(/^fnv1a:/) });
    expect(consentryFiles(servers)).toEqual([GATEKEEPER, 'consentry.banner.js', 'consentry.receipts.js']);
    expect(servers.log).toEqual([]);
    await expect.poll(() => page.evaluate(() => localStorage.getItem('consentry:receipts'))).toBe('[]');
    servers.siteLog.length = 0;
    await page.goto(`${servers.site}/`);
    await ready(page);
    await page.waitForLoadState('load');
    expect(consentryFiles(servers)).toEqual([GATEKEEPER]);
  });

  test('strict CSP (nonce + strict-dynamic) and Trusted Types: the lazily fetched files load, zero violations', async ({
    page,
    servers,
  }) => {
    const nonce = 'l0adingN0nce';
    servers.page('/', {
      headers: {
        'Content-Security-Policy':
          `default-src 'self'; script-src 'nonce-${nonce}' 'strict-dynamic'; style-src 'self'; frame-src ${servers.origin('video.tracker.test')}; ` +
          `require-trusted-types-for 'script'; trusted-types consentry lit-html`,
      },
      body: shopPage(servers, { bundle: GATEKEEPER })
        .replace('<script src="/dist/', `<script nonce="${nonce}" src="/dist/`)
        .replace(/<script type="text\/plain"/g, `<script nonce="${nonce}" type="text/plain"`),
    });
    const violations: string[] = [];
    page.on('console', (m) => /Content.Security.Policy|Trusted.Type/i.test(m.text()) && violations.push(m.text()));
    page.on('pageerror', (e) => violations.push(e.message));
    await page.goto(`${servers.site}/`);
    await expect(page.getByRole('group', { name: 'Tea video' })).toBeVisible();
    await page.locator('consentry-banner').getByRole('button', { name: 'Customize' }).click();
    await expect(dialog(page)).toBeVisible();
    await page.getByRole('button', { name: 'Accept all' }).last().click();
    await ran(page, 'a');
    expect(violations).toEqual([]);
  });

  test.describe("when the engine starts (the head script's task stays short)", () => {
    /**
     * Record where the first cookie read (the engine reading the stored choice) ran: inside
     * the head script's run (its microtask runs while it is still document.currentScript,
     * HTML "clean up after running script"), or later, in a task of its own or a page script.
     */
    const spyFirstCookieRead = (page: Page) =>
      page.addInitScript(() => {
        const { get, set } = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
        Object.defineProperty(Document.prototype, 'cookie', {
          configurable: true,
          get() {
            const w = window as unknown as { __firstRead?: string };
            const src = (document.currentScript as HTMLScriptElement | null)?.src ?? '';
            w.__firstRead ??= src.endsWith('/consentry.gatekeeper.js') ? 'in the head script' : 'later';
            return get!.call(this);
          },
          set(value) {
            set!.call(this, value);
          },
        });
      });
    const firstRead = (page: Page) =>
      page
        .waitForFunction(() => (window as unknown as { __firstRead?: string }).__firstRead)
        .then((h) => h.jsonValue());

    test('a config of tagged elements only: the engine starts after the head script has run; nothing is released before Accept all', async ({
      page,
      servers,
    }) => {
      await spyFirstCookieRead(page);
      servers.page(
        '/',
        html({
          config: { privacyPolicyUrl: '/privacy' },
          head: `<script type="text/plain" data-consent="analytics" src="${servers.tracker}/a.js"></script>`,
        }),
      );
      await page.goto(`${servers.site}/`);
      expect(await firstRead(page)).toBe('later');
      await expect(page.locator('consentry-banner [part=banner]')).toBeVisible();
      expect(servers.log).toEqual([]);
      await page.getByRole('button', { name: 'Accept all' }).click();
      await ran(page, 'a');
    });

    test('a page script right after the head script finds the whole API working', async ({ page, servers }) => {
      const probe = `<script>
        window.__seen = { granted: consentry.granted('analytics'), record: consentry.get(), acceptAll: typeof consentry.acceptAll, has: 'open' in consentry, version: typeof consentry.version };
        consentry.on('change', (record) => (window.__changed = record && record.m));</script>`;
      servers.page(
        '/',
        html({
          config: {},
          head: `${probe}<script type="text/plain" data-consent="analytics" src="${servers.tracker}/a.js"></script>`,
        }),
      );
      await page.goto(`${servers.site}/`);
      expect(await page.evaluate(() => (window as unknown as { __seen: unknown }).__seen)).toEqual({
        granted: false,
        record: null,
        acceptAll: 'function',
        has: true,
        version: 'string',
      });
      expect(servers.log).toEqual([]);
      await page.evaluate(() => window.consentry!.acceptAll());
      await ran(page, 'a');
      expect(await page.evaluate(() => (window as unknown as { __changed?: string }).__changed)).toBe('accept-all');
    });

    test('a returning visitor: a ready listener and an inline tagged script use window.consentry while the engine starts; one engine, one ready event', async ({
      page,
      servers,
    }) => {
      const inline = `<script type="text/plain" data-consent="analytics">(window.__inline = window.__inline || []).push(consentry.granted('analytics') && !!consentry.get());</script>`;
      // Registered before the head script: the engine's own ready event reaches it, and it uses the API.
      const listener = `<script>window.__ready = 0; document.addEventListener('consentry:ready', () => { window.__ready++; window.__stored = !!consentry.get(); });</script>`;
      // Right after the head script: released by the engine's first release or by its DOM watch, whichever sees it first.
      servers.page(
        '/',
        html({ config: {}, head: inline }).replace(
          '<script type="application/json"',
          `${listener}<script type="application/json"`,
        ),
      );
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${servers.site}/`);
      await ready(page);
      await page.evaluate(() => window.consentry!.acceptAll());
      await page.waitForFunction(() => (window as unknown as { __inline?: boolean[] }).__inline?.length == 1);
      await page.reload();
      await page.waitForFunction(() => (window as unknown as { __inline?: boolean[] }).__inline?.length);
      await page.waitForLoadState('load');
      const seen = await page.evaluate(() => {
        const w = window as unknown as { __inline: boolean[]; __ready: number; __stored: boolean };
        return { inline: w.__inline, ready: w.__ready, stored: w.__stored };
      });
      expect({ ...seen, errors }).toEqual({ inline: [true], ready: 1, stored: true, errors: [] });
    });

    test('services, URL rules, Consent Mode or an unknown key: the engine starts inside the head script, before any later script', async ({
      page,
      servers,
    }) => {
      await spyFirstCookieRead(page);
      for (const config of [
        { services: ['google-analytics'] },
        { rules: [{ category: 'analytics', hosts: ['cdn.tracker.test'] }] },
        { googleConsentMode: true },
        { servce: ['google-analytics'] },
      ]) {
        servers.page('/', html({ config }));
        await page.goto(`${servers.site}/`);
        expect(await firstRead(page), JSON.stringify(config)).toBe('in the head script');
      }
    });
  });
});
