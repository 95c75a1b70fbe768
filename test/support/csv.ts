/** A small RFC 4180 reader, to check that what the service writes reads back as it was meant. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    i += 1;
    if (quoted) {
      if (c === '"' && next === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && next === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += c;
  }
  if (field !== '' || row.length > 0) throw new Error('the last record is not ended by CRLF');
  return rows;
}

/** What a list view's CSV form is checked against: its table (src/http/supervision-csv.ts), in the test's terms. */
export interface CsvTable {
  readonly name: string;
  readonly lists: readonly string[];
  readonly explode?: string;
  readonly columns: readonly string[];
}

/**
 * Checks a list view's CSV file against its JSON answer: a header row of the table's columns (after a `list` column
 * when the table has several lists), as many rows as entries (an entry with a nested list to explode, one per
 * element), and the first row of each entry holding the entry's own top-level values. `answer` is the JSON as the
 * CSV lists it (a map already turned into rows). Returns the rows after the header, and the number of entries.
 */
export function expectCsvOfAnswer(
  text: string,
  answer: Record<string, unknown>,
  table: CsvTable,
): { rows: string[][]; entries: number } {
  // fetch's text() drops the byte-order mark the file starts with
  const [header, ...rows] = parseCsv(text.startsWith('\uFEFF') ? text.slice(1) : text);
  const many = table.lists.length > 1;
  expect(header).toEqual([...(many ? ['list'] : []), ...table.columns]);
  const entries = table.lists.flatMap((list) =>
    (answer[list] as Record<string, unknown>[]).map((entry) => ({ list, entry })),
  );
  const width = (entry: Record<string, unknown>) => {
    const inner = table.explode === undefined ? undefined : entry[table.explode];
    return Array.isArray(inner) && inner.length > 0 ? inner.length : 1;
  };
  expect(rows.length).toBe(entries.reduce((n, { entry }) => n + width(entry), 0));
  let at = 0;
  for (const { list, entry } of entries) {
    const row = rows[at]!;
    if (many) expect(row[0]).toBe(list);
    // the entry's first row: its nested list's first element in place of the list
    const inner = table.explode === undefined ? undefined : entry[table.explode];
    const first = Array.isArray(inner) && inner.length > 0 ? { ...entry, [table.explode!]: inner[0] } : entry;
    for (const [i, column] of table.columns.entries()) {
      const expected = cellOf(
        column
          .split('.')
          .reduce<unknown>((node, member) => (member && isRecord(node) ? node[member] : undefined), first),
      );
      if (expected !== undefined) expect([column, row[i + (many ? 1 : 0)]]).toEqual([column, expected]);
    }
    at += width(entry);
  }
  return { rows, entries: entries.length };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The text a CSV cell holds for a value (src/http/csv.ts), undefined for a nested object (not compared). */
function cellOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return value.join('; ');
  return undefined;
}
