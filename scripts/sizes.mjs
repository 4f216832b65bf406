// Bundle sizes (raw, gzip, brotli) and the budgets `npm test` enforces. Bytes are deterministic.
import { readFileSync, existsSync } from 'node:fs';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

/** Budgets in brotli bytes (DESIGN.md "Budgets"). */
export const BUDGETS = {
  'dist/consentry.gatekeeper.js': 2560,
  'dist/consentry.js': 14336,
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
  const files = ['dist/consentry.gatekeeper.js', 'dist/consentry.banner.js', 'dist/consentry.js'];
  for (const file of files.filter(existsSync)) {
    const size = measure(file);
    const budget = BUDGETS[file];
    const over = budget && size.brotli > budget;
    if (over) failed++;
    console.log(`${over ? 'OVER' : 'ok  '} ${file}: ${size.raw} B raw, ${size.gzip} B gzip, ${size.brotli} B brotli${budget ? ` (budget ${budget})` : ''}`);
  }
  process.exit(failed ? 1 : 0);
}
