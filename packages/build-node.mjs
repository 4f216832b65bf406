// How each Node package builds (packages/*/build.mjs): ESM for Node 20 with every dependency
// left to node_modules (the browser package `consentry` included), then its .d.ts.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** Build the package whose build.mjs is `buildFile` (its import.meta.url) from `entryPoints` into its dist/. */
export const buildNodePackage = async (buildFile, entryPoints) => {
  const here = fileURLToPath(new URL('.', buildFile));
  rmSync(`${here}dist`, { recursive: true, force: true });
  await build({
    absWorkingDir: here,
    entryPoints,
    entryNames: '[name]',
    outdir: 'dist',
    bundle: true,
    splitting: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const types = spawnSync(process.execPath, [tsc, '-p', here, '--emitDeclarationOnly'], { stdio: 'inherit' });
  process.exitCode = types.status ?? 1;
};
