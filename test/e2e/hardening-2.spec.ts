// A hostile page, a hostile config and a hostile cookie against the head script: prototype
// names, DOM clobbering, checks that send what they checked, frozen prototypes, cookie
// tossing, mutation XSS, lax validation, scale. Each test watches what reached the tracker.
import type { Page } from '@playwright/test';
import { expect, hits, html, ready, test, type Servers } from './fixtures.js';

const OTHER = 'cdn.other.test';
const rules = [{ category: 'analytics', hosts: ['*.tracker.test'] }];

/** Console messages of the page, by type. */
const consoleOf = (page: Page) => {
  const out = { error: [] as string[], warning: [] as string[], pageerror: [] as string[] };
  page.on(
    'console',
    (m) => (m.type() === 'error' || m.type() === 'warning') && out[m.type() as 'error' | 'warning'].push(m.text()),
  );
  page.on('pageerror', (e) => out.pageerror.push(e.message));
  return out;
};

/** Fetch an unruled host last: once it arrived, anything the page sent before it has too. */
const settle = async (page: Page, servers: Servers, tag: string) => {
  await page.evaluate(([o, t]) => void fetch(`${o}/done?${t}`).catch(() => {}), [servers.origin(OTHER), tag]);
  await servers.waitForRequest((e) => e.host === OTHER && e.path === '/done' && e.query === `?${tag}`);
};

/** Untagged requests to the tracker: fetch, a pixel, a beacon, an XHR. */
const sendAll = (page: Page, servers: Servers) =>
  page.evaluate((t) => {
    fetch(`${t}/fetch`).catch(() => {});
    new Image().src = `${t}/pixel.gif`;
    navigator.sendBeacon(`${t}/beacon`, 'x');
    const x = new XMLHttpRequest();
    x.open('GET', `${t}/xhr`);
    x.send();
  }, servers.tracker);

const trackerHits = (servers: Servers) => hits(servers).filter((h) => h.includes('tracker.test'));

test.describe('prototype names are never choices', () => {
  for (const [name, config, key] of [
    [
      'a category named constructor',
      { categories: { constructor: {} }, rules: [{ category: 'constructor', hosts: ['*.tracker.test'] }] },
      'config.categories.constructor',
    ],
    [
      'a service named constructor',
      { services: { constructor: { category: 'analytics', label: 'C', hosts: ['*.tracker.test'] } } },
      'config.services.constructor',
    ],
    ['a cookie named toString', { cookie: { name: 'toString' }, rules }, 'config.cookie.name'],
  ] as const) {
    test(`${name}: refused with an error naming the key; nothing runs or reaches its hosts`, async ({
      page,
      servers,
    }) => {
      const log = consoleOf(page);
      servers.page(
        '/',
        html({
          config,
          head: '<script type="text/plain" data-consent="constructor">window.__ran = ["constructor"];</script>',
        }),
      );
      await page.goto(`${servers.site}/`);
      await ready(page);
      await sendAll(page, servers);
      await settle(page, servers, '1');
      expect(log.error.join('\n')).toContain(key);
      expect(await page.evaluate(() => [window.consentry!.granted('constructor'), window.__ran])).toEqual([
        false,
        undefined,
      ]);
      expect(trackerHits(servers)).toEqual([]);
    });
  }
});

test.describe('a broken config keeps every host it names blocked and pretends nothing', () => {
  const ruled = [
    { category: 'analytics', hosts: ['cdn.tracker.test'] },
    { category: 'advertising', hosts: ['ads.tracker.test'] },
  ];
  for (const [name, json, key] of [
    ['a misspelt key', JSON.stringify({ revison: 2, rules: ruled }), 'config.revison'],
    ['a __proto__ key', `{"__proto__": {"x": 1}, "rules": ${JSON.stringify(ruled)}}`, 'config.__proto__'],
    [
      'a host with a port',
      JSON.stringify({ rules: [...ruled, { category: 'analytics', hosts: ['cdn.tracker.test:8080'] }] }),
      'config.rules[2].hosts[0]',
    ],
    [
      'a javascript: privacy policy URL',
      JSON.stringify({ privacyPolicyUrl: 'javascript:alert(1)', rules: ruled }),
      'config.privacyPolicyUrl',
    ],
    [
      'a rule naming an unknown category',
      JSON.stringify({ rules: [...ruled, { category: 'ads', hosts: ['x.other.test'] }] }),
      'config.rules[2].category',
    ],
  ] as const) {
    test(`${name}: untagged requests to the other rules' hosts stay blocked, the footer link opens nothing`, async ({
      page,
      servers,
    }) => {
      const log = consoleOf(page);
      servers.page(
        '/',
        html({
          config: null,
          bundle: null,
          head: `<script type="application/json" id="consentry-config">${json}</script><script src="/dist/consentry.gatekeeper.js"></script>`,
          body: '<a id="prefs" href="#consentry-preferences">Cookie settings</a><iframe data-consent="third_party" data-src="https://www.youtube.com/embed/x" title="v"></iframe>',
        }),
      );
      await page.goto(`${servers.site}/`);
      await ready(page);
      await sendAll(page, servers);
      await page.evaluate((a) => fetch(`${a}/ad`).catch(() => {}), servers.origin('ads.tracker.test'));
      await settle(page, servers, '1');
      expect(log.error.join('\n')).toContain(key);
      expect(trackerHits(servers)).toEqual([]);
      await page.locator('#prefs').click();
      await expect.poll(() => log.warning.join('\n')).toContain('consentry: preferences are unavailable');
      expect(servers.siteLog.filter((p) => /consentry\.(ui|banner)\.js/.test(p))).toEqual([]);
      expect(await page.evaluate(() => !!document.querySelector('consentry-banner, consentry-placeholder'))).toBe(
        false,
      );
      expect(log.warning.filter((w) => w.includes('preferences are unavailable'))).toHaveLength(1);
      expect(log.pageerror).toEqual([]);
    });
  }
});

test('the one-file consentry.js with a misspelt key: hosts stay blocked, no banner, dialog or placeholder', async ({
  page,
  servers,
}) => {
  const log = consoleOf(page);
  servers.page(
    '/',
    html({
      bundle: 'consentry.js',
      config: { revison: 2, rules: [{ category: 'analytics', hosts: ['cdn.tracker.test'] }] },
      body: '<a id="prefs" href="#consentry-preferences">Cookie settings</a><iframe data-consent="third_party" data-src="https://www.youtube.com/embed/x" title="v"></iframe>',
    }),
  );
  await page.goto(`${servers.site}/`);
  await ready(page);
  await sendAll(page, servers);
  await page.locator('#prefs').click();
  await settle(page, servers, '1');
  await expect.poll(() => log.warning.join('\n')).toContain('consentry: preferences are unavailable');
  expect(trackerHits(servers)).toEqual([]);
  expect(await page.evaluate(() => !!document.querySelector('consentry-banner, consentry-placeholder, dialog'))).toBe(
    false,
  );
  expect(log.pageerror).toEqual([]);
});

test.describe('DOM clobbering', () => {
  test('<img name="baseURI"> does not turn the URL rules off', async ({ page, servers }) => {
    servers.page('/', html({ config: { rules }, body: '<img name="baseURI" alt="">' }));
    await page.goto(`${servers.site}/`);
    await ready(page);
    await sendAll(page, servers);
    await settle(page, servers, '1');
    expect(trackerHits(servers)).toEqual([]);
  });

  test('<img name="currentScript" src="…evil…"> before the head script does not choose where code is loaded from', async ({
    page,
    servers,
  }) => {
    const evil = servers.origin('evil.test');
    servers.page(
      '/',
      html({
        bundle: null,
        head: `<img name="currentScript" src="${evil}/x.gif" alt=""><script src="/dist/consentry.gatekeeper.js"></script>`,
      }),
    );
    await page.goto(`${servers.site}/`);
    await ready(page);
    await expect(page.locator('consentry-banner [part=banner]')).toBeVisible();
    expect(servers.siteLog).toContain('/dist/consentry.banner.js');
    expect(servers.log.filter((e) => e.host === 'evil.test' && e.path.endsWith('.js'))).toEqual([]);
  });

  test('<html id="consentry">: the engine still runs', async ({ page, servers }) => {
    servers.page(
      '/',
      html({
        config: { rules },
        head: '<script type="text/plain" data-consent="analytics">window.__ran = ["inline"];</script>',
      }).replace('<html lang="en">', '<html lang="en" id="consentry">'),
    );
    await page.goto(`${servers.site}/`);
    await page.waitForFunction(() => typeof window.consentry?.version === 'string');
    await sendAll(page, servers);
    await settle(page, servers, '1');
    expect(trackerHits(servers)).toEqual([]);
    await page.evaluate(() => window.consentry!.acceptAll());
    await page.waitForFunction(() => window.__ran?.[0] === 'inline');
  });

  test('document members named by markup (readyState, querySelectorAll, getElementById, …) break nothing', async ({
    page,
    servers,
  }) => {
    const log = consoleOf(page);
    const names = [
      'readyState',
      'querySelectorAll',
      'getElementById',
      'addEventListener',
      'dispatchEvent',
      'head',
      'implementation',
      'baseURI',
      'currentScript',
    ];
    servers.page(
      '/',
      html({
        config: null,
        bundle: null,
        head: `${names.map((n) => `<img name="${n}" alt="">`).join('')}<script type="application/json" id="consentry-config">${JSON.stringify({ rules })}</script>
        <script src="/dist/consentry.gatekeeper.js"></script>
        <script type="text/plain" data-consent="analytics" src="${servers.tracker}/tagged.js"></script>`,
        body: `<div id="sink"></div>`,
      }),
    );
    await page.goto(`${servers.site}/`);
    await ready(page);
    await expect(page.locator('consentry-banner [part=banner]')).toBeVisible();
    await sendAll(page, servers);
    await page.evaluate((t) => {
      document.body.querySelector('#sink')!.innerHTML = `<img src="${t}/html.gif">`;
    }, servers.tracker);
    await settle(page, servers, '1');
    expect(trackerHits(servers)).toEqual([]);
    await page.evaluate(() => window.consentry!.acceptAll());
    await page.waitForFunction(() => window.__ran?.includes('tagged'));
    expect(log.pageerror).toEqual([]);
  });
});

test.describe('the consent record survives', () => {
  test('a cleanup pattern c* never deletes the consent cookie: Reject all holds across reloads', async ({
    page,
    servers,
  }) => {
    servers.page('/', html({ config: { categories: { analytics: { cookies: ['c*'] } } } }));
    await page.goto(`${servers.site}/`);
    await ready(page);
    await page.evaluate(() => {
      document.cookie = 'cart_tr=1; path=/';
      window.consentry!.rejectAll();
    });
    await page.reload();
    await ready(page);
    expect(await page.evaluate(() => [window.consentry!.get()?.m, document.cookie.includes('cart_tr=')])).toEqual([
      'reject-all',
      false,
    ]);
  });

  test('a record over the 4 KB cookie limit is not stored silently: a console error says so and no older choice stays', async ({
    page,
    servers,
  }) => {
    const log = consoleOf(page);
    const services = Object.fromEntries(
      Array.from({ length: 220 }, (_, i) => [`own-service-number-${i}`, { category: 'analytics', label: `S${i}` }]),
    );
    servers.page('/', html({ config: { services, reloadOnWithdraw: false } }));
    await page.goto(`${servers.site}/`);
    await ready(page);
    await page.evaluate(() => window.consentry!.acceptAll());
    expect(await page.evaluate(() => document.cookie.includes('consentry='))).toBe(true);
    await page.evaluate(
      (ids) => window.consentry!.set({ analytics: true, ...Object.fromEntries(ids.map((id) => [id, false])) }),
      Object.keys(services),
    );
    expect(log.error.join('\n')).toMatch(/consentry: the consent record \(\d+ B\) is over the 4096 B/);
    expect(await page.evaluate(() => document.cookie.includes('consentry='))).toBe(false);
  });
});

test.describe('checks send what they checked', () => {
  test('a URL object whose toString changes between check and send reaches no ruled host', async ({
    page,
    servers,
  }) => {
    servers.page('/', html({ config: { rules } }));
    await page.goto(`${servers.site}/`);
    await ready(page);
    await page.evaluate(
      ([t, o]) => {
        const flip = (path: string) => {
          let n = 0;
          return { toString: () => (n++ ? `${t}${path}` : `${o}${path}`) };
        };
        fetch(flip('/fetch') as unknown as string).catch(() => {});
        navigator.sendBeacon(flip('/beacon') as unknown as string, 'x');
        const x = new XMLHttpRequest();
        x.open('GET', flip('/xhr') as unknown as string);
        x.send();
        new Image().src = flip('/img.gif') as unknown as string;
        const i = document.createElement('img');
        i.setAttribute('src', flip('/attr.gif') as unknown as string);
        document.body.append(i);
      },
      [servers.tracker, servers.origin(OTHER)],
    );
    await settle(page, servers, '1');
    expect(trackerHits(servers)).toEqual([]);
  });

  test('type="text/plain" → src → type removed → Range.insertNode does not run the script; input type=image and importNode are held', async ({
    page,
    servers,
  }) => {
    servers.page(
      '/',
      html({
        config: { rules },
        body: `<template id="t"><img src="${servers.tracker}/imported.gif" alt=""></template>`,
      }),
    );
    await page.goto(`${servers.site}/`);
    await ready(page);
    await page.evaluate((t) => {
      const s = document.createElement('script');
      s.type = 'text/plain';
      s.src = `${t}/range.js`;
      s.removeAttribute('type');
      const r = document.createRange();
      r.selectNodeContents(document.body);
      r.insertNode(s);
      const input = document.createElement('input');
      input.type = 'image';
      input.src = `${t}/input.gif`;
      document.body.append(input);
      (window as unknown as { __kept: Node }).__kept = document.importNode(
        (document.getElementById('t') as HTMLTemplateElement).content,
        true,
      );
    }, servers.tracker);
    await settle(page, servers, '1');
    expect(trackerHits(servers)).toEqual([]);
    expect(await page.evaluate(() => window.__ran)).toBeUndefined();
    await page.evaluate(() => window.consentry!.acceptAll());
    await page.waitForFunction(() => window.__ran?.includes('range'));
    await servers.waitForRequest((e) => e.path === '/input.gif');
  });
});

test('Trusted Types values passed to setAttribute and URL setters stay trusted (no violation)', async ({
  page,
  servers,
}) => {
  const log = consoleOf(page);
  servers.page('/', {
    headers: { 'Content-Security-Policy': "require-trusted-types-for 'script'; trusted-types consentry page lit-html" },
    body: html({ config: { rules }, body: '<div id="d"></div>' }),
  });
  await page.goto(`${servers.site}/`);
  await ready(page);
  const out = await page.evaluate((o) => {
    const tt = (
      window as unknown as {
        trustedTypes: {
          createPolicy(
            n: string,
            r: object,
          ): { createHTML(s: string): unknown; createScript(s: string): unknown; createScriptURL(s: string): unknown };
        };
      }
    ).trustedTypes;
    const p = tt.createPolicy('page', {
      createHTML: (s: string) => s,
      createScript: (s: string) => s,
      createScriptURL: (s: string) => s,
    });
    const f = document.createElement('iframe');
    f.setAttribute('srcdoc', p.createHTML('<p>ok</p>') as string);
    const d = document.getElementById('d')!;
    d.setAttribute('onclick', p.createScript('window.__clicked = 1') as string);
    const s = document.createElement('script');
    s.src = p.createScriptURL(`${o}/fine.js`) as string;
    document.head.append(s);
    d.click();
    return [f.getAttribute('srcdoc'), (window as unknown as { __clicked?: number }).__clicked];
  }, servers.origin(OTHER));
  expect(out).toEqual(['<p>ok</p>', 1]);
  await servers.waitForRequest((e) => e.host === OTHER && e.path === '/fine.js');
  expect(log.pageerror).toEqual([]);
});

test('a frozen Navigator.prototype and a locked fetch: no uncaught error, the other guards, the engine and the banner still run', async ({
  page,
  servers,
}) => {
  const log = consoleOf(page);
  await page.addInitScript(() => {
    Object.freeze(Navigator.prototype);
    Object.defineProperty(window, 'fetch', { value: window.fetch, writable: false, configurable: false });
  });
  servers.page('/', html({ config: { rules } }));
  await page.goto(`${servers.site}/`);
  await ready(page);
  await expect(page.locator('consentry-banner [part=banner]')).toBeVisible();
  await page.evaluate((t) => {
    new Image().src = `${t}/pixel.gif`;
    const x = new XMLHttpRequest();
    x.open('GET', `${t}/xhr`);
    x.send();
  }, servers.tracker);
  await settle(page, servers, '1');
  expect(trackerHits(servers)).toEqual([]);
  expect(log.pageerror).toEqual([]);
  expect(log.warning.join('\n')).toContain('consentry: cannot guard sendBeacon');
  expect(log.warning.join('\n')).toContain('consentry: cannot guard fetch');
});

test('cookie tossing: a parent-domain cookie from a sibling subdomain does not override Reject all made here', async ({
  page,
  context,
  servers,
}) => {
  servers.page(
    '/',
    html({
      config: { cookie: { domain: 'example.test' }, rules },
      head: '<script type="text/plain" data-consent="analytics">window.__ran = ["inline"];</script>',
    }),
  );
  await page.goto(`${servers.site}/`);
  await ready(page);
  await page.evaluate(() => window.consentry!.rejectAll());
  const now = Date.now();
  const tossed = {
    v: 2,
    id: 'evil0000-0000-4000-8000-000000000000',
    rev: 1,
    ts: now,
    exp: now + 864e5,
    c: { identity: 1, analytics: 1, advertising: 1, third_party: 1 },
    m: 'accept-all',
  };
  // What evil.example.test can write: a cookie of the same name for the parent domain.
  await context.addCookies([
    { name: 'consentry', value: encodeURIComponent(JSON.stringify(tossed)), domain: '.example.test', path: '/' },
  ]);
  await page.reload();
  await ready(page);
  await sendAll(page, servers);
  await settle(page, servers, '1');
  expect(await page.evaluate(() => [window.consentry!.granted('analytics'), window.__ran])).toEqual([false, undefined]);
  expect(trackerHits(servers)).toEqual([]);
});

test('cookie tossing, host-only: a parent-domain cookie with a longer path does not shadow Reject all made here', async ({
  page,
  context,
  servers,
}) => {
  servers.page(
    '/shop/',
    html({
      config: { rules },
      head: '<script type="text/plain" data-consent="analytics">window.__ran = ["inline"];</script>',
    }),
  );
  await page.goto(`${servers.site}/shop/`);
  await ready(page);
  await page.evaluate(() => window.consentry!.rejectAll());
  const now = Date.now();
  const tossed = {
    v: 2,
    id: 'evil0000-0000-4000-8000-000000000000',
    rev: 1,
    ts: now,
    exp: now + 864e5,
    c: { identity: 1, analytics: 1, advertising: 1, third_party: 1 },
    m: 'accept-all',
  };
  await context.addCookies([
    { name: 'consentry', value: encodeURIComponent(JSON.stringify(tossed)), domain: '.example.test', path: '/shop' },
  ]);
  await page.reload();
  await ready(page);
  expect(
    await page.evaluate(() => document.cookie.indexOf('evil0000') < document.cookie.lastIndexOf('consentry=')),
  ).toBe(true);
  expect(
    await page.evaluate(() => [window.consentry!.get()?.m, window.consentry!.granted('analytics'), window.__ran]),
  ).toEqual(['reject-all', false, undefined]);
});

test('mutation XSS: cleaning markup with a ruled URL never makes the form-nesting gadget run', async ({
  page,
  servers,
}) => {
  servers.page('/', html({ config: { rules }, body: '<div id="sink"></div>' }));
  await page.goto(`${servers.site}/`);
  await ready(page);
  await page.evaluate((t) => {
    const gadget = '<form><math><mtext></form><form><mglyph><style></math><img src onerror="window.__xss=1">';
    document.getElementById('sink')!.innerHTML = `<img src="${t}/held.gif">${gadget}`;
    const done = new Image();
    done.onerror = () => ((window as unknown as { __done: number }).__done = 1);
    done.src = '/missing.gif';
  }, servers.tracker);
  await page.waitForFunction(() => (window as unknown as { __done?: number }).__done);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.evaluate(() => document.querySelector('#sink img[data-src]')?.getAttribute('data-src'))).toContain(
    '/held.gif',
  );
  expect(trackerHits(servers)).toEqual([]);
});

test.describe('validation', () => {
  for (const [name, config, key] of [
    [
      'a host with a leading dot',
      { rules: [{ category: 'analytics', hosts: ['.tracker.test'] }] },
      'config.rules[0].hosts[0]',
    ],
    [
      'a host with a trailing dot',
      { rules: [{ category: 'analytics', hosts: ['cdn.tracker.test.'] }] },
      'config.rules[0].hosts[0]',
    ],
    [
      'a host with an empty label',
      {
        rules: [
          { category: 'analytics', hosts: ['cdn..tracker.test'] },
          { category: 'analytics', hosts: ['*.tracker.test'] },
        ],
      },
      'config.rules[0].hosts[0]',
    ],
    ['an ftp: privacy policy', { privacyPolicyUrl: 'ftp://example.test/p', rules }, 'config.privacyPolicyUrl'],
    ['a mailto: privacy policy', { privacyPolicyUrl: 'mailto:dpo@example.test', rules }, 'config.privacyPolicyUrl'],
    ['a blob: privacy policy', { privacyPolicyUrl: 'blob:https://example.test/x', rules }, 'config.privacyPolicyUrl'],
  ] as const) {
    test(`${name} is refused with a message naming it, and the host stays blocked`, async ({ page, servers }) => {
      const log = consoleOf(page);
      servers.page('/', html({ config }));
      await page.goto(`${servers.site}/`);
      await ready(page);
      await sendAll(page, servers);
      await settle(page, servers, '1');
      expect(log.error.join('\n')).toContain(key);
      expect(trackerHits(servers)).toEqual([]);
    });
  }

  test('paths cannot be bypassed with //collect', async ({ page, servers }) => {
    servers.page(
      '/',
      html({ config: { rules: [{ category: 'analytics', hosts: ['api.other.test'], paths: ['/collect'] }] } }),
    );
    await page.goto(`${servers.site}/`);
    await ready(page);
    const api = servers.origin('api.other.test');
    await page.evaluate((a) => {
      for (const p of ['//collect', '///collect/x', '/%2Fcollect']) fetch(`${a}${p}`).catch(() => {});
    }, api);
    await settle(page, servers, '1');
    expect(servers.log.filter((e) => e.host === 'api.other.test')).toEqual([]);
  });

  test('a relative and an https privacy policy URL still pass', async ({ page, servers }) => {
    const log = consoleOf(page);
    servers.page(
      '/',
      html({
        config: {
          privacyPolicyUrl: '/privacy',
          services: { mine: { category: 'analytics', label: 'Mine', policyUrl: 'https://example.test/p' } },
        },
      }),
    );
    await page.goto(`${servers.site}/`);
    await ready(page);
    await expect(page.locator('consentry-banner [part=banner]')).toBeVisible();
    expect(log.error.filter((e) => e.startsWith('consentry'))).toEqual([]);
  });
});

test('10,000 rules: every rule still matches, unruled hosts pass', async ({ page, servers }) => {
  const many = Array.from({ length: 10000 }, (_, i) => ({
    category: 'analytics',
    hosts: [i % 2 ? `h${i}.example.org` : `*.d${i}.example.org`],
  }));
  servers.page('/', html({ config: { rules: [...many, ...rules] } }));
  await page.goto(`${servers.site}/`);
  await ready(page);
  const blocked = await page.evaluate(() => {
    for (const url of ['https://h9999.example.org/a', 'https://x.y.d9998.example.org/b', 'https://d0.example.org/c'])
      fetch(url).catch(() => {});
    return window.consentry!.blocked().map((b) => b.host);
  });
  expect(blocked).toEqual(['h9999.example.org', 'x.y.d9998.example.org', 'd0.example.org']);
  await sendAll(page, servers);
  await settle(page, servers, '1');
  expect(trackerHits(servers)).toEqual([]);
});

test('a head script loaded with defer warns once that it is not first', async ({ page, servers }) => {
  const log = consoleOf(page);
  servers.page('/', html({ bundle: null, head: '<script src="/dist/consentry.gatekeeper.js" defer></script>' }));
  await page.goto(`${servers.site}/`);
  await ready(page);
  expect(log.warning.filter((w) => w.includes('no async, defer or type="module"'))).toHaveLength(1);
});
