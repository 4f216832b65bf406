// Type-check the three packages in dependency order. The Node packages see `consentry` and
// `@consentry/receiver` as npm users do, through node_modules and the .d.ts their exports
// name, so each package a later one imports emits its declarations (as its build does)
// instead of a bare --noEmit check.
import { spawnSync } from 'node:child_process';

const tsc = (args) => spawnSync('node_modules/.bin/tsc', args, { stdio: 'inherit' }).status === 0;
const declarations = ['--emitDeclarationOnly', '--declarationMap', 'false', '--sourceMap', 'false'];
const ok =
  tsc(['-p', '.', ...declarations]) &&
  tsc(['-p', 'packages/receiver', ...declarations]) &&
  tsc(['--noEmit', '-p', 'packages/cli']);
process.exit(ok ? 0 : 1);
