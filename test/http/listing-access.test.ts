import { CASES_LISTED, readerTrail } from '../../src/app/access-log.js';
import { addDays } from '../../src/app/days.js';
import { openCase, seedAgency, startTestService, type TestService } from '../support/service.js';

/*
 * DESIGN: "Every read of a case by anyone is itself recorded as an access event." A read that shows several cases
 * at once (a page of the case list, the cases similar to one, a page of the pull feed, a supervision view) is
 * recorded on the reader's own trail, naming each case shown, and each case's access log lists it.
 */

const AGENCY = 'county-justice';
const today = new Date().toISOString().slice(0, 10);

let t: TestService;
let officer: string;
let supervisor: string;
let integration: string;
let position = 0;

async function post(token: string, route: string, body: unknown) {
  const res = await t.call('POST', route, { token, body });
  if (res.status !== 201) throw new Error(`POST ${route}: ${res.status} ${JSON.stringify(res.body)}`);
  position = Math.max(position, res.body.position);
  return res.body;
}

/** The access log of a case as a supervisor reads it, once the read models applied every write so far. */
async function accessOf(caseId: string) {
  await t.service.readModelsCaughtUp();
  const res = await t.call('GET', `/v1/audit/access?caseId=${caseId}&limit=200`, { token: supervisor });
  expect(res.status).toBe(200);
  return res.body.items as { sub: string; action: string; view?: string; purpose?: string; requestId: string }[];
}

/** The events of a reader's own trail of listings. */
async function trailOf(agency: string, sub: string) {
  return (await t.service.events.readStream(readerTrail(agency, sub))).map((r) => r.event);
}

beforeAll(async () => {
  t = await startTestService();
  officer = (await seedAgency(t, AGENCY)).officer;
  supervisor = t.token('sam', AGENCY, ['supervisor']);
  integration = t.token('data-centre', AGENCY, ['integration']);
  for (const caseId of ['l-1', 'l-2']) {
    const opened = await openCase(t, officer, caseId);
    expect(opened.status).toBe(201);
  }
  await post(officer, '/v1/cases/l-1/acts', {
    type: 'DecisionIssued',
    occurredAt: `${today}T00:00:10+08:00`,
    data: {
      decisionType: 'warning',
      legalBasis: '《律师法》第五十条',
      documentNo: '县司罚〔2026〕7号',
      decidedOn: today,
    },
  });
  await t.service.readModelsCaughtUp();
}, 120_000);
afterAll(() => t.stop());

describe('reads of several cases at once', () => {
  it("when an officer pages through the case list, then each case shown lists the read as list_cases, with the reader's purpose", async () => {
    const before = (await accessOf('l-2')).length;
    const res = await t.call('GET', '/v1/cases?limit=100', {
      token: officer,
      headers: { 'x-purpose': encodeURIComponent('日常办案') },
    });
    expect(res.status).toBe(200);
    expect(res.body.items.map((c: { caseId: string }) => c.caseId).sort()).toEqual(['l-1', 'l-2']);
    const log = await accessOf('l-2');
    expect(log).toHaveLength(before + 1);
    expect(log[0]).toMatchObject({ sub: 'alice', action: 'list_cases', purpose: '日常办案' });
    expect(await accessOf('l-1')).toContainEqual(expect.objectContaining({ requestId: log[0]!.requestId }));
    const [listed] = (await trailOf(AGENCY, 'alice')).slice(-1);
    expect(listed).toMatchObject({ type: CASES_LISTED, data: { action: 'list_cases' } });
  });

  it('when a supervision view lists a case, then the case lists the read as list_supervision with the view, as JSON and as CSV', async () => {
    const asOf = addDays(today, 90);
    const json = await t.call('GET', `/v1/audit/overdue-disclosures?asOf=${asOf}`, { token: supervisor });
    expect(json.status).toBe(200);
    expect(json.body.items.map((i: { caseId: string }) => i.caseId)).toEqual(['l-1']);
    const csv = await t.call('GET', `/v1/audit/overdue-disclosures?asOf=${asOf}&format=csv`, { token: supervisor });
    expect(csv.status).toBe(200);
    const views = (await accessOf('l-1')).filter((e) => e.action === 'list_supervision');
    expect(views).toHaveLength(2);
    expect(views.every((e) => e.view === 'overdue-disclosures' && e.sub === 'sam')).toBe(true);
    expect((await accessOf('l-2')).some((e) => e.action === 'list_supervision')).toBe(false);
  });

  it('when a feed page holds events of cases, then each case lists the read once as read_feed, and the next poll records nothing', async () => {
    const before = (await accessOf('l-1')).filter((e) => e.action === 'read_feed').length;
    const first = await t.call('GET', '/v1/events?after=0&limit=500', { token: integration });
    expect(first.status).toBe(200);
    const feeds = (await accessOf('l-1')).filter((e) => e.action === 'read_feed');
    expect(feeds).toHaveLength(before + 1);
    expect(feeds[0]).toMatchObject({ sub: 'data-centre' });
    expect((await accessOf('l-2')).filter((e) => e.action === 'read_feed')).toHaveLength(before + 1);
    const trail = await trailOf(AGENCY, 'data-centre');
    // the next poll holds the listing itself, which is no case's event: nothing more is recorded, and then the feed is quiet
    const second = await t.call('GET', `/v1/events?after=${first.body.next}&limit=500`, { token: integration });
    expect(second.body.events.map((e: { event: { type: string } }) => e.event.type)).toContain(CASES_LISTED);
    expect(second.body.events.every((e: { event: { stream: string } }) => !e.event.stream.startsWith('case-'))).toBe(
      true,
    );
    const third = await t.call('GET', `/v1/events?after=${second.body.next}&limit=500`, { token: integration });
    expect(third.body.events).toEqual([]);
    expect(await trailOf(AGENCY, 'data-centre')).toHaveLength(trail.length);
  });

  it('when a listing shows no case, then nothing is recorded', async () => {
    const before = (await trailOf(AGENCY, 'alice')).length;
    const res = await t.call('GET', '/v1/cases?status=closed', { token: officer });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
    expect(await trailOf(AGENCY, 'alice')).toHaveLength(before);
  });

  it('when a listing is refused, then nothing is recorded', async () => {
    const before = (await trailOf(AGENCY, 'alice')).length;
    const res = await t.call('GET', '/v1/cases?agency=elsewhere', { token: officer });
    expect(res.status).toBe(403);
    expect(await trailOf(AGENCY, 'alice')).toHaveLength(before);
  });
});
