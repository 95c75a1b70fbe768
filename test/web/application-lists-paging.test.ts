import { parseCsv } from '../support/csv.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';
import { AGENCY, fixtureClock } from '../support/screens.js';

/*
 * The officers' application queue (/work/applications) and the supervisors' overdue applications
 * (/supervise/applications) list 50 at a time (`?limit=` another size) and link to the next page by the read's
 * cursor; the overdue list's next pages are judged on the first page's day.
 */

let t: TestService;
let officer: string;
let supervisor: string;
let position = 0;
const FILED = 7;
/** A day by which every application filed on the fixture's day is past its deadline to accept. */
const LATER = '2026-04-30';

beforeAll(async () => {
  t = await startTestService({}, { clock: fixtureClock() });
  ({ officer } = await seedAgency(t, AGENCY, { item: { code: 'L-001', category: 'licensing' } }));
  supervisor = t.token('sam', AGENCY, ['supervisor']);
  for (let i = 1; i <= FILED; i++) {
    const form = new FormData();
    const applicant = { kind: 'person', name: `申请人${i}`, phone: '13800000000' };
    form.set('application', JSON.stringify({ agency: AGENCY, itemCode: 'L-001', applicant, request: `申请${i}` }));
    const res = await fetch(`${t.url}/v1/applications`, { method: 'POST', body: form });
    const body = (await res.json()) as { position: number };
    expect(res.status).toBe(201);
    position = Math.max(position, body.position);
  }
  await t.service.readModelsCaughtUp();
}, 120_000);
afterAll(() => t.stop());

async function page(path: string, token: string): Promise<{ status: number; text: string; headers: Headers }> {
  const res = await fetch(t.url + path, { headers: { accept: 'text/html', authorization: `Bearer ${token}` } });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const queued = (text: string) => [...text.matchAll(new RegExp(`<dd>(${UUID})</dd>`, 'g'))].map((m) => m[1]!);
/** The overdue rows' ids, each linked to the application as filed. */
const overdue = (text: string) =>
  [...text.matchAll(new RegExp(`<td><a href="/work/applications/(${UUID})">\\1</a></td>`, 'g'))].map((m) => m[1]!);
const nextOf = (text: string) => /<a rel="next" href="([^"]+)"/.exec(text)?.[1]?.replaceAll('&amp;', '&');

/** Every application a list shows, read from `path` by its next links to the end, and the links followed. */
async function readAll(path: string, token: string, rows: (text: string) => string[]) {
  const first = await page(path, token);
  expect(first.status).toBe(200);
  expect(first.text).not.toContain('回到第一页');
  const seen = rows(first.text);
  const links: string[] = [];
  for (let next = nextOf(first.text); next !== undefined; next = nextOf((await page(next, token)).text)) {
    links.push(next);
    const res = await page(next, token);
    expect(res.status).toBe(200);
    expect(res.text).toContain('回到第一页');
    seen.push(...rows(res.text));
  }
  return { seen, links };
}

const apiIds = async (path: string, token: string) =>
  ((await t.call('GET', path, { token })).body.items as { applicationId: string }[]).map((a) => a.applicationId);

describe('the application lists a page at a time', () => {
  it('when an officer reads the queue three a page, then every application is listed once, in the queue order', async () => {
    const { seen, links } = await readAll('/work/applications?limit=3', officer, queued);
    expect(seen).toEqual(await apiIds(`/v1/applications?limit=200&consistentWith=${position}`, officer));
    expect(seen).toHaveLength(FILED);
    expect(links).toHaveLength(2);
    for (const link of links) expect(link).toContain('limit=3');
  });

  it('when a supervisor reads the overdue applications three a page, then every one is listed once, as of the first page', async () => {
    const path = `/supervise/applications?agency=${AGENCY}&asOf=${LATER}&limit=3`;
    const { seen, links } = await readAll(path, supervisor, overdue);
    expect(seen).toEqual(await apiIds(`/v1/audit/overdue-applications?asOf=${LATER}&limit=200`, supervisor));
    expect(seen).toHaveLength(FILED);
    expect(links).toHaveLength(2);
    for (const link of links) expect(link).toMatch(new RegExp(`agency=${AGENCY}.*asOf=${LATER}.*limit=3`));
  });

  it('when no size is asked for, then the first page is as before: every application, no pager', async () => {
    const queue = await page('/work/applications', officer);
    expect(queued(queue.text)).toHaveLength(FILED);
    expect(queue.text).not.toContain('class="pager"');
    const late = await page(`/supervise/applications?asOf=${LATER}`, supervisor);
    expect(overdue(late.text)).toHaveLength(FILED);
    expect(late.text).not.toContain('class="pager"');
  });

  it("when the overdue applications are downloaded, then the spreadsheet holds every one, as of the page's day, and the form keeps the agency and the day", async () => {
    const first = await page(`/supervise/applications?agency=${AGENCY}&asOf=${LATER}&limit=3`, supervisor);
    expect(first.text).toContain(`<input id="f-asof" name="asOf" type="date" value="${LATER}" />`);
    expect(first.text).toContain(`<option value="${AGENCY}" selected>`);
    expect(first.text).toContain('返回执法监督');
    const href = /<a href="([^"]+)" download>下载整个名单/.exec(first.text)?.[1]?.replaceAll('&amp;', '&');
    expect(href).toBe(`/supervise/applications?agency=${AGENCY}&asOf=${LATER}&format=sheet`);
    const sheet = await page(href!, supervisor);
    expect(sheet.status).toBe(200);
    // named by the list, the agency it was narrowed to and the day it was judged on
    expect(sheet.headers.get('content-disposition')).toContain(
      `filename="overdue-applications-${AGENCY}-${LATER}.csv"`,
    );
    const [header, ...rows] = parseCsv(sheet.text.replace(/^\uFEFF/, ''));
    expect(header).toHaveLength(6);
    expect(rows.map((r) => r[0])).toEqual(
      await apiIds(`/v1/audit/overdue-applications?asOf=${LATER}&limit=200`, supervisor),
    );
    // no applicant's data: the rows hold none of their names
    expect(sheet.text).not.toContain('申请人');
    const data = /<a href="([^"]+)" download>下载本页的数据文件/.exec(first.text)?.[1]?.replaceAll('&amp;', '&');
    const file = await page(data!, supervisor);
    const api = await t.call('GET', data!.replace('/supervise/applications', '/v1/audit/overdue-applications'), {
      token: supervisor,
    });
    expect(file.text).toBe(api.body);
  });

  it('when the cursor, the size or the day is not one the list takes, then 400', async () => {
    expect((await page('/work/applications?cursor=bogus', officer)).status).toBe(400);
    expect((await page('/supervise/applications?cursor=bogus', supervisor)).status).toBe(400);
    expect((await page('/supervise/applications?limit=0', supervisor)).status).toBe(400);
    expect((await page('/supervise/applications?asOf=tomorrow', supervisor)).status).toBe(400);
  });
});
