// One source, several outputs (as js-cookie does): script-tag IIFEs with everything bundled,
// and the npm ESM build with lit and js-cookie left as dependencies.
import { existsSync, readdirSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import json from '@rollup/plugin-json';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

const minify = terser({
  ecma: 2020,
  module: false,
  compress: { passes: 3, pure_getters: true },
  // Our internal fields are `_name`; Lit's (`_$x`, `__x`) are left alone.
  mangle: { properties: { regex: /^_[a-z]/ } },
  // V8's explicit compile hint (v8.dev/blog/explicit-compile-hints): compile every function
  // eagerly while the script streams in, off the main thread. Nearly all of a head script's
  // functions run at load anyway; compiled lazily, each one was parsed again on the main
  // thread (47 functions, ~7 ms unthrottled, a third of the head script's task).
  format: { comments: false, preamble: '//# allFunctionsCalledOnLoad' },
});

// --- Locales (issue 13): one file per locale, never all of them in one bundle. ---
/** Every locale file but English (built in): src/ui/i18n/<tag>.ts. */
const localeTags = readdirSync('src/ui/i18n')
  .filter((f) => /^[a-z]{2,3}(-[A-Z][A-Za-z]+)?\.ts$/.test(f) && f != 'en.ts')
  .map((f) => f.slice(0, -3));
/** dist/i18n/<tag>.js: a tiny IIFE that stores the texts where the banner finds them (window.consentryLocales). */
const localeScript = (tag) => ({
  input: `\0locale:${tag}`,
  output: { file: `dist/i18n/${tag}.js`, format: 'iife', plugins: [terser({ format: { comments: false } })] },
  plugins: [
    {
      name: 'consentry-locale-entry',
      resolveId: (id) => (id == `\0locale:${tag}` ? id : null),
      load: (id) =>
        id == `\0locale:${tag}`
          ? `import t from ${JSON.stringify(resolvePath(`src/ui/i18n/${tag}.ts`))};\n(window.consentryLocales ||= {})[${JSON.stringify(tag)}] = t;`
          : null,
    },
    esbuild({ target: 'es2021', tsconfig: 'tsconfig.json' }),
  ],
});
/** The npm build: dist/esm/i18n/<tag>.js, both the lazy chunk and `import de from 'consentry/i18n/de'`. */
const localeInputs = Object.fromEntries(localeTags.map((tag) => [`i18n/${tag}`, `src/ui/i18n/${tag}.ts`]));
// --- end of locales ---

const plugins = [resolve({ browser: true }), esbuild({ target: 'es2021', tsconfig: 'tsconfig.json' })];

// No module is swapped for another at build time: each entry imports the loaders it uses
// (src/entries: files beside the head script, or inside the one file; the npm entries: import()
// chunks), so what tsc and grep see is what runs (test/node/layout.test.mjs).
const iife = ([input, file]) => ({
  input,
  output: { file, format: 'iife', sourcemap: true, plugins: [minify] },
  plugins,
});

/** Script-tag bundles: the head script, and the parts it loads from beside itself when a visit needs them. */
const scriptTag = [
  ['src/entries/gatekeeper.ts', 'dist/consentry.gatekeeper.js'],
  // The site build's head script, a template: `consentry build` writes a site's config into it.
  ['src/entries/site.ts', 'dist/site/consentry.gatekeeper.js'],
  ['src/entries/banner.ts', 'dist/consentry.banner.js'],
  ['src/entries/ui.ts', 'dist/consentry.ui.js'],
  ['src/entries/receipts.ts', 'dist/consentry.receipts.js'],
  ['src/entries/regions.ts', 'dist/consentry.regions.js'],
  ['src/entries/gpp.ts', 'dist/consentry.gpp.js'],
  ['src/entries/all.ts', 'dist/consentry.js'],
].filter(([input]) => existsSync(input));

const npmInputs = Object.fromEntries(
  [
    ['index', 'src/index.ts'],
    ['banner', 'src/banner.ts'],
    ['loader', 'src/loader.ts'],
    // `consentry/shared`: the pure modules the Node tools import (formats, config check, matching).
    ['shared', 'src/shared.ts'],
    // `consentry/services` (the whole catalog) and `consentry/services/<id>` (one entry each).
    ...readdirSync('src/services')
      .filter((f) => f.endsWith('.ts'))
      .map((f) => [`services/${f.slice(0, -3)}`, `src/services/${f}`]),
  ].filter(([, input]) => existsSync(input)),
);

/** The SPA demo imports `consentry` and `consentry/banner` as an app does; here they are this repo's sources. */
const thisPackage = {
  name: 'consentry-self',
  resolveId: (id) =>
    ({
      consentry: resolvePath('src/index.ts'),
      'consentry/banner': resolvePath('src/banner.ts'),
      'consentry/services': resolvePath('src/services/index.ts'),
    })[id],
};

export default [
  ...scriptTag.map(iife),
  ...localeTags.map(localeScript),
  {
    input: { ...npmInputs, ...localeInputs },
    external: (id) => /^(lit|js-cookie|@lit)(\/|$)/.test(id),
    output: {
      dir: 'dist/esm',
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
    },
    plugins: [esbuild({ target: 'es2021', tsconfig: 'tsconfig.json' })],
  },
  // The demo SPA (demo/spa/), bundled like an app would bundle consentry from npm.
  {
    input: 'demo/spa/main.ts',
    // Lazy chunks as an app's bundler emits them (a locale, the receipt sender), beside spa.js.
    output: {
      dir: 'dist/demo',
      entryFileNames: 'spa.js',
      chunkFileNames: 'spa-chunks/[name]-[hash].js',
      format: 'es',
      sourcemap: true,
      plugins: [minify],
    },
    plugins: [thisPackage, json(), ...plugins],
  },
];
