import path from 'node:path';
import { CHECKS_PASSED } from '../support/domain.js';
import { loadValidators } from '../../src/http/validation.js';
import type { Clock } from '../../src/ports/clock.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';

/**
 * Work stated as done by its last day but recorded after it: the supervision lists show it (`recorded_late`), since
 * nothing the service holds shows it was done in time.
 */
const AGENCY = 'county-justice';
const START = Date.parse('2026-12-01T02:00:00Z');
const started = Date.now();
/** The service's clock: 2026-12-01T02:00:00Z (10:00 on Tuesday 1 December in China) when the test starts. */
const clock: Clock = { now: () => new Date(START + (Date.now() - started)) };
const validate = loadValidators(path.resolve(__dirname, '../../schemas'));

let t: TestService;
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
const ofCase = (items: { caseId: string }[], caseId: string) => items.filter((i) => i.caseId === caseId);

async function openCase(caseId: string) {
  await post('/v1/cases', officer, {
    caseId,
    itemCode: 'P-001',
    title: '某律所未公示执业信息案',
    openedOn: '2026-11-02',
    officers: ['alice', 'bob'],
    parties: [{ kind: 'organization', name: '某某律师事务所' }],
  });
}

/** A warning decided on Thursday 2026-11-19: due for publication 7 working days later, Monday 2026-11-30. */
async function decided(caseId: string) {
  await openCase(caseId);
  await act(caseId, 'DecisionIssued', '2026-11-19T10:00:00+08:00', {
    decisionType: 'warning',
    legalBasis: '《律师法》第五十条',
    documentNo: `告〔2026〕${caseId}号`,
    decidedOn: '2026-11-19',
  });
}

beforeAll(async () => {
  t = await startTestService({}, { clock });
  ({ officer } = await seedAgency(t, AGENCY, { reviewers: ['rita'] }));
  supervisor = t.token('sam', AGENCY, ['supervisor']);
  // stated as published on Friday 2026-11-27, before the last day, but recorded today
  await decided('D-1');
  await act('D-1', 'DecisionDisclosed', '2026-12-01T09:00:00+08:00', { publishedOn: '2026-11-27' });
  // published today, after the last day, as stated
  await decided('D-2');
  await act('D-2', 'DecisionDisclosed', '2026-12-01T09:00:00+08:00', { publishedOn: '2026-12-01' });
  // a review requested on Monday 2026-11-16 (due Monday 2026-11-23), stated as completed that day, recorded today
  await openCase('R-1');
  await act('R-1', 'LegalReviewRequested', '2026-11-16T10:00:00+08:00', {
    proposed: { decisionType: 'warning', legalBasis: '《律师法》第五十条' },
  });
  await act(
    'R-1',
    'LegalReviewCompleted',
    '2026-11-23T15:00:00+08:00',
    { outcome: 'approved', opinion: '同意', checks: CHECKS_PASSED },
    t.token('rita', AGENCY, ['reviewer']),
  );
}, 60_000);
afterAll(() => t?.stop());

describe('work stated on time but recorded after its last day', () => {
  it('when a publication states a day by the last one but is recorded after it, then the overdue disclosures list it as recorded late', async () => {
    const res = await get('/v1/audit/overdue-disclosures');
    expect(res.status).toBe(200);
    expect(() => validate('urn:evidence-ledger:schema:response:audit-overdue-disclosures', res.body)).not.toThrow();
    expect(res.body.asOf).toBe('2026-12-01');
    expect(ofCase(res.body.items, 'D-1')).toEqual([
      expect.objectContaining({
        dueBy: '2026-11-30',
        status: 'recorded_late',
        disclosedOn: '2026-11-27',
        recordedOn: '2026-12-01',
        daysOverdue: 1,
      }),
    ]);
    // published late as stated: late, whenever recorded
    expect(ofCase(res.body.items, 'D-2')).toEqual([
      expect.objectContaining({ status: 'disclosed_late', disclosedOn: '2026-12-01', daysOverdue: 1 }),
    ]);
    expect(ofCase(res.body.items, 'D-2')[0]).not.toHaveProperty('recordedOn');
    // the case file shows both days; the decision itself stays published on time, as the service recorded it
    const file = await get('/v1/cases/D-1', officer);
    expect(file.body.decision).toMatchObject({
      disclosedOn: '2026-11-27',
      disclosedOnTime: true,
      disclosureRecordedOn: '2026-12-01',
    });
    // but its deadline, as the file judges it, is missed as the list says: counted to the recording
    expect(file.body.disclosureDeadline).toMatchObject({ status: 'late', publishedOn: '2026-11-27', daysOverdue: 1 });
  });

  it('when the yearly figures are asked, then a publication recorded after its last day counts as late, as the list says', async () => {
    const res = await get(`/v1/audit/statistics?year=2026&agency=${AGENCY}`);
    expect(res.status).toBe(200);
    // D-1 (stated on time, recorded after the last day) and D-2 (published late): late, whatever day D-1 states
    expect(res.body.disclosures).toMatchObject({ onTime: 0, late: 2 });
    // as of the day before the recording, D-1 was not published yet: missing then, as the list showed that day
    const before = await get(`/v1/audit/statistics?year=2026&agency=${AGENCY}&asOf=2026-11-30`);
    expect(before.body.disclosures).toMatchObject({ onTime: 0, late: 0, pending: 2 });
    const dayAfter = await get(`/v1/audit/statistics?year=2026&agency=${AGENCY}&asOf=2026-12-01`);
    expect(dayAfter.body.disclosures).toMatchObject({ onTime: 0, late: 2, missing: 0 });
  });

  it('when a review completion states a day by the last one but is recorded after it, then the overdue reviews list it as recorded late', async () => {
    const res = await get('/v1/audit/overdue-reviews');
    expect(res.status).toBe(200);
    expect(() => validate('urn:evidence-ledger:schema:response:audit-overdue-reviews', res.body)).not.toThrow();
    expect(ofCase(res.body.items, 'R-1')).toEqual([
      expect.objectContaining({
        requestedOn: '2026-11-16',
        dueBy: '2026-11-23',
        status: 'recorded_late',
        completedOn: '2026-11-23',
        recordedOn: '2026-12-01',
        daysOverdue: 8,
      }),
    ]);
  });

  it('when a past day is asked, then the views show what the ledger held at its end: nothing not yet due, and work recorded later as not done', async () => {
    // on the last day itself nothing is overdue yet, whatever was recorded later
    const onDueDay = await get('/v1/audit/overdue-disclosures?asOf=2026-11-30');
    expect(ofCase(onDueDay.body.items, 'D-1')).toEqual([]);
    const reviewsBefore = await get('/v1/audit/overdue-reviews?asOf=2026-11-20');
    expect(ofCase(reviewsBefore.body.items, 'R-1')).toEqual([]);
    // past the last day, before the recording: overdue then, counted to that day, as the view showed on it
    const reviewsThen = await get('/v1/audit/overdue-reviews?asOf=2026-11-26');
    expect(ofCase(reviewsThen.body.items, 'R-1')).toEqual([
      expect.objectContaining({ dueBy: '2026-11-23', status: 'overdue', daysOverdue: 3 }),
    ]);
    expect(ofCase(reviewsThen.body.items, 'R-1')[0]).not.toHaveProperty('recordedOn');
  });

  it('when a decision published late is withdrawn and then exempted from publication, then it is listed nowhere as overdue and its file says exempted', async () => {
    await decided('D-3');
    await act('D-3', 'DecisionDisclosed', '2026-12-01T09:30:00+08:00', { publishedOn: '2026-11-27' });
    await act('D-3', 'DisclosureWithdrawn', '2026-12-01T09:40:00+08:00', { reason: '涉及国家秘密，撤回公示' });
    const admin = t.token(`head-${AGENCY}`, AGENCY, ['admin']);
    await act(
      'D-3',
      'DisclosureExempted',
      '2026-12-01T09:50:00+08:00',
      { ground: 'state_secret', legalBasis: '《保守国家秘密法》第二十八条', reason: '涉及国家秘密事项' },
      admin,
    );
    const res = await get('/v1/audit/overdue-disclosures');
    expect(ofCase(res.body.items, 'D-3')).toEqual([]);
    const file = await get('/v1/cases/D-3', officer);
    expect(file.body.completeness.disclosure.status).toBe('exempted');
    expect(file.body.disclosureDeadline).toMatchObject({ status: 'exempted', exemptedOn: '2026-12-01' });
  });

  it('when a publication stated late is recorded later still, then it is counted late to its recording', async () => {
    await openCase('D-4');
    // decided on Tuesday 2026-11-10: due seven working days later, Thursday 2026-11-19
    await act('D-4', 'DecisionIssued', '2026-11-10T10:00:00+08:00', {
      decisionType: 'warning',
      legalBasis: '《律师法》第五十条',
      documentNo: '告〔2026〕D-4号',
      decidedOn: '2026-11-10',
    });
    // stated as published a day late, on Friday 2026-11-20, but recorded today
    await act('D-4', 'DecisionDisclosed', '2026-12-01T09:00:00+08:00', { publishedOn: '2026-11-20' });
    const res = await get('/v1/audit/overdue-disclosures');
    expect(() => validate('urn:evidence-ledger:schema:response:audit-overdue-disclosures', res.body)).not.toThrow();
    expect(ofCase(res.body.items, 'D-4')).toEqual([
      expect.objectContaining({
        dueBy: '2026-11-19',
        status: 'disclosed_late',
        disclosedOn: '2026-11-20',
        recordedOn: '2026-12-01',
        daysOverdue: 12,
      }),
    ]);
    const file = await get('/v1/cases/D-4', officer);
    expect(file.body.disclosureDeadline).toMatchObject({ status: 'late', daysOverdue: 12 });
  });

  it('when asked as CSV, then the day of the recording is a column of its own', async () => {
    const csv = await get('/v1/audit/overdue-disclosures?format=csv');
    expect(csv.status).toBe(200);
    const [header, ...rows] = String(csv.body).trim().split(/\r?\n/);
    const columns = header!.split(',');
    const row = rows.map((r) => r.split(',')).find((cells) => cells[0] === 'D-1')!;
    expect(row[columns.indexOf('status')]).toBe('recorded_late');
    expect(row[columns.indexOf('recordedOn')]).toBe('2026-12-01');
    const reviews = await get('/v1/audit/overdue-reviews?format=csv');
    expect(String(reviews.body).split(/\r?\n/)[0]!.split(',')).toContain('recordedOn');
    expect(String(reviews.body)).toContain(',recorded_late,2026-11-23,2026-12-01,8');
  });
});
