import type { Page } from '@playwright/test';
import { expect, html, ready, test } from './fixtures.js';

/**
 * window.dataLayer as gtag left it: Arguments objects (what gtag pushes) become
 * `{ args: [...] }`, so a test can tell them from the plain objects a tag manager expects.
 */
const dataLayer = (page: Page) =>
  page.evaluate(() =>
    (window.dataLayer ?? []).map((e) =>
      Object.prototype.toString.call(e) == '[object Arguments]' ? { args: Array.from(e as IArguments) } : e,
    ),
  );

const denied = {
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
  functionality_storage: 'denied',
  personalization_storage: 'denied',
  security_storage: 'granted',
};
const granted = Object.fromEntries(Object.keys(denied).map((k) => [k, 'granted']));
const defaults = { args: ['consent', 'default', { ...denied, wait_for_update: 500 }] };
const update = (state: object) => ({ args: ['consent', 'update', { ...denied, ...state }] });
const event = (choices: object) => ({
  event: 'consentry_update',
  consentry: { identity: false, analytics: false, advertising: false, third_party: false, ...choices },
});

/**
 * A page where a plain (untagged) script right after the gatekeeper snapshots the dataLayer,
 * as a Google tag placed there would see it, and a tagged analytics script pushes a marker.
 */
const page = (config: object) =>
  html({
    config,
    head: `<script>window.__atFirstTag = window.dataLayer.length;</script>
      <script type="text/plain" data-consent="analytics">dataLayer.push({ tag: 'analytics ran' });</script>`,
  });

test.describe('Google Consent Mode v2', () => {
  test('the default (all denied but security_storage) is on the dataLayer before any tag, as gtag Arguments', async ({
    page: tab,
    servers,
  }) => {
    servers.page('/', page({ googleConsentMode: true }));
    await tab.goto(`${servers.site}/`);
    await ready(tab);
    expect(await tab.evaluate(() => (window as { __atFirstTag?: number }).__atFirstTag)).toBe(1);
    expect(await dataLayer(tab)).toEqual([defaults]);
    expect(await tab.evaluate(() => typeof window.gtag)).toBe('function');
  });

  test('options: wait_for_update and region in the default, ads_data_redaction and url_passthrough via set', async ({
    page: tab,
    servers,
  }) => {
    servers.page(
      '/',
      page({
        googleConsentMode: {
          wait_for_update: 1500,
          region: ['US-CA', 'BR'],
          ads_data_redaction: true,
          url_passthrough: true,
        },
      }),
    );
    await tab.goto(`${servers.site}/`);
    await ready(tab);
    expect(await dataLayer(tab)).toEqual([
      { args: ['consent', 'default', { ...denied, wait_for_update: 1500, region: ['US-CA', 'BR'] }] },
      { args: ['set', 'ads_data_redaction', true] },
      { args: ['set', 'url_passthrough', true] },
    ]);
  });

  test('a choice pushes update then the consentry_update event, before the tags it releases run', async ({
    page: tab,
    servers,
  }) => {
    servers.page('/', page({ googleConsentMode: true }));
    await tab.goto(`${servers.site}/`);
    await ready(tab);
    await tab.evaluate(() => window.consentry!.set({ analytics: true }));
    await tab.waitForFunction(() => window.dataLayer!.some((e) => (e as { tag?: string }).tag));
    expect(await dataLayer(tab)).toEqual([
      defaults,
      update({ analytics_storage: 'granted' }),
      event({ analytics: true }),
      { tag: 'analytics ran' },
    ]);
    await tab.evaluate(() => window.consentry!.set({ analytics: true, advertising: true, identity: true }));
    expect((await dataLayer(tab)).slice(4)).toEqual([
      update({
        analytics_storage: 'granted',
        ad_storage: 'granted',
        ad_user_data: 'granted',
        ad_personalization: 'granted',
        functionality_storage: 'granted',
        personalization_storage: 'granted',
      }),
      event({ analytics: true, advertising: true, identity: true }),
    ]);
  });

  test('the stored choice is pushed as update on every page load; reject pushes denied', async ({
    page: tab,
    servers,
  }) => {
    servers.page('/', page({ googleConsentMode: true }));
    await tab.goto(`${servers.site}/`);
    await ready(tab);
    await tab.evaluate(() => window.consentry!.acceptAll());
    await tab.reload();
    await ready(tab);
    await tab.waitForFunction(() => window.dataLayer!.some((e) => (e as { tag?: string }).tag));
    const all = { identity: true, analytics: true, advertising: true, third_party: true };
    expect(await dataLayer(tab)).toEqual([defaults, update(granted), event(all), { tag: 'analytics ran' }]);

    await tab.evaluate(() => window.consentry!.rejectAll()); // withdrawal: reloads
    await tab.waitForFunction(() => window.consentry?.get()?.m == 'reject-all');
    expect(await dataLayer(tab)).toEqual([defaults, update({}), event({})]);
  });

  test('opt-out mode pushes its granted-until-refused state on load; GPC keeps advertising denied', async ({
    page: tab,
    servers,
  }) => {
    await tab.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }),
    );
    servers.page('/', page({ googleConsentMode: true, mode: 'opt-out' }));
    await tab.goto(`${servers.site}/`);
    await ready(tab);
    await tab.waitForFunction(() => window.dataLayer!.some((e) => (e as { tag?: string }).tag));
    expect(await dataLayer(tab)).toEqual([
      defaults,
      update({ analytics_storage: 'granted', functionality_storage: 'granted', personalization_storage: 'granted' }),
      event({ identity: true, analytics: true }),
      { tag: 'analytics ran' },
    ]);
  });

  test('a gtag the page already defined is used, and nothing is pushed without googleConsentMode', async ({
    page: tab,
    servers,
  }) => {
    servers.page(
      '/own',
      html({
        config: { googleConsentMode: true },
        bundle: null,
        head: `<script>window.dataLayer = [{ mine: 1 }]; window.gtag = function () { dataLayer.push({ own: Array.from(arguments) }); };</script>
        <script src="/dist/consentry.gatekeeper.js"></script>`,
      }),
    );
    await tab.goto(`${servers.site}/own`);
    await ready(tab);
    expect(await dataLayer(tab)).toEqual([
      { mine: 1 },
      { own: ['consent', 'default', { ...denied, wait_for_update: 500 }] },
    ]);

    servers.page('/off', html({}));
    await tab.goto(`${servers.site}/off`);
    await ready(tab);
    await tab.evaluate(() => window.consentry!.acceptAll());
    expect(await tab.evaluate(() => [typeof window.gtag, typeof window.dataLayer])).toEqual(['undefined', 'undefined']);
  });
});
