#!/usr/bin/env node
// `consentry <command>`: the Node-side tools for site owners. Each command lives in its own
// folder (the receiver in @consentry/receiver) and is loaded only when asked for, so
// `consentry receiver` never loads Playwright and `consentry scan` never loads SQLite.
type Command = { summary: string; load: () => Promise<{ main: (argv: string[]) => Promise<number> }> };

const COMMANDS: Record<string, Command> = {
  scan: { summary: 'audit a site in Chromium before and after a choice: report, cookie declaration, draft config', load: () => import('./scan/cli.js') },
  tag: { summary: 'tag the static <script>/<img>/<iframe> tags a config covers in HTML files', load: () => import('./tag/cli.js') },
  build: { summary: 'write the site build: the head script with the config checked and built in, and its parts', load: () => import('./build/cli.js') },
  receiver: { summary: 'run the consent log (SQLite, or PostgreSQL via DATABASE_URL), or verify its chain', load: () => import('@consentry/receiver/cli') },
};

const USAGE = `usage: consentry <command> [options]

commands:
${Object.entries(COMMANDS).map(([name, { summary }]) => `  ${name.padEnd(10)}${summary}`).join('\n')}

consentry <command> --help shows a command's options.`;

export {};
const [name, ...argv] = process.argv.slice(2);
const command = name ? COMMANDS[name] : undefined;
if (!command) {
  const help = name == null || name == '--help' || name == '-h' || name == 'help';
  if (!help) console.error(`consentry: unknown command "${name}"`);
  (help ? console.log : console.error)(USAGE);
  process.exit(help ? 0 : 2);
}
command.load()
  .then(({ main }) => main(argv))
  .then((code) => { process.exitCode = code; })
  .catch((error: unknown) => {
    // A ConfigError already says `consentry: config…`: named once, after the command.
    console.error(`consentry ${name}: ${(error instanceof Error ? error.message : String(error)).replace(/^consentry: /, '')}`);
    process.exitCode = 2;
  });
