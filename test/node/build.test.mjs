// `consentry build` (docs/guide/install.md "Site build"): the site's config checked at build time and written
// into the head script, which then holds the catalog entries the config names and no others.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { resolveConfig } from '../../dist/esm/index.js';
import { catalog } from '../../dist/esm/services/index.js';
import { siteHeadScript } from '@consentry/cli';

const CLI = new URL('../../packages/cli/dist/cli.js', import.meta.url).pathname;
const TEMPLATE = readFileSync(new URL('../../dist/site/consentry.gatekeeper.js', import.meta.url), 'utf8');
const brotli = (text) => brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** Run the CLI with `config` (an object, or a file's raw text) in a fresh folder. */
const build = (config, extra = []) => {
  const dir = mkdtempSync(join(tmpdir(), 'consentry-build-'));
  writeFileSync(join(dir, 'config.json'), typeof config == 'string' ? config : JSON.stringify(config));
  const out = join(dir, 'out');
  const run = spawnSync('node', [CLI, 'build', '--config', join(dir, 'config.json'), '--out', out, ...extra], {
    encoding: 'utf8',
  });
  return {
    ...run,
    out,
    head: existsSync(join(out, 'consentry.gatekeeper.js'))
      ? readFileSync(join(out, 'consentry.gatekeeper.js'), 'utf8')
      : null,
  };
};

/** The config a built head script holds: its JSON.parse argument, read back as the browser would. */
const builtConfig = (head) => {
  const literal = head.match(/JSON\.parse\(('(?:[^'\\]|\\.)*')\)/)[1];
  return JSON.parse(new Function(`return ${literal}`)());
};

// The 7 KB goal is missed for now: the hardening and regions bytes, and the plan to win them
// back, are in docs/decisions/2026-12-08-byte-goals-missed.md. This limit stops further growth.
test("the bench page's config: a returning visitor downloads at most 8400 B brotli", () => {
  const run = build({ privacyPolicyUrl: '/privacy' });
  assert.equal(run.status, 0, run.stderr);
  const size = brotli(run.head);
  console.log(`site build head script, bench config: ${size} B brotli`);
  assert.ok(size <= 8400, `${size} B brotli`);
  for (const part of ['consentry.banner.js', 'consentry.ui.js', 'consentry.receipts.js', 'i18n/zh-CN.js'])
    assert.ok(existsSync(join(run.out, part)), part);
  assert.match(run.stdout, /consentry\.gatekeeper\.js is \d+ B brotli/);
});

test('the head script holds the resolved config with the catalog entries it names, and no others', () => {
  const config = {
    services: ['google-analytics', 'youtube'],
    rules: [{ category: 'advertising', hosts: ['ads.example.com'] }],
  };
  const run = build(config);
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(builtConfig(run.head), JSON.parse(JSON.stringify(resolveConfig(config, catalog))));
  assert.match(run.head, /googletagmanager/);
  assert.doesNotMatch(run.head, /hotjar|baidu/, 'a catalog service the config does not name');
  assert.doesNotMatch(run.head, /__CONSENTRY_SITE_CONFIG__|sourceMappingURL/);
});

test('texts with quotes, backslashes, line separators and markup survive as data', () => {
  const label = `Tea's "analytics" \\ </script><img src=x onerror=alert(1)> \u2028 统计`;
  const run = build({ categories: { analytics: { label } } });
  assert.equal(run.status, 0, run.stderr);
  assert.doesNotThrow(() => new Function(run.head), 'the built file is valid JavaScript');
  assert.equal(builtConfig(run.head).categories.find((c) => c.key == 'analytics').label, label);
});

test('a bad config fails the build naming the key, and writes nothing', () => {
  const run = build({ rules: [{ category: 'ads', hosts: ['x.example'] }] });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /^consentry build: config\.rules\[0\]\.category "ads"; expected an optional category/);
  assert.equal(run.head, null);
});

test('a config file that is not JSON, or missing options, fail with exit 2 and a message naming them', () => {
  const notJson = build('{ privacyPolicyUrl: "/privacy" }');
  assert.equal(notJson.status, 2);
  assert.match(notJson.stderr, /config\.json: .*JSON/);
  const none = spawnSync('node', [CLI, 'build', '--out', '/tmp/x'], { encoding: 'utf8' });
  assert.equal(none.status, 2);
  assert.match(none.stderr, /--config FILE is required/);
  const unknown = build({}, ['--minify']);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /unknown option --minify/);
});

test('a template without exactly one placeholder is refused', () => {
  assert.throws(
    () => siteHeadScript({}, TEMPLATE.replace(/"__CONSENTRY_SITE_CONFIG__"/, '"x"')),
    /placeholder 0 times/,
  );
});
