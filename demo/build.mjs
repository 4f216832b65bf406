// Bundle the SPA demo (demo/spa/main.ts → dist/demo/spa.js) with esbuild, importing consentry
// the way an app does: `consentry` and `consentry/banner`, aliased to this repo's sources.
// Until src/banner.ts exists (banner work not merged), `consentry/banner` is a no-op stand-in.
import { existsSync } from 'node:fs';
import { build } from 'esbuild';

const banner = existsSync('src/banner.ts') ? './src/banner.ts' : './demo/spa/banner-missing.ts';

await build({
  entryPoints: ['demo/spa/main.ts'],
  outfile: 'dist/demo/spa.js',
  bundle: true,
  format: 'esm',
  target: 'es2021',
  minify: true,
  sourcemap: true,
  tsconfig: 'tsconfig.json',
  alias: { consentry: './src/index.ts', 'consentry/banner': banner },
  logLevel: 'warning',
});
