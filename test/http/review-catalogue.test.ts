import type { Clock } from '../../src/ports/clock.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';

const AGENCY = 'county-justice';
const MARKET = 'city-market';
/** Monday 2026-11-30, 16:45 China time, when the service starts, ticking from there (after the acts it records). */
const START = Date.parse('2026-11-30T08:45:00Z');
const started = Date.now();
const clock: Clock = { now: () => new Date(START + (Date.now() - started)) };

let t: TestService;
let admin: string;
let officer: string;

/** A fine of 5,000 yuan or more on an item of the food-safety field (食品安全) is major. */
const FOOD_FINES = {
  entryId: 'RC-01',
  description: '食品安全领域五千元以上罚款',
  decisionTypes: ['fine'],
  fields: ['食品安全'],
  amountFenAtLeast: 500_000,
};
const SUSPENSIONS = { entryId: 'RC-02', description: '责令停产停业', decisionTypes: ['business_suspension'] };

const get = async (agency = AGENCY) => (await t.call('GET', `/v1/agencies/${agency}/review-catalogue`)).body;
const put = (body: unknown, token: string | null = admin, headers: Record<string, string> = {}) =>
  t.call('PUT', `/v1/agencies/${AGENCY}/review-catalogue`, {
    ...(token ? { token } : {}),
    body: body as Record<string, unknown>,
    headers,
  });
/** Decisions made here, each under a document number of its own (one names one decision of an agency). */
let decisions = 0;
const fine = (fineFen: number, occurredAt: string) => ({
  type: 'DecisionIssued',
  occurredAt,
  data: {
    decisionType: 'fine',
    fineFen,
    legalBasis: '《食品安全法》',
    documentNo: `食罚〔2026〕${(decisions += 1)}号`,
    decidedOn: '2026-11-30',
  },
});

beforeAll(async () => {
  t = await startTestService({}, { clock });
  ({ admin, officer } = await seedAgency(t, AGENCY, { officers: ['alice', 'bob'] }));
  await seedAgency(t, MARKET, { officers: ['olga', 'oscar'] });
  const food = {
    code: 'F-001',
    agency: AGENCY,
    name: '经营超过保质期的食品',
    category: 'penalty',
    field: '食品安全',
    legalBasis: '《食品安全法》第一百二十四条',
  };
  const res = await t.call('POST', '/v1/items', { token: admin, body: food });
  if (res.status !== 201) throw new Error(`registering F-001: ${res.status}`);
}, 60_000);
afterAll(() => t.stop());

describe('the review catalogue (重大执法决定法制审核目录清单)', () => {
  it('when the agency has adopted none, then anyone reads version 0, no entries and the default level', async () => {
    expect(await get()).toEqual({ agency: AGENCY, version: 0, level: 'county', entries: [], history: [] });
  });

  it('when the body is malformed, names another agency, an entry without a factor or a duplicate id, or the caller is not the admin, then 400, 401, 403 or 422 and nothing is adopted', async () => {
    const valid = { agency: AGENCY, level: 'county', entries: [FOOD_FINES], reason: '首次编制' };
    const cases: [unknown, string | null, number, string][] = [
      [{ ...valid, level: 'district' }, admin, 400, 'invalid_body'],
      [{ ...valid, reason: undefined }, admin, 400, 'invalid_body'],
      [{ ...valid, entries: [{ ...FOOD_FINES, amountFenAtLeast: -1 }] }, admin, 400, 'invalid_body'],
      [{ ...valid, entries: [{ ...FOOD_FINES, colour: 'red' }] }, admin, 400, 'invalid_body'],
      [{ ...valid, agency: MARKET }, admin, 400, 'invalid_body'],
      [{ ...valid, entries: [{ entryId: 'RC-09', description: '无条件' }] }, admin, 422, 'catalogue_entry_invalid'],
      [
        { ...valid, entries: [FOOD_FINES, { ...SUSPENSIONS, entryId: 'RC-01' }] },
        admin,
        422,
        'catalogue_entry_invalid',
      ],
      [valid, officer, 403, 'forbidden'],
      [valid, null, 401, 'unauthenticated'],
    ];
    for (const [body, token, status, code] of cases) {
      const res = await put(body, token);
      expect([res.status, res.body.code]).toEqual([status, code]);
    }
    const foreign = await t.call('PUT', `/v1/agencies/${MARKET}/review-catalogue`, {
      token: admin,
      body: { ...valid, agency: MARKET },
    });
    expect(foreign.status).toBe(403);
    expect((await get()).version).toBe(0);
    expect((await get(MARKET)).version).toBe(0);
  });

  it('when the admin adopts a catalogue and then adjusts it, then each version is a signed event, the current one is served, and the history keeps both in full', async () => {
    const first = await put({ agency: AGENCY, level: 'county', entries: [FOOD_FINES], reason: '首次编制' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ agency: AGENCY, version: 1, revision: 0 });
    const second = await put({
      agency: AGENCY,
      level: 'county',
      entries: [FOOD_FINES, SUSPENSIONS],
      reason: '年度调整',
    });
    expect(second.body).toMatchObject({ version: 2, revision: 1 });

    const catalogue = await get();
    expect(catalogue).toMatchObject({
      version: 2,
      level: 'county',
      entries: [FOOD_FINES, SUSPENSIONS],
      reason: '年度调整',
    });
    expect(catalogue.history.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(catalogue.history[0]).toMatchObject({ entries: [FOOD_FINES], reason: '首次编制', hash: first.body.hash });
    expect(Date.parse(catalogue.history[0].inForceFrom)).toBeLessThanOrEqual(Date.parse(catalogue.inForceFrom));
  });

  it('when a PUT is retried with its Idempotency-Key, then the version it adopted is answered and no other is adopted', async () => {
    const revocations = { entryId: 'RC-03', description: '吊销许可证件', decisionTypes: ['license_revocation'] };
    const body = {
      agency: AGENCY,
      level: 'county',
      entries: [FOOD_FINES, SUSPENSIONS, revocations],
      reason: '增列吊销',
    };
    const headers = { 'idempotency-key': 'catalogue-retry-1' };
    const once = await put(body, admin, headers);
    const again = await put(body, admin, headers);
    expect([once.status, again.status]).toEqual([201, 200]);
    expect(again.body.revision).toBe(once.body.revision);
    expect((await get()).version).toBe(once.body.version);
    // the same catalogue again without the key (a retry that lost it, another reason): nothing to record
    const repeated = await put({ ...body, reason: '再次提交' });
    expect([repeated.status, repeated.body.code]).toEqual([409, 'version_unchanged']);
    expect((await get()).version).toBe(once.body.version);
  });

  it('when a fine on a food-safety item reaches the amount, then it needs a legal review, also when dated before the catalogue came into force; a smaller one does not', async () => {
    const open = (caseId: string) =>
      t.call('POST', '/v1/cases', {
        token: officer,
        body: {
          caseId,
          itemCode: 'F-001',
          title: '某超市经营过期食品案',
          openedOn: '2026-11-30',
          officers: ['alice', 'bob'],
          parties: [{ kind: 'organization', name: '某超市' }],
        },
      });
    const act = (caseId: string, body: object) => t.call('POST', `/v1/cases/${caseId}/acts`, { token: officer, body });
    for (const id of ['c-1', 'c-2', 'c-3']) expect((await open(id)).status).toBe(201);

    const major = await act('c-1', fine(600_000, '2026-11-30T16:00:00+08:00'));
    expect([major.status, major.body.code]).toEqual([409, 'legal_review_required']);

    const small = await act('c-2', fine(100_000, '2026-11-30T16:00:00+08:00'));
    expect(small.status).toBe(201);
    // dated 09:00, before the first version came into force at about 16:45 China time, but recorded after: the
    // stated time cannot take it out of the version in force when it is recorded
    const before = await act('c-3', fine(600_000, '2026-11-30T09:00:00+08:00'));
    expect([before.status, before.body.code]).toEqual([409, 'legal_review_required']);
    const { version } = await get();
    expect(before.body.reviewCatalogue).toEqual({ version, entryIds: ['RC-01'] });
    expect(before.body.detail).toContain(`review catalogue version ${version}`);

    const smallFile = await t.call('GET', `/v1/cases/c-2?consistentWith=${small.body.position}`, { token: officer });
    expect(smallFile.body.major).toBe(false);

    const proposed = await act('c-1', {
      type: 'LegalReviewRequested',
      occurredAt: '2026-11-30T16:30:00+08:00',
      data: { proposed: { decisionType: 'fine', fineFen: 600_000, legalBasis: '《食品安全法》' } },
    });
    expect(proposed.status).toBe(201);
    const file = await t.call('GET', `/v1/cases/c-1?consistentWith=${proposed.body.position}`, { token: officer });
    expect(file.body.major).toBe(true);
  });

  it('when the catalogue is adjusted while a proposal awaits its decision, then the case file judges the proposal under the new version at once', async () => {
    const opened = await t.call('POST', '/v1/cases', {
      token: officer,
      body: {
        caseId: 'c-4',
        itemCode: 'F-001',
        title: '某超市经营过期食品案',
        openedOn: '2026-11-30',
        officers: ['alice', 'bob'],
        parties: [{ kind: 'organization', name: '某超市' }],
      },
    });
    expect(opened.status).toBe(201);
    const proposed = await t.call('POST', '/v1/cases/c-4/acts', {
      token: officer,
      body: {
        type: 'LegalReviewRequested',
        occurredAt: '2026-11-30T16:30:00+08:00',
        data: { proposed: { decisionType: 'fine', fineFen: 300_000, legalBasis: '《食品安全法》' } },
      },
    });
    expect(proposed.status).toBe(201);
    const file = async (position: number) =>
      (await t.call('GET', `/v1/cases/c-4?consistentWith=${position}`, { token: officer })).body;
    expect(await file(proposed.body.position)).toMatchObject({
      major: false,
      completeness: { legalReview: { status: 'not_applicable' } },
    });
    const lower = { ...FOOD_FINES, amountFenAtLeast: 200_000 };
    const adjusted = await put({ agency: AGENCY, level: 'county', entries: [lower, SUSPENSIONS], reason: '下调金额' });
    expect(adjusted.status).toBe(201);
    expect(await file(adjusted.body.position)).toMatchObject({
      major: true,
      completeness: { legalReview: { status: 'pending' } },
    });
  });
});
