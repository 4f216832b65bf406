// `consentry tag <html files…> --config FILE [--write]`: tag the static tags a config covers.
// Without --write it prints a diff and changes nothing (a dry run is the safe default). The
// file keeps its encoding and every byte outside the edited attributes (./encoding.ts).
import { readFile, writeFile } from 'node:fs/promises';
import type { ConsentConfig } from 'consentry';
import { tagEdits } from './rewrite.js';
import { decodeFile, spliceBytes } from './encoding.js';
import { parseCommandLine, reportUsageError, UsageError, wantsHelp } from '../args.js';

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

/** `consentry tag`: 0 when done (or nothing to change), 2 on bad input. Returns the exit code. */
export const main = async (argv: string[]): Promise<number> => {
  if (wantsHelp(argv)) {
    console.log(USAGE);
    return 0;
  }
  let args: { files: string[]; config: string; write: boolean };
  let config: ConsentConfig; // parsed JSON; resolveConfig checks it and names a bad key
  try {
    const { values, positionals } = parseCommandLine(argv, { config: { type: 'string' }, write: { type: 'boolean' } });
    if (!values.config) throw new UsageError('--config FILE is required');
    if (!positionals.length) throw new UsageError('no HTML files given');
    args = { files: positionals, config: values.config, write: !!values.write };
    try {
      config = JSON.parse(await readFile(args.config, 'utf8'));
    } catch (error) {
      throw new Error(`${args.config}: ${error instanceof Error ? error.message : error}`);
    }
  } catch (error) {
    return reportUsageError('tag', error, USAGE);
  }
  let changed = 0;
  for (const file of args.files) {
    const bytes = await readFile(file);
    const decoded = decodeFile(bytes);
    const edits = tagEdits(decoded.text, config);
    if (!edits.length) continue;
    changed++;
    const after = spliceBytes(bytes, decoded, edits, file);
    if (args.write) await writeFile(file, after);
    else process.stdout.write(lineDiff(file, decoded.text, new TextDecoder(decoded.encoding).decode(after)));
  }
  console.error(
    `consentry tag: ${changed} of ${args.files.length} file(s) ${args.write ? 'rewritten' : 'would change (run with --write to apply)'}`,
  );
  return 0;
};
