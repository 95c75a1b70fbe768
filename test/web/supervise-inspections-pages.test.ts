import { SupervisionReads } from '../../src/app/supervision-reads.js';
import { OVERDUE_PLAN_ROWS } from '../../src/web/pages/supervise-inspections.js';
import { growLogTo, INSPECTION_AGENCY, PLAN_ID, planBody, seedPlan } from '../support/inspections.js';
import { startTestService, type TestService } from '../support/service.js';
import { parseCsv } from '../support/csv.js';

/*
 * /supervise/inspections lists 50 overdue plans at a time (`?limit=` another number), a row per target, and links to
 * the next page, judged on the first page's day.
 */

let t: TestService;
let supervisor: string;
/** Plans drawn and overdue after 2026-03-31: the seeded one and four more. */
const PLANS = 5;
const AS_OF = '2026-05-01';

async function page(path: string): Promise<{ status: number; text: string; headers: Headers }> {
  const res = await fetch(t.url + path, { headers: { accept: 'text/html', authorization: `Bearer ${supervisor}` } });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

async function html(path: string): Promise<string> {
  const { status, text } = await page(path);
  expect(status).toBe(200);
  return text;
}

/** The plans a page lists, in order, once each (a plan has a row per target). */
const planIds = (text: string) => [
  ...new Set([...text.matchAll(/href="\/inspections\/county-market\/([^"]+)"/g)].map((m) => m[1]!)),
];
const nextOf = (text: string) => /<a rel="next" href="([^"]+)"/.exec(text)?.[1]?.replaceAll('&amp;', '&');

beforeAll(async () => {
  t = await startTestService();
  const { admin } = await seedPlan(t);
  const size = (await t.call('GET', '/v1/ledger/checkpoint')).body.size as number;
  const drawAtSize = size + PLANS + 5;
  const plans = [PLAN_ID, ...Array.from({ length: PLANS - 1 }, (_, i) => `P-${String(i + 1).padStart(3, '0')}`)];
  for (const planId of plans.slice(1)) {
    const res = await t.call('POST', '/v1/inspections', { token: admin, body: planBody(drawAtSize, { planId }) });
    expect(res.status).toBe(201);
  }
  await growLogTo(t, admin, drawAtSize + 1);
  for (const planId of plans) {
    const res = await t.call('POST', `/v1/inspections/${planId}/draw`, { token: admin, body: {} });
    expect(res.status).toBe(201);
  }
  await t.service.readModelsCaughtUp();
  supervisor = t.token('sam', INSPECTION_AGENCY, ['supervisor']);
}, 180_000);
afterAll(() => t.stop());

describe('/supervise/inspections a page at a time', () => {
  it('when the plans are read two a page, then every plan is listed once, in the order of the read, as of the same day', async () => {
    const first = await html(`/supervise/inspections?asOf=${AS_OF}&limit=2`);
    const seen = planIds(first);
    const links: string[] = [];
    for (let next = nextOf(first); next !== undefined && links.length < PLANS;) {
      links.push(next);
      const text = await html(next);
      expect(text).toContain('回到第一页');
      seen.push(...planIds(text));
      next = nextOf(text);
    }
    const api = await t.call('GET', `/v1/audit/overdue-inspections?asOf=${AS_OF}&limit=200`, { token: supervisor });
    expect(seen).toEqual((api.body.items as { planId: string }[]).map((p) => p.planId));
    expect(seen).toHaveLength(PLANS);
    expect(links).toHaveLength(2);
    for (const link of links) expect(link).toMatch(new RegExp(`asOf=${AS_OF}.*limit=2.*cursor=`));
    const english = await html(`${links[0]!}&lang=en`);
    expect(english).toContain('First page');
  });

  it('when no size is asked for, then the first page is as before: every plan, no pager, 50 plans asked for', async () => {
    const asked = jest.spyOn(SupervisionReads.prototype, 'overdueInspections');
    try {
      const text = await html(`/supervise/inspections?asOf=${AS_OF}`);
      expect(planIds(text)).toHaveLength(PLANS);
      expect(text).not.toContain('class="pager"');
      expect(asked.mock.calls.map((call) => call[1])).toEqual([{ limit: OVERDUE_PLAN_ROWS }]);
    } finally {
      asked.mockRestore();
    }
  });

  it("when the list is downloaded from a later page, then the spreadsheet holds every target of every plan, judged on the same day, and the data file is the API's", async () => {
    const first = await html(`/supervise/inspections?asOf=${AS_OF}&limit=2`);
    const second = await html(nextOf(first)!);
    const sheetHref = /<a href="([^"]+)" download>下载整个名单/.exec(second)?.[1]?.replaceAll('&amp;', '&');
    expect(sheetHref).toBe(`/supervise/inspections?asOf=${AS_OF}&format=sheet`);
    const sheet = await page(sheetHref!);
    expect(sheet.status).toBe(200);
    expect(sheet.headers.get('content-disposition')).toContain(`filename="overdue-inspections-${AS_OF}.csv"`);
    expect(sheet.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent(`逾期未抽取或未录入结果的双随机抽查 ${AS_OF}.csv`)}`,
    );
    const [header, ...rows] = parseCsv(sheet.text.replace(/^\uFEFF/, ''));
    expect(header![0]).toBe('抽查计划');
    const api = await t.call('GET', `/v1/audit/overdue-inspections?asOf=${AS_OF}&limit=200`, { token: supervisor });
    const targets = (api.body.items as { targets: unknown[] }[]).reduce((n, p) => n + p.targets.length, 0);
    expect(rows).toHaveLength(targets);
    const dataHref = /<a href="([^"]+)" download>下载本页的数据文件/.exec(second)?.[1]?.replaceAll('&amp;', '&');
    expect(dataHref).toMatch(/format=csv/);
    const data = await page(dataHref!);
    const apiPage = await t.call('GET', dataHref!.replace('/supervise/inspections', '/v1/audit/overdue-inspections'), {
      token: supervisor,
    });
    expect(data.text).toBe(apiPage.body);
    expect(second).toContain('返回执法监督');
  });

  it('when the cursor or the size is not one the list takes, then 400', async () => {
    for (const query of ['cursor=bogus', 'limit=0', 'limit=201', 'limit=two']) {
      expect([query, (await page(`/supervise/inspections?${query}`)).status]).toEqual([query, 400]);
    }
  });
});
