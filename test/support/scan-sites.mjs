// Fixture sites for the `consentry scan` tests: a local "vendor" HTTPS server that answers for
// real vendor host names (mapped to it by Chromium's --host-resolver-rules), and an http site
// on 127.0.0.1 served from a directory, so a test can rewrite its files (`consentry tag`) and
// its config (`{{CONFIG}}` in the HTML is replaced by the directory's consentry.config.json).
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHttps, vendorHostArgs } from './https.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.xml': 'application/xml',
};
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** The vendor responses, by host: what each real snippet does that the tests look for. */
const VENDORS = {
  // gtag.js: writes the first-party _ga cookie and sends a hit, as Google's tag does.
  'www.googletagmanager.com': () => [
    'text/javascript',
    `document.cookie = '_ga=GA1.1.1234.5678; path=/; max-age=63072000; SameSite=Lax';
navigator.sendBeacon('https://region1.google-analytics.com/g/collect?v=2&tid=G-TEST&en=page_view');`,
  ],
  'region1.google-analytics.com': () => ['text/plain', ''],
  // Mixpanel's library keeps its state in localStorage under mp_<token>_mixpanel.
  'cdn.mxpnl.com': () => [
    'text/javascript',
    `localStorage.setItem('mp_fixture_mixpanel', '{"distinct_id":"42"}');
indexedDB.open('mixpanelBrowserDb');
fetch('https://api-js.mixpanel.com/track/?ip=1', { method: 'POST', mode: 'no-cors', body: 'data=e30=' });`,
  ],
  'api-js.mixpanel.com': () => ['text/plain', '1'],
  // The Meta pixel's noscript image, with the third-party cookie Meta sets on its own domain.
  'www.facebook.com': () => [
    'image/gif',
    GIF,
    { 'set-cookie': 'fr=0fixture; Domain=.facebook.com; Path=/; Max-Age=7776000; SameSite=None; Secure; HttpOnly' },
  ],
  // A small widget vendor no list knows: "needs review".
  'px.shopbuddy-widgets.io': () => ['image/gif', GIF],
  // Yandex Metrica's hit endpoint.
  'mc.yandex.ru': () => ['image/gif', GIF],
};

/** Host names the vendor server answers for. */
export const VENDOR_HOSTS = Object.keys(VENDORS);

/** Start the vendor server; `log` holds every request it received ({ host, url }). */
export const startVendors = async () => {
  const log = [];
  const server = await startHttps((req, res) => {
    const host = (req.headers.host ?? '').split(':')[0];
    log.push({ host, url: req.url });
    const answer = VENDORS[host];
    if (!answer) return res.writeHead(404).end();
    const [type, body, headers = {}] = answer();
    res.writeHead(200, { 'content-type': type, 'access-control-allow-origin': '*', ...headers }).end(body);
  });
  return { ...server, log, args: vendorHostArgs(VENDOR_HOSTS, server.port) };
};

/** The scanner flags that route vendor hosts to the vendor server. */
export const browserFlags = (vendors) => [
  ...vendors.args.flatMap((a) => ['--browser-arg', a]),
  '--ignore-https-errors',
];

/**
 * Serve `files` ({ 'index.html': '…' }) from a fresh temp directory on http://127.0.0.1:PORT.
 * `/dist/*` and `/node_modules/*` come from the repository (the built consentry bundle,
 * vanilla-cookieconsent); `/never-answers` is never answered. Returns { url, dir, close }.
 */
export const startSite = async (files) => {
  const dir = mkdtempSync(join(tmpdir(), 'consentry-scan-site-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    if (path == '/never-answers') return; // a subresource that never answers: the page's load event never comes
    const fromRepo = path.startsWith('/dist/') || path.startsWith('/node_modules/');
    const file = join(fromRepo ? ROOT : dir, path.endsWith('/') ? `${path}index.html` : path);
    if (!existsSync(file)) return res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    let body = readFileSync(file);
    if (extname(file) == '.html' && !fromRepo) {
      const config = existsSync(join(dir, 'consentry.config.json'))
        ? readFileSync(join(dir, 'consentry.config.json'), 'utf8').trim()
        : '{}';
      body = body.toString('utf8').replaceAll('{{CONFIG}}', config);
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const close = () =>
    new Promise((resolve) => {
      server.close(resolve);
      server.closeAllConnections(); // a held request would keep the server open
    });
  return { url: `http://127.0.0.1:${server.address().port}/`, dir, close };
};

/** A consentry page: the JSON config block and the one-file bundle first in <head>. */
export const consentryPage = (title, head, body) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title><link rel="icon" href="data:,">
<script type="application/json" id="consentry-config">{{CONFIG}}</script>
<script src="/dist/consentry.js"></script>
${head}
</head><body><h1>${title}</h1>
${body}
</body></html>
`;
