import { caseStream } from '../../src/domain/case/acts.js';
import { appendPastRules } from '../support/raw-append.js';
import { parseCsv } from '../support/csv.js';
import {
  AGENCY,
  DAY,
  OTHER,
  openCase,
  page,
  seedOverdueDecisions,
  startScreensService,
  type ScreensFixture,
} from '../support/screens.js';

/*
 * The supervision dashboard shows the first rows of its lists (and counts "10+" when there are more): each such
 * list is shown in full at /supervise/lists/{list}, a page at a time. Before, the rows past the first ten could be
 * found only through the API.
 */

let f: ScreensFixture;
const LATE = 13; // decisions never published: more than the dashboard shows

beforeAll(async () => {
  f = await startScreensService();
  await seedOverdueDecisions(f, 'late', LATE);
}, 120_000);
afterAll(() => f.t.stop());

const caseIdsIn = (text: string) => [...text.matchAll(/<a href="\/cases\/[^/]+\/(late-\d+)">/g)].map((m) => m[1]);

describe('the supervision lists in full', () => {
  it('when the dashboard lists fewer than there are, then it links to the whole list', async () => {
    const res = await page(f, '/supervise', f.sam);
    expect(res.status).toBe(200);
    expect(res.text).toContain('<a href="/supervise/lists/overdue-disclosures">查看全部（10+ 项）</a>');
    // the lists the dashboard shows whole link nowhere
    expect(res.text).not.toContain('/supervise/lists/missing-recordings');
  });

  it('when the whole list is read a page at a time, then every decision is listed once, in the order due, with the way back', async () => {
    const first = await page(f, '/supervise/lists/overdue-disclosures?limit=5', f.sam);
    expect(first.status).toBe(200);
    expect(first.text).toContain('<h1>未按期公示的执法决定</h1>');
    expect(first.text).toContain('每页 5 项');
    const seen = caseIdsIn(first.text);
    let next = /<a rel="next" href="([^"]+)"/.exec(first.text)?.[1];
    let pages = 1;
    while (next !== undefined) {
      const res = await page(f, next.replace(/&amp;/g, '&'), f.sam);
      expect(res.status).toBe(200);
      expect(res.text).toContain('回到第一页');
      seen.push(...caseIdsIn(res.text));
      next = /<a rel="next" href="([^"]+)"/.exec(res.text)?.[1];
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: LATE }, (_, i) => `late-${String(i + 1).padStart(2, '0')}`));
    expect(first.text).toContain('<a href="/supervise">返回执法监督</a>');
  });

  it('when a past day is asked, then the list is the one that day gave, as the API answers it, and its links keep the day', async () => {
    const asOf = '2026-01-20';
    const res = await page(f, `/supervise/lists/overdue-disclosures?asOf=${asOf}`, f.sam);
    expect(res.status).toBe(200);
    expect(res.text).toContain(`截至 ${asOf}`);
    expect(res.text).toContain(`<input type="date" name="asOf" value="${asOf}"`);
    const api = await f.t.call('GET', `/v1/audit/overdue-disclosures?asOf=${asOf}&limit=50`, { token: f.sam });
    const due = (api.body.items as { caseId: string }[]).map((i) => i.caseId).filter((id) => id.startsWith('late-'));
    // on 20 January only the decisions due before it are overdue: fewer than all of them, and the same ones
    expect(due.length).toBeGreaterThan(0);
    expect(due.length).toBeLessThan(LATE);
    expect(caseIdsIn(res.text)).toEqual(due);
    expect(res.text).toContain(`/supervise/lists/overdue-disclosures?asOf=${asOf}&amp;format=csv`);
    // a list of no day takes none
    expect((await page(f, `/supervise/lists/missing-recordings?asOf=${asOf}`, f.sam)).text).not.toContain(
      'name="asOf"',
    );
  });

  it("when the page is asked as a CSV file, then the browser downloads the API's file of the same rows, with the next page linked", async () => {
    const first = await page(f, '/supervise/lists/overdue-disclosures?limit=5', f.sam);
    const href = /<a href="([^"]+)" download>下载本页的数据文件/.exec(first.text)?.[1]?.replace(/&amp;/g, '&');
    expect(href).toBe('/supervise/lists/overdue-disclosures?limit=5&format=csv');
    const csv = await page(f, href!, f.sam);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="overdue-disclosures.csv"');
    expect(csv.headers.get('link')).toMatch(
      /^<\/supervise\/lists\/overdue-disclosures\?limit=5&format=csv&cursor=[^>]+>; rel="next"$/,
    );
    const [header, ...rows] = csv.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(header!.split(',').slice(0, 2)).toEqual(['caseId', 'agency']);
    expect(rows.map((r) => r.split(',')[0])).toEqual(caseIdsIn(first.text));
    // as the API's file is: the same rows the supervision API gives the same reader
    const api = await f.t.call('GET', '/v1/audit/overdue-disclosures?limit=5&format=csv', { token: f.sam });
    expect(api.body).toBe(csv.text);
  });

  it('when the whole list is downloaded as a spreadsheet from a later page, then it holds every row from the first, with the heads and names of the page', async () => {
    const first = await page(f, '/supervise/lists/overdue-disclosures?limit=5', f.sam);
    const second = await page(f, /<a rel="next" href="([^"]+)"/.exec(first.text)![1]!.replace(/&amp;/g, '&'), f.sam);
    const href = /<a href="([^"]+)" download>下载整个名单/.exec(second.text)?.[1]?.replace(/&amp;/g, '&');
    // neither the page's cursor nor its size: the whole list
    expect(href).toBe('/supervise/lists/overdue-disclosures?format=sheet');
    const sheet = await page(f, href!, f.sam);
    expect(sheet.status).toBe(200);
    expect(sheet.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(sheet.headers.get('content-disposition')).toBe(
      `attachment; filename="overdue-disclosures.csv"; filename*=UTF-8''${encodeURIComponent('未按期公示的执法决定.csv')}`,
    );
    const [header, ...rows] = parseCsv(sheet.text.replace(/^\uFEFF/, ''));
    expect(header).toEqual(['案件编号', '执法机关', '决定日期', '公示期限', '逾期天数']);
    expect(rows.map((r) => r[0])).toEqual(
      Array.from({ length: LATE }, (_, i) => `late-${String(i + 1).padStart(2, '0')}`),
    );
    // each row as the page shows it (the agency as the page names it, the days over)
    const pageRow = second.text.split('<tr>').find((r) => r.includes('>late-06<'))!;
    const cells = [...pageRow.matchAll(/<td>([^<]*)<\/td>/g)].map((m) => m[1]!.trim());
    expect(rows.find((r) => r[0] === 'late-06')!.slice(1)).toEqual(cells);
    // in English, English heads
    const en = await page(f, `${href!}&lang=en`, f.sam);
    expect(parseCsv(en.text.replace(/^\uFEFF/, ''))[0]![0]).toBe('Case number');
  });

  it('when a list is downloaded as a spreadsheet, then each list has its own heads, the major decisions name their agency', async () => {
    for (const [list, heads] of [
      ['overdue-reviews', ['案件编号', '执法机关']],
      ['missing-recordings', ['案件编号', '执法机关']],
      ['major-decisions', ['案件编号', '执法机关', '决定类型', '罚款金额（元）']],
    ] as const) {
      const sheet = await page(f, `/supervise/lists/${list}?format=sheet&agency=${AGENCY}`, f.sam);
      expect({ list, status: sheet.status }).toEqual({ list, status: 200 });
      expect(parseCsv(sheet.text.replace(/^\uFEFF/, ''))[0]!.slice(0, heads.length)).toEqual(heads);
    }
    expect((await page(f, '/supervise/lists/major-decisions?format=xlsx', f.sam)).status).toBe(400);
    expect((await page(f, '/supervise/lists/major-decisions?format=sheet', f.alice)).status).toBe(403);
  });

  it('when the list is narrowed to an agency the supervisor does not supervise, then 403; to one with none listed, then it says so', async () => {
    const res = await page(f, `/supervise/lists/overdue-disclosures?agency=${OTHER}`, f.sam);
    expect(res.status).toBe(403); // the city's supervisor supervises the county, not the market bureau
    const own = await page(f, `/supervise/lists/missing-recordings?agency=${AGENCY}`, f.sam);
    expect(own.status).toBe(200);
    expect(own.text).toContain('<h1>缺少音像记录的执法行为</h1>');
    expect(own.text).toContain('无。');
    expect(own.text).not.toContain('rel="next"');
  });

  it('when the list, the cursor or the size is not one there is, then 404 or 400, and officers may not read it', async () => {
    expect((await page(f, '/supervise/lists/everything', f.sam)).status).toBe(404);
    expect((await page(f, '/supervise/lists/overdue-disclosures?cursor=bogus', f.sam)).status).toBe(400);
    expect((await page(f, '/supervise/lists/overdue-disclosures?limit=0', f.sam)).status).toBe(400);
    expect((await page(f, '/supervise/lists/overdue-disclosures', f.alice)).status).toBe(403);
  });

  it('when it is read in English, then the title and the pager are English', async () => {
    const res = await page(f, '/supervise/lists/overdue-disclosures?limit=5&lang=en', f.sam);
    expect(res.status).toBe(200);
    expect(res.text).toContain('<h1>Decisions not published in time</h1>');
    expect(res.text).toContain('5 to a page');
    expect(res.text).toContain('>Next page</a>');
  });

  it("when an act missing its recording was written in UTC, then the list and the dashboard date it by the agency's calendar", async () => {
    await openCase(f, 'ml-1');
    // a seizure without its video (today's rules refuse one; an older record may hold one), written in UTC the
    // evening before: 01:00 on the fixture's day in China
    await appendPastRules(
      f.t,
      caseStream(AGENCY, 'ml-1'),
      'PropertySeized',
      {
        items: '执业许可证原件一份',
        legalBasis: '《行政强制法》第二十二条',
        officers: ['alice', 'bob'],
      },
      { agency: AGENCY, occurredAt: '2026-03-01T17:00:00Z' },
    );
    await f.t.service.readModelsCaughtUp();
    const list = await page(f, `/supervise/lists/missing-recordings?agency=${AGENCY}`, f.sam);
    expect(list.text).toContain(`查封扣押 ${DAY}</td>`);
    expect(list.text).not.toContain('2026-03-01');
    const dashboard = await page(f, `/supervise?agency=${AGENCY}`, f.sam);
    expect(dashboard.text).toContain(`查封扣押 ${DAY}</td>`);
  });
});
