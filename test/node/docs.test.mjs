// The documentation: README.md within 15 KB, the generated reference pages up to date, every
// internal link and anchor of the built site (and of README.md) resolving, every JSON config
// snippet passing the config check, and the CSS reference listing exactly the parts the UI has.
// Builds the site only when docs/.vitepress/dist is missing or older than a page (~30 s).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

const DOCS = 'docs';
const DIST = 'docs/.vitepress/dist';

const walk = (dir, keep) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name == 'node_modules' || path == DIST || path.endsWith('.vitepress/cache') ? [] : walk(path, keep);
    return keep(path) ? [path] : [];
  });

const pages = walk(DOCS, (p) => p.endsWith('.md'));
const sources = [...pages, 'docs/.vitepress/config.mts'];

/** The built site, built now when it is missing or older than a page. */
const builtSite = () => {
  const builtAt = existsSync(`${DIST}/index.html`) ? statSync(`${DIST}/index.html`).mtimeMs : 0;
  if (sources.some((p) => statSync(p).mtimeMs > builtAt)) {
    const result = spawnSync('node_modules/.bin/vitepress', ['build', DOCS], { encoding: 'utf8' });
    assert.equal(result.status, 0, `vitepress build failed:\n${result.stdout}\n${result.stderr}`);
  }
  return walk(DIST, (p) => p.endsWith('.html'));
};

/** Ids in an HTML file. */
const idsOf = (() => {
  const cache = new Map();
  return (file) => {
    if (!cache.has(file))
      cache.set(file, new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1])));
    return cache.get(file);
  };
})();

/** The built file a site path names: `/guide/` → guide/index.html, `/guide/install` → guide/install.html. */
const builtFile = (path) => {
  const clean = decodeURIComponent(path).replace(/^\//, '');
  for (const candidate of [clean, `${clean}.html`, join(clean, 'index.html')]) {
    const file = join(DIST, candidate);
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  return null;
};

test('README.md is at most 15 KB (15,360 bytes)', () => {
  const size = statSync('README.md').size;
  assert.ok(size <= 15360, `README.md is ${size} bytes`);
});

test('versions named in README.md and docs/ are the package version', () => {
  const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
  const named = [...pages, 'README.md'].flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/consentry@(\d+\.\d+\.\d+)/g)].map((m) => ({ file, v: m[1] })),
  );
  assert.ok(named.length > 0);
  assert.deepEqual(
    named.filter((n) => n.v != version),
    [],
  );
});

test('the generated reference pages are up to date (node scripts/docs-reference.mjs)', async () => {
  const { generate } = await import(pathToFileURL('scripts/docs-reference.mjs').href);
  const files = await generate();
  for (const [file, text] of Object.entries(files))
    assert.equal(readFileSync(file, 'utf8'), text, `${file} is stale: run node scripts/docs-reference.mjs`);
});

test('every internal link and anchor of the built site resolves', () => {
  const html = builtSite();
  assert.ok(html.length > 20, 'the site has its pages');
  const broken = [];
  for (const file of html) {
    const text = readFileSync(file, 'utf8');
    for (const [, href] of text.matchAll(/<a\s[^>]*?href="([^"]+)"/g)) {
      if (/^(https?:|mailto:|javascript:)/.test(href) || href.startsWith('//')) continue;
      const [path, hash] = href.split('#');
      const base = `/${relative(DIST, dirname(file))}/`.replace(/\/+/g, '/');
      const target = path ? builtFile(path.startsWith('/') ? path : normalize(base + path)) : file;
      if (!target) broken.push(`${relative(DIST, file)}: ${href} (no page)`);
      else if (hash && !idsOf(target).has(decodeURIComponent(hash)))
        broken.push(`${relative(DIST, file)}: ${href} (no anchor)`);
    }
  }
  assert.deepEqual(broken, []);
});

test("README.md's links into docs/ resolve, anchors included", () => {
  builtSite();
  const readme = readFileSync('README.md', 'utf8');
  const broken = [];
  for (const [, href] of readme.matchAll(/\]\(([^)\s]+)\)/g)) {
    if (/^https?:/.test(href)) continue;
    const [path, hash] = href.split('#');
    if (!path) {
      const slugs = [...readme.matchAll(/^#{1,6} (.+)$/gm)].map((m) =>
        m[1]
          .toLowerCase()
          .replace(/[^\w\s-]/g, '')
          .trim()
          .replace(/\s+/g, '-'),
      );
      if (!slugs.includes(hash)) broken.push(href);
      continue;
    }
    if (!existsSync(path)) {
      broken.push(`${href} (no file)`);
      continue;
    }
    if (!hash) continue;
    const built = builtFile(path.replace(/^docs\//, '').replace(/\.md$/, ''));
    if (!built || !idsOf(built).has(hash)) broken.push(`${href} (no anchor)`);
  }
  assert.deepEqual(broken, []);
});

/**
 * JSON snippets of the docs and the README: ```json blocks, and the config blocks of ```html
 * ones. The line before a fence may mark it: `<!-- snippet: not-config -->` (must parse, is not a
 * config) or `<!-- snippet: partial -->` (a fragment, not checked).
 */
const snippets = () =>
  [...pages, 'README.md'].flatMap((file) => {
    const lines = readFileSync(file, 'utf8').split('\n');
    const found = [];
    for (let i = 0; i < lines.length; i++) {
      const open = /^\s*```(\w+)/.exec(lines[i]);
      if (!open) continue;
      const end = lines.findIndex((l, j) => j > i && /^\s*```\s*$/.test(l));
      const body = lines.slice(i + 1, end).join('\n');
      const mark = /<!-- snippet: ([\w-]+) -->/.exec(
        lines
          .slice(0, i)
          .reverse()
          .find((l) => l.trim()) ?? '',
      )?.[1];
      if (open[1] == 'json') found.push({ where: `${file}:${i + 1}`, json: body, mark });
      if (open[1] == 'html')
        for (const m of body.matchAll(/<script type="application\/json" id="consentry-config">([\s\S]*?)<\/script>/g))
          found.push({ where: `${file}:${i + 1} (config block)`, json: m[1], mark });
      i = end;
    }
    return found;
  });

test('every JSON config snippet parses and passes the config check', async () => {
  const { resolveConfig } = await import(pathToFileURL('dist/esm/index.js').href);
  const { catalog } = await import(pathToFileURL('dist/esm/services/index.js').href);
  const all = snippets();
  assert.ok(all.filter((s) => !s.mark).length >= 10, 'the docs hold config snippets');
  for (const { where, json, mark } of all) {
    assert.ok(!mark || ['not-config', 'partial'].includes(mark), `${where}: unknown snippet mark ${mark}`);
    if (mark == 'partial') continue;
    let value;
    assert.doesNotThrow(() => (value = JSON.parse(json)), `${where}: not JSON`);
    if (mark == 'not-config') continue;
    assert.doesNotThrow(
      () => resolveConfig(value, catalog),
      (error) => `${where}: ${error.message}`,
    );
  }
});

test('the CSS reference lists exactly the parts the UI renders', () => {
  const ui = walk('src/ui', (p) => p.endsWith('.ts') && !p.includes('/i18n/'));
  const inCode = new Set(
    ui.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\bpart(?:="|: ')([a-z-]+)/g)].map((m) => m[1])),
  );
  const page = readFileSync('docs/reference/css.md', 'utf8');
  const section = page.slice(page.indexOf('## Parts'));
  const inDocs = new Set([...section.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]));
  assert.deepEqual([...inDocs].sort(), [...inCode].sort());
  const props = new Set([
    ...walk('src/ui', (p) => p.endsWith('.ts')).flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/var\((--consentry-[a-z-]+)/g)].map((m) => m[1]),
    ),
  ]);
  const documented = new Set([...page.matchAll(/^\| `(--consentry-[a-z-]+)` \|/gm)].map((m) => m[1]));
  assert.deepEqual([...documented].sort(), [...props].sort());
});

test('the built site opens in Chromium without console errors, and search finds "Consent Mode"', async (t) => {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) return t.skip(`no Chromium at ${executablePath}`);
  builtSite();
  const { createServer } = await import('node:http');
  const { chromium } = await import('playwright-core');
  const types = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.svg': 'image/svg+xml',
    '.json': 'application/json',
    '.woff2': 'font/woff2',
  };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = builtFile(path.endsWith('/') ? `${path}index.html` : path);
    if (!file || relative(DIST, file).startsWith('..')) return res.writeHead(404).end();
    res
      .writeHead(200, { 'content-type': types[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream' })
      .end(readFileSync(file));
  }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('console', (m) => m.type() == 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`http://127.0.0.1:${server.address().port}/guide/install.html`, { waitUntil: 'load' });
    await page
      .getByRole('button', { name: /search/i })
      .first()
      .click();
    await page.locator('#localsearch-input').fill('Consent Mode');
    const first = page.locator('#localsearch-list .result').first();
    await first.waitFor({ timeout: 15000 });
    assert.match(await first.textContent(), /Consent Mode/);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    server.close();
  }
});
