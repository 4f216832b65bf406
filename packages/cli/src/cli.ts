#!/usr/bin/env node
// `consentry <command>`: the Node-side tools for site owners. Each command lives in its own
// folder (the receiver in @consentry/receiver) and is loaded only when asked for, so
// `consentry receiver` never loads Playwright and `consentry scan` never loads SQLite.
import { VERSION } from 'consentry/shared';
import { parseCommandLine, reportUsageError, UsageError } from './args.js';

type Command = { summary: string; load: () => Promise<{ main: (argv: string[]) => Promise<number> }> };

const COMMANDS: Record<string, Command> = {
  scan: {
    summary: 'audit a site in Chromium before and after a choice: report, cookie declaration, draft config',
    load: () => import('./scan/cli.js'),
  },
  tag: {
    summary: 'tag the static <script>/<img>/<iframe> tags a config covers in HTML files',
    load: () => import('./tag/cli.js'),
  },
  build: {
    summary: 'write the site build: the head script with the config checked and built in, and its parts',
    load: () => import('./build/cli.js'),
  },
  receiver: {
    summary: 'run the consent log (SQLite, or PostgreSQL via DATABASE_URL), or verify its chain',
    load: () => import('@consentry/receiver/cli'),
  },
};

const USAGE = `usage: consentry <command> [options]

commands:
${Object.entries(COMMANDS)
  .map(([name, { summary }]) => `  ${name.padEnd(10)}${summary}`)
  .join('\n')}

consentry <command> --help shows a command's options.`;

const argv = process.argv.slice(2);
// Options before the command are the dispatcher's own; everything after it is the command's.
const first = argv.findIndex((a) => !a.startsWith('-'));
const own = first < 0 ? argv : argv.slice(0, first);
const name = first < 0 ? undefined : argv[first];
let code: number | undefined;
try {
  const { values } = parseCommandLine(own, { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean' } });
  if (values.version) {
    console.log(VERSION);
    code = 0;
  } else if (values.help || name == 'help' || name === undefined) {
    console.log(USAGE);
    code = 0;
  } else if (!Object.hasOwn(COMMANDS, name)) {
    throw new UsageError(`unknown command "${name}"`, true);
  }
} catch (error) {
  code = reportUsageError('', error, USAGE);
}
if (code !== undefined) process.exit(code);
COMMANDS[name!]
  .load()
  .then(({ main }) => main(argv.slice(first + 1)))
  .then((exit) => {
    process.exitCode = exit;
  })
  .catch((error: unknown) => {
    // A ConfigError already says `consentry: config…`: named once, after the command.
    process.exitCode = reportUsageError(name!, error, '');
  });
