/**
 * CSV (RFC 4180) for the downloads of the supervision views: UTF-8 with a byte-order mark (so that spreadsheet
 * programs read the Chinese text as UTF-8), and text that a spreadsheet would run as a formula neutralised.
 */

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/** The byte-order mark a CSV file starts with. */
export const CSV_BOM = '\uFEFF';

/** Text a spreadsheet reads as a formula (CSV injection): it starts with `=`, `+`, `-`, `@`, a tab or a CR. */
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue = string | number | boolean;

/**
 * One field: text starting like a formula gets a leading `'` (numbers and booleans are written as they are, a
 * negative number included); then quoted (with inner quotes doubled) when it holds a comma, a quote, a line break
 * or leading or trailing spaces; written as it is otherwise.
 */
export function csvField(value: CsvValue): string {
  const text = typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows as RFC 4180 text: fields separated by commas, every record ended by CRLF. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

/**
 * The leaves of a JSON object as `[dotted path, value]` pairs, in member order: `{decisions: {byType: {fine: 3}}}`
 * gives `['decisions.byType.fine', 3]`. Arrays are indexed (`a.0`); `null` and `undefined` members are left out.
 */
export function metricRows(value: unknown, prefix = ''): [string, CsvValue][] {
  if (value === null || value === undefined) return [];
  if (typeof value !== 'object') return prefix === '' ? [] : [[prefix, value as CsvValue]];
  return Object.entries(value as Record<string, unknown>).flatMap(([member, inner]) =>
    metricRows(inner, prefix === '' ? member : `${prefix}.${member}`),
  );
}

/** A CSV file: the byte-order mark, then the records. */
export function csvFile(rows: readonly (readonly CsvValue[])[]): string {
  return CSV_BOM + toCsv(rows);
}

/** A figures object as a CSV file: a header row `metric,value`, then one row per leaf. */
export function metricsCsv(figures: object): string {
  return csvFile([['metric', 'value'], ...metricRows(figures)]);
}
