import path from 'node:path';
import { loadValidators } from '../../src/http/validation.js';
import type { Clock } from '../../src/ports/clock.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';

const AGENCY = 'county-justice';
const START = Date.parse('2026-11-30T02:00:00Z');
const started = Date.now();
/** The service's clock: 2026-11-30T02:00:00Z (10:00 in China) when the test starts, ticking from there. */
const clock: Clock = { now: () => new Date(START + (Date.now() - started)) };
const MATERIALS = ['调查终结报告', '拟处理意见', '证据材料'];
const validate = loadValidators(path.resolve(__dirname, '../../schemas'));

let t: TestService;
let admin: string;
let officer: string;
let supervisor: string;
let position = 0;

async function call(method: string, route: string, token: string | undefined, body?: unknown) {
  const res = await t.call(method, route, { ...(token ? { token } : {}), ...(body === undefined ? {} : { body }) });
  if (typeof res.body?.position === 'number') position = Math.max(position, res.body.position);
  return res;
}
const read = (route: string, token?: string) =>
  call('GET', `${route}${route.includes('?') ? '&' : '?'}consistentWith=${position}`, token);
const act = (caseId: string, type: string, data: object, occurredAt = '2026-11-20T10:00:00+08:00') =>
  call('POST', `/v1/cases/${caseId}/acts`, officer, { type, occurredAt, data });
const proposed = { decisionType: 'warning', legalBasis: '《律师法》第五十条' };

beforeAll(async () => {
  t = await startTestService({}, { clock });
  ({ admin, officer } = await seedAgency(t, AGENCY, { officers: ['alice', 'bob'], reviewers: ['rita'] }));
  supervisor = t.token('sam', AGENCY, ['supervisor']);
  const item = {
    code: 'M-001',
    agency: AGENCY,
    name: '律师事务所违规执业',
    category: 'penalty',
    legalBasis: '《律师法》第五十条',
    reviewMaterials: MATERIALS,
    reviewWorkingDays: 10,
  };
  expect((await call('POST', '/v1/items', admin, item)).status).toBe(201);
  for (const [caseId, itemCode] of [
    ['R-1', 'M-001'],
    ['R-2', 'P-001'],
    ['R-3', 'P-001'],
  ] as const)
    await openCase(caseId, itemCode);
}, 60_000);

async function openCase(caseId: string, itemCode: string) {
  const opened = await call('POST', '/v1/cases', officer, {
    caseId,
    itemCode,
    title: '某律所违规执业案',
    openedOn: '2026-11-02',
    officers: ['alice', 'bob'],
    parties: [{ kind: 'organization', name: '某某律师事务所' }],
  });
  expect(opened.status).toBe(201);
}

afterAll(() => t?.stop());

describe('submission materials of a legal review (送审材料) over HTTP', () => {
  it('when an item lists its review materials, then the public item list shows them', async () => {
    const list = await read(`/v1/items?agency=${AGENCY}`);
    const item = list.body.items.find((i: { code: string }) => i.code === 'M-001');
    expect(item.reviewMaterials).toEqual(MATERIALS);
  });

  it('when an item lists a material twice or an empty one, then 400 and nothing is registered', async () => {
    const bad = { code: 'M-002', agency: AGENCY, name: 'x', category: 'penalty', legalBasis: 'y' };
    expect((await call('POST', '/v1/items', admin, { ...bad, reviewMaterials: ['a', 'a'] })).status).toBe(400);
    expect((await call('POST', '/v1/items', admin, { ...bad, reviewMaterials: [''] })).status).toBe(400);
    const list = await read(`/v1/items?agency=${AGENCY}`);
    expect(list.body.items.map((i: { code: string }) => i.code)).not.toContain('M-002');
  });

  it('when a request for review lacks required materials, then 422 review_materials_missing names them and nothing is recorded', async () => {
    const before = (await read('/v1/cases/R-1', officer)).body.revision;
    const refused = await act('R-1', 'LegalReviewRequested', { proposed, materials: ['拟处理意见'] });
    expect([refused.status, refused.body.code]).toEqual([422, 'review_materials_missing']);
    expect(refused.body.missing).toEqual(['调查终结报告', '证据材料']);
    expect((await read('/v1/cases/R-1', officer)).body.revision).toBe(before);
  });

  it('when the request names every required material, then the signed event holds them sealed, and the reads open them', async () => {
    const done = await act('R-1', 'LegalReviewRequested', { proposed, materials: MATERIALS });
    expect(done.status).toBe(201);
    const events = await read('/v1/cases/R-1/events', officer);
    const requested = events.body.events.find((e: { type: string }) => e.type === 'LegalReviewRequested');
    // the materials may name the party (张三的询问笔录): sealed under the case's key, opened beside the event
    expect(requested.data.materials).toMatchObject({ sealed: 'aes-256-gcm/v1' });
    expect(requested.data.proposed).toEqual(proposed);
    expect(requested.personal).toEqual({ '/materials': MATERIALS });
    const file = await read('/v1/cases/R-1', officer);
    const act_ = file.body.timeline.find((e: { type: string }) => e.type === 'LegalReviewRequested');
    expect(act_.data.materials).toEqual(MATERIALS);
  });
});

describe('the review time limit (审核时限) over HTTP', () => {
  const CHECKS = {
    subjectLawful: true,
    officersQualified: true,
    procedureLawful: true,
    factsClear: true,
    evidenceSufficient: true,
    lawAppliedCorrectly: true,
    discretionAppropriate: true,
    withinAuthority: true,
    documentsComplete: true,
    criminalReferralNeeded: false,
  };
  const overdue = (asOf?: string, format = '') =>
    read(`/v1/audit/overdue-reviews?agency=${AGENCY}${asOf ? `&asOf=${asOf}` : ''}${format}`, supervisor);

  it("when reviews are requested, then each records its last day: 5 working days, or the item's own limit", async () => {
    // Friday 2026-11-20: five working days end on Friday 2026-11-27; item M-001 gives ten, to Friday 2026-12-04
    expect((await act('R-2', 'LegalReviewRequested', { proposed })).status).toBe(201);
    expect((await act('R-3', 'LegalReviewRequested', { proposed }, '2026-11-27T09:00:00+08:00')).status).toBe(201);
    const events = await read('/v1/cases/R-2/events', officer);
    const requested = events.body.events.find((e: { type: string }) => e.type === 'LegalReviewRequested');
    expect(requested.data).toMatchObject({ reviewWorkingDays: 5, reviewDueBy: '2026-11-27' });
    const m = (await read('/v1/cases/R-1/events', officer)).body.events.at(-1);
    expect(m.data).toMatchObject({ reviewWorkingDays: 10, reviewDueBy: '2026-12-04' });
  });

  it('when a review is not completed by its last day, then the supervisors see it overdue, and others do not', async () => {
    const today = await overdue();
    expect(today.status).toBe(200);
    expect(today.body.asOf).toBe('2026-11-30');
    expect(today.body.items).toEqual([
      {
        caseId: 'R-2',
        agency: AGENCY,
        itemCode: 'P-001',
        requestEventId: expect.any(String),
        requestedOn: '2026-11-20',
        workingDays: 5,
        dueBy: '2026-11-27',
        status: 'overdue',
        daysOverdue: 3,
      },
    ]);
    expect((await overdue('2026-11-27')).body.items).toEqual([]);
    expect((await read('/v1/audit/overdue-reviews', officer)).status).toBe(403);
    const other = t.token('mia', 'city-market', ['supervisor']);
    expect((await read(`/v1/audit/overdue-reviews?agency=${AGENCY}`, other)).status).toBe(403);
  });

  it('when the review is completed after its last day, then it stays listed as completed late, also as CSV', async () => {
    const done = await call('POST', '/v1/cases/R-2/acts', t.token('rita', AGENCY, ['reviewer']), {
      type: 'LegalReviewCompleted',
      occurredAt: '2026-11-30T09:00:00+08:00',
      data: { outcome: 'approved', opinion: '同意', checks: CHECKS },
    });
    expect(done.status).toBe(201);
    expect((await overdue()).body.items).toMatchObject([
      { caseId: 'R-2', status: 'completed_late', completedOn: '2026-11-30', daysOverdue: 3 },
    ]);
    // only the reviews still not completed: none
    expect((await overdue(undefined, '&status=overdue')).body.items).toEqual([]);
    expect((await overdue(undefined, '&status=completed_late')).body.items).toHaveLength(1);
    const csv = await overdue(undefined, '&format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const { requestEventId } = (await overdue()).body.items[0];
    expect(String(csv.body)).toContain(
      `R-2,county-justice,P-001,${requestEventId},2026-11-20,5,2026-11-27,completed_late,2026-11-30,,3`,
    );
  });

  it('when the case asks for review again, then the late review stays listed beside the new request', async () => {
    const [late] = (await overdue()).body.items;
    // Monday 2026-11-30: five working days end on Monday 2026-12-07
    const again = await act('R-2', 'LegalReviewRequested', { proposed }, '2026-11-30T09:30:00+08:00');
    expect([again.status, again.body.code]).toEqual([201, undefined]);
    expect((await overdue()).body.items).toEqual([late]);
    const later = await overdue('2026-12-09');
    expect(later.status).toBe(200);
    expect(() => validate('urn:evidence-ledger:schema:response:audit-overdue-reviews', later.body)).not.toThrow();
    expect(later.body.items.filter((i: { caseId: string }) => i.caseId === 'R-2')).toEqual([
      late,
      {
        caseId: 'R-2',
        agency: AGENCY,
        itemCode: 'P-001',
        requestEventId: again.body.eventId,
        requestedOn: '2026-11-30',
        workingDays: 5,
        dueBy: '2026-12-07',
        status: 'overdue',
        daysOverdue: 2,
      },
    ]);
    const file = await read('/v1/cases/R-2', officer);
    expect(file.body.reviewDeadline).toMatchObject({ requestedOn: '2026-11-30', dueBy: '2026-12-07' });
  });
});

describe("reviewers' legal qualification and training (法律职业资格, 定期培训) over HTTP", () => {
  const reviewer = (officerId: string, more: object = {}) => ({
    officerId,
    name: `审核人员${officerId}`,
    agency: AGENCY,
    certificateNo: `1405-${officerId}`,
    validFrom: '2018-01-01',
    validTo: '2030-12-31',
    roles: ['reviewer'],
    ...more,
  });
  const ratio = async () =>
    (await read(`/v1/audit/reviewer-ratio?agency=${AGENCY}`, supervisor)).body.items[0] as Record<string, unknown>;

  it('when a reviewer is registered without a legal qualification, then the 5% ratio counts them, not among the qualified', async () => {
    const before = await ratio();
    expect(before).toMatchObject({ reviewers: 1, qualifiedReviewers: 1 });
    expect((await call('POST', '/v1/officers', admin, reviewer('ron'))).status).toBe(201);
    const after = await ratio();
    // a reviewer may clear major decisions whatever their qualification: one of the 法制审核人员 the 5% counts
    expect(after).toMatchObject({
      reviewers: 2,
      qualifiedReviewers: 1,
      activeOfficers: (before.activeOfficers as number) + 1,
    });
  });

  it('when a qualified reviewer is registered with training records, then they count; bad records are 400', async () => {
    const bad = reviewer('rex', { training: [{ course: '', completedOn: '2026-06-30' }] });
    expect((await call('POST', '/v1/officers', admin, bad)).status).toBe(400);
    const good = reviewer('rose', {
      legalQualification: { certificateNo: 'A20183301000009', grantedOn: '2018-03-01' },
      training: [{ course: '重大执法决定法制审核培训', completedOn: '2026-06-30', hours: 16 }],
    });
    expect((await call('POST', '/v1/officers', admin, good)).status).toBe(201);
    expect(await ratio()).toMatchObject({ reviewers: 3, qualifiedReviewers: 2 });
  });

  it('when qualified reviewers hold certificates expired or not yet valid today, then they count only on days their certificate is valid, in JSON and CSV', async () => {
    const before = await read(`/v1/audit/reviewer-ratio?agency=${AGENCY}`, supervisor);
    // today is 2026-11-30 where the agency is (the service's clock)
    expect(before.body.asOf).toBe('2026-11-30');
    const qualification = { legalQualification: { certificateNo: 'A20183301000010', grantedOn: '2018-03-01' } };
    const lapsed = reviewer('remy', { ...qualification, validTo: '2026-11-29' });
    const early = reviewer('rhea', { ...qualification, validFrom: '2026-12-01' });
    for (const body of [lapsed, early]) expect((await call('POST', '/v1/officers', admin, body)).status).toBe(201);
    const counted = (res: Awaited<ReturnType<typeof read>>) => {
      expect(() => validate('urn:evidence-ledger:schema:response:audit-reviewer-ratio', res.body)).not.toThrow();
      const { activeOfficers, reviewers } = res.body.items[0] as { activeOfficers: number; reviewers: number };
      return { activeOfficers, reviewers };
    };
    const today = counted(await read(`/v1/audit/reviewer-ratio?agency=${AGENCY}`, supervisor));
    expect(today).toEqual(counted(before));
    const staff = today.activeOfficers;
    const yesterday = await read(`/v1/audit/reviewer-ratio?agency=${AGENCY}&asOf=2026-11-29`, supervisor);
    expect(yesterday.body.asOf).toBe('2026-11-29');
    expect(counted(yesterday)).toEqual({ activeOfficers: staff + 1, reviewers: today.reviewers + 1 });
    const tomorrow = await read(`/v1/audit/reviewer-ratio?agency=${AGENCY}&asOf=2026-12-01`, supervisor);
    expect(counted(tomorrow)).toEqual({ activeOfficers: staff + 1, reviewers: today.reviewers + 1 });
    const csv = await read(`/v1/audit/reviewer-ratio?agency=${AGENCY}&format=csv`, supervisor);
    expect(String(csv.body).split('\r\n')[1]).toMatch(new RegExp(`^${AGENCY},${staff},${today.reviewers},\\d+,`));
  });
});
