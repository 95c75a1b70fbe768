import type { Clock } from '../../src/ports/clock.js';
import { RETENTION_ROWS } from '../../src/web/pages/supervise-retention.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';

const AGENCY = 'county-justice';
const START = Date.parse('2026-11-30T02:00:00Z');
const started = Date.now();
/** The service's clock: 2026-11-30T02:00:00Z (10:00 in China) when the test starts, ticking from there. */
const clock: Clock = { now: () => new Date(START + (Date.now() - started)) };
const BASIS = '《律师法》第五十条';
/** One case more than the page lists at once. */
const CASES = RETENTION_ROWS + 1;
const caseIds = Array.from({ length: CASES }, (_, i) => `R-${String(i).padStart(3, '0')}`);

let t: TestService;
let admin: string;
let officer: string;
let supervisor: string;
/** The due list's cursor its first page gave, as of 2030-01-01. */
let dueCursor: string;

async function ok(method: string, route: string, token: string, body: unknown) {
  const res = await t.call(method, route, { token, body });
  if (res.status !== 201) throw new Error(`${method} ${route}: ${res.status} ${JSON.stringify(res.body)}`);
}

async function html(path: string): Promise<string> {
  const res = await fetch(t.url + path, { headers: { accept: 'text/html', authorization: `Bearer ${supervisor}` } });
  expect(res.status).toBe(200);
  return res.text();
}

/** The cases a section of the page links to. */
function linked(text: string, section: string): string[] {
  const part = text.split(`<section id="${section}"`)[1]!.split('</section>')[0]!;
  return [...part.matchAll(/href="\/cases\/county-justice\/([^"]+)"/g)].map((m) => m[1]!);
}

const nextOf = (text: string, section: string) => {
  const part = text.split(`<section id="${section}"`)[1]!.split('</section>')[0]!;
  return /<a rel="next" href="([^"]+)"/.exec(part)?.[1]?.replaceAll('&amp;', '&');
};

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
  await t.service.readModelsCaughtUp();
}, 300_000);
afterAll(() => t?.stop());

describe('/supervise/retention over more files than one page lists', () => {
  it('when more cases are due than the page lists, then a next page lists the rest, as of the same day', async () => {
    const first = await html('/supervise/retention?asOf=2030-01-01');
    const shown = linked(first, 'due');
    expect(shown).toHaveLength(RETENTION_ROWS);
    const next = nextOf(first, 'due');
    expect(next).toContain('asOf=2030-01-01');
    const second = await html(next!);
    const rest = linked(second, 'due');
    expect(rest).toHaveLength(CASES - RETENTION_ROWS);
    expect(new Set([...shown, ...rest])).toEqual(new Set(caseIds));
    expect(nextOf(second, 'due')).toBeUndefined();
    dueCursor = new URL(next!, t.url).searchParams.get('cursor')!;
  });

  it('when more cases were erased than the page lists, then the erasures go on to a next page too', async () => {
    for (const caseId of caseIds) {
      await ok('POST', `/v1/cases/${caseId}/erasure`, admin, { ground: 'retention_expired', reason: '保管期限届满' });
    }
    await t.service.readModelsCaughtUp();
    const first = await html('/supervise/retention?asOf=2030-01-01');
    expect(linked(first, 'due')).toEqual([]);
    const shown = linked(first, 'erasures');
    expect(shown).toHaveLength(RETENTION_ROWS);
    const second = await html(nextOf(first, 'erasures')!);
    const rest = linked(second, 'erasures');
    expect(new Set([...shown, ...rest])).toEqual(new Set(caseIds));
    expect(nextOf(second, 'erasures')).toBeUndefined();
  });

  it("when one list is on a later page, then the other list's links keep it there", async () => {
    const first = await html(`/supervise/retention?asOf=2030-01-01&cursor=${dueCursor}`);
    const next = new URL(nextOf(first, 'erasures')!, t.url).searchParams;
    expect([next.get('cursor'), next.get('asOf')]).toEqual([dueCursor, '2030-01-01']);
    // on the erasures' second page, the due list's link back to its first page keeps the erasures' cursor
    const second = await html(`/supervise/retention?${next}`);
    const part = second.split('<section id="due"')[1]!.split('</section>')[0]!;
    const back = /<a href="([^"]+)">回到第一页<\/a>/.exec(part)?.[1]?.replaceAll('&amp;', '&');
    const kept = new URL(back!, t.url).searchParams;
    expect([kept.get('cursor'), kept.get('erasuresCursor')]).toEqual([null, next.get('erasuresCursor')]);
  });
});
