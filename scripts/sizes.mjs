// Bundle sizes (raw, gzip, brotli) and the budgets `npm test` enforces. Bytes are deterministic,
// so a budget may fail a build. Each budget is declared next to its code, in the entry file:
// `// Size budget (checked by `npm test`): N B brotli`.
import { existsSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Script-tag bundles and the entry each is built from (see rollup.config.mjs). */
export const BUNDLES = {
  'dist/consentry.gatekeeper.js': 'src/entries/gatekeeper.ts',
  'dist/site/consentry.gatekeeper.js': 'src/entries/site.ts',
  'dist/consentry.banner.js': 'src/entries/banner.ts',
  'dist/consentry.ui.js': 'src/entries/ui.ts',
  'dist/consentry.receipts.js': 'src/entries/receipts.ts',
  'dist/consentry.regions.js': 'src/entries/regions.ts',
  'dist/consentry.gpp.js': 'src/entries/gpp.ts',
  'dist/consentry.js': 'src/entries/all.ts',
};

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

if (import.meta.url === `file://${process.argv[1]}`) {
  let failed = 0;
  for (const [file, entry] of Object.entries(BUNDLES)) {
    if (!existsSync(file)) {
      console.log(`MISSING ${file}`);
      failed++;
      continue;
    }
    const size = measure(file);
    const budget = budgetOf(entry);
    const over = budget !== undefined && size.brotli > budget;
    if (over) failed++;
    console.log(`${over ? 'OVER' : 'ok  '} ${file}: ${size.raw} B raw, ${size.gzip} B gzip, ${size.brotli} B brotli${budget ? ` (budget ${budget})` : ''}`);
  }
  process.exit(failed ? 1 : 0);
}
