// docs/decisions/2026-12-01-catalog-in-head-script.md: a script-tag site that names services pays at most 1.5 KB brotli in the head
// script for the catalog's blocking data. Bytes are deterministic, so this budget may fail a build.
// The data is bundled alone, minified as an IIFE (as the head script carries it), and measured
// with brotli at quality 11 (scripts/sizes.mjs measures the bundles the same way).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brotliCompressSync, constants } from 'node:zlib';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';

/** Brotli budget of the whole catalog's blocking data (hosts, cookies, categories, signals). */
const BUDGET = 1536;

test(`the catalog's blocking data is at most ${BUDGET} B minified + brotli`, async () => {
  const { outputFiles } = await build({
    entryPoints: ['src/services/index.ts'],
    bundle: true,
    minify: true,
    format: 'iife',
    globalName: 'consentryCatalog',
    target: 'es2021',
    write: false,
    logLevel: 'silent',
  });
  const code = outputFiles[0].contents;
  const brotli = brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  // For the record: how much of that is esbuild's IIFE wrapper (a head script has its own anyway).
  const empty = await build({
    stdin: { contents: 'export const catalog = [];' },
    bundle: true,
    minify: true,
    format: 'iife',
    globalName: 'consentryCatalog',
    write: false,
  });
  const wrapper = brotliCompressSync(empty.outputFiles[0].contents, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;
  console.log(
    `catalog blocking data: ${code.length} B minified, ${brotli} B brotli (budget ${BUDGET}; an empty catalog's bundle is ${wrapper} B)`,
  );
  // What was measured really is the catalog: run the bundle and read its entries back.
  const sandbox = {};
  runInNewContext(new TextDecoder().decode(code), sandbox);
  const { catalog } = sandbox.consentryCatalog;
  assert.ok(catalog.length >= 52, `the bundle holds ${catalog.length} entries`);
  assert.ok(
    catalog.every((s) => s.id && s.category && s.hosts.length),
    'every bundled entry has its id, category and hosts',
  );
  assert.ok(brotli <= BUDGET, `catalog blocking data is ${brotli} B brotli, over the ${BUDGET} B budget`);
});
