// `npm start`: serves the demo site on http://localhost:8080 (dist/ and demo/), and a local
// stand-in "tracker" on http://127.0.0.1:8081 — a different origin, so third-party blocking
// is real — that logs every request it receives. No internet needed.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const PORT = Number(process.env.PORT || 8080);
const TRACKER_PORT = Number(process.env.TRACKER_PORT || PORT + 1);
const TYPES = { '.js': 'text/javascript', '.map': 'application/json', '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };

const site = createServer(async (req, res) => {
  let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (path.endsWith('/')) path += 'index.html';
  const file = normalize(join(ROOT, path.startsWith('/dist/') ? path : `demo${path}`));
  if (!file.startsWith(join(ROOT, 'demo')) && !file.startsWith(join(ROOT, 'dist'))) { res.statusCode = 404; return res.end(); }
  try {
    const body = await readFile(file);
    res.setHeader('Content-Type', TYPES[extname(file)] || 'application/octet-stream');
    res.end(extname(file) === '.html' ? body.toString().replaceAll('{{TRACKER}}', `http://127.0.0.1:${TRACKER_PORT}`) : body);
  } catch {
    res.statusCode = 404;
    res.end('not found');
  }
});

const tracker = createServer((req, res) => {
  console.log(`tracker ← ${req.method} ${req.url}`);
  res.setHeader('Access-Control-Allow-Origin', '*');
  const name = req.url.split('?')[0].split('/').pop().replace(/\.js$/, '');
  if (req.url.includes('.js')) {
    res.setHeader('Content-Type', 'text/javascript');
    return res.end(`console.log('tracker script "${name}" ran'); document.cookie = '_demo_${name}=1; path=/';`);
  }
  res.statusCode = 204;
  res.end();
});

site.listen(PORT, () => tracker.listen(TRACKER_PORT, () => {
  console.log(`\nconsentry demo: http://localhost:${PORT}\n(stand-in tracker on http://127.0.0.1:${TRACKER_PORT}; press Ctrl+C to stop)\n`);
}));
