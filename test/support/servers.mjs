// One local HTTP server on 127.0.0.1 that plays two parties, told apart by the Host header
// (Chromium maps every *.test host to 127.0.0.1):
//   - the site, http://shop.example.test:PORT — serves dist/, demo/ and pages a test registers;
//   - third parties, any other *.test host (cdn.tracker.test, ads.tracker.test, cdn.other.test)
//     — a "tracker" that records every request it receives, so tests assert on what
//     actually reached it, not on what the page believes.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

export const SITE_HOST = 'shop.example.test';
export const TRACKER_HOST = 'cdn.tracker.test';

const ROOT = new URL('../..', import.meta.url).pathname;
const TYPES = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.map': 'application/json',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.gif': 'image/gif',
};
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/**
 * Default third-party behaviour: `/<name>.js` runs `window.__ran.push('<name>')` and sets a
 * first-party cookie `_tr_<name>` the way analytics tags do; `/<name>.gif` (or `/pixel*`) is a
 * 1x1 image; `/<name>.html` is an embed page; anything else answers 204 (beacons, fetch, XHR).
 */
const trackerResponse = (path) => {
  const name = path
    .split('/')
    .pop()
    .replace(/\.[a-z]+$/, '')
    .replace(/[^\w-]/g, '_');
  if (path.endsWith('.js'))
    return [
      'text/javascript',
      `(window.__ran = window.__ran || []).push(${JSON.stringify(name)}); document.cookie = '_tr_${name}=1; path=/';`,
    ];
  if (path.endsWith('.gif') || path.startsWith('/pixel')) return ['image/gif', GIF];
  if (path.endsWith('.html'))
    return ['text/html; charset=utf-8', `<!doctype html><title>${name}</title><p>embed ${name}</p>`];
  return null;
};

const readBody = (req) =>
  new Promise((resolve) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });

/** Start the server on an ephemeral port. Returns helpers for tests. */
export const startServers = async () => {
  /** Requests that reached a third-party host: { host, path, method, body, time }. */
  const log = [];
  /** Paths requested from the site origin, in order (which consentry files a page fetched). */
  const siteLog = [];
  const waiters = new Set();
  const pages = new Map();
  const thirdParty = new Map();

  const server = createServer(async (req, res) => {
    const hostHeader = (req.headers.host || '').toLowerCase();
    const host = hostHeader.replace(/:\d+$/, '');
    const url = new URL(req.url, `http://${hostHeader}`);
    const path = url.pathname;
    res.setHeader('Cache-Control', 'no-store');
    if (host !== SITE_HOST && host !== '127.0.0.1' && host !== 'localhost') {
      const entry = { host, path, query: url.search, method: req.method, body: await readBody(req), time: Date.now() };
      log.push(entry);
      for (const w of [...waiters])
        if (w.match(entry)) {
          waiters.delete(w);
          w.resolve(entry);
        }
      res.setHeader('Access-Control-Allow-Origin', '*');
      const custom = thirdParty.get(path);
      const out = custom ? [custom.type, custom.body] : trackerResponse(path);
      if (!out) {
        res.statusCode = 204;
        return res.end();
      }
      res.setHeader('Content-Type', out[0]);
      return res.end(out[1]);
    }
    siteLog.push(path);
    const page = pages.get(path);
    if (page) {
      const { body, headers = {} } = typeof page === 'function' ? await page(req, url) : page;
      for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
      if (!res.hasHeader('Content-Type')) res.setHeader('Content-Type', 'text/html; charset=utf-8');
      return res.end(body);
    }
    const file = normalize(join(ROOT, decodeURIComponent(path)));
    const allowed = ['dist/', 'demo/', 'node_modules/axe-core/', 'test/e2e/pages/'].some((p) =>
      file.startsWith(join(ROOT, p)),
    );
    if (!allowed) {
      res.statusCode = 404;
      return res.end('not found');
    }
    try {
      const data = await readFile(file);
      res.setHeader('Content-Type', TYPES[extname(file)] || 'application/octet-stream');
      res.end(data);
    } catch {
      res.statusCode = 404;
      res.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();

  return {
    port,
    site: `http://${SITE_HOST}:${port}`,
    tracker: `http://${TRACKER_HOST}:${port}`,
    /** Any third-party origin on this server, e.g. origin('ads.tracker.test'). */
    origin: (host) => `http://${host}:${port}`,
    log,
    siteLog,
    /** Serve `body` (HTML by default) at `path` on the site origin; `page` may be a function. */
    page(path, page) {
      pages.set(path, typeof page === 'string' ? { body: page } : page);
    },
    /** Serve a custom third-party response at `path`. */
    thirdParty(path, body, type = 'text/javascript') {
      thirdParty.set(path, { body, type });
    },
    /** Resolve with the first logged third-party request matching `match` (already logged or future). */
    waitForRequest(match) {
      const seen = log.find(match);
      return seen ? Promise.resolve(seen) : new Promise((resolve) => waiters.add({ match, resolve }));
    },
    reset() {
      log.length = 0;
      siteLog.length = 0;
      pages.clear();
      thirdParty.clear();
      waiters.clear();
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
};
