import type { PublicStatistics } from '../../src/app/public-statistics.js';
import { statisticsCsv } from '../../src/web/pages/statistics.js';
import type { TestService } from '../support/service.js';
import { CITY, getPage, publicFixture } from './public-fixture.js';

let t: TestService;

beforeAll(async () => {
  ({ t } = await publicFixture());
}, 60_000);
afterAll(() => t.stop());

/** The value cell of a figure's row in the summary (`<dt>label</dt><dd>value</dd>`). */
const summary = (text: string, name: string) => new RegExp(`<dt>${name}</dt>\\s*<dd>([^<]*)</dd>`).exec(text)?.[1];

/** The rows of the table captioned `caption`: [label, value]. */
function tableRows(text: string, caption: string): [string, string][] {
  const at = text.indexOf(caption, text.indexOf('<caption>'));
  const table = text.slice(text.lastIndexOf('<table>', at), text.indexOf('</table>', at));
  return [...table.matchAll(/<th scope="row">([^<]*)<\/th>\s*<td>([^<]*)<\/td>/g)].map((m) => [m[1]!, m[2]!]);
}

describe('the statistics pages', () => {
  it('when /statistics is opened, then it shows the current year over every agency, with charts and their tables', async () => {
    const { status, text } = await getPage(t, '/statistics');
    expect(status).toBe(200);
    expect(text).toContain('<h1>2026 年度行政执法统计</h1>');
    expect(text).toContain('截至 2026-06-15');
    expect(text).toContain('本年度数据应于 2027-01-20 前公开。');
    expect(summary(text, '立案总数')).toBe('4');
    expect(summary(text, '执法决定总数')).toBe('4');
    expect(summary(text, '罚款总额')).toBe('¥5,000.00');
    expect(tableRows(text, '执法决定数量（按类型）')).toEqual(
      expect.arrayContaining([
        ['罚款', '1'],
        ['警告', '2'],
        ['准予许可', '1'],
        ['没收', '0'],
      ]),
    );
    expect(tableRows(text, '执法决定公示情况')).toEqual(expect.arrayContaining([['按期公示', '4']]));
    // four charts, each an image named by its title and described by its figures
    const charts = [...text.matchAll(/<svg[^>]*role="img"[^>]*aria-labelledby="([^"]+)"/g)].map((m) => m[1]);
    expect(charts).toHaveLength(4);
    expect(text).toMatch(/<title id="chart-decisions-title">执法决定数量（按类型）<\/title>/);
    expect(text).toMatch(/<desc id="chart-decisions-desc">[^<]*警告 2，罚款 1，/);
    expect(text).toContain('href="/statistics/2026.csv"');
    for (const secret of ['张', '执法人员alice', 'pub-1']) expect(text).not.toContain(secret);
  });

  it('when an agency is chosen, then the figures are of that agency only; in English, English', async () => {
    const { text } = await getPage(t, `/statistics/2026?agency=${CITY}&lang=en`);
    expect(text).toContain('<h1>Enforcement statistics 2026</h1>');
    expect(summary(text, 'Cases opened')).toBe('1');
    expect(tableRows(text, 'Decisions, by type')).toEqual(expect.arrayContaining([['Licence granted', '1']]));
    expect(text).toContain(`href="/statistics/2026.csv?agency=${CITY}"`);
    // the charts' descriptions list their figures with English punctuation, no full-width comma
    expect(text).toMatch(/<desc id="chart-decisions-desc">[^<，]*Licence granted 1[^<，]*<\/desc>/);
  });

  it('when another year is asked, then its figures (none) show; a year that is not one, has not begun or is before 2000 is the 404 page', async () => {
    const { status, text } = await getPage(t, '/statistics/2025');
    expect(status).toBe(200);
    expect(summary(text, '立案总数')).toBe('0');
    expect((await getPage(t, '/statistics/20x5')).status).toBe(404);
    // a year that has not begun has no report: not a page of zeros due in a year's time
    for (const route of ['/statistics/2027', '/statistics/2027.csv', `/statistics/3000?agency=${CITY}`]) {
      expect([route, (await getPage(t, route)).status]).toEqual([route, 404]);
    }
    // nor does a year before 2000, the first a working-day calendar may be recorded for: not "1 年度"
    for (const route of ['/statistics/0001', '/statistics/1999.csv', `/statistics/1999?agency=${CITY}`]) {
      expect([route, (await getPage(t, route)).status]).toEqual([route, 404]);
    }
    expect((await getPage(t, '/statistics/2000')).status).toBe(200);
    expect((await getPage(t, '/statistics/2026?agency=a%2Fb')).status).toBe(400);
    // written as a list: refused, never the report of every agency
    expect((await getPage(t, '/statistics?agency%5B%5D=x')).status).toBe(400);
    // an agency the public lists do not know: no report of zeros under its name
    const unknown = await getPage(t, '/statistics/2026?agency=zzz');
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('zzz');
    expect(unknown.text).not.toContain('立案总数');
    expect((await getPage(t, '/statistics/2026.csv?agency=zzz')).status).toBe(404);
  });

  it('when the CSV is downloaded, then it is UTF-8 with a byte-order mark, CRLF rows of figures, as an attachment', async () => {
    for (const route of ['/statistics/2026.csv', '/statistics/2026?format=csv']) {
      const res = await fetch(t.url + route);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="statistics-2026.csv"');
      const bytes = Buffer.from(await res.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.subarray(3).toString('utf8');
      expect(text.startsWith('metric,value\r\nyear,2026\r\nagency,all\r\nasOf,2026-06-15\r\n')).toBe(true);
      expect(text).toContain('\r\ncasesOpened.total,4\r\n');
      expect(text).toContain('\r\ndecisions.fineFen,500000\r\n');
      expect(text.endsWith('\r\n')).toBe(true);
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    }
  });
});

describe('the statistics after a write', () => {
  it('when a case is opened after the figures were read, then the page counts it (no stale answer is kept)', async () => {
    const before = await getPage(t, '/statistics');
    expect(summary(before.text, '立案总数')).toBe('4');
    const opened = await t.call('POST', '/v1/cases', {
      token: t.token('carl', CITY, ['officer']),
      body: {
        caseId: 'later-1',
        itemCode: 'L-001',
        title: '某案',
        openedOn: '2026-06-15',
        officers: ['carl', 'cora'],
        parties: [{ kind: 'organization', name: '某公司' }],
      },
    });
    expect(opened.status).toBe(201);
    expect((await t.call('GET', `/v1/disclosures?consistentWith=${opened.body.position}`)).status).toBe(200);
    const after = await getPage(t, '/statistics');
    expect(summary(after.text, '立案总数')).toBe('5');
    expect(tableRows(after.text, '立案数量（按事项类别）')).toEqual(expect.arrayContaining([['行政许可', '2']]));
  });
});

describe('the statistics CSV', () => {
  it('when a text cell starts like a formula, then it is written with a leading quote, byte for byte', () => {
    const zero = { total: 0, byCategory: {} };
    const stats = (agency: string): PublicStatistics => ({
      year: 2026,
      agency,
      agencies: [agency],
      asOf: '2026-06-15',
      deadline: '2027-01-20',
      figures: { casesOpened: zero, hearingsHeld: -1 } as unknown as PublicStatistics['figures'],
    });
    for (const [agency, cell] of [
      ['=1+1', "'=1+1"],
      ['+1', "'+1"],
      ['-1', "'-1"],
      ['@SUM(A1)', "'@SUM(A1)"],
      ['\tx', "'\tx"],
      ['\rx', `"'\rx"`],
      ['plain', 'plain'],
    ] as const) {
      const bytes = Buffer.from(statisticsCsv(stats(agency)), 'utf8');
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const expected = Buffer.from(`agency,${cell}\r\n`, 'utf8');
      expect([agency, bytes.indexOf(expected) > 0]).toEqual([agency, true]);
    }
    // a number is written as it is, a negative one included
    expect(statisticsCsv(stats('x'))).toContain('\r\nhearingsHeld,-1\r\n');
  });
});
