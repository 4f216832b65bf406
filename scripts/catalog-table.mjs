// The catalog as a Markdown table (issue 11 point 9), generated from the data so the README
// never drifts from it. `node scripts/catalog-table.mjs` rewrites what README.md holds between
// `<!-- catalog:start -->` and `<!-- catalog:end -->`; `--check` only fails when that is stale;
// `--print` writes the table to stdout.
import { readFileSync, writeFileSync } from 'node:fs';
import { servicesJson } from './services-json.mjs';

const START = '<!-- catalog:start -->';
const END = '<!-- catalog:end -->';

/** `a`, `b` as inline code, with `|` escaped so a cell never splits. */
const codes = (items = []) => items.map((x) => `\`${String(typeof x == 'string' ? x : x.name).replace(/\|/g, '\\|')}\``).join(', ');
const cell = (text) => String(text).replace(/\|/g, '\\|');

/** The table, one row per catalog entry in catalog order. */
export const catalogTable = async () => {
  const rows = (await servicesJson()).map((s) =>
    `| \`${s.id}\` | ${cell(s.label)} | ${cell(s.vendor)} | ${s.category} | ${codes(s.hosts)} | ${codes(s.cookies) || '—'} |`);
  return ['| id | Service | Vendor | Category | Hosts | Cookies (deleted while refused) |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
};

/** `text` with the table put between the markers; throws naming the markers when they are missing. */
export const withTable = (text, table) => {
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`consentry: README.md needs the lines ${START} and ${END} around the catalog table`);
  return `${text.slice(0, start + START.length)}\n${table}\n${text.slice(end)}`;
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const table = await catalogTable();
  if (process.argv.includes('--print')) {
    console.log(table);
  } else {
    const readme = readFileSync('README.md', 'utf8');
    let updated;
    try {
      updated = withTable(readme, table);
    } catch (error) {
      console.error(error.message);
      process.exit(1);
    }
    if (process.argv.includes('--check')) {
      if (updated !== readme) {
        console.error('consentry: the catalog table in README.md is stale; run node scripts/catalog-table.mjs');
        process.exit(1);
      }
    } else {
      writeFileSync('README.md', updated);
      console.log('README.md: catalog table updated');
    }
  }
}
