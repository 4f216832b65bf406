// Build every output: the browser package's rollup bundles (IIFE + ESM + the demo SPA) and
// .d.ts files, then the Node packages, receiver before the CLI that imports it. Each package
// builds itself (packages/*/build.mjs); not `npm run build --workspaces`, because the root is
// a workspace too and would build itself again.
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
sh('node_modules/.bin/tsc', ['-p', '.', '--emitDeclarationOnly', '--declarationMap', 'false', '--sourceMap', 'false']);
sh('node', ['packages/receiver/build.mjs']);
sh('node', ['packages/cli/build.mjs']);
