#!/usr/bin/env node
// `consentry <command>`: the Node-side tools for site owners. Each command lives in its own
// folder and is loaded only when asked for, so `consentry receiver` never loads Playwright.
const COMMANDS: Record<string, () => Promise<{ main: (argv: string[]) => Promise<number> }>> = {
  scan: () => import('./scan/cli.js'),
  tag: () => import('./tag/cli.js'),
  receiver: () => import('./receiver/cli.js'),
  build: () => import('./build/cli.js'),
};

export {};
const [name, ...argv] = process.argv.slice(2);
const load = name ? COMMANDS[name] : undefined;
if (!load) {
  console.error(`usage: consentry <${Object.keys(COMMANDS).join('|')}> [options]   (consentry <command> --help)`);
  process.exit(name ? 2 : 0);
}
load!()
  .then(({ main }) => main(argv))
  .then((code) => { process.exitCode = code; })
  .catch((error: unknown) => {
    console.error(`consentry ${name}: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 2;
  });
