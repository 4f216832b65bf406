// The catalog as a Markdown table, generated from the data so the docs never drift from it:
// scripts/docs-reference.mjs writes it into docs/reference/catalog.md (`--print` here writes it to stdout).
import { servicesJson } from './services-json.mjs';

/** `a`, `b` as inline code, with `|` escaped so a cell never splits. */
const codes = (items = []) =>
  items.map((x) => `\`${String(typeof x == 'string' ? x : x.name).replace(/\|/g, '\\|')}\``).join(', ');
const cell = (text) => String(text).replace(/\|/g, '\\|');

/** The table, one row per catalog entry in catalog order. */
export const catalogTable = async () => {
  const rows = (await servicesJson()).map(
    (s) =>
      `| \`${s.id}\` | ${cell(s.label)} | ${cell(s.vendor)} | ${s.category} | ${cell(s.purpose.en)} (\`${s.purposeKey}\`) | ${codes(s.hosts)} | ${codes(s.cookies) || '—'} |`,
  );
  // The purpose in English with its vocabulary key: every shipped locale translates the key (docs/guide/languages.md).
  return [
    '| id | Service | Vendor | Category | Purpose | Hosts | Cookies (deleted while refused) |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
};

if (import.meta.url === `file://${process.argv[1]}`) console.log(await catalogTable());
