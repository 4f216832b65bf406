// Export formats for a regulator or an archive: NDJSON (one receipt per line, every field) and
// CSV (one row per receipt, choices as JSON in one column, RFC 4180 quoting).
import type { StoredReceipt } from './store.js';

/** CSV columns, in order. */
export const CSV_COLUMNS = [
  'seq',
  'received',
  'id',
  'ts',
  'exp',
  'rev',
  'method',
  'gpc',
  'choices',
  'url',
  'hash',
  'v',
  'chain',
] as const;

const cell = (value: unknown): string => {
  const text = typeof value == 'object' ? JSON.stringify(value) : String(value);
  // RFC 4180 quoting; a leading = + - @ is prefixed so a spreadsheet never runs it as a formula.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/** The CSV header line. */
export const csvHeader = (): string => `${CSV_COLUMNS.join(',')}\r\n`;

/** One receipt as a CSV line. */
export const csvLine = (r: StoredReceipt): string =>
  `${CSV_COLUMNS.map((c) => cell(c == 'received' || c == 'ts' || c == 'exp' ? new Date(r[c]).toISOString() : r[c])).join(',')}\r\n`;

/** One receipt as an NDJSON line. */
export const ndjsonLine = (r: StoredReceipt): string => `${JSON.stringify(r)}\n`;
