import path from 'node:path';
import { CHECKS_PASSED } from '../support/domain.js';
import { loadValidators } from '../../src/http/validation.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';
import { parseCsv } from '../support/csv.js';

/**
 * A major decision issued over a review that rejected its proposal, once a coordination decision upheld the
 * proposal (协调决定): the supervision view says how the decision was cleared, and never that an approved review
 * matched it.
 */
const AGENCY = 'county-justice';
const validate = loadValidators(path.resolve(__dirname, '../../schemas'));
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const at = (hh: string) => `${today}T00:00:${hh}+08:00`;
const CHECKS = { ...CHECKS_PASSED, factsClear: false };
const proposed = { decisionType: 'fine', fineFen: 2_000_000, legalBasis: '《律师法》第五十条' };

let t: TestService;
let supervisor: string;
let officerToken: string;
let reviewer: string;
let position = 0;

/** Opens a case of the major item, as its officer. */
async function openCase(caseId: string) {
  const opened = await t.call('POST', '/v1/cases', {
    token: officerToken,
    body: {
      caseId,
      itemCode: 'P-001',
      title: '某律所违规执业案',
      openedOn: today,
      officers: ['alice', 'bob'],
      parties: [{ kind: 'organization', name: '某某律师事务所' }],
    },
  });
  expect(opened.status).toBe(201);
}

async function act(token: string, type: string, occurredAt: string, data: object, caseId = 'mc-1') {
  const res = await t.call('POST', `/v1/cases/${caseId}/acts`, { token, body: { type, occurredAt, data } });
  if (res.status !== 201) throw new Error(`${type}: ${res.status} ${JSON.stringify(res.body)}`);
  position = Math.max(position, res.body.position as number);
}
const get = (route: string) =>
  t.call('GET', `${route}${route.includes('?') ? '&' : '?'}consistentWith=${position}`, { token: supervisor });

beforeAll(async () => {
  t = await startTestService();
  const { admin, officer } = await seedAgency(t, AGENCY, {
    reviewers: ['rita'],
    item: { major: { fineFenAtLeast: 1_000_000 } },
  });
  supervisor = t.token('sam', AGENCY, ['supervisor']);
  officerToken = officer;
  reviewer = t.token('rita', AGENCY, ['reviewer']);
  await openCase('mc-1');
  await act(officer, 'LegalReviewRequested', at('01'), { proposed });
  await act(t.token('rita', AGENCY, ['reviewer']), 'LegalReviewCompleted', at('02'), {
    outcome: 'rejected',
    opinion: '事实不清',
    checks: CHECKS,
  });
  await act(admin, 'ReviewDisagreementResolved', at('03'), {
    outcome: 'proposal_upheld',
    reasoning: '经集体讨论，维持拟处理意见。',
  });
  await act(officer, 'DecisionIssued', at('04'), {
    decisionType: 'fine',
    fineFen: 2_000_000,
    legalBasis: '《律师法》第五十条',
    documentNo: '县司罚〔2026〕9号',
    decidedOn: today,
  });
}, 60_000);
afterAll(() => t?.stop());

describe('a major decision cleared by a coordination decision over a rejecting review', () => {
  it('when the major decisions are listed, then it is cleared by coordination and not matched to an approved review', async () => {
    const res = await get('/v1/audit/major-decisions');
    expect(res.status).toBe(200);
    expect(() => validate('urn:evidence-ledger:schema:response:audit-major-decisions', res.body)).not.toThrow();
    expect(res.body.items).toEqual([
      expect.objectContaining({
        caseId: 'mc-1',
        matchedApprovedReview: false,
        clearedBy: 'coordination',
        reviews: [expect.objectContaining({ outcome: 'rejected', resolution: expect.anything() })],
      }),
    ]);
    expect((await get('/v1/audit/major-decisions?matched=false')).body.items).toHaveLength(1);
    expect((await get('/v1/audit/major-decisions?matched=true')).body.items).toEqual([]);
    // who decided and who settled the disagreement are named (责任追究: officer, reviewer and head)
    expect(res.body.items[0].decision).toMatchObject({ recordedBy: 'alice', legalBasis: '《律师法》第五十条' });
    expect(res.body.items[0].reviews[0]).toMatchObject({ reviewer: 'rita', coordinator: `head-${AGENCY}` });
    expect(res.body.items[0].legalBasisAsReviewed).toBe(true);
    // the case file's checklist counts the legal review as done, and says the coordination decision settled it
    const file = await get('/v1/cases/mc-1');
    expect(() => validate('urn:evidence-ledger:schema:response:case-file', file.body)).not.toThrow();
    expect(file.body.completeness.legalReview).toEqual({ status: 'complete', clearedBy: 'coordination' });
    expect(file.body.reviews[0]).toMatchObject({ resolution: 'proposal_upheld', coordinator: `head-${AGENCY}` });
  });

  it('when a decision cleared for its type and amount applies another legal basis, then the view flags it', async () => {
    await openCase('mc-2');
    await act(officerToken, 'LegalReviewRequested', at('11'), { proposed }, 'mc-2');
    await act(
      reviewer,
      'LegalReviewCompleted',
      at('12'),
      { outcome: 'approved', opinion: '同意', checks: CHECKS_PASSED },
      'mc-2',
    );
    // the same type and amount (the gate lets it through, as the contract says), another law
    await act(
      officerToken,
      'DecisionIssued',
      at('13'),
      { ...proposed, legalBasis: '《律师法》第四十九条', documentNo: '县司罚〔2026〕10号', decidedOn: today },
      'mc-2',
    );
    const res = await get('/v1/audit/major-decisions');
    const row = res.body.items.find((i: { caseId: string }) => i.caseId === 'mc-2');
    expect(row).toMatchObject({
      matchedApprovedReview: true,
      clearedBy: 'approved_review',
      legalBasisAsReviewed: false,
    });
    // and the case file's own checklist says so
    const file = await get('/v1/cases/mc-2');
    expect(() => validate('urn:evidence-ledger:schema:response:case-file', file.body)).not.toThrow();
    expect(file.body.completeness.legalReview).toEqual({
      status: 'complete',
      clearedBy: 'approved_review',
      legalBasisAsReviewed: false,
    });
  });

  it('when the yearly statistics are asked, then the major decisions made over a failed review are a figure of their own', async () => {
    const year = Number(today.slice(0, 4));
    const stats = await get(`/v1/audit/statistics?year=${year}&agency=${AGENCY}`);
    expect(() => validate('urn:evidence-ledger:schema:response:audit-statistics', stats.body)).not.toThrow();
    // mc-1 (rejected, the proposal upheld by coordination) and mc-2 (approved): two major decisions, one over a failed review
    expect(stats.body.decisions).toMatchObject({ major: 2, overFailedReview: 1 });
  });

  it('when asked as CSV, then how the decision was cleared is a column', async () => {
    const [header, ...rows] = parseCsv((await get('/v1/audit/major-decisions?format=csv')).body as string);
    const row = rows.find((r) => r[header!.indexOf('caseId')] === 'mc-1')!;
    expect(row[header!.indexOf('matchedApprovedReview')]).toBe('false');
    expect(row[header!.indexOf('clearedBy')]).toBe('coordination');
    expect(row[header!.indexOf('reviews.coordinator')]).toBe(`head-${AGENCY}`);
    expect(row[header!.indexOf('decision.recordedBy')]).toBe('alice');
  });
});
