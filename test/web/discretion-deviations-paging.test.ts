import { AGENCY, OTHER, page, recordAct, startScreensService, type ScreensFixture } from '../support/screens.js';
import { parseCsv } from '../support/csv.js';

/*
 * The fines outside their discretion benchmark (/supervise/discretion) are listed 50 cases at a time (`?limit=`
 * another size), with a link to the next page by the read's cursor; it and the weak points of the case-file
 * evaluations (/supervise/evaluations) are narrowed to one agency with `?agency=` and downloaded as the API's CSV
 * file with `?format=csv`.
 */

let f: ScreensFixture;
const CASES = 7;
const caseIdOf = (i: number) => `dv-${String(i).padStart(2, '0')}`;

beforeAll(async () => {
  f = await startScreensService();
  const benchmark = await f.t.call('POST', '/v1/benchmarks', {
    token: f.admin,
    body: {
      itemCode: 'P-001',
      agency: AGENCY,
      basis: '县司法局行政处罚裁量基准（2026）',
      circumstances: [{ circumstance: 'serious', description: '多次违法', minFen: 300_000, maxFen: 800_000 }],
    },
  });
  expect(benchmark.status).toBe(201);
  for (let i = 1; i <= CASES; i++) {
    const opened = await f.t.call('POST', '/v1/cases', {
      token: f.alice,
      body: {
        caseId: caseIdOf(i),
        itemCode: 'P-001',
        title: `超出裁量基准案${i}`,
        openedOn: '2026-02-01',
        officers: ['alice', 'bob'],
        parties: [{ kind: 'organization', name: '某某律师事务所' }],
      },
    });
    expect(opened.status).toBe(201);
    const proposed = {
      decisionType: 'fine',
      fineFen: 900_000,
      legalBasis: '《律师法》第五十条',
      circumstance: 'serious',
      deviationReason: '拒不改正，从重处罚',
    };
    const day = `2026-02-${String(10 + i).padStart(2, '0')}`;
    await recordAct(f, f.alice, caseIdOf(i), {
      type: 'LegalReviewRequested',
      occurredAt: `${day}T09:00:00+08:00`,
      data: { proposed },
    });
  }
  await f.t.service.readModelsCaughtUp();
}, 120_000);
afterAll(() => f.t.stop());

const casesIn = (text: string) => [...text.matchAll(/<a href="\/cases\/[^/]+\/(dv-\d+)">/g)].map((m) => m[1]!);
const nextOf = (text: string) => /<a rel="next" href="([^"]+)"/.exec(text)?.[1]?.replaceAll('&amp;', '&');

describe('the fines outside their benchmark a page at a time', () => {
  it('when a supervisor reads them three cases a page, then every case is listed once, in the order of the read', async () => {
    const first = await page(f, '/supervise/discretion?limit=3', f.sam);
    expect(first.status).toBe(200);
    const seen = casesIn(first.text);
    let pages = 1;
    for (let next = nextOf(first.text); next !== undefined; pages++) {
      expect(next).toContain('limit=3');
      const res = await page(f, next, f.sam);
      expect(res.status).toBe(200);
      expect(res.text).toContain('回到第一页');
      seen.push(...casesIn(res.text));
      next = nextOf(res.text);
    }
    const api = await f.t.call('GET', '/v1/audit/discretion-deviations?limit=200', { token: f.sam });
    const expected = (api.body.items as { caseId: string }[]).map((c) => c.caseId);
    expect(expected).toHaveLength(CASES);
    expect(seen).toEqual(expected);
    expect(pages).toBe(3);
  });

  it('when no size is asked for, then the first page is as before: every case, no pager', async () => {
    const res = await page(f, '/supervise/discretion', f.sam);
    expect(casesIn(res.text)).toHaveLength(CASES);
    expect(res.text).not.toContain('class="pager"');
  });

  it('when a supervisor reads the list, then each case says its reason is sealed and read in the case file, never shows it', async () => {
    const res = await page(f, '/supervise/discretion', f.sam);
    expect(res.text).not.toContain('拒不改正，从重处罚');
    expect(res.text.split('已说明（加密存储），请在案卷中查阅')).toHaveLength(CASES + 1);
  });

  it('when the reviewer opens the review screen, then the flag shows the reason, opened from the case file', async () => {
    const res = await page(f, `/cases/${AGENCY}/${caseIdOf(1)}/acts/LegalReviewCompleted`, f.rita);
    expect(res.status).toBe(200);
    expect(res.text).toContain('拒不改正，从重处罚');
  });

  it('when the cursor or the size is not one the list takes, then 400', async () => {
    expect((await page(f, '/supervise/discretion?cursor=bogus', f.sam)).status).toBe(400);
    expect((await page(f, '/supervise/discretion?limit=201', f.sam)).status).toBe(400);
  });
});

const unescaped = (href: string | undefined) => href?.replaceAll('&amp;', '&');
const csvLinkIn = (text: string) => unescaped(/<a href="([^"]+)" download>下载本页的数据文件/.exec(text)?.[1]);

describe('the quality screens narrowed to an agency and downloaded', () => {
  it('when the supervisor picks an agency, then the list is of that agency, its pages and its CSV link keep it, and another agency is 403', async () => {
    const res = await page(f, `/supervise/discretion?agency=${AGENCY}&limit=3`, f.sam);
    expect(res.status).toBe(200);
    expect(res.text).toContain(`<option value="${AGENCY}" selected>${AGENCY}</option>`);
    expect(res.text).toContain('<option value="city-justice" >city-justice</option>');
    expect(casesIn(res.text)).toHaveLength(3);
    expect(nextOf(res.text)).toContain(`agency=${AGENCY}`);
    expect(csvLinkIn(res.text)).toBe(`/supervise/discretion?agency=${AGENCY}&limit=3&format=csv`);
    // the filter form keeps the page size for another agency; the way back keeps the agency
    expect(res.text).toContain('<input type="hidden" name="limit" value="3" />');
    expect(res.text).toContain(`<a href="/supervise?agency=${AGENCY}">返回执法监督</a>`);
    // the supervisor's own agency has no case: none listed, where the county's are
    const own = await page(f, '/supervise/discretion?agency=city-justice', f.sam);
    expect(own.status).toBe(200);
    expect(casesIn(own.text)).toEqual([]);
    expect((await page(f, `/supervise/discretion?agency=${OTHER}`, f.sam)).status).toBe(403);
  });

  it("when the CSV link is followed, then the browser downloads the API's file of the same rows", async () => {
    const csv = await page(f, `/supervise/discretion?agency=${AGENCY}&limit=3&format=csv`, f.sam);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="discretion-deviations.csv"');
    const api = await f.t.call('GET', `/v1/audit/discretion-deviations?agency=${AGENCY}&limit=3&format=csv`, {
      token: f.sam,
    });
    expect(api.status).toBe(200);
    expect(csv.text).toBe(api.body);
    const rows = csv.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(rows).toHaveLength(4); // the header and three cases
    expect(rows[0]).toContain('proposal.fineFen');
  });

  it('when the fines outside their benchmark are downloaded as a spreadsheet, then every case is a row, as the page shows it', async () => {
    const res = await page(f, `/supervise/discretion?agency=${AGENCY}&limit=3`, f.sam);
    const href = unescaped(/<a href="([^"]+)" download>下载整个名单/.exec(res.text)?.[1]);
    expect(href).toBe(`/supervise/discretion?agency=${AGENCY}&format=sheet`);
    const sheet = await page(f, href!, f.sam);
    expect(sheet.status).toBe(200);
    // named by the list and the agency it was narrowed to
    expect(sheet.headers.get('content-disposition')).toContain(`filename="discretion-deviations-${AGENCY}.csv"`);
    const [header, ...rows] = parseCsv(sheet.text.replace(/^\uFEFF/, ''));
    expect(header).toEqual([
      '案件',
      '执法机关',
      '事项',
      '违法情节',
      '幅度下限（元）',
      '幅度上限（元）',
      '环节',
      '罚款金额（元）',
      '理由',
    ]);
    expect(rows.map((r) => r[0]).sort()).toEqual(Array.from({ length: CASES }, (_, i) => caseIdOf(i + 1)));
    // a proposed fine beside its range, each a number of yuan a spreadsheet adds up
    expect(rows[0]!.slice(3, 8)).toEqual(['较重', '3000.00', '8000.00', '拟处', '9000.00']);
    const weak = await page(f, `/supervise/evaluations?year=2026&agency=${AGENCY}&format=sheet`, f.sam);
    expect(weak.status).toBe(200);
    expect(parseCsv(weak.text.replace(/^\uFEFF/, ''))[0]![0]).toBe('汇总方式');
  });

  it("when the weak points are narrowed and downloaded, then the page's form and link keep the year and the agency, and the file is the API's", async () => {
    const res = await page(f, `/supervise/evaluations?year=2026&agency=${AGENCY}`, f.sam);
    expect(res.status).toBe(200);
    expect(res.text).toContain(`<option value="${AGENCY}" selected>${AGENCY}</option>`);
    const href = csvLinkIn(res.text);
    expect(href).toBe(`/supervise/evaluations?year=2026&agency=${AGENCY}&format=csv`);
    const csv = await page(f, href!, f.sam);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="evaluation-weak-points.csv"');
    const api = await f.t.call('GET', `/v1/audit/evaluation-weak-points?year=2026&agency=${AGENCY}&format=csv`, {
      token: f.sam,
    });
    expect(csv.text).toBe(api.body);
    expect((await page(f, `/supervise/evaluations?year=2026&agency=${OTHER}`, f.sam)).status).toBe(403);
  });

  it('when a screen is asked in a format it has not, then 400 before anything is read; html is the page', async () => {
    for (const screen of ['/supervise/discretion', '/supervise/evaluations', '/supervise/lists/overdue-disclosures']) {
      expect([screen, (await page(f, `${screen}?format=xml`, f.sam)).status]).toEqual([screen, 400]);
      expect([screen, (await page(f, `${screen}?format=html`, f.sam)).status]).toEqual([screen, 200]);
    }
  });

  it('when the dashboard is narrowed to an agency, then its links to the quality screens keep it', async () => {
    const res = await page(f, `/supervise?agency=${AGENCY}`, f.sam);
    expect(res.status).toBe(200);
    expect(res.text).toContain(`<a href="/supervise/discretion?agency=${AGENCY}"`);
    for (const screen of ['applications', 'devices', 'retention', 'inspections', 'reviews'])
      expect(res.text).toContain(`<a href="/supervise/${screen}?agency=${AGENCY}">`);
    expect(unescaped(res.text)).toMatch(new RegExp(`<a href="/supervise/evaluations\\?year=\\d{4}&agency=${AGENCY}"`));
  });
});
