import { csvField, metricRows, metricsCsv, toCsv } from '../../src/http/csv.js';
import { yearlyStatistics } from '../../src/domain/statistics.js';

/** A small RFC 4180 reader, to check that what is written reads back as it was meant. */
function parseCsv(text: string): string[][] {
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

describe('CSV rendering', () => {
  it.each([
    ['plain', 'plain'],
    [12, '12'],
    [true, 'true'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rlf', '"cr\rlf"'],
    [' padded', '" padded"'],
    ['某某律师事务所', '某某律师事务所'],
  ])('when a field is %j, then it is written %s', (value, written) => {
    expect(csvField(value)).toBe(written);
  });

  it('when rows are written, then each record ends with CRLF and reads back field for field', () => {
    const rows = [
      ['metric', 'value'],
      ['a,b', 'say "hi"'],
      ['multi\r\nline', 3],
    ];
    const text = toCsv(rows);
    expect(text.startsWith('metric,value\r\n"a,b","say ""hi"""\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual(rows.map((row) => row.map(String)));
  });

  it('when an object is flattened, then each leaf is one dotted metric, in member order, nulls left out', () => {
    expect(metricRows({ a: 1, b: { c: 2, d: { e: 'x' } }, f: null, g: undefined, h: [4, 5] })).toEqual([
      ['a', 1],
      ['b.c', 2],
      ['b.d.e', 'x'],
      ['h.0', 4],
      ['h.1', 5],
    ]);
    expect(metricRows(7)).toEqual([]);
  });

  it('when yearly statistics are rendered, then a header row and one metric,value row per figure', () => {
    const stats = yearlyStatistics({ agency: 'county-justice', year: 2025, cases: [], asOf: '2026-02-01' });
    const rows = parseCsv(metricsCsv({ ...stats, publication: { deadline: '2026-01-20', status: 'overdue' } }));
    expect(rows[0]).toEqual(['metric', 'value']);
    const metrics = new Map(rows.slice(1).map(([name, value]) => [name, value]));
    expect(rows.slice(1).every((row) => row.length === 2)).toBe(true);
    expect(metrics.get('agency')).toBe('county-justice');
    expect(metrics.get('year')).toBe('2025');
    expect(metrics.get('casesOpened.total')).toBe('0');
    expect(metrics.get('casesOpened.byCategory.penalty')).toBe('0');
    expect(metrics.get('decisions.byType.fine')).toBe('0');
    expect(metrics.get('disclosures.missing')).toBe('0');
    expect(metrics.get('legalReviews.approved')).toBe('0');
    expect(metrics.get('publication.status')).toBe('overdue');
    expect(metrics.size).toBe(rows.length - 1);
  });
});
