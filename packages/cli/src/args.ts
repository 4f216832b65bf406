// One argument parser for every `consentry` command (node:util parseArgs), and one shape for
// its errors: `consentry <cmd>: <message>` on one line, exit code 2; the usage follows only an
// unknown option, where it is the answer to the mistake.
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** What a command accepts: parseArgs' option descriptions. */
export type Options = NonNullable<ParseArgsConfig['options']>;

/** A mistake on the command line (exit code 2). `usage` says whether to show the command's usage. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly usage = false,
  ) {
    super(message);
  }
}

/**
 * Options whose value may itself start with "--" (a browser flag for `--browser-arg`): joined
 * to their name before parsing, as parseArgs only takes such a value written `--name=value`.
 */
const joinDashValues = (argv: string[], names: string[]): string[] => {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (names.includes(argv[i]) && i + 1 < argv.length) out.push(`${argv[i]}=${argv[++i]}`);
    else out.push(argv[i]);
  }
  return out;
};

/** parseArgs' error in a few words: "unknown option --x", "--config needs a value". */
const shortMessage = (error: Error & { code?: string }): UsageError => {
  const option = /'(-[^' ]+)/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError(`unknown option ${option}`, true);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return new UsageError(
        /argument missing|ambiguous/.test(error.message) ? `${option} needs a value` : `${option} takes no value`,
      );
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new UsageError(`unexpected argument ${/'([^']+)'/.exec(error.message)?.[1] ?? ''}`, true);
    default:
      return new UsageError(error.message);
  }
};

/** What parseCommandLine returns for `options`. */
export type Parsed<O extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>
>;

/** Parse `argv` against `options` (strict). Throws a UsageError naming the bad option. */
export const parseCommandLine = <O extends Options>(
  argv: string[],
  options: O,
  dashValues: string[] = [],
): Parsed<O> => {
  try {
    return parseArgs({ args: joinDashValues(argv, dashValues), options, allowPositionals: true, strict: true });
  } catch (error) {
    throw error instanceof Error ? shortMessage(error) : error;
  }
};

/** Whether the command line asks for help (`--help` or `-h` anywhere before `--`). */
export const wantsHelp = (argv: string[]): boolean => {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a == '--help' || a == '-h');
};

/**
 * Print a command's error the one way: `consentry <cmd>: <message>` (a config error's own
 * `consentry: ` prefix dropped), the usage after it only for an unknown option. Returns 2.
 */
export const reportUsageError = (command: string, error: unknown, usage: string): number => {
  const message = (error instanceof Error ? error.message : String(error)).replace(/^consentry: /, '');
  console.error(`${command ? `consentry ${command}` : 'consentry'}: ${message}`);
  if (error instanceof UsageError && error.usage && usage) console.error(usage);
  return 2;
};
