import type { Clock } from '../../src/ports/clock.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';

/** China time (the default offset): already 1 December there. */
const EAST = 'county-justice';
/** Configured at UTC: still 30 November there. */
const WEST = 'harbour-office';
const START = Date.parse('2026-11-30T17:00:00Z');

/** The service's clock: 2026-11-30T17:00:00Z when the service starts, ticking from there. */
const started = Date.now();
const clock: Clock = { now: () => new Date(START + (Date.now() - started)) };

let t: TestService;
let position = 0;

async function post(route: string, token: string, body: unknown): Promise<void> {
  const res = await t.call('POST', route, { token, body });
  if (res.status !== 201) throw new Error(`${route}: ${res.status} ${JSON.stringify(res.body)}`);
  position = Math.max(position, res.body.position as number);
}

/** A warning decided on Thursday 2026-11-19 and never published: due 7 working days later, Monday 2026-11-30. */
async function unpublishedDecision(agency: string): Promise<void> {
  const officer = t.token('alice', agency, ['officer']);
  await post('/v1/cases', officer, {
    caseId: `${agency}-1`,
    itemCode: 'P-001',
    title: '某律所未公示执业信息案',
    openedOn: '2026-11-16',
    officers: ['alice', 'bob'],
    parties: [{ kind: 'person', name: '张三丰', idNumber: '140521199001011234' }],
  });
  await post(`/v1/cases/${agency}-1/acts`, officer, {
    type: 'DecisionIssued',
    occurredAt: '2026-11-19T10:00:00+08:00',
    data: {
      decisionType: 'warning',
      legalBasis: '《律师法》第五十条',
      documentNo: '告〔2026〕1号',
      decidedOn: '2026-11-19',
    },
  });
}

const get = (route: string, token: string) =>
  t.call('GET', `${route}${route.includes('?') ? '&' : '?'}consistentWith=${position}`, { token });

beforeAll(async () => {
  t = await startTestService({ AGENCY_UTC_OFFSETS: `${WEST}=+00:00` }, { clock });
  for (const agency of [EAST, WEST]) {
    await seedAgency(t, agency);
    await unpublishedDecision(agency);
  }
});
afterAll(() => t.stop());

describe("the supervision views' today", () => {
  it("when no asOf is given, then today is the date in the viewed agency's configured offset", async () => {
    const east = await get('/v1/audit/overdue-disclosures', t.token('sam', EAST, ['supervisor']));
    expect(east.status).toBe(200);
    expect(east.body.asOf).toBe('2026-12-01');
    expect(east.body.items).toMatchObject([
      { caseId: `${EAST}-1`, dueBy: '2026-11-30', status: 'overdue', daysOverdue: 1 },
    ]);

    // the same decision, due the same day, is not overdue yet where it is still 30 November
    const west = await get('/v1/audit/overdue-disclosures', t.token('wes', WEST, ['supervisor']));
    expect([west.status, west.body.asOf, west.body.items]).toEqual([200, '2026-11-30', []]);
    const onDue = await get('/v1/audit/overdue-disclosures?asOf=2026-12-01', t.token('wes', WEST, ['supervisor']));
    expect(onDue.body.items).toMatchObject([{ caseId: `${WEST}-1`, dueBy: '2026-11-30', status: 'overdue' }]);
  });

  it("when a supervisor of several agencies names one, then today is that agency's, else its own agency's", async () => {
    const overseer = t.token('prov', 'province', ['supervisor'], [EAST, WEST]);
    const west = await get(`/v1/audit/overdue-disclosures?agency=${WEST}`, overseer);
    expect([west.body.asOf, west.body.items]).toEqual(['2026-11-30', []]);
    const east = await get(`/v1/audit/overdue-disclosures?agency=${EAST}`, overseer);
    expect([east.body.asOf, east.body.items.length]).toEqual(['2026-12-01', 1]);
    expect((await get(`/v1/audit/certificates?agency=${WEST}`, overseer)).body.asOf).toBe('2026-11-30');
    // its own agency (the province) has the default offset, +08:00
    const all = await get('/v1/audit/overdue-disclosures', overseer);
    expect(all.body.asOf).toBe('2026-12-01');
    expect(all.body.items.map((i: { caseId: string }) => i.caseId).sort()).toEqual([`${EAST}-1`, `${WEST}-1`]);
  });
});
