// Build @consentry/receiver into dist/: ESM for Node 20 with the dependencies left to
// node_modules, then the .d.ts. The SQLite writer thread is an entry of its own: a Worker
// loads it by file name (dist/sqlite-writer.js, beside the chunk that starts it).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));
rmSync(`${here}dist`, { recursive: true, force: true });
await build({
  absWorkingDir: here,
  entryPoints: ['src/index.ts', 'src/cli.ts', 'src/sqlite-writer.ts'],
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
