// `consentry tag <html files…> --config FILE [--write]`: tag the static tags a config covers.
// Without --write it prints a diff and changes nothing (a dry run is the safe default).
import { readFile, writeFile } from 'node:fs/promises';
import type { ConsentConfig } from 'consentry';
import { rewriteHtml } from './rewrite.js';

const USAGE = 'usage: consentry tag <html files…> --config consentry.config.json [--write]';

/**
 * A unified-style diff of two versions of one file. Rewrites only insert or rename inside a
 * tag, never add or remove a line break, so lines correspond one to one.
 */
export const lineDiff = (file: string, before: string, after: string): string => {
  const a = before.split('\n');
  const b = after.split('\n');
  const hunks = a.flatMap((line, i) => (line == b[i] ? [] : [`@@ -${i + 1} +${i + 1} @@`, `-${line}`, `+${b[i]}`]));
  return hunks.length ? [`--- ${file}`, `+++ ${file}`, ...hunks].join('\n') + '\n' : '';
};

/** Parse the arguments: files, --config, --write. Throws a message naming the bad option. */
const parseArgs = (argv: string[]) => {
  const files: string[] = [];
  let config: string | undefined;
  let write = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg == '--config') config = argv[++i];
    else if (arg.startsWith('--config=')) config = arg.slice(9);
    else if (arg == '--write') write = true;
    else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}`);
    else files.push(arg);
  }
  if (!config) throw new Error('--config FILE is required');
  if (!files.length) throw new Error('no HTML files given');
  return { files, config, write };
};

/** `consentry tag`: 0 when done (or nothing to change), 2 on bad input. Returns the exit code. */
export const main = async (argv: string[]): Promise<number> => {
  if (argv.includes('--help')) {
    console.log(USAGE);
    return 0;
  }
  let args: ReturnType<typeof parseArgs>;
  let config: ConsentConfig; // parsed JSON; resolveConfig checks it and names a bad key
  try {
    args = parseArgs(argv);
    config = JSON.parse(await readFile(args.config, 'utf8'));
  } catch (error) {
    console.error(`consentry tag: ${error instanceof Error ? error.message : error}\n${USAGE}`);
    return 2;
  }
  let changed = 0;
  for (const file of args.files) {
    const before = await readFile(file, 'utf8');
    const after = rewriteHtml(before, config);
    if (after == before) continue;
    changed++;
    if (args.write) await writeFile(file, after);
    else process.stdout.write(lineDiff(file, before, after));
  }
  console.error(`consentry tag: ${changed} of ${args.files.length} file(s) ${args.write ? 'rewritten' : 'would change (run with --write to apply)'}`);
  return 0;
};
