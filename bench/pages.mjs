// The bench pages: one ordinary article page, the same two tagged trackers (analytics and
// an ad tag on a third-party origin), each consent tool installed the way its docs say, with
// its own tagging syntax. Every tool shows its first layer with Accept all / Reject all.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { siteHeadScript } from '@consentry/cli';

const read = (file) => readFileSync(file);

/** Installed version of a package in node_modules. */
export const versionOf = (name) => JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')).version;

const article = `<header><strong>Qiaojiang Hardware</strong> · <a href="/">Home</a> · <a href="/products">Products</a></header>
<main>
  <h1>Choosing a cordless drill for home repairs</h1>
  ${'<p>A brushless motor lasts longer and wastes less battery; for shelves, curtain rails and furniture, 40 to 60 N·m of torque is plenty, and two batteries mean you never wait for a charge. Look at the clutch settings too: more steps give finer control when driving small screws into soft wood.</p>'.repeat(8)}
</main>
<footer><a href="/privacy">Privacy policy</a></footer>`;

const page = ({ head = '', body = '' }) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Bench page</title><link rel="icon" href="data:,">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:44rem;margin:0 auto;padding:1rem}</style>
${head}</head><body>${article}${body}</body></html>`;

/** The tagged-script stand-ins: record when they ran (performance.now()). */
export const trackerScripts = {
  '/analytics.js':
    "(window.__ran = window.__ran || []).push(['analytics', performance.now()]); document.cookie = '_sa_id=1; path=/';",
  '/ads.js': "(window.__ran = window.__ran || []).push(['ads', performance.now()]);",
};

const js = (body) => ({ body, headers: { 'Content-Type': 'text/javascript' } });
const css = (body) => ({ body, headers: { 'Content-Type': 'text/css' } });

const CC = 'node_modules/vanilla-cookieconsent/dist';
// hideFromBots: false, or it hides itself under automation (navigator.webdriver / HeadlessChrome).
const ccInit = `CookieConsent.run({
  hideFromBots: false,
  categories: { necessary: { enabled: true, readOnly: true }, analytics: {}, advertising: {} },
  language: { default: 'en', translations: { en: {
    consentModal: { title: 'We use cookies', description: 'We use cookies and web beacons for analytics and ad optimization. You can accept, reject or choose.', acceptAllBtn: 'Accept all', acceptNecessaryBtn: 'Reject all', showPreferencesBtn: 'Customize' },
    preferencesModal: { title: 'Cookie preferences', acceptAllBtn: 'Accept all', acceptNecessaryBtn: 'Reject all', savePreferencesBtn: 'Save', sections: [
      { title: 'Strictly necessary', linkedCategory: 'necessary' },
      { title: 'Analytics', description: 'Measurement.', linkedCategory: 'analytics' },
      { title: 'Ad optimization', description: 'Ads.', linkedCategory: 'advertising' } ] } } } }
});`;

const klaroConfig = `var klaroConfig = {
  version: 1, default: false, mustConsent: false, acceptAll: true, hideDeclineAll: false,
  privacyPolicy: '/privacy',
  translations: { en: { privacyPolicyUrl: '/privacy', purposes: { analytics: 'Analytics', advertising: 'Ad optimization' } } },
  services: [
    { name: 'analytics', title: 'Analytics', purposes: ['analytics'] },
    { name: 'ads', title: 'Ads', purposes: ['advertising'] },
  ],
};`;

/** The site build's head script for `config` (what `consentry build` writes), as a file to serve and measure. */
const siteHead = (config) => {
  const file = join(mkdtempSync(join(tmpdir(), 'consentry-bench-')), 'consentry.gatekeeper.js');
  writeFileSync(file, siteHeadScript(config, readFileSync('dist/site/consentry.gatekeeper.js', 'utf8')));
  return file;
};

/**
 * The tools. `assets` are the tool's files, `files` maps each URL the page may fetch to its
 * file (null: the bench's own init script, not counted), `bannerFiles` are the URLs holding
 * banner code,
 * `routes` are served on the site origin, `page(tracker)` is the HTML, `visible` (run in the
 * page) says whether the first layer is on screen, `accept` is the first layer's Accept all.
 */
export const tools = () => {
  // consentry as its docs say: the head script alone, which fetches the other files from
  // beside itself when the visit needs them (docs/guide/install.md "What loads when"). `files` maps each servable URL
  // to its file, so the bench measures what a load really downloaded.
  const dist = ['consentry.gatekeeper.js', 'consentry.banner.js', 'consentry.ui.js', 'consentry.receipts.js'].filter(
    (f) => existsSync(`dist/${f}`),
  );
  const split = dist.includes('consentry.banner.js');
  const config = { privacyPolicyUrl: '/privacy' };
  const siteBuild = existsSync('dist/site/consentry.gatekeeper.js') ? siteHead(config) : null;
  const parts = dist.filter((f) => f != 'consentry.gatekeeper.js');
  const consentryPage =
    (src, withConfig = true) =>
    (t) =>
      page({
        head: `${withConfig ? `<script type="application/json" id="consentry-config">${JSON.stringify(config)}</script>\n` : ''}<script src="${src}"></script>
<script type="text/plain" data-consent="analytics" src="${t}/analytics.js"></script>
<script type="text/plain" data-consent="advertising" src="${t}/ads.js"></script>`,
      });
  const consentryVisible = `(() => { const root = document.querySelector('consentry-banner')?.shadowRoot;
        return !!root && [...root.querySelectorAll('*')].some((e) => e.getBoundingClientRect().height > 0 && e.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && /accept/i.test(e.textContent || '')); })()`;
  const consentryAccept = (p) =>
    p
      .locator('consentry-banner')
      .getByRole('button', { name: /accept all/i })
      .first();
  const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
  return [
    {
      // The same page with no consent tool: what the page itself costs (parse, layout, fonts).
      name: 'no tool (baseline)',
      version: '',
      baseline: true,
      hasBanner: false,
      assets: [],
      files: {},
      bannerFiles: [],
      routes: {},
      page: (t) =>
        page({
          head: `<script type="text/plain" src="${t}/analytics.js"></script>
<script type="text/plain" src="${t}/ads.js"></script>`,
        }),
      visible: 'false',
    },
    {
      name: 'consentry',
      version: version + (split ? '' : ' (gatekeeper only: banner not built)'),
      hasBanner: split,
      assets: dist.map((f) => `dist/${f}`),
      files: Object.fromEntries(dist.map((f) => [`/tool/${f}`, `dist/${f}`])),
      bannerFiles: ['/tool/consentry.banner.js', '/tool/consentry.ui.js'],
      routes: Object.fromEntries(dist.map((f) => [`/tool/${f}`, js(read(`dist/${f}`))])),
      page: consentryPage('/tool/consentry.gatekeeper.js'),
      visible: consentryVisible,
      accept: consentryAccept,
    },
    ...(siteBuild
      ? [
          {
            // The site build (docs/guide/install.md "Site build"): `consentry build` with the same config, its head
            // script instead of the generic one (no config block on the page), the same parts beside it.
            name: 'consentry-site-build',
            version,
            hasBanner: split,
            assets: [siteBuild, ...parts.map((f) => `dist/${f}`)],
            files: {
              '/tool/site/consentry.gatekeeper.js': siteBuild,
              ...Object.fromEntries(parts.map((f) => [`/tool/site/${f}`, `dist/${f}`])),
            },
            bannerFiles: ['/tool/site/consentry.banner.js', '/tool/site/consentry.ui.js'],
            routes: {
              '/tool/site/consentry.gatekeeper.js': js(read(siteBuild)),
              ...Object.fromEntries(parts.map((f) => [`/tool/site/${f}`, js(read(`dist/${f}`))])),
            },
            page: consentryPage('/tool/site/consentry.gatekeeper.js', false),
            visible: consentryVisible,
            accept: consentryAccept,
          },
        ]
      : []),
    ...(existsSync('dist/consentry.js') && !process.env.BENCH_NO_ONE_FILE
      ? [
          {
            // The one-file install (docs/guide/install.md): everything in consentry.js, UI work deferred until needed.
            name: 'consentry-one-file',
            version,
            hasBanner: true,
            assets: ['dist/consentry.js'],
            files: { '/tool/one/consentry.js': 'dist/consentry.js' },
            bannerFiles: ['/tool/one/consentry.js'],
            routes: { '/tool/one/consentry.js': js(read('dist/consentry.js')) },
            page: consentryPage('/tool/one/consentry.js'),
            visible: consentryVisible,
            accept: consentryAccept,
          },
        ]
      : []),
    {
      name: 'vanilla-cookieconsent',
      version: versionOf('vanilla-cookieconsent'),
      hasBanner: true,
      assets: [`${CC}/cookieconsent.umd.js`, `${CC}/cookieconsent.css`],
      files: {
        '/tool/cookieconsent.umd.js': `${CC}/cookieconsent.umd.js`,
        '/tool/cookieconsent.css': `${CC}/cookieconsent.css`,
        '/tool/cc-init.js': null,
      },
      bannerFiles: ['/tool/cookieconsent.umd.js', '/tool/cookieconsent.css'],
      routes: {
        '/tool/cookieconsent.umd.js': js(read(`${CC}/cookieconsent.umd.js`)),
        '/tool/cookieconsent.css': css(read(`${CC}/cookieconsent.css`)),
        '/tool/cc-init.js': js(ccInit),
      },
      page: (t) =>
        page({
          head: `<link rel="stylesheet" href="/tool/cookieconsent.css">
<script type="text/plain" data-category="analytics" src="${t}/analytics.js"></script>
<script type="text/plain" data-category="advertising" src="${t}/ads.js"></script>
<script defer src="/tool/cookieconsent.umd.js"></script>
<script defer src="/tool/cc-init.js"></script>`,
        }),
      visible: `(() => { const e = document.querySelector('#cc-main .cm');
        return !!e && e.getBoundingClientRect().height > 0 && e.checkVisibility({ opacityProperty: true, visibilityProperty: true }); })()`,
      accept: (p) => p.locator('#cc-main .cm button[data-role="all"]'),
    },
    {
      name: 'Klaro',
      version: versionOf('klaro'),
      hasBanner: true,
      assets: ['node_modules/klaro/dist/klaro.js'],
      files: { '/tool/klaro.js': 'node_modules/klaro/dist/klaro.js', '/tool/klaro-config.js': null },
      bannerFiles: ['/tool/klaro.js'],
      routes: {
        '/tool/klaro.js': js(read('node_modules/klaro/dist/klaro.js')),
        '/tool/klaro-config.js': js(klaroConfig),
      },
      page: (t) =>
        page({
          head: `<script defer src="/tool/klaro-config.js"></script>
<script defer src="/tool/klaro.js"></script>
<script type="text/plain" data-type="text/javascript" data-name="analytics" data-src="${t}/analytics.js"></script>
<script type="text/plain" data-type="text/javascript" data-name="ads" data-src="${t}/ads.js"></script>`,
        }),
      visible: `(() => { const e = document.querySelector('.klaro .cookie-notice:not(.cookie-notice-hidden), .klaro .cookie-modal');
        return !!e && e.getBoundingClientRect().height > 0 && e.checkVisibility({ opacityProperty: true, visibilityProperty: true }); })()`,
      accept: (p) => p.locator('.klaro .cookie-notice .cm-btn-success').first(),
    },
  ];
};
