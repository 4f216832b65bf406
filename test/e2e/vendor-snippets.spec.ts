// A site that pastes the vendors' snippets UNTAGGED and writes only
// `{"services": [...]}` leaks nothing before consent, and a visitor can allow one service alone.
// The snippets below have the shape of the vendors' own (they build the same script URLs and send
// to the same hosts); Chromium sends those real host names to a local HTTPS server
// (--host-resolver-rules, self-signed certificate), which answers with small stand-in libraries
// that set the vendor's first-party cookie and send a hit where the real library does.
// The site is served by the same server (https://shop.example.test), so protocol-relative
// snippet URLs resolve to https as on a real site.
import { readFile } from 'node:fs/promises';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
// @ts-expect-error -- plain ESM helper without types
import { executablePath, chromiumArgs } from '../support/chromium.mjs';
// @ts-expect-error -- plain ESM helper without types
import { startHttps, vendorHostArgs } from '../support/https.mjs';

const SITE = 'shop.example.test';
const TOKEN = 'abc123';
const BAIDU_ID = '0123456789abcdef0123456789abcdef';

/** Each vendor's hosts (its snippet's loader and where its library sends), as the catalog names them. */
const VENDORS: Record<string, string[]> = {
  mixpanel: ['cdn.mxpnl.com', 'api-js.mixpanel.com'],
  posthog: ['us-assets.i.posthog.com', 'us.i.posthog.com'],
  'baidu-tongji': ['hm.baidu.com'],
  'meta-pixel': ['connect.facebook.net', 'www.facebook.com'],
  hotjar: ['static.hotjar.com', 'script.hotjar.com', 'metrics.hotjar.io'],
  'google-analytics': ['www.googletagmanager.com', 'region1.google-analytics.com'],
};
const VENDOR_HOSTS = Object.values(VENDORS).flat();
const VENDOR_COOKIE = /^(mp_|ph_|Hm_|_fbp|_hj|_ga)/;

/** Stand-in libraries: what each vendor's real library does first (a cookie on the site, a hit). */
const LIBRARIES: Record<string, string> = {
  'cdn.mxpnl.com/libs/mixpanel-2-latest.min.js': `
    document.cookie = 'mp_' + window.mixpanel._i[0][0] + '_mixpanel=' + encodeURIComponent('{"distinct_id":"1"}') + '; path=/';
    var x = new XMLHttpRequest(); x.open('POST', 'https://api-js.mixpanel.com/track/?verbose=1'); x.send('data=e30');`,
  'us-assets.i.posthog.com/static/array.js': `
    document.cookie = 'ph_' + window.posthog._i[0][0] + '_posthog=1; path=/';
    fetch('https://us.i.posthog.com/e/', { method: 'POST', body: '{}' });`,
  'hm.baidu.com/hm.js': `
    document.cookie = 'Hm_lvt_${BAIDU_ID}=1; path=/';
    new Image().src = 'https://hm.baidu.com/hm.gif?si=${BAIDU_ID}';`,
  'connect.facebook.net/en_US/fbevents.js': `
    document.cookie = '_fbp=fb.1.1.1; path=/';
    new Image().src = 'https://www.facebook.com/tr?id=123&ev=PageView';`,
  'static.hotjar.com/c/hotjar-1.js': `
    document.cookie = '_hjSessionUser_1=1; path=/';
    var s = document.createElement('script'); s.src = 'https://script.hotjar.com/modules.js'; document.head.appendChild(s);`,
  'script.hotjar.com/modules.js': `navigator.sendBeacon('https://metrics.hotjar.io/', '{}');`,
  'www.googletagmanager.com/gtag/js': `
    document.cookie = '_ga=GA1.1.1.1; path=/';
    navigator.sendBeacon('https://region1.google-analytics.com/g/collect?v=2&tid=G-TEST&en=page_view');`,
};

/**
 * The vendors' snippets, untagged. GA4's official snippet is a static `<script async src>`, which
 * the browser's preload scanner fetches before any script runs (such tags must be tagged: docs/guide/blocking.md);
 * here gtag.js is inserted from script, as tag managers and CMS plugins do.
 */
const SNIPPETS = `
<script>
(function(f,b){if(!b.__SV){var e,g;window.mixpanel=b;b._i=[];b.init=function(e,f,c){b._i.push([e,f,c])};b.__SV=1.2;
e=f.createElement("script");e.type="text/javascript";e.async=!0;e.src="//cdn.mxpnl.com/libs/mixpanel-2-latest.min.js";
g=f.getElementsByTagName("script")[0];g.parentNode.insertBefore(e,g)}})(document,window.mixpanel||[]);
mixpanel.init("${TOKEN}");
</script>
<script>
!function(t,e){var o,n,p;e.__SV||(window.posthog=e,e._i=[],e.init=function(i,s,a){e._i.push([i,s,a]);
p=t.createElement("script");p.type="text/javascript";p.crossOrigin="anonymous";p.async=!0;
p.src=s.api_host.replace(".i.posthog.com","-assets.i.posthog.com")+"/static/array.js";
(n=t.getElementsByTagName("script")[0]).parentNode.insertBefore(p,n)},e.__SV=1)}(document,window.posthog||[]);
posthog.init("phc_${TOKEN}",{api_host:"https://us.i.posthog.com"});
</script>
<script>
var _hmt = _hmt || [];
(function() { var hm = document.createElement("script"); hm.src = "https://hm.baidu.com/hm.js?${BAIDU_ID}";
  var s = document.getElementsByTagName("script")[0]; s.parentNode.insertBefore(hm, s); })();
</script>
<script>
!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?n.callMethod.apply(n,arguments):n.queue.push(arguments)};
if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';n.queue=[];t=b.createElement(e);t.async=!0;t.src=v;
s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window,document,'script','https://connect.facebook.net/en_US/fbevents.js');
fbq('init', '123'); fbq('track', 'PageView');
</script>
<script>
(function(h,o,t,j,a,r){h.hj=h.hj||function(){(h.hj.q=h.hj.q||[]).push(arguments)};h._hjSettings={hjid:1,hjsv:6};
a=o.getElementsByTagName('head')[0];r=o.createElement('script');r.async=1;r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv;
a.appendChild(r)})(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');
</script>
<script>
(function(){var s=document.createElement('script');s.async=true;s.src='https://www.googletagmanager.com/gtag/js?id=G-TEST';document.head.appendChild(s);})();
window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', 'G-TEST');
</script>
<script>window.__snippetsRan = true;</script>`;

const sitePage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>shop</title>
<script type="application/json" id="consentry-config">${JSON.stringify({ services: Object.keys(VENDORS) })}</script>
<script src="/dist/consentry.gatekeeper.js"></script>
${SNIPPETS}
</head><body><h1>shop</h1></body></html>`;

interface Hit {
  host: string;
  path: string;
}
let browser: Browser;
let server: { port: number; close(): Promise<void> };
const hits: Hit[] = [];

test.beforeAll(async () => {
  const gatekeeper = await readFile(new URL('../../dist/consentry.gatekeeper.js', import.meta.url), 'utf8');
  server = await startHttps((req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const url = new URL(req.url ?? '/', `https://${host}`);
    res.setHeader('Cache-Control', 'no-store');
    if (host == SITE) {
      if (url.pathname == '/dist/consentry.gatekeeper.js')
        return res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(gatekeeper);
      return res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(sitePage);
    }
    hits.push({ host, path: url.pathname });
    const library = LIBRARIES[`${host}${url.pathname}`];
    res.setHeader('Access-Control-Allow-Origin', `https://${SITE}`);
    if (library) return res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(library);
    res.writeHead(204).end();
  });
  // The base flags without their own resolver rules: these map the vendors' names and the site here.
  const args = [
    ...chromiumArgs.filter((a: string) => !a.startsWith('--host-resolver-rules')),
    ...vendorHostArgs([...VENDOR_HOSTS, SITE], server.port),
  ];
  browser = await chromium.launch({ executablePath, args });
});

test.afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test.beforeEach(() => {
  hits.length = 0;
});

/** Open the site in a fresh context; returns the page and every URL the browser requested. */
const openSite = async (): Promise<{ page: Page; requested: string[] }> => {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const page = await context.newPage();
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  await page.goto(`https://${SITE}/`);
  await page.waitForFunction(
    () => !!window.consentry && (window as unknown as { __snippetsRan?: boolean }).__snippetsRan,
  );
  // Every snippet has tried its loader: the gatekeeper reports each one as held.
  await expect
    .poll(() => page.evaluate(() => window.consentry!.blocked().filter((b) => b.kind == 'script').length))
    .toBe(6);
  return { page, requested };
};

const hostsOf = (urls: string[]) => [...new Set(urls.map((u) => new URL(u).hostname).filter((h) => h != SITE))].sort();
const vendorCookies = (page: Page) =>
  page
    .evaluate(() =>
      document.cookie
        .split('; ')
        .map((c) => c.split('=')[0])
        .filter(Boolean),
    )
    .then((names) => names.filter((n) => VENDOR_COOKIE.test(n)).sort());

test.describe('vendor snippets pasted untagged, config {"services": [...]} only', () => {
  test('before consent not one request reaches a vendor host and no vendor cookie is set', async () => {
    const { page, requested } = await openSite();
    const held = await page.evaluate(() =>
      window
        .consentry!.blocked()
        .map((b) => `${b.category} ${b.host} ${b.kind} ${b.held}`)
        .sort(),
    );
    expect(held).toEqual([
      'baidu-tongji hm.baidu.com script true',
      'google-analytics www.googletagmanager.com script true',
      'hotjar static.hotjar.com script true',
      'meta-pixel connect.facebook.net script true',
      'mixpanel cdn.mxpnl.com script true',
      'posthog us-assets.i.posthog.com script true',
    ]);
    expect(hostsOf(requested)).toEqual([]);
    expect(hits).toEqual([]);
    expect(await vendorCookies(page)).toEqual([]);
    await page.context().close();
  });

  test('consentry.set({ mixpanel: true }) loads Mixpanel alone: only its hosts are reached; the rest stays held until allowed', async () => {
    const { page, requested } = await openSite();
    await page.evaluate(() => window.consentry!.set({ mixpanel: true }));
    // The released library ran: its cookie is set and its hit arrived.
    await expect.poll(() => hits.some((h) => h.host == 'api-js.mixpanel.com' && h.path == '/track/')).toBe(true);
    expect(await vendorCookies(page)).toEqual([`mp_${TOKEN}_mixpanel`]);
    expect(hostsOf(requested)).toEqual(VENDORS.mixpanel.slice().sort());
    expect([...new Set(hits.map((h) => h.host))].sort()).toEqual(VENDORS.mixpanel.slice().sort());
    // One service allowed alone: its category is not, and the other loaders are still held.
    expect(
      await page.evaluate(() => [
        window.consentry!.granted('mixpanel'),
        window.consentry!.granted('analytics'),
        window.consentry!.granted('posthog'),
      ]),
    ).toEqual([true, false, false]);
    // The others were held, not dropped: allowing PostHog next (set() merges) loads it, and only it.
    await page.evaluate(() => window.consentry!.set({ posthog: true }));
    await expect.poll(() => hits.some((h) => h.host == 'us.i.posthog.com' && h.path == '/e/')).toBe(true);
    expect(await vendorCookies(page)).toEqual([`mp_${TOKEN}_mixpanel`, `ph_phc_${TOKEN}_posthog`]);
    expect(hostsOf(requested)).toEqual([...VENDORS.mixpanel, ...VENDORS.posthog].sort());
    expect(await page.evaluate(() => window.consentry!.granted('mixpanel'))).toBe(true);
    await page.context().close();
  });
});
