// Bundle sizes (raw, gzip, brotli) and the budgets `npm test` enforces. Bytes are deterministic,
// so a budget may fail a build. Each budget is declared next to its code, in the entry file:
// `// Size budget (checked by `npm test`): N B brotli`.
// `--write` also puts the table into docs/benchmarks.md (between its sizes markers); `npm run
// bench` and the docs scripts (scripts/docs-reference.mjs) do the same.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Script-tag bundles, the entry each is built from (see rollup.config.mjs), and when a page loads it. */
export const BUNDLES = {
  'dist/consentry.gatekeeper.js': {
    entry: 'src/entries/gatekeeper.ts',
    what: 'head script: blocking, stored choice, API, Consent Mode, loader',
  },
  'dist/consentry.banner.js': { entry: 'src/entries/banner.ts', what: 'first layer (no valid choice)' },
  'dist/consentry.ui.js': {
    entry: 'src/entries/ui.ts',
    what: 'whole UI: dialog, placeholders, floating button (open(), reopen link, embed)',
  },
  'dist/consentry.receipts.js': {
    entry: 'src/entries/receipts.ts',
    what: 'receipt sending (on a decision, or a non-empty queue)',
  },
  'dist/consentry.js': { entry: 'src/entries/all.ts', what: 'one file: all of the above, UI work deferred' },
  'dist/site/consentry.gatekeeper.js': {
    entry: 'src/entries/site.ts',
    what: 'site build head script: the template `consentry build` writes a config into',
  },
  'dist/consentry.regions.js': { entry: 'src/entries/regions.ts', what: 'region rules (only with `regions`)' },
  'dist/consentry.gpp.js': {
    entry: 'src/entries/gpp.ts',
    what: 'IAB GPP CMP API and encoder (only where a region lists gpp)',
  },
};

export const SIZES_DOC = 'docs/benchmarks.md';
const START = '<!-- sizes:start -->';
const END = '<!-- sizes:end -->';

/** The brotli budget declared in an entry file, or undefined. */
export const budgetOf = (entry) => {
  const match = readFileSync(entry, 'utf8').match(/Size budget \(checked by `npm test`\): (\d+) B brotli/);
  return match ? Number(match[1]) : undefined;
};

export const measure = (file) => {
  const bytes = readFileSync(file);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};

/** The per-file table of the benchmarks page, from the built files (null when dist/ is not built). */
export const sizesTable = () => {
  if (!Object.keys(BUNDLES).every((file) => existsSync(file))) return null;
  const rows = Object.entries(BUNDLES).map(([file, { entry, what }]) => {
    const { raw, gzip, brotli } = measure(file);
    const budget = budgetOf(entry);
    return `| ${what} | \`${file}\` | ${raw} B | ${gzip} B | ${brotli} B | ${budget ? `${budget} B` : '–'} |`;
  });
  return [
    '| bundle | file | raw | gzip | brotli | budget (brotli) |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    'Brotli at quality 11, gzip at level 9, each file on its own. Budgets are declared in each',
    'entry file and checked by `npm test` ([why](./decisions/2026-12-01-size-budgets.md)); how',
    'the files are loaded: [what loads when](./guide/install.md#what-loads-when).',
  ].join('\n');
};

/** `text` with the sizes table between its markers (unchanged when dist/ is not built). */
export const withSizes = (text) => {
  const table = sizesTable();
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) throw new Error(`sizes: the markers ${START} and ${END} are missing in ${SIZES_DOC}`);
  return table ? `${text.slice(0, a + START.length)}\n${table}\n${text.slice(b)}` : text;
};

/** Write the table into docs/benchmarks.md; returns whether the file changed. */
export const writeSizes = () => {
  const before = readFileSync(SIZES_DOC, 'utf8');
  const after = withSizes(before);
  if (after !== before) writeFileSync(SIZES_DOC, after);
  return after !== before;
};

if (import.meta.url === `file://${process.argv[1]}`) {
  let failed = 0;
  for (const [file, { entry }] of Object.entries(BUNDLES)) {
    if (!existsSync(file)) {
      console.log(`MISSING ${file}`);
      failed++;
      continue;
    }
    const size = measure(file);
    const budget = budgetOf(entry);
    const over = budget !== undefined && size.brotli > budget;
    if (over) failed++;
    console.log(
      `${over ? 'OVER' : 'ok  '} ${file}: ${size.raw} B raw, ${size.gzip} B gzip, ${size.brotli} B brotli${budget ? ` (budget ${budget})` : ''}`,
    );
  }
  if (process.argv.includes('--write') && !failed)
    console.log(writeSizes() ? `sizes: ${SIZES_DOC} updated` : `sizes: ${SIZES_DOC} already current`);
  process.exit(failed ? 1 : 0);
}
