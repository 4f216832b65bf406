// `rewriteHtml` and `consentry tag`: static tags the config covers get their tagged form, and
// every other byte stays as written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rewriteHtml } from '@consentry/cli';

const CLI = new URL('../../packages/cli/dist/cli.js', import.meta.url).pathname;
const config = {
  services: ['google-analytics'],
  rules: [
    { category: 'analytics', hosts: ['cdn.mxpnl.com'] },
    { category: 'advertising', hosts: ['*.facebook.com'] },
    { category: 'third_party', hosts: ['www.youtube-nocookie.com'] },
  ],
};

test('a covered <script src> becomes type="text/plain" with data-consent, keeping src and every other byte', () => {
  const html =
    '<!doctype html>\n<head>\n  <script async src="https://cdn.mxpnl.com/libs/mixpanel.js" crossorigin></script>\n  <script src="/own.js"></script>\n</head>';
  const out = rewriteHtml(html, config);
  assert.equal(out, html.replace('<script async', '<script type="text/plain" data-consent="analytics" async'));
});

test('a configured catalog service covers its catalog hosts: gtag.js is tagged with the service id', () => {
  const out = rewriteHtml('<script src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>', config);
  assert.equal(
    out,
    '<script type="text/plain" data-consent="google-analytics" src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>',
  );
  // Not configured, not covered: the catalog alone decides nothing.
  assert.equal(
    rewriteHtml('<script src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>', {}),
    '<script src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>',
  );
});

test('img, iframe and source: src and srcset become data-src and data-srcset, in odd quoting and case', () => {
  const html = `<IMG SRC=https://www.facebook.com/tr?id=1&amp;ev=PageView HEIGHT=1><iframe title="v" src='https://www.youtube-nocookie.com/embed/x' allowfullscreen></iframe>
<picture><source srcset="https://www.facebook.com/a.png 1x, https://www.facebook.com/b.png 2x"><img src = "https://www.facebook.com/c.png" alt=""></picture>`;
  const out = rewriteHtml(html, config);
  assert.equal(
    out,
    `<IMG data-consent="advertising" data-src=https://www.facebook.com/tr?id=1&amp;ev=PageView HEIGHT=1><iframe data-consent="third_party" title="v" data-src='https://www.youtube-nocookie.com/embed/x' allowfullscreen></iframe>
<picture><source data-consent="advertising" data-srcset="https://www.facebook.com/a.png 1x, https://www.facebook.com/b.png 2x"><img data-consent="advertising" data-src = "https://www.facebook.com/c.png" alt=""></picture>`,
  );
});

test('a module script keeps its type in data-type; an existing type attribute is replaced in place', () => {
  const out = rewriteHtml(
    '<script TYPE="module" src="https://cdn.mxpnl.com/m.js"></script><script type=text/javascript src=//cdn.mxpnl.com/c.js></script>',
    config,
  );
  assert.equal(
    out,
    '<script type="text/plain" data-type="module" data-consent="analytics" src="https://cdn.mxpnl.com/m.js"></script><script type="text/plain" data-consent="analytics" src=//cdn.mxpnl.com/c.js></script>',
  );
});

test('running it twice changes nothing; tagged, uncovered, JSON and commented-out tags are left alone', () => {
  const html = `<script type="application/json" src="https://cdn.mxpnl.com/x.json"></script>
<!-- <script src="https://cdn.mxpnl.com/old.js"></script> -->
<script>document.write('<img src="https://www.facebook.com/inline.gif">')</script>
<script type="text/plain" data-consent="analytics" src="https://cdn.mxpnl.com/tagged.js"></script>
<img src="https://cdn.example.org/logo.png" alt="logo">
<script src="https://cdn.mxpnl.com/lib.js"></script>`;
  const once = rewriteHtml(html, config);
  assert.equal(
    once,
    html.replace(
      '<script src="https://cdn.mxpnl.com/lib.js">',
      '<script type="text/plain" data-consent="analytics" src="https://cdn.mxpnl.com/lib.js">',
    ),
  );
  assert.equal(rewriteHtml(once, config), once);
});

test('a host rule never covers a look-alike: notfacebook.com and cdn.mxpnl.com.evil.test stay as they are', () => {
  const html = '<img src="https://notfacebook.com/p.gif"><script src="https://cdn.mxpnl.com.evil.test/x.js"></script>';
  assert.equal(rewriteHtml(html, config), html);
});

test('a bad config fails naming the key', () => {
  assert.throws(
    () => rewriteHtml('<p>', { rules: [{ category: 'ads', hosts: ['x.com'] }] }),
    /config\.rules\[0\]\.category/,
  );
});

test('consentry tag prints a diff without --write, rewrites with --write, and a second run finds nothing to change', () => {
  const dir = mkdtempSync(join(tmpdir(), 'consentry-tag-'));
  const page = join(dir, 'index.html');
  const original =
    '<html>\r\n<head><script src="https://cdn.mxpnl.com/lib.js"></script></head>\r\n<body>héllo</body></html>\r\n';
  writeFileSync(page, original);
  writeFileSync(join(dir, 'consentry.config.json'), JSON.stringify(config));
  const run = (...args) =>
    spawnSync(process.execPath, [CLI, 'tag', page, '--config', join(dir, 'consentry.config.json'), ...args], {
      encoding: 'utf8',
    });
  const dry = run();
  assert.equal(dry.status, 0, dry.stderr);
  assert.match(dry.stdout, /^-<head><script src="https:\/\/cdn\.mxpnl\.com\/lib\.js"><\/script><\/head>\r$/m);
  assert.match(dry.stdout, /^\+<head><script type="text\/plain" data-consent="analytics" src=/m);
  assert.equal(readFileSync(page, 'utf8'), original, 'a dry run writes nothing');
  assert.equal(run('--write').status, 0);
  assert.equal(
    readFileSync(page, 'utf8'),
    original.replace('<script src', '<script type="text/plain" data-consent="analytics" src'),
  );
  const again = run();
  assert.equal(again.stdout, '');
  assert.match(again.stderr, /0 of 1 file/);
});

test('consentry tag without --config exits 2 naming it', () => {
  const r = spawnSync(process.execPath, [CLI, 'tag', 'x.html'], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--config FILE is required/);
});

test('consentry tag with a misspelt config key exits 2 naming it once, and changes no file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'consentry-tag-'));
  const page = join(dir, 'index.html');
  const original = '<script src="https://cdn.mxpnl.com/lib.js"></script>';
  writeFileSync(page, original);
  writeFileSync(join(dir, 'c.json'), JSON.stringify({ ...config, revison: 2 }));
  const r = spawnSync(process.execPath, [CLI, 'tag', page, '--config', join(dir, 'c.json'), '--write'], {
    encoding: 'utf8',
  });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^consentry tag: config\.revison "unknown key"; expected one of /);
  assert.equal(readFileSync(page, 'utf8'), original);
});

test('importing rewriteHtml from @consentry/cli loads no browser driver and no database driver', () => {
  // A child process, so that this file's own imports do not count: which packages did the import load?
  const script = `
    import { rewriteHtml } from '@consentry/cli';
    import { createRequire } from 'node:module';
    const loaded = Object.keys(createRequire(import.meta.url).cache);
    console.log(JSON.stringify({ fn: typeof rewriteHtml, loaded }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const { fn, loaded } = JSON.parse(r.stdout);
  assert.equal(fn, 'function');
  for (const name of ['playwright-core', 'better-sqlite3', 'pg', 'hono', '@duckduckgo/autoconsent'])
    assert.ok(
      !loaded.some((f) => f.includes(`node_modules/${name}/`)),
      `${name} was loaded: ${loaded.filter((f) => f.includes(name))[0]}`,
    );
});
