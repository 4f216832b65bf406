// One source, several outputs (as js-cookie does): script-tag IIFEs with everything bundled,
// and the npm ESM build with lit and js-cookie left as dependencies.
import { existsSync } from 'node:fs';
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
  format: { comments: false },
});

const plugins = [resolve({ browser: true }), esbuild({ target: 'es2021', tsconfig: 'tsconfig.json' })];

const iife = (input, file) => ({
  input,
  output: { file, format: 'iife', sourcemap: true, plugins: [minify] },
  plugins,
});

const scriptTag = [
  ['src/entries/gatekeeper.ts', 'dist/consentry.gatekeeper.js'],
  ['src/entries/banner.ts', 'dist/consentry.banner.js'],
  ['src/entries/all.ts', 'dist/consentry.js'],
].filter(([input]) => existsSync(input));

const npmInputs = Object.fromEntries(
  [['index', 'src/index.ts'], ['banner', 'src/banner.ts']].filter(([, input]) => existsSync(input)),
);

/** The SPA demo imports `consentry` and `consentry/banner` as an app does; here they are this repo's sources. */
const thisPackage = {
  name: 'consentry-self',
  resolveId: (id) => ({ consentry: resolvePath('src/index.ts'), 'consentry/banner': resolvePath('src/banner.ts') })[id],
};

export default [
  ...scriptTag.map(([input, file]) => iife(input, file)),
  {
    input: npmInputs,
    external: (id) => /^(lit|js-cookie|@lit)(\/|$)/.test(id),
    output: { dir: 'dist/esm', format: 'es', sourcemap: true, entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    plugins: [esbuild({ target: 'es2021', tsconfig: 'tsconfig.json' })],
  },
  // The demo SPA (demo/spa/), bundled like an app would bundle consentry from npm.
  {
    input: 'demo/spa/main.ts',
    output: { file: 'dist/demo/spa.js', format: 'es', sourcemap: true, plugins: [minify] },
    plugins: [thisPackage, json(), ...plugins],
  },
];
