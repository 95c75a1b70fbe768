import { SupervisionReads } from '../../src/app/supervision-reads.js';
import type { Clock } from '../../src/ports/clock.js';
import { RETENTION_ROWS } from '../../src/web/pages/supervise-retention.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';
import { parseCsv } from '../support/csv.js';

/*
 * /supervise/retention lists 100 files due for erasure and 100 erasures at a time (`?limit=` another size for
 * both), each list with its own next page: `?cursor=` for the files due, `?erasuresCursor=` for the erasures.
 */

const AGENCY = 'county-justice';
const START = Date.parse('2026-11-30T02:00:00Z');
const started = Date.now();
/** The service's clock: 2026-11-30T02:00:00Z (10:00 in China) when the test starts, ticking from there. */
const clock: Clock = { now: () => new Date(START + (Date.now() - started)) };
const BASIS = '《律师法》第五十条';
/** Closed cases past their retention on 2030-01-01; the last {@link ERASED} of them erased. */
const CASES = 8;
const ERASED = 3;
const caseIds = Array.from({ length: CASES }, (_, i) => `R-${String(i).padStart(3, '0')}`);
const AS_OF = '2030-01-01';

let t: TestService;
let admin: string;
let officer: string;
let supervisor: string;

async function ok(method: string, route: string, token: string, body: unknown) {
  const res = await t.call(method, route, { token, body });
  if (res.status !== 201) throw new Error(`${method} ${route}: ${res.status} ${JSON.stringify(res.body)}`);
}

async function page(path: string): Promise<{ status: number; text: string }> {
  const res = await fetch(t.url + path, { headers: { accept: 'text/html', authorization: `Bearer ${supervisor}` } });
  return { status: res.status, text: await res.text() };
}

async function html(path: string): Promise<string> {
  const { status, text } = await page(path);
  expect(status).toBe(200);
  return text;
}

/** A section of the page: `due` (the files due for erasure) or `erasures`, with its pager. */
const sectionOf = (text: string, section: string) => text.split(`<section id="${section}"`)[1]!.split('</section>')[0]!;

/** The cases a section of the page links to. */
const linked = (text: string, section: string) =>
  [...sectionOf(text, section).matchAll(/href="\/cases\/county-justice\/([^"]+)"/g)].map((m) => m[1]!);

const nextOf = (text: string, section: string) =>
  /<a rel="next" href="([^"]+)"/.exec(sectionOf(text, section))?.[1]?.replaceAll('&amp;', '&');

const firstOf = (text: string, section: string) =>
  /<a href="([^"]+)">回到第一页<\/a>/.exec(sectionOf(text, section))?.[1]?.replaceAll('&amp;', '&');

/** Every case one section lists, read from `path` by that section's next links to the end, and the links followed. */
async function readAll(path: string, section: string) {
  const first = await html(path);
  const seen = linked(first, section);
  const links: string[] = [];
  for (let next = nextOf(first, section); next !== undefined && links.length < CASES;) {
    links.push(next);
    const text = await html(next);
    expect(firstOf(text, section)).toBeDefined();
    seen.push(...linked(text, section));
    next = nextOf(text, section);
  }
  return { seen, links };
}

/** The cases of an API list, in its order. */
const api = async (path: string) =>
  ((await t.call('GET', path, { token: supervisor })).body.items as { caseId: string }[]).map((c) => c.caseId);

beforeAll(async () => {
  t = await startTestService({}, { clock });
  ({ admin, officer } = await seedAgency(t, AGENCY, { officers: ['alice', 'bob'] }));
  supervisor = t.token('sam', AGENCY, ['supervisor']);
  await ok('POST', '/v1/items', admin, {
    code: 'T-1',
    agency: AGENCY,
    name: '事项T-1',
    category: 'penalty',
    legalBasis: BASIS,
    retention: 1,
  });
  for (const caseId of caseIds) {
    await ok('POST', '/v1/cases', officer, {
      caseId,
      itemCode: 'T-1',
      title: '某律所未公示执业信息案',
      openedOn: '2026-11-02',
      officers: ['alice', 'bob'],
      parties: [{ kind: 'organization', name: '某某律师事务所' }],
    });
    const decision = { decisionType: 'warning', legalBasis: BASIS, documentNo: `县司告〔2026〕${caseId}号` };
    const steps = [
      ['DecisionIssued', { ...decision, decidedOn: '2026-11-20' }, '2026-11-20T10:00:00+08:00'],
      ['DecisionDisclosed', { publishedOn: '2026-11-23' }, '2026-11-23T10:00:00+08:00'],
      ['CaseClosed', { closedOn: '2026-11-24' }, '2026-11-24T10:00:00+08:00'],
    ] as const;
    for (const [type, data, occurredAt] of steps) {
      await ok('POST', `/v1/cases/${caseId}/acts`, officer, { type, occurredAt, data });
    }
  }
  for (const caseId of caseIds.slice(-ERASED)) {
    await ok('POST', `/v1/cases/${caseId}/erasure`, admin, { ground: 'retention_expired', reason: '保管期限届满' });
  }
  await t.service.readModelsCaughtUp();
}, 300_000);
afterAll(() => t?.stop());

describe('/supervise/retention a page at a time', () => {
  it('when the files due are read two a page, then every one is listed once, in the order of the read, as of the same day', async () => {
    const { seen, links } = await readAll(`/supervise/retention?asOf=${AS_OF}&limit=2`, 'due');
    expect(seen).toEqual(await api(`/v1/audit/due-for-erasure?asOf=${AS_OF}&limit=200`));
    expect([...seen].sort()).toEqual(caseIds.slice(0, CASES - ERASED));
    expect(links).toHaveLength(2);
    for (const link of links) expect(link).toMatch(new RegExp(`asOf=${AS_OF}.*limit=2.*cursor=`));
  });

  it('when the erasures are read two a page, then every one is listed once, latest first', async () => {
    const { seen, links } = await readAll(`/supervise/retention?asOf=${AS_OF}&limit=2`, 'erasures');
    expect(seen).toEqual(await api('/v1/audit/erasures?limit=200'));
    expect([...seen].sort()).toEqual(caseIds.slice(-ERASED));
    expect(links).toHaveLength(1);
    for (const link of links) expect(link).toMatch(new RegExp(`asOf=${AS_OF}.*limit=2.*erasuresCursor=`));
  });

  it("when one list's pager is followed, then the other list stays on the page it was on", async () => {
    const due = await api(`/v1/audit/due-for-erasure?asOf=${AS_OF}&limit=200`);
    const erasures = await api('/v1/audit/erasures?limit=200');
    const first = await html(`/supervise/retention?asOf=${AS_OF}&limit=2`);
    const onDue = await html(nextOf(first, 'due')!);
    expect([linked(onDue, 'due'), linked(onDue, 'erasures')]).toEqual([due.slice(2, 4), erasures.slice(0, 2)]);
    // the erasures' next page keeps the due list's cursor, and the due list's next page the erasures'
    const onBoth = await html(nextOf(onDue, 'erasures')!);
    expect([linked(onBoth, 'due'), linked(onBoth, 'erasures')]).toEqual([due.slice(2, 4), erasures.slice(2)]);
    const further = await html(nextOf(onBoth, 'due')!);
    expect([linked(further, 'due'), linked(further, 'erasures')]).toEqual([due.slice(4), erasures.slice(2)]);
    // and each list's link back to its first page keeps the other list's cursor, the day and the size
    const dueFirst = await html(firstOf(further, 'due')!);
    expect([linked(dueFirst, 'due'), linked(dueFirst, 'erasures')]).toEqual([due.slice(0, 2), erasures.slice(2)]);
    const erasuresFirst = await html(firstOf(further, 'erasures')!);
    expect([linked(erasuresFirst, 'due'), linked(erasuresFirst, 'erasures')]).toEqual([
      due.slice(4),
      erasures.slice(0, 2),
    ]);
  });

  it('when no size is asked for, then the first page is as before: both lists whole, 100 rows asked of each', async () => {
    const asked = jest.spyOn(SupervisionReads.prototype, 'dueForErasure');
    const askedErasures = jest.spyOn(SupervisionReads.prototype, 'erasures');
    try {
      const text = await html(`/supervise/retention?asOf=${AS_OF}`);
      expect(linked(text, 'due')).toHaveLength(CASES - ERASED);
      expect(linked(text, 'erasures')).toHaveLength(ERASED);
      expect(text).not.toContain('class="pager"');
      expect(asked.mock.calls.map((call) => call[1])).toEqual([{ limit: RETENTION_ROWS }]);
      expect(askedErasures.mock.calls.map((call) => call[1])).toEqual([{ limit: RETENTION_ROWS }]);
    } finally {
      asked.mockRestore();
      askedErasures.mockRestore();
    }
  });

  it('when a cursor or the size is not one the lists take, then 400', async () => {
    for (const query of ['cursor=bogus', 'erasuresCursor=bogus', 'limit=0', 'limit=201', 'limit=two']) {
      expect([query, (await page(`/supervise/retention?${query}`)).status]).toEqual([query, 400]);
    }
  });

  it("when an erasure is listed, then its time is the agency's local time, though the service recorded it in UTC", async () => {
    const part = (await html('/supervise/retention?asOf=2030-01-01')).split('<section id="erasures"')[1]!;
    const times = [...part.matchAll(/<time datetime="([^"]+)">([^<]+)<\/time>/g)];
    expect(times.length).toBeGreaterThan(0);
    for (const [, recorded, shown] of times) {
      // recorded by the service's clock, 02:0x on 30 November in UTC: 10:0x in China
      expect(recorded).toMatch(/^2026-11-30T02:\d{2}:\d{2}(\.\d+)?Z$/);
      expect(shown).toBe(`2026-11-30 10:${recorded!.slice(14, 16)} +08:00`);
    }
  });

  it("when each list is downloaded from a later page, then its spreadsheet holds all of it, and its data file is the API's page", async () => {
    const first = await html(`/supervise/retention?asOf=${AS_OF}&limit=2`);
    const second = await html(
      /<a rel="next" href="([^"]+)"/.exec(sectionOf(first, 'due'))![1]!.replaceAll('&amp;', '&'),
    );
    const links = (section: string, text: string) =>
      [...sectionOf(second, section).matchAll(new RegExp(`<a href="([^"]+)" download>${text}`, 'g'))].map((m) =>
        m[1]!.replaceAll('&amp;', '&'),
      );
    expect(links('due', '下载整个名单')).toEqual([`/supervise/retention?asOf=${AS_OF}&format=sheet`]);
    expect(links('erasures', '下载整个名单')).toEqual([
      `/supervise/retention?asOf=${AS_OF}&list=erasures&format=sheet`,
    ]);
    const rowsOf = async (href: string) => parseCsv((await page(href)).text.replace(/^\uFEFF/, '')).slice(1);
    const api = async (route: string) => (await t.call('GET', route, { token: supervisor })).body;
    const due = await api(`/v1/audit/due-for-erasure?asOf=${AS_OF}&limit=200`);
    expect((await rowsOf(links('due', '下载整个名单')[0]!)).map((r) => r[0])).toEqual(
      due.items.map((i: { caseId: string }) => i.caseId),
    );
    const erased = await api('/v1/audit/erasures?limit=200');
    const erasureRows = await rowsOf(links('erasures', '下载整个名单')[0]!);
    expect(erasureRows.map((r) => r[0])).toEqual(erased.items.map((i: { caseId: string }) => i.caseId));
    expect(erasureRows).toHaveLength(ERASED);
    // the data files: the API's CSV of the page each list is on
    const [dueData] = links('due', '下载本页的数据文件');
    expect((await page(dueData!)).text).toBe(
      await api(dueData!.replace('/supervise/retention', '/v1/audit/due-for-erasure')),
    );
    const [erasuresData] = links('erasures', '下载本页的数据文件');
    expect(erasuresData).toContain('list=erasures');
    const apiErasures = erasuresData!
      .replace('/supervise/retention', '/v1/audit/erasures')
      .replace(/&?list=erasures/, '')
      .replace(/asOf=[^&]*&?/, ''); // the erasures are not judged on a day
    expect((await page(erasuresData!)).text).toBe(await api(apiErasures));
    expect((await page('/supervise/retention?format=sheet&list=everything')).status).toBe(400);
  });
});
