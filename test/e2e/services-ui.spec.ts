// Consent per service in the UI (docs/guide/services.md "What visitors see"), in real Chromium on the built bundle: the
// dialog's three-state category switches and per-service switches, keyboard only, what Save
// stores, and the placeholders' "Load once" / "Always allow". Assertions are on what a visitor
// and a regulator can observe: the stored cookie, which stand-in host received requests,
// what the accessibility tree says, and axe-core.
import type { Page } from '@playwright/test';
import { expect, html, ready, test, type Servers } from './fixtures.js';

/** A shop with services of its own, each on its own stand-in host (*.test → 127.0.0.1). */
const servicesConfig = (extra: object = {}) => ({
  privacyPolicyUrl: '/privacy',
  reloadOnWithdraw: false,
  categories: { analytics: { cookies: [{ name: '_shop_ab', retention: '30 days', description: 'A/B test bucket' }] } },
  services: {
    stats: {
      category: 'analytics',
      label: 'Stats',
      vendor: 'Stats Ltd.',
      purpose: 'Counts visits',
      retention: '13 months',
      policyUrl: 'https://stats.example/privacy',
      hosts: ['stats.tracker.test'],
      cookies: ['_st_id'],
    },
    heat: {
      category: 'analytics',
      label: 'Heatmaps',
      vendor: 'Heat Inc.',
      purpose: 'Records clicks',
      hosts: ['heat.tracker.test'],
    },
    adnet: {
      category: 'advertising',
      label: 'Ad Network',
      vendor: 'Ads Co.',
      purpose: 'Measures ads',
      hosts: ['ads.tracker.test'],
    },
    tube: {
      category: 'third_party',
      label: 'TubeVideo',
      vendor: 'Tube Inc.',
      purpose: 'Plays product videos',
      policyUrl: 'https://tube.example/privacy',
      hosts: ['video.tracker.test'],
    },
    maps: {
      category: 'third_party',
      label: 'MapCo Maps',
      vendor: 'MapCo',
      purpose: 'Shows the dealer map',
      hosts: ['maps.tracker.test'],
    },
  },
  ...extra,
});

const shop = (servers: Servers, { lang = 'en', config = servicesConfig() }: { lang?: string; config?: object } = {}) =>
  html({
    config,
    lang,
    bundle: 'consentry.js',
    head: `<meta name="viewport" content="width=device-width, initial-scale=1">
      <script type="text/plain" data-consent="stats" src="${servers.origin('stats.tracker.test')}/stats.js"></script>
      <script type="text/plain" data-consent="heat" src="${servers.origin('heat.tracker.test')}/heat.js"></script>`,
    body: `<main><h1>Tea shop</h1>
      <iframe data-consent="tube" data-src="${servers.origin('video.tracker.test')}/video.html" title="Tea video" width="480" height="270"></iframe>
      <iframe data-consent="maps" data-src="${servers.origin('maps.tracker.test')}/map.html" title="Dealer map" width="480" height="270"></iframe>
      </main><footer><a href="#consentry-preferences">Privacy preferences</a></footer>`,
  });

const open = async (page: Page, servers: Servers, options?: Parameters<typeof shop>[1]) => {
  servers.page('/', shop(servers, options));
  await page.goto(`${servers.site}/`);
  await ready(page);
};
const bar = (page: Page) => page.locator('consentry-banner [part=banner]');
const dialog = (page: Page) => page.locator('consentry-banner dialog');
const section = (page: Page, name: string) =>
  dialog(page)
    .locator('[part=category]')
    .filter({ has: page.getByRole('heading', { level: 3, name }) });
const consentCookie = async (page: Page) => (await page.context().cookies()).find((c) => c.name === 'consentry');
const hostsHit = (servers: Servers) => [...new Set(servers.log.map((e) => e.host))].sort();
/** The focused element's accessible-ish name, looking into shadow roots. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    const by = el?.getAttribute('aria-labelledby');
    const root = el?.getRootNode() as ShadowRoot | Document | undefined;
    return (
      (by && root?.getElementById?.(by.split(' ')[0])?.textContent) ||
      el?.getAttribute('aria-label') ||
      el?.textContent?.trim() ||
      ''
    );
  });
/** Press Tab until the focused element is called `name` (keyboard only; fails after 40 presses). */
const tabTo = async (page: Page, name: string | RegExp) => {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (typeof name == 'string' ? now == name : name.test(now)) return;
  }
  throw new Error(`Tab never reached ${name}`);
};

test.describe('dialog: per-service switches', () => {
  test('a category switch is three-state: all on, all off, and mixed after turning one service off', async ({
    page,
    servers,
  }) => {
    await open(page, servers);
    await page.getByRole('button', { name: 'Customize' }).click();
    const third = page.getByRole('switch', { name: 'Third-party' });
    await expect(third).toHaveAttribute('aria-checked', 'false');
    await section(page, 'Third-party').locator('summary').click();
    await expect(section(page, 'Third-party').locator('summary')).toHaveText('Services and cookies: 2 services');
    const tube = page.getByRole('switch', { name: 'TubeVideo' });
    const maps = page.getByRole('switch', { name: 'MapCo Maps' });
    await expect(tube).toHaveAttribute('aria-checked', 'false');
    await third.click();
    await expect(third).toHaveAttribute('aria-checked', 'true');
    await expect(tube).toHaveAttribute('aria-checked', 'true');
    await expect(maps).toHaveAttribute('aria-checked', 'true');
    await maps.click();
    await expect(maps).toHaveAttribute('aria-checked', 'false');
    await expect(third).toHaveAttribute('aria-checked', 'mixed');
    // Screen readers hear the partial state too (WAI-ARIA 1.2 reads "mixed" on a switch as off).
    await expect(third).toHaveAccessibleDescription(/Some services allowed/);
    await tube.click();
    await expect(third).toHaveAttribute('aria-checked', 'false');
    await tube.click();
    await maps.click();
    await expect(third).toHaveAttribute('aria-checked', 'true');
    await third.click();
    await expect(tube).toHaveAttribute('aria-checked', 'false');
    await expect(maps).toHaveAttribute('aria-checked', 'false');
    expect(await consentCookie(page)).toBeUndefined(); // nothing stored before Save
  });

  test('each service shows its provider, purpose, retention, privacy policy and cookies; one-service categories are not nested', async ({
    page,
    servers,
  }) => {
    await open(page, servers);
    await page.getByRole('button', { name: 'Customize' }).click();
    const analytics = section(page, 'Analytics');
    await analytics.locator('summary').click();
    await expect(analytics.locator('summary')).toHaveText('Services and cookies: 2 services, 2 cookies');
    const stats = analytics.locator('[part=service]').filter({ hasText: 'Stats Ltd.' });
    await expect(stats.getByRole('switch', { name: 'Stats' })).toHaveAccessibleDescription(
      /Stats Ltd\..*Counts visits.*13 months/,
    );
    await expect(stats.locator('dl')).toHaveText(['Provider:Stats Ltd.Purpose:Counts visitsRetention:13 months']);
    await expect(stats.getByRole('link', { name: 'Privacy policy of Stats' })).toHaveAttribute(
      'href',
      'https://stats.example/privacy',
    );
    await expect(stats.getByRole('cell', { name: '_st_id' })).toBeVisible();
    await expect(analytics.getByRole('cell', { name: '_shop_ab' })).toBeVisible(); // the category's own cookie
    // advertising has one service: one switch (the category's), the service's facts in its details.
    const ads = section(page, 'Ad optimization');
    await ads.locator('summary').click();
    await expect(ads.getByRole('switch')).toHaveCount(1);
    await expect(ads.getByRole('switch')).toHaveAccessibleName('Ad optimization');
    await expect(ads.getByRole('heading', { level: 4, name: 'Ad Network' })).toBeVisible();
    await expect(ads.locator('dl')).toContainText('Ads Co.');
    await expect(ads.locator('[part=service]')).toHaveCount(1);
  });

  test('necessary services show "Always on" and no switch', async ({ page, servers }) => {
    const config = servicesConfig();
    await open(page, servers, {
      config: {
        ...config,
        services: {
          ...config.services,
          login: { category: 'necessary', label: 'Login session', vendor: 'Tea shop' },
          cart: { category: 'necessary', label: 'Cart', vendor: 'Tea shop' },
        },
      },
    });
    await page.getByRole('button', { name: 'Customize' }).click();
    const necessary = section(page, 'Strictly necessary');
    await necessary.locator('summary').click();
    await expect(necessary.locator('[part=service]')).toHaveCount(2);
    // The category's locked switch says it in words, and so does each of its services.
    await expect(necessary.locator('[part=always-on]')).toHaveText(['Always on', 'Always on', 'Always on']);
    await expect(necessary.getByRole('switch')).toHaveCount(1); // the category's, aria-disabled
    await expect(necessary.getByRole('switch')).toHaveAttribute('aria-disabled', 'true');
  });

  test('service texts from the config are text, never HTML; a relative policy link is kept', async ({
    page,
    servers,
  }) => {
    const hostile = '<img src=x onerror="window.__xss=1">';
    await open(page, servers, {
      config: {
        services: {
          chat: {
            category: 'identity',
            label: { en: hostile },
            vendor: hostile,
            purpose: hostile,
            retention: hostile,
            policyUrl: '/privacy#chat',
            cookies: [{ name: hostile, description: hostile }],
          },
          other: { category: 'identity', label: 'Other', vendor: 'Other Co.' },
        },
      },
    });
    await page.getByRole('button', { name: 'Customize' }).click();
    const identity = section(page, 'Remember me');
    await identity.locator('summary').click();
    await expect(page.getByRole('switch', { name: hostile })).toBeVisible();
    await expect(identity.locator('dl').first()).toHaveText(
      `Provider:${hostile}Purpose:${hostile}Retention:${hostile}`,
    );
    await expect(identity.getByRole('link', { name: `Privacy policy of ${hostile}` })).toHaveAttribute(
      'href',
      '/privacy#chat',
    );
    await expect(identity.getByRole('cell', { name: hostile })).toHaveCount(3); // name, retention (the service's), purpose
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('consentry-banner').evaluate((el) => el.shadowRoot!.querySelectorAll('img').length)).toBe(
      0,
    );
  });

  test('keyboard only: Tab, Space, Enter and Esc; Save stores exactly the services chosen', async ({
    page,
    servers,
  }) => {
    await open(page, servers);
    await tabTo(page, 'Customize');
    await page.keyboard.press('Enter');
    await expect(dialog(page)).toHaveAttribute('open', '');
    // Esc closes without storing, focus returns to the opener.
    await page.keyboard.press('Escape');
    await expect(dialog(page)).toHaveCount(0);
    expect(await focused(page)).toBe('Customize');
    await page.keyboard.press('Enter');
    await tabTo(page, 'Analytics');
    await page.keyboard.press('Space');
    await expect(page.getByRole('switch', { name: 'Analytics' })).toHaveAttribute('aria-checked', 'true');
    await tabTo(page, 'Services and cookies: 2 services, 2 cookies');
    await page.keyboard.press('Enter'); // opens the <details>
    await tabTo(page, 'Heatmaps');
    await page.keyboard.press('Space');
    await expect(page.getByRole('switch', { name: 'Heatmaps' })).toHaveAttribute('aria-checked', 'false');
    await expect(page.getByRole('switch', { name: 'Analytics' })).toHaveAttribute('aria-checked', 'mixed');
    await tabTo(page, 'Third-party');
    await tabTo(page, /^Services and cookies/);
    await page.keyboard.press('Enter');
    await tabTo(page, 'TubeVideo');
    await page.keyboard.press('Enter'); // Enter toggles a switch button too
    await expect(page.getByRole('switch', { name: 'TubeVideo' })).toHaveAttribute('aria-checked', 'true');
    await tabTo(page, 'Save choices');
    await page.keyboard.press('Enter');
    await expect(dialog(page)).toHaveCount(0);
    await expect(bar(page)).toHaveCount(0);

    const record = await page.evaluate(() => window.consentry!.get());
    expect(record).toMatchObject({ m: 'custom' });
    const granted = await page.evaluate(() =>
      Object.fromEntries(
        ['stats', 'heat', 'analytics', 'tube', 'maps', 'third_party', 'adnet', 'advertising'].map((k) => [
          k,
          window.consentry!.granted(k),
        ]),
      ),
    );
    expect(granted).toEqual({
      stats: true,
      heat: false,
      analytics: false,
      tube: true,
      maps: false,
      third_party: false,
      adnet: false,
      advertising: false,
    });
    // Only the allowed services' hosts received anything.
    await servers.waitForRequest((e) => e.host === 'stats.tracker.test' && e.path === '/stats.js');
    await servers.waitForRequest((e) => e.host === 'video.tracker.test' && e.path === '/video.html');
    expect(hostsHit(servers)).toEqual(['stats.tracker.test', 'video.tracker.test']);

    // The choice holds after a reload, and the dialog opens with it.
    servers.log.length = 0;
    await page.reload();
    await ready(page);
    await servers.waitForRequest((e) => e.host === 'video.tracker.test');
    await expect(bar(page)).toHaveCount(0);
    await page.evaluate(() => window.consentry!.open());
    await expect(page.getByRole('switch', { name: 'Analytics' })).toHaveAttribute('aria-checked', 'mixed');
    await expect(page.getByRole('switch', { name: 'Third-party' })).toHaveAttribute('aria-checked', 'mixed');
    await section(page, 'Analytics').locator('summary').click();
    await expect(page.getByRole('switch', { name: 'Stats' })).toHaveAttribute('aria-checked', 'true');
    await expect(page.getByRole('switch', { name: 'Heatmaps' })).toHaveAttribute('aria-checked', 'false');
    expect(hostsHit(servers)).toEqual(['stats.tracker.test', 'video.tracker.test']);
  });
});

test.describe('placeholders: Load once and Always allow', () => {
  test('the placeholder names the service and offers Load once and Always allow <service>', async ({
    page,
    servers,
  }) => {
    await open(page, servers);
    const video = page.getByRole('group', { name: 'Tea video' });
    await expect(video).toContainText('This content is provided by TubeVideo and may set cookies (Third-party).');
    await expect(video.locator('[part=load-once]')).toHaveText('Load once');
    await expect(video.locator('[part=allow-always]')).toHaveText('Always allow TubeVideo');
    await expect(page.getByRole('group', { name: 'Dealer map' }).getByRole('button')).toHaveText([
      'Load once',
      'Always allow MapCo Maps',
    ]);
    expect(servers.log).toEqual([]);
  });

  test('Load once loads this iframe for this page view only: nothing is stored, blocked again after reload', async ({
    page,
    servers,
  }) => {
    await open(page, servers);
    await page.getByRole('group', { name: 'Tea video' }).getByRole('button', { name: 'Load once' }).focus();
    await page.keyboard.press('Enter');
    await servers.waitForRequest((e) => e.host === 'video.tracker.test' && e.path === '/video.html');
    // The pressed button is gone with its placeholder: focus moves to the content that replaced it.
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLIFrameElement | null)?.title))
      .toBe('Tea video');
    await expect(page.frameLocator('iframe[title="Tea video"]').locator('body')).toContainText('embed video');
    await expect(page.getByRole('group', { name: 'Tea video' })).toHaveCount(0);
    await expect(page.getByRole('group', { name: 'Dealer map' })).toBeVisible();
    await expect(bar(page)).toBeVisible(); // the banner still asks
    expect(await consentCookie(page)).toBeUndefined();
    expect(
      await page.evaluate(() => [
        window.consentry!.get(),
        window.consentry!.granted('tube'),
        window.consentry!.granted('third_party'),
      ]),
    ).toEqual([null, false, false]);
    expect(hostsHit(servers)).toEqual(['video.tracker.test']);

    servers.log.length = 0;
    await page.reload();
    await ready(page);
    await expect(page.getByRole('group', { name: 'Tea video' })).toBeVisible();
    await expect(page.locator('iframe[title="Tea video"]')).not.toHaveAttribute('src', /./);
    await expect(bar(page)).toBeVisible();
    expect(await consentCookie(page)).toBeUndefined();
    expect(servers.log).toEqual([]);
  });

  test('Always allow before any other choice: loads now and after reload, grants nothing else, the banner still asks', async ({
    page,
    servers,
  }) => {
    await open(page, servers);
    await page
      .getByRole('group', { name: 'Dealer map' })
      .getByRole('button', { name: 'Always allow MapCo Maps' })
      .click();
    await servers.waitForRequest((e) => e.host === 'maps.tracker.test' && e.path === '/map.html');
    await expect(page.getByRole('group', { name: 'Dealer map' })).toHaveCount(0);
    await expect(bar(page)).toBeVisible();
    const granted = () =>
      page.evaluate(() =>
        ['maps', 'tube', 'third_party', 'stats', 'analytics', 'adnet'].map((k) => window.consentry!.granted(k)),
      );
    expect(await granted()).toEqual([true, false, false, false, false, false]);
    expect(hostsHit(servers)).toEqual(['maps.tracker.test']);

    servers.log.length = 0;
    await page.reload();
    await ready(page);
    await servers.waitForRequest((e) => e.host === 'maps.tracker.test' && e.path === '/map.html');
    await expect(bar(page)).toBeVisible(); // only the map was answered
    await expect(page.getByRole('group', { name: 'Tea video' })).toBeVisible();
    expect(await granted()).toEqual([true, false, false, false, false, false]);
    expect(hostsHit(servers)).toEqual(['maps.tracker.test']);
    // The dialog shows it: Third-party partly on, only the map's switch on.
    await page.getByRole('button', { name: 'Customize' }).click();
    await expect(page.getByRole('switch', { name: 'Third-party' })).toHaveAttribute('aria-checked', 'mixed');
  });

  test('an iframe tagged with a category only: "Always allow Third-party" allows that category', async ({
    page,
    servers,
  }) => {
    servers.page(
      '/',
      html({
        config: servicesConfig(),
        bundle: 'consentry.js',
        body: `<iframe data-consent="third_party" data-consent-provider="Widgets Ltd" data-src="${servers.origin('widget.tracker.test')}/w.html" title="Widget"></iframe>`,
      }),
    );
    await page.goto(`${servers.site}/`);
    await ready(page);
    const widget = page.getByRole('group', { name: 'Widget' });
    await expect(widget).toContainText('This content is provided by Widgets Ltd and may set cookies (Third-party).');
    await widget.getByRole('button', { name: 'Always allow Third-party' }).click();
    await servers.waitForRequest((e) => e.host === 'widget.tracker.test');
    expect(
      await page.evaluate(() => ['third_party', 'tube', 'maps', 'analytics'].map((k) => window.consentry!.granted(k))),
    ).toEqual([true, true, true, false]);
  });
});

test.describe('catalog services', () => {
  test('services: ["youtube"]: the catalog names the provider, vendor, purpose, policy and vendor cookies; Always allow YouTube allows YouTube only', async ({
    page,
    servers,
  }) => {
    const reached: string[] = [];
    // Offline stand-in for the real embed host: the request is answered by Playwright, and recorded.
    await page.route('https://www.youtube-nocookie.com/**', (route) => {
      reached.push(route.request().url());
      return route.fulfill({ contentType: 'text/html', body: '<p>stand-in player</p>' });
    });
    servers.page(
      '/',
      html({
        config: { services: ['youtube'], reloadOnWithdraw: false },
        bundle: 'consentry.js',
        body: `<iframe data-consent="youtube" data-src="https://www.youtube-nocookie.com/embed/x" title="Video"></iframe>
        <iframe data-consent="third_party" data-consent-provider="Widgets Ltd" data-src="${servers.origin('widget.tracker.test')}/w.html" title="Widget"></iframe>`,
      }),
    );
    await page.goto(`${servers.site}/`);
    await ready(page);
    const video = page.getByRole('group', { name: 'Video' });
    await expect(video).toContainText('This content is provided by YouTube and may set cookies (Third-party).');
    await page.getByRole('button', { name: 'Customize' }).click();
    const third = section(page, 'Third-party');
    await third.locator('summary').click();
    await expect(third.locator('summary')).toHaveText('Services and cookies: 1 service, 2 cookies');
    await expect(third.locator('dl')).toContainText('Provider:Google LLCPurpose:Plays embedded videos.');
    await expect(third.getByRole('link', { name: 'Privacy policy of YouTube' })).toHaveAttribute(
      'href',
      'https://policies.google.com/privacy',
    );
    await expect(third.locator('.vc')).toHaveText(
      'Set on the provider’s own domain (only the provider can delete them): VISITOR_INFO1_LIVE, YSC',
    );
    await page.keyboard.press('Escape');
    await video.getByRole('button', { name: 'Always allow YouTube' }).click();
    await expect(page.frameLocator('iframe[title="Video"]').locator('p')).toHaveText('stand-in player');
    expect(reached).toEqual(['https://www.youtube-nocookie.com/embed/x']);
    await expect(page.getByRole('group', { name: 'Widget' })).toBeVisible(); // the rest of Third-party stays blocked
    await expect(bar(page)).toBeVisible();
    expect(servers.log).toEqual([]);
  });

  test('an untagged YouTube iframe a script inserts is held by the catalog hosts and gets the YouTube placeholder', async ({
    page,
    servers,
  }) => {
    const reached: string[] = [];
    await page.route('https://www.youtube-nocookie.com/**', (route) => {
      reached.push(route.request().url());
      return route.fulfill({ contentType: 'text/html', body: '<p>stand-in player</p>' });
    });
    servers.page(
      '/',
      html({
        config: { services: ['youtube', 'google-maps'] },
        bundle: 'consentry.js',
        body: '<main id="app"></main>',
      }),
    );
    await page.goto(`${servers.site}/`);
    await ready(page);
    await page.evaluate(() => {
      const frame = document.createElement('iframe');
      frame.title = 'Pasted video';
      frame.src = 'https://www.youtube-nocookie.com/embed/pasted';
      document.getElementById('app')!.append(frame);
    });
    const video = page.getByRole('group', { name: 'Pasted video' });
    await expect(video).toContainText('This content is provided by YouTube');
    expect(reached).toEqual([]);
    await video.getByRole('button', { name: 'Load once' }).click();
    await expect(page.frameLocator('iframe[title="Pasted video"]').locator('p')).toHaveText('stand-in player');
    expect(reached).toEqual(['https://www.youtube-nocookie.com/embed/pasted']);
    expect(await page.evaluate(() => [window.consentry!.get(), window.consentry!.granted('youtube')])).toEqual([
      null,
      false,
    ]);
  });

  test('zh-CN: the catalog purpose in Chinese and the full-width colon', async ({ page, servers }) => {
    servers.page(
      '/',
      html({ config: { services: ['youtube'] }, bundle: 'consentry.js', lang: 'zh-CN', body: '<p>茶</p>' }),
    );
    await page.goto(`${servers.site}/`);
    await ready(page);
    await page.evaluate(() => window.consentry!.open());
    const third = section(page, '第三方');
    await third.locator('summary').click();
    await expect(third.locator('summary')).toHaveText('服务与 Cookie：1 项服务、2 个 Cookie');
    await expect(third.locator('dl')).toContainText('提供方：Google LLC用途：播放嵌入的视频。');
    await expect(third.getByRole('link', { name: 'YouTube 的隐私政策' })).toBeVisible();
  });
});

interface AxeResult {
  violations: Array<{ id: string; nodes: Array<{ target: unknown; failureSummary?: string }> }>;
}
const axe = async (page: Page) => {
  if (!(await page.evaluate(() => !!(window as { axe?: unknown }).axe)))
    await page.addScriptTag({ url: '/node_modules/axe-core/axe.min.js' });
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
  const result = await page.evaluate(() =>
    (window as unknown as { axe: { run(n: Node, o: object): Promise<AxeResult> } }).axe.run(document, {
      resultTypes: ['violations'],
    }),
  );
  return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => [n.target, n.failureSummary]))}`);
};
/** Open the dialog with every category's services expanded, one service of the third party off (mixed). */
const openExpanded = async (page: Page) => {
  await page.evaluate(() => window.consentry!.open());
  await dialog(page).locator('[part=switch]').first().waitFor();
  await dialog(page)
    .locator('details')
    .evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
  await dialog(page).locator('[part=category]').nth(4).getByRole('switch').first().click();
  await dialog(page).locator('[part=service] [role=switch]').last().click();
};

for (const scheme of ['light', 'dark'] as const)
  for (const lang of ['en', 'zh-CN'])
    for (const width of [375, 1280])
      test(`axe: no violations with services expanded and a mixed switch, ${scheme}, ${lang}, ${width} px`, async ({
        page,
        servers,
      }) => {
        test.slow(); // axe walks a large dialog twice; the machine is shared
        await page.emulateMedia({ colorScheme: scheme });
        await page.setViewportSize({ width, height: 740 });
        await open(page, servers, { lang });
        await openExpanded(page);
        await expect(dialog(page).locator('[aria-checked=mixed]')).toHaveCount(1);
        expect(await axe(page), 'dialog').toEqual([]);
        await page.keyboard.press('Escape');
        expect(await axe(page), 'placeholders').toEqual([]);
      });

test.describe('screenshots (SCREENSHOTS=1)', () => {
  test.skip(!process.env.SCREENSHOTS, 'only on demand: SCREENSHOTS=1');
  for (const width of [375, 1280])
    for (const scheme of ['light', 'dark'] as const)
      for (const lang of ['en', 'zh-CN'])
        test(`services screenshot ${width} ${scheme} ${lang}`, async ({ page, servers }) => {
          await page.setViewportSize({ width, height: width > 400 ? 800 : 740 });
          await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
          await open(page, servers, { lang });
          const name = `screenshots/services-${width}-${scheme}-${lang}`;
          await page.screenshot({ path: `${name}-placeholders.png`, fullPage: true });
          await openExpanded(page);
          await dialog(page).locator('[part=category]').nth(4).scrollIntoViewIfNeeded();
          await page.screenshot({ path: `${name}-dialog.png` });
          await dialog(page).locator('[part=category]').nth(2).scrollIntoViewIfNeeded();
          await page.screenshot({ path: `${name}-dialog-analytics.png` });
        });
});
