import { csvField, metricRows, metricsCsv, toCsv } from '../../src/http/csv.js';
import { yearlyStatistics } from '../../src/domain/statistics.js';
import { parseCsv } from '../support/csv.js';

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
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tpadded', "'\tpadded"],
    [-5, '-5'],
  ])(
    'when a field is %j, then it is written %s (text that a spreadsheet would run as a formula neutralised)',
    (value, written) => {
      expect(csvField(value)).toBe(written);
    },
  );

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
    const file = metricsCsv({ ...stats, publication: { deadline: '2026-01-20', status: 'overdue' } });
    expect(file.startsWith('\uFEFFmetric,value\r\n')).toBe(true);
    const rows = parseCsv(file.slice(1));
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
