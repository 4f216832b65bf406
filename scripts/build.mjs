// Build every output: rollup bundles (IIFE + ESM + the demo SPA) and the .d.ts files for npm.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
const sh = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
sh('node_modules/.bin/rollup', ['-c', '--silent']);
sh('node', ['scripts/services-json.mjs']); // dist/services.json: the catalog as data for CMS plugins and the scanner
sh('node', ['scripts/config-schema.mjs']); // dist/config.schema.json from the ConsentConfig type (consentry/config.schema.json)
// The Node-side tools (src/node): ESM for Node 20, dependencies left to node_modules.
// The receiver's SQLite writer thread is an entry of its own: a Worker loads it by file name
// (dist/node/sqlite-writer.js, beside the chunk that starts it).
sh('node_modules/.bin/esbuild', ['src/node/cli.ts', 'src/node/index.ts', 'src/node/receiver/sqlite-writer.ts', '--entry-names=[name]', '--bundle', '--platform=node', '--target=node20', '--format=esm', '--packages=external', '--splitting', '--outdir=dist/node', '--log-level=warning']);
sh('node_modules/.bin/tsc', ['-p', '.', '--emitDeclarationOnly', '--declarationMap', 'false', '--sourceMap', 'false']);
