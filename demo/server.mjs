// `npm start`: serves the demo shop on http://localhost:8080 (demo/ and dist/) and a local
// stand-in for third parties (analytics, an ad pixel, a video and a map embed) on
// http://127.0.0.1:8081 — a different origin, so third-party blocking is real — that logs
// every request it receives and shows that log at /__log (JSON, CORS). No internet needed.
//
// Tests and the bench import `startDemo({ port: 0, trackerPort: 0 })` for ephemeral ports.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { trackerResponse } from './tracker.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TYPES = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.map': 'application/json',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};
const RECEIVER = join(ROOT, 'packages/receiver/dist/index.js');

/**
 * The consent log: `consentry receiver` (createReceiver from the built @consentry/receiver) on
 * a SQLite file, mounted in this server. Without a build (packages/receiver/dist) receipts are
 * acknowledged and dropped, so the demo still runs.
 */
const loadReceiver = async (options) => {
  if (!existsSync(RECEIVER)) return null;
  const { createReceiver } = await import(pathToFileURL(RECEIVER).href);
  return await createReceiver(options);
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
 * Start the demo: the site, its consent log and the tracker. `port`/`trackerPort` 0 pick free
 * ports; `receipts` is the SQLite file of the consent log; `adminToken` its admin token (a
 * random dev token by default, printed at start). Returns { site, tracker, log, adminToken,
 * close }; `log` holds every request the tracker received.
 */
export const startDemo = async ({
  port = 8080,
  trackerPort = port ? port + 1 : 0,
  quiet = false,
  receipts = join(ROOT, 'demo/data/receipts.db'),
  adminToken = process.env.CONSENTRY_ADMIN_TOKEN || `dev-${randomBytes(12).toString('hex')}`,
} = {}) => {
  const log = [];
  let trackerOrigin = '';
  let receiver = null;
  const config = async () => (await readFile(join(ROOT, 'demo/consentry.config.json'), 'utf8')).trim();

  const site = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let path = decodeURIComponent(url.pathname);
    // The consent log: the SDK's endpoint (/consent-receipts in the demo config) is the
    // receiver's POST /v1/receipts; its admin API is here too (curl with the dev token).
    if (path == '/consent-receipts' || path.startsWith('/v1/') || path == '/healthz' || path == '/readyz') {
      if (!receiver) {
        if (!quiet) console.log('receipt received and dropped: build first (npm start builds packages/receiver)');
        res.statusCode = 204;
        return res.end();
      }
      if (path == '/consent-receipts') req.url = '/v1/receipts';
      return receiver.listener(req, res);
    }
    // Demo only: the panel's link to the log of the current consent id. A browser link cannot
    // carry the admin token, so this server adds it; a real site never exposes the admin API.
    const lookup = /^\/__demo\/consent-log\/([\w-]{8,64})$/.exec(path);
    if (lookup && receiver) {
      const answer = await receiver.fetch(
        new Request(`http://demo/v1/receipts/${lookup[1]}`, { headers: { authorization: `Bearer ${adminToken}` } }),
      );
      res.statusCode = answer.status;
      res.setHeader('Content-Type', 'application/json');
      res.setHeader('Cache-Control', 'no-store');
      return res.end(JSON.stringify(await answer.json(), null, 2));
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
    const servable =
      (file.startsWith(join(ROOT, 'demo/')) || file.startsWith(join(ROOT, 'dist/'))) &&
      !file.startsWith(join(ROOT, 'demo/data/')) &&
      extname(file) != '.mjs';
    if (!servable) {
      res.statusCode = 404;
      return res.end('not found');
    }
    try {
      let body = await readFile(file);
      if (extname(file) == '.html')
        body = body
          .toString()
          .replaceAll('{{CONFIG}}', await config())
          .replaceAll('{{TRACKER}}', trackerOrigin);
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
    const entry = {
      method: req.method,
      path: url.pathname,
      query: url.search,
      from: req.headers.referer || req.headers.origin || '',
      time: Date.now(),
    };
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
  const sitePort = site.address().port;
  // The browser's receipts carry Origin: the shop, reached as localhost or 127.0.0.1.
  receiver = await loadReceiver({
    db: receipts,
    adminToken,
    allowOrigins: [`http://localhost:${sitePort}`, `http://127.0.0.1:${sitePort}`],
  });
  const close = async () => {
    await Promise.all(
      [site, tracker].map(
        (s) =>
          new Promise((resolve) => {
            s.closeAllConnections();
            s.close(resolve);
          }),
      ),
    );
    await receiver?.close();
  };
  return { site: `http://localhost:${sitePort}`, tracker: trackerOrigin, log, adminToken, receipts, close };
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

  Consent log (consentry receiver, SQLite ${demo.receipts.replace(ROOT, '')}): every decision is
  stored there; the demo panel links to the log of your consent id. Admin API, e.g.:
    curl -H 'authorization: Bearer ${demo.adminToken}' ${demo.site}/v1/export
  (a dev token made up at start; set CONSENTRY_ADMIN_TOKEN to choose it)
${full ? '' : "  Note: dist/consentry.js (gatekeeper + banner) is not built yet, so the gatekeeper\n  alone is served; use the demo panel's buttons to accept or reject.\n"}
  Press Ctrl+C to stop.
`);
}
