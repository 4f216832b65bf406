// `npm start`: serves the demo shop on http://localhost:8080 (demo/ and dist/) and a local
// stand-in for third parties (analytics, an ad pixel, a video and a map embed) on
// http://127.0.0.1:8081 — a different origin, so third-party blocking is real — that logs
// every request it receives and shows that log at /__log (JSON, CORS). No internet needed.
//
// Tests and the bench import `startDemo({ port: 0, trackerPort: 0 })` for ephemeral ports.
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { trackerResponse } from './tracker.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.map': 'application/json', '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };
const RECEIVER = join(ROOT, 'demo/receipt-receiver.mjs');

/**
 * The proof-of-consent receiver (demo/receipt-receiver.mjs, from the integrations work) when
 * present; without it receipts are acknowledged and dropped, so the demo still runs.
 */
const loadReceiver = async (file) => {
  if (!existsSync(RECEIVER)) return null;
  await mkdir(dirname(file), { recursive: true });
  const { createReceiptReceiver } = await import(pathToFileURL(RECEIVER).href);
  return await createReceiptReceiver({ file });
};

/**
 * Pick the file for a site path. Until the banner is built, `/dist/consentry.js` (gatekeeper +
 * banner) falls back to the gatekeeper alone: the demo works, driven by its panel's buttons.
 */
const siteFile = (path) => {
  if (path.startsWith('/dist/')) {
    const file = join(ROOT, path);
    if (path == '/dist/consentry.js' && !existsSync(file)) return join(ROOT, 'dist/consentry.gatekeeper.js');
    return file;
  }
  return join(ROOT, 'demo', path);
};

/**
 * Start the demo: the site and the tracker. `port`/`trackerPort` 0 pick free ports.
 * Returns { site, tracker, log, close }; `log` holds every request the tracker received.
 */
export const startDemo = async ({
  port = 8080,
  trackerPort = port ? port + 1 : 0,
  quiet = false,
  receipts = join(ROOT, 'demo/data/receipts.jsonl'),
} = {}) => {
  const log = [];
  let trackerOrigin = '';
  const receiver = await loadReceiver(receipts);
  const config = async () => (await readFile(join(ROOT, 'demo/consentry.config.json'), 'utf8')).trim();

  const site = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let path = decodeURIComponent(url.pathname);
    if (path == '/consent-receipts') {
      if (receiver) {
        return Promise.resolve(receiver(req, res)).catch((error) => {
          console.error('receipt receiver failed:', error);
          if (!res.headersSent) res.statusCode = 500;
          res.end();
        });
      }
      if (!quiet) console.log('receipt received; add demo/receipt-receiver.mjs to store it');
      res.statusCode = 204;
      return res.end();
    }
    // The tracker's log, also on the site's own origin: the demo panel reads it from here so
    // that no URL rule (which may cover the tracker's host) ever interferes with the panel.
    if (path == '/__demo/tracker-log') {
      if (req.method == 'DELETE') log.length = 0;
      res.setHeader('Content-Type', 'application/json');
      res.setHeader('Cache-Control', 'no-store');
      return res.end(JSON.stringify(log));
    }
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(siteFile(path));
    // Only the site's own files: not the stored receipts (demo/data) nor the server's code.
    const servable = (file.startsWith(join(ROOT, 'demo/')) || file.startsWith(join(ROOT, 'dist/')))
      && !file.startsWith(join(ROOT, 'demo/data/')) && extname(file) != '.mjs';
    if (!servable) {
      res.statusCode = 404;
      return res.end('not found');
    }
    try {
      let body = await readFile(file);
      if (extname(file) == '.html')
        body = body.toString().replaceAll('{{CONFIG}}', await config()).replaceAll('{{TRACKER}}', trackerOrigin);
      res.setHeader('Content-Type', TYPES[extname(file)] || 'application/octet-stream');
      res.setHeader('Cache-Control', 'no-store');
      res.end(body);
    } catch {
      res.statusCode = 404;
      res.end('not found');
    }
  });

  const tracker = createServer((req, res) => {
    const url = new URL(req.url, 'http://tracker');
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Cache-Control', 'no-store');
    // The demo panel reads and clears the log; those calls are not "tracking" and are not logged.
    if (url.pathname == '/__log') {
      if (req.method == 'DELETE') log.length = 0;
      res.setHeader('Access-Control-Allow-Methods', 'GET, DELETE');
      res.setHeader('Content-Type', 'application/json');
      return res.end(req.method == 'OPTIONS' ? '' : JSON.stringify(log));
    }
    const entry = { method: req.method, path: url.pathname, query: url.search, from: req.headers.referer || req.headers.origin || '', time: Date.now() };
    log.push(entry);
    if (!quiet) console.log(`tracker ← ${req.method} ${req.url}`);
    const out = trackerResponse(url, trackerOrigin);
    if (!out) {
      res.statusCode = 204;
      return res.end();
    }
    res.setHeader('Content-Type', out.type);
    res.end(out.body);
  });

  await new Promise((resolve) => site.listen(port, resolve));
  await new Promise((resolve) => tracker.listen(trackerPort, '127.0.0.1', resolve));
  trackerOrigin = `http://127.0.0.1:${tracker.address().port}`;
  const close = () => Promise.all([site, tracker].map((s) => new Promise((resolve) => { s.closeAllConnections(); s.close(resolve); })));
  return { site: `http://localhost:${site.address().port}`, tracker: trackerOrigin, log, close };
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.PORT || 8080);
  const trackerPort = Number(process.env.TRACKER_PORT || port + 1);
  const demo = await startDemo({ port, trackerPort });
  const full = existsSync(join(ROOT, 'dist/consentry.js'));
  console.log(`
  consentry demo — Qiaojiang Hardware (巧匠五金), a small imaginary shop

    shop (script-tag install):  ${demo.site}/
    product with embeds:        ${demo.site}/product.html
    privacy policy (en/中文):   ${demo.site}/privacy.html  ${demo.site}/privacy.zh-CN.html
    SPA (npm import):           ${demo.site}/spa/

  Stand-in third parties run on ${demo.tracker} (a different origin); every request
  they receive is printed below as "tracker ← …" and listed in each page's demo panel.
${full ? '' : '  Note: dist/consentry.js (gatekeeper + banner) is not built yet, so the gatekeeper\n  alone is served; use the demo panel\'s buttons to accept or reject.\n'}
  Press Ctrl+C to stop.
`);
}
