// The date formats the admin API takes (export `from`/`to`, purge `before`): ISO 8601 UTC dates
// or date-times with a zone, or milliseconds since the epoch written out in full (12 to 16
// digits). A short number is refused rather than guessed: `from=2026` is the year 2026, never
// 2026 ms after 1970.

/** The latest time a date can name: 9999-12-31T23:59:59.999Z. */
const LATEST = 253_402_300_799_999;
const ISO = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;
const EPOCH_MS = /^\d{12,16}$/;

/** What the error says is accepted. */
export const TIME_EXPECTED =
  'expected an ISO 8601 date (2026, 2026-01-31, 2026-01-31T12:00:00Z) or ms since epoch (e.g. 1767225600000), from 1970 to 9999';

/** `value` as ms since epoch; undefined when absent; null when it is not an accepted date. */
export const parseTime = (value: unknown): number | undefined | null => {
  if (value == null || value === '') return undefined;
  if (typeof value == 'number')
    return Number.isSafeInteger(value) && value >= 0 && value <= LATEST && value >= 1e11 ? value : null;
  if (typeof value != 'string' || value.length > 40) return null;
  const ms = EPOCH_MS.test(value) ? Number(value) : ISO.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isSafeInteger(ms) && ms >= 0 && ms <= LATEST ? ms : null;
};
