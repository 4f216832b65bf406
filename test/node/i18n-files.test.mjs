// English is built in, every other locale is its own file. The npm build has
// one chunk per locale (importable as `consentry/i18n/<tag>` to bundle it); the script-tag
// bundles hold no locale but English and fetch dist/i18n/<tag>.js instead.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';

const shipped = readFileSync('src/ui/i18n/tags.ts', 'utf8')
  .match(/LOCALE_TAGS = \[([^\]]*)\]/)[1]
  .match(/'[^']+'/g)
  .map((t) => t.slice(1, -1));
const others = shipped.filter((t) => t != 'en');

test('every locale but English is a file in dist/i18n/ (script tags) and dist/esm/i18n/ (npm)', () => {
  assert.equal(shipped.length, 40);
  assert.deepEqual(
    readdirSync('dist/i18n')
      .filter((f) => f.endsWith('.js'))
      .sort(),
    others.map((t) => `${t}.js`).sort(),
  );
  assert.deepEqual(
    readdirSync('dist/esm/i18n')
      .filter((f) => f.endsWith('.js'))
      .sort(),
    others.map((t) => `${t}.js`).sort(),
  );
});

test('consentry/i18n/<tag> imports a locale by the package name, to bundle it', async () => {
  const { default: de } = await import('consentry/i18n/de');
  assert.equal(de.acceptAll, 'Alle akzeptieren');
  const { default: zhTW } = await import('consentry/i18n/zh-TW');
  assert.equal(typeof zhTW.title, 'string');
});

test('the bundles carry English only: no other locale inlined, one lazy import() per locale in the npm banner', () => {
  const samples = others.map((tag) => [
    tag,
    new Function(
      'window',
      `${readFileSync(`dist/i18n/${tag}.js`, 'utf8')}; return window.consentryLocales[${JSON.stringify(tag)}].title;`,
    )({}),
  ]);
  for (const file of readdirSync('dist').filter((f) => /^consentry.*\.js$/.test(f)))
    for (const [tag, title] of samples)
      assert.ok(!readFileSync(`dist/${file}`, 'utf8').includes(title), `dist/${file} inlines the ${tag} texts`);
  const banner = readFileSync('dist/esm/banner.js', 'utf8');
  for (const [tag, title] of samples) {
    assert.ok(!banner.includes(title), `dist/esm/banner.js inlines the ${tag} texts`);
    assert.ok(banner.includes(`import('./i18n/${tag}.js')`), `dist/esm/banner.js has no lazy import of ${tag}`);
  }
});
