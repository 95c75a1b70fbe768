import type { Clock } from '../../src/ports/clock.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';

/**
 * The supervision views of a past day (`?asOf=`) judge a publication or an exemption the service recorded after that
 * day as not there yet, whatever day it states: a late exemption does not rewrite the list and the figures of a day
 * on which the decision was overdue.
 */
const AGENCY = 'county-justice';
const started = Date.now();
/** The service's clock: 2026-11-20T02:00:00Z (10:00 on Friday 20 November in China) when the test starts. */
let from = Date.parse('2026-11-20T02:00:00Z');
const clock: Clock = { now: () => new Date(from + (Date.now() - started)) };
/** Moves the service's clock forward to `instant`. */
const moveTo = (instant: string) => {
  from = Date.parse(instant) - (Date.now() - started);
};

let t: TestService;
let admin: string;
let officer: string;
let supervisor: string;
let position = 0;

async function post(route: string, token: string, body: unknown) {
  const res = await t.call('POST', route, { token, body });
  if (res.status !== 201) throw new Error(`${route}: ${res.status} ${JSON.stringify(res.body)}`);
  position = Math.max(position, res.body.position as number);
  return res;
}
const act = (caseId: string, type: string, occurredAt: string, data: object, token = officer) =>
  post(`/v1/cases/${caseId}/acts`, token, { type, occurredAt, data });
const get = (route: string, token = supervisor) =>
  t.call('GET', `${route}${route.includes('?') ? '&' : '?'}consistentWith=${position}`, { token });
const overdue = async (caseId: string, asOf?: string) =>
  (
    (await get(`/v1/audit/overdue-disclosures${asOf ? `?asOf=${asOf}` : ''}`)).body.items as { caseId: string }[]
  ).filter((i) => i.caseId === caseId);
const figures = async (asOf: string) =>
  (await get(`/v1/audit/statistics?year=2026&agency=${AGENCY}&asOf=${asOf}`)).body as {
    decisions: { total: number };
    disclosures: Record<string, number>;
  };

/** A warning decided on Tuesday 2026-11-10: due for publication 7 working days later, Thursday 2026-11-19. */
async function decided(caseId: string) {
  await post('/v1/cases', officer, {
    caseId,
    itemCode: 'P-001',
    title: '某律所未公示执业信息案',
    openedOn: '2026-11-02',
    officers: ['alice', 'bob'],
    parties: [{ kind: 'organization', name: '某某律师事务所' }],
  });
  await act(caseId, 'DecisionIssued', '2026-11-10T10:00:00+08:00', {
    decisionType: 'warning',
    legalBasis: '《律师法》第五十条',
    documentNo: `告〔2026〕${caseId}号`,
    decidedOn: '2026-11-10',
  });
}

beforeAll(async () => {
  t = await startTestService({}, { clock });
  ({ admin, officer } = await seedAgency(t, AGENCY));
  supervisor = t.token('sam', AGENCY, ['supervisor']);
  // recorded on 2026-11-20, the day after its last day
  await decided('E-1');
  moveTo('2026-12-01T02:00:00Z');
  // tokens of the new day (those issued on 2026-11-20 have expired by then)
  admin = t.token(`head-${AGENCY}`, AGENCY, ['admin']);
  officer = t.token('alice', AGENCY, ['officer']);
  supervisor = t.token('sam', AGENCY, ['supervisor']);
}, 60_000);
afterAll(() => t?.stop());

describe('a past day, as the ledger stood at its end', () => {
  it('when an exemption stating an earlier day is recorded after the last day, then a day before its recording still shows the decision overdue (list and figures), and today exempted', async () => {
    expect(await overdue('E-1', '2026-11-25')).toEqual([
      expect.objectContaining({ status: 'overdue', daysOverdue: 6 }),
    ]);
    const before = await figures('2026-11-25');
    expect(before.disclosures).toMatchObject({ missing: 1, exempted: 0 });
    // recorded today, 2026-12-01, stating 2026-11-12
    const exemption = {
      ground: 'personal_privacy',
      legalBasis: '《政府信息公开条例》第十五条',
      reason: '涉及个人隐私',
    };
    await act('E-1', 'DisclosureExempted', '2026-11-12T10:00:00+08:00', exemption, admin);

    expect(await overdue('E-1', '2026-11-25')).toEqual([
      expect.objectContaining({ status: 'overdue', daysOverdue: 6 }),
    ]);
    expect((await figures('2026-11-25')).disclosures).toEqual(before.disclosures);
    expect(await overdue('E-1')).toEqual([]);
    expect((await figures('2026-12-01')).disclosures).toMatchObject({ missing: 0, exempted: 1 });
    const file = await get('/v1/cases/E-1', officer);
    expect(file.body.disclosureDeadline).toMatchObject({ status: 'exempted', exemptedOn: '2026-11-12' });
  });
});
