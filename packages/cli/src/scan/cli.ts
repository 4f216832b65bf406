// `consentry scan <url> [--pages N] [--out DIR] [--browser PATH] [--browser-arg ARG]…
// [--ignore-https-errors] [--baseline report.json] [--strict] [--load-timeout S]: audit a site before and after a choice.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ScanError } from './browser.js';
import { parseCommandLine, reportUsageError, UsageError, wantsHelp } from '../args.js';
import { compareFindings } from './findings.js';
import { clearProgress, progressReporter } from './progress.js';
import { reportHtml } from './report-html.js';
import { declarationHtml, declarationMarkdown } from './declaration.js';
import { scanSite, type ScanOptions } from './scan.js';
import type { Finding, ScanReport } from './types.js';

const USAGE = `usage: consentry scan <url> [--pages N] [--out DIR] [--browser PATH] [--browser-arg ARG]… [--ignore-https-errors] [--baseline report.json] [--strict] [--load-timeout SECONDS]
exit codes: 0 no violation (--strict: no review either), 1 violations, 2 could not scan`;

/** The parsed command line. */
interface ScanArgs extends ScanOptions {
  out: string;
  baseline?: string;
  strict: boolean;
}

/** Parse the arguments; throws a UsageError naming the bad option. */
export const parseScanArgs = (argv: string[]): ScanArgs => {
  const { values, positionals } = parseCommandLine(
    argv,
    {
      pages: { type: 'string' },
      out: { type: 'string', default: 'consentry-scan' },
      browser: { type: 'string' },
      'browser-arg': { type: 'string', multiple: true, default: [] },
      'ignore-https-errors': { type: 'boolean', default: false },
      baseline: { type: 'string' },
      strict: { type: 'boolean', default: false },
      'load-timeout': { type: 'string' },
    },
    ['--browser-arg'],
  ); // a browser flag starts with "--" itself: the next argument is taken as it is
  if (positionals.length > 1) throw new UsageError(`one URL only (got "${positionals[0]}" and "${positionals[1]}")`);
  if (!positionals.length) throw new UsageError('no URL given', true);
  const args: ScanArgs = {
    url: positionals[0],
    out: values.out,
    strict: values.strict,
    browserArgs: values['browser-arg'],
    ignoreHttpsErrors: values['ignore-https-errors'],
  };
  if (values.pages !== undefined) {
    const n = Number(values.pages);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`--pages: expected a whole number of at least 1`);
    args.pages = n;
  }
  if (values['load-timeout'] !== undefined) {
    const seconds = Number(values['load-timeout']);
    if (!(seconds > 0)) throw new UsageError('--load-timeout: expected a number of seconds above 0');
    args.loadTimeout = seconds * 1000;
  }
  if (values.browser !== undefined) args.browser = values.browser;
  if (values.baseline !== undefined) args.baseline = values.baseline;
  return args;
};

/** The findings of an earlier report.json (--baseline). */
const readBaseline = async (file: string): Promise<Finding[]> => {
  let parsed: Partial<ScanReport>;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new ScanError(`--baseline ${file}: ${error instanceof Error ? error.message : error}`);
  }
  if (!Array.isArray(parsed.findings))
    throw new ScanError(`--baseline ${file}: no "findings" list (is it a consentry scan report.json?)`);
  return parsed.findings;
};

/** Write report.html, report.json, the cookie declaration and the draft config into `out`. */
const writeOutputs = async (out: string, report: ScanReport, screenshot?: Buffer): Promise<void> => {
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'report.json'), JSON.stringify(report, null, 2) + '\n');
  await writeFile(join(out, 'report.html'), reportHtml(report, screenshot));
  await writeFile(join(out, 'cookie-declaration.md'), declarationMarkdown(report));
  await writeFile(join(out, 'cookie-declaration.html'), declarationHtml(report));
  await writeFile(join(out, 'consentry.config.json'), JSON.stringify(report.config, null, 2) + '\n');
};

/** `consentry scan`. Returns the exit code: 0 clean, 1 violations (or reviews with --strict), 2 could not scan. */
export const main = async (argv: string[]): Promise<number> => {
  if (wantsHelp(argv)) {
    console.log(USAGE);
    return 0;
  }
  try {
    const args = parseScanArgs(argv);
    const baseline = args.baseline ? await readBaseline(args.baseline) : undefined;
    const { report, screenshot } = await scanSite({ ...args, onProgress: progressReporter() }).finally(() =>
      clearProgress(),
    );
    if (baseline) report.baseline = { file: args.baseline!, ...compareFindings(report.findings, baseline) };
    await writeOutputs(args.out, report, screenshot);
    const violations = report.findings.filter((f) => f.severity == 'violation');
    const reviews = report.findings.filter((f) => f.severity == 'review');
    for (const f of report.findings)
      console.log(`${f.severity == 'violation' ? 'VIOLATION' : 'review   '} ${f.message}`);
    for (const [name, phase] of Object.entries(report.phases))
      if (!phase.ran) console.log(`${name}: not scanned: ${phase.note}`);
    for (const error of new Set(Object.values(report.phases).flatMap((p) => p.consentryErrors)))
      console.log(`the site logged: ${error}`);
    if (report.baseline)
      console.log(
        `since ${report.baseline.file}: ${report.baseline.new.length} new, ${report.baseline.gone.length} gone`,
      );
    const cmp = report.cmp.name
      ? `banner: ${report.cmp.name}`
      : 'banner: none could be operated (only "before consent" was scanned)';
    console.log(
      `consentry scan: ${report.pages.length} page(s), ${cmp}, ${violations.length} violation(s), ${reviews.length} to review; report in ${join(args.out, 'report.html')}`,
    );
    return violations.length || (args.strict && reviews.length) ? 1 : 0;
  } catch (error) {
    if (error instanceof ScanError || error instanceof UsageError) return reportUsageError('scan', error, USAGE);
    throw error;
  }
};
