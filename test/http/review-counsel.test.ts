import path from 'node:path';
import { loadValidators } from '../../src/http/validation.js';
import type { Clock } from '../../src/ports/clock.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';
import { CHECKS_PASSED } from '../support/domain.js';

const AGENCY = 'county-justice';
const START = Date.parse('2026-11-30T02:00:00Z');
const started = Date.now();
/** The service's clock: 2026-11-30T02:00:00Z (10:00 in China, a Monday) when the test starts, ticking from there. */
const clock: Clock = { now: () => new Date(START + (Date.now() - started)) };
const validate = loadValidators(path.resolve(__dirname, '../../schemas'));

let t: TestService;
let admin: string;
let officer: string;
let reviewer: string;
let position = 0;

async function call(method: string, route: string, token: string | undefined, body?: unknown) {
  const res = await t.call(method, route, { ...(token ? { token } : {}), ...(body === undefined ? {} : { body }) });
  if (typeof res.body?.position === 'number') position = Math.max(position, res.body.position);
  return res;
}
const read = (route: string, token?: string) =>
  call('GET', `${route}${route.includes('?') ? '&' : '?'}consistentWith=${position}`, token);
const act = (caseId: string, type: string, data: object, token = officer, occurredAt = '2026-11-20T10:00:00+08:00') =>
  call('POST', `/v1/cases/${caseId}/acts`, token, { type, occurredAt, data });
const review = (caseId: string) =>
  act(caseId, 'LegalReviewCompleted', { outcome: 'approved', opinion: '同意', checks: CHECKS_PASSED }, reviewer);
const counsel = (id: string, role?: string) => ({
  officerId: id,
  name: `律师${id}`,
  agency: AGENCY,
  certificateNo: `LAW-${id}`,
  validFrom: '2018-01-01',
  validTo: '2030-12-31',
  roles: ['officer'],
  ...(role ? { counsel: role } : {}),
});

beforeAll(async () => {
  t = await startTestService({}, { clock });
  ({ admin, officer } = await seedAgency(t, AGENCY, { officers: ['alice', 'bob'], reviewers: ['rita'] }));
  reviewer = t.token('rita', AGENCY, ['reviewer']);
  expect((await call('POST', '/v1/officers', admin, counsel('liu', 'public_lawyer'))).status).toBe(201);
  expect((await call('POST', '/v1/officers', admin, counsel('wang'))).status).toBe(201);
  for (const caseId of ['C-1', 'C-2', 'C-3']) {
    const opened = await call('POST', '/v1/cases', officer, {
      caseId,
      itemCode: 'P-001',
      title: '某律所违规执业案',
      openedOn: '2026-11-02',
      officers: ['alice', 'bob'],
      parties: [{ kind: 'organization', name: '某某律师事务所' }],
    });
    expect(opened.status).toBe(201);
  }
}, 60_000);

afterAll(() => t?.stop());

describe('counsel opinions on major, complex or difficult cases (法律顾问、公职律师) over HTTP', () => {
  it('when a marked case is reviewed before any counsel opinion, then 409 adviser_opinion_required and nothing is recorded; after the opinion the review is recorded', async () => {
    expect((await act('C-1', 'CaseMarkedComplex', { reason: '法律适用争议较大' })).status).toBe(201);
    const proposed = { decisionType: 'warning', legalBasis: '《律师法》第五十条' };
    expect((await act('C-1', 'LegalReviewRequested', { proposed })).status).toBe(201);
    const before = (await read('/v1/cases/C-1', officer)).body;
    expect(before.counsel.opinionRequired).toBe(true);

    const refused = await review('C-1');
    expect([refused.status, refused.body.code]).toEqual([409, 'adviser_opinion_required']);
    expect((await read('/v1/cases/C-1', officer)).body.revision).toBe(before.revision);

    const unknown = await act('C-1', 'CounselOpinionRecorded', {
      counsel: 'wang',
      opinion: '意见',
      givenOn: '2026-11-19',
    });
    expect([unknown.status, unknown.body.code]).toEqual([422, 'counsel_unknown']);
    const given = { counsel: 'liu', opinion: '建议予以警告', givenOn: '2026-11-19' };
    const recorded = await act('C-1', 'CounselOpinionRecorded', given, reviewer);
    expect([recorded.status, recorded.body.code, recorded.body.detail]).toEqual([201, undefined, undefined]);
    expect((await review('C-1')).status).toBe(201);

    const file = (await read('/v1/cases/C-1', officer)).body;
    validate('urn:evidence-ledger:schema:response:case-file', file);
    expect(file.counsel).toMatchObject({
      markings: [{ reason: '法律适用争议较大', markedBy: 'alice' }],
      opinions: [{ counsel: 'liu', name: '律师liu', counselRole: 'public_lawyer', opinion: '建议予以警告' }],
      opinionRequired: false,
    });
  });

  it('when a counsel role is given that is not one, then 400 and the officer is not registered', async () => {
    const res = await call('POST', '/v1/officers', admin, counsel('zhao', 'judge'));
    expect([res.status, res.body.code]).toEqual([400, 'invalid_body']);
  });
});

describe('the review time limit on the case file (审核时限)', () => {
  it('when a review requested on Friday 2026-11-20 is still open on Monday 2026-11-30, then the file shows its last day and that it is overdue', async () => {
    const proposed = { decisionType: 'warning', legalBasis: '《律师法》第五十条' };
    expect((await act('C-2', 'LegalReviewRequested', { proposed })).status).toBe(201);
    const file = (await read('/v1/cases/C-2', officer)).body;
    validate('urn:evidence-ledger:schema:response:case-file', file);
    // five working days from Friday 2026-11-20 end on Friday 2026-11-27
    expect(file.reviewDeadline).toEqual({
      requestedOn: '2026-11-20',
      workingDays: 5,
      dueBy: '2026-11-27',
      asOf: '2026-11-30',
      status: 'overdue',
      daysOverdue: 3,
    });
  });

  it("when the agency sets its review time limit to 10 working days, then a new request's last day follows it, the history shows it, and overdue reviews judge by it", async () => {
    const body = { agency: AGENCY, reviewWorkingDays: 10, reason: '本机关规定审核时限为十个工作日' };
    const set = await call('PUT', `/v1/agencies/${AGENCY}/review-settings`, admin, body);
    expect([set.status, set.body.agency]).toEqual([201, AGENCY]);
    const other = await call('PUT', `/v1/agencies/city-market/review-settings`, admin, {
      ...body,
      agency: 'city-market',
    });
    expect(other.status).toBe(403);
    const settings = (await read(`/v1/agencies/${AGENCY}/review-settings`)).body;
    expect(settings).toMatchObject({ version: 1, reviewWorkingDays: 10, source: 'agency' });
    expect(settings.history).toEqual([
      expect.objectContaining({ version: 1, reviewWorkingDays: 10, reason: body.reason }),
    ]);

    const proposed = { decisionType: 'warning', legalBasis: '《律师法》第五十条' };
    expect((await act('C-3', 'LegalReviewRequested', { proposed })).status).toBe(201);
    const file = (await read('/v1/cases/C-3', officer)).body;
    // ten working days from Friday 2026-11-20 end on Friday 2026-12-04
    expect(file.reviewDeadline).toMatchObject({ workingDays: 10, dueBy: '2026-12-04', status: 'pending' });
    const supervisor = t.token('sam', AGENCY, ['supervisor']);
    const overdue = (await read('/v1/audit/overdue-reviews?asOf=2026-11-30', supervisor)).body;
    // C-3 is not yet due; C-1's review, stated as completed on its first day, was recorded on the service's today
    const listed = overdue.items.map((i: { caseId: string; status: string }) => [i.caseId, i.status]);
    expect(listed).toEqual([
      ['C-1', 'recorded_late'],
      ['C-2', 'overdue'],
    ]);
  });

  it('when a review stated as completed by its last day was recorded after it, then the file says late, counted to the recording, as the overdue view says recorded_late', async () => {
    const file = (await read('/v1/cases/C-1', officer)).body;
    // C-1's review was requested and completed on 2026-11-20 (the acts' day), due 2026-11-27, recorded 2026-11-30
    expect(file.reviewDeadline).toMatchObject({
      requestedOn: '2026-11-20',
      completedOn: '2026-11-20',
      dueBy: '2026-11-27',
      status: 'late',
      daysOverdue: 3,
    });
    // as the ledger stood at the end of 2026-11-27, the completion recorded later was not there: overdue, not on time
    const supervisor = t.token('sam', AGENCY, ['supervisor']);
    const before = (await read('/v1/audit/overdue-reviews?asOf=2026-11-28', supervisor)).body;
    expect(before.items.find((i: { caseId: string }) => i.caseId === 'C-1')).toMatchObject({ status: 'overdue' });
  });

  it('when the review of a case is completed and recorded by its last day, then the file says on time, with the day it was completed', async () => {
    // C-3's ten working days end on 2026-12-04; its completion is recorded on the service's today, 2026-11-30
    expect((await review('C-3')).status).toBe(201);
    const file = (await read('/v1/cases/C-3', officer)).body;
    expect(file.reviewDeadline).toMatchObject({ dueBy: '2026-12-04', completedOn: '2026-11-20', status: 'onTime' });
    expect(file.reviewDeadline.daysOverdue).toBeUndefined();
  });
});
