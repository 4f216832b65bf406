// The fixture sites of the scan tests, as files. Each planted leak is one thing a site owner
// gets wrong in real life.
import { readFileSync } from 'node:fs';
import { consentryPage } from './scan-sites.mjs';

const DEMO_CONFIG = JSON.parse(readFileSync(new URL('../../demo/consentry.config.json', import.meta.url), 'utf8'));

/** A consentry site that does everything right: its tags wait for consent. */
export const cleanSite = {
  'consentry.config.json': JSON.stringify({
    rules: [{ category: 'analytics', hosts: ['www.googletagmanager.com', 'region1.google-analytics.com'] }],
  }),
  'index.html': consentryPage(
    'Clean home',
    '<script type="text/plain" data-consent="analytics" src="https://www.googletagmanager.com/gtag/js?id=G-TEST"></script>',
    '<a href="/about.html">About</a>',
  ),
  'about.html': consentryPage('About', '', '<a href="/contact.html">Contact</a> <a href="/">Home</a>'),
  'contact.html': consentryPage('Contact', '', "<p>Linked from about.html only: the third page is the sitemap's.</p>"),
  // Linked from nowhere: only sitemap.xml leads to it.
  'hidden.html': consentryPage(
    'Hidden',
    '',
    '<img data-consent="analytics" data-src="https://region1.google-analytics.com/g/collect?v=2&amp;en=hidden" alt="" width="1" height="1">',
  ),
  'sitemap.xml':
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>/hidden.html</loc></url></urlset>\n',
};

/** The site's own script: a "goodbye" beacon when analytics is refused (the leak fires only after a reject). */
const APP_JS = `document.addEventListener('consentry:change', () => {
  if (!window.consentry.granted('analytics')) navigator.sendBeacon('https://mc.yandex.ru/watch/4242?ev=consent-refused');
});
`;

/**
 * A consentry site with the planted leaks: a static untagged script (Mixpanel, which also
 * writes a localStorage key), a first-party _ga cookie written by an untagged gtag.js, a
 * Meta pixel only on the third page of the crawl, and a beacon that fires only after a reject.
 */
export const leakySite = {
  'consentry.config.json': JSON.stringify({
    privacyPolicyUrl: '/legal/privacy-policy-and-cookie-declaration-for-every-visitor-of-this-shop.html',
  }),
  'app.js': APP_JS,
  'index.html': consentryPage(
    'Leaky home',
    `<script src="https://cdn.mxpnl.com/libs/mixpanel-2-latest.min.js"></script>
<script async src='https://www.googletagmanager.com/gtag/js?id=G-LEAK'></script>
<script src="/app.js" defer></script>`,
    '<a href="/second.html">Second</a>',
  ),
  'second.html': consentryPage('Second', '<script src="/app.js" defer></script>', '<a href="/third.html">Third</a>'),
  'third.html': consentryPage(
    'Third',
    '<script src="/app.js" defer></script>',
    '<IMG SRC=https://www.facebook.com/tr?id=1&amp;ev=PageView height=1 width=1 alt="">',
  ),
};

/** A site with vanilla-cookieconsent v3 (its own script blocking, data-category), operated through autoconsent. */
export const vanillaSite = {
  'index.html': `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>vcc site</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="/node_modules/vanilla-cookieconsent/dist/cookieconsent.css">
<script type="text/plain" data-category="analytics" src="https://www.googletagmanager.com/gtag/js?id=G-VCC"></script>
</head><body><h1>A vanilla-cookieconsent site</h1>
<script src="/node_modules/vanilla-cookieconsent/dist/cookieconsent.umd.js"></script>
<script src="/vcc-setup.js"></script>
</body></html>
`,
  'vcc-setup.js': `CookieConsent.run({
  categories: { necessary: { enabled: true, readOnly: true }, analytics: {} },
  language: { default: 'en', translations: { en: {
    consentModal: { title: 'We use cookies', description: 'Analytics only with your consent.', acceptAllBtn: 'Accept all', acceptNecessaryBtn: 'Reject all', showPreferencesBtn: 'Manage preferences' },
    preferencesModal: { title: 'Preferences', acceptAllBtn: 'Accept all', acceptNecessaryBtn: 'Reject all', savePreferencesBtn: 'Save', sections: [] },
  } } },
});
`,
};

/** A site with no consent banner at all, and one pixel of a third party nobody classifies (a review, not a violation). */
export const noBannerSite = {
  'index.html': `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>No banner</title><link rel="icon" href="data:,">
</head><body><h1>No banner here</h1><img src="https://px.shopbuddy-widgets.io/p.gif" alt="" width="1" height="1">
<script src="/hostile-cookies.js"></script></body></html>
`,
  // Cookie names a hostile site chooses so that a pasted declaration turns into markup, links or code.
  'hostile-cookies.js':
    `for (const name of HOSTILE_COOKIES) document.cookie = name + '=1; path=/; max-age=3600';\n`.replace(
      'HOSTILE_COOKIES',
      JSON.stringify([
        '<img src onerror>',
        '<script>alert(2)</script>',
        '[click](javascript:alert(3))',
        '<javascript:alert(4)>',
        'x|y|z',
        '{{constructor.constructor("alert(5)")()}}',
        '**bold**_under_`code`',
        'https://evil.example/x',
      ]),
    ),
};

/**
 * A consentry site whose cookies are written by tagged scripts once released: the demo's own
 * sign-in memory (service qj-account in identity, written by an inline tagged script) and the
 * Google Analytics snippet, both tagged with their service ids.
 */
export const taggedSite = {
  'consentry.config.json': JSON.stringify({
    services: { 'google-analytics': true, 'qj-account': DEMO_CONFIG.services['qj-account'] },
  }),
  'index.html': consentryPage(
    'Tagged home',
    `<script type="text/plain" data-consent="google-analytics" async src="https://www.googletagmanager.com/gtag/js?id=G-TAGGED"></script>
<script type="text/plain" data-consent="google-analytics">window.dataLayer = window.dataLayer || []; function gtag() { dataLayer.push(arguments); } gtag('js', new Date()); gtag('config', 'G-TAGGED');</script>
${readFileSync(new URL('../../demo/index.html', import.meta.url), 'utf8').match(/<script [^>]*data-consent="qj-account"[^>]*>.*?<\/script>/)[0]}`,
    '<p>Signed-in visitors are remembered.</p>',
  ),
};

/**
 * A consentry site whose start page holds an image that never answers (its load event never
 * comes), and that pings its own server while no choice is stored: that request belongs to
 * "before consent", never to the phases after a choice.
 */
export const stuckSite = {
  'consentry.config.json': JSON.stringify({ privacyPolicyUrl: '/privacy.html' }),
  'index.html': consentryPage(
    'Stuck home',
    `<script>if (!window.consentry.get()) fetch('/no-choice-yet.txt');</script>`,
    '<img src="/never-answers" alt="" width="1" height="1"><a href="/about.html">About</a>',
  ),
  'about.html': consentryPage('About', '', '<p>About us.</p>'),
  'no-choice-yet.txt': 'ok',
};

/** A consentry site with a misspelt config key, and an untagged pixel to a host its rules name. */
export const brokenConfigSite = {
  'consentry.config.json': JSON.stringify({
    revison: 2,
    rules: [{ category: 'advertising', hosts: ['px.shopbuddy-widgets.io'] }],
  }),
  'index.html': consentryPage(
    'Broken config',
    '<script>new Image().src = "https://px.shopbuddy-widgets.io/p.gif?leak=1";</script>',
    '<p>Home.</p>',
  ),
};
