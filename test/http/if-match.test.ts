import { DEFAULT_TEMPLATES } from '../../src/domain/drafting/default-templates.js';
import { growLogTo, PLAN_ID, planBody, seedPlan } from '../support/inspections.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';

/**
 * Every write whose answer carries `ETag: "<revision>"` honours `If-Match` as the cases routes do: a revision the
 * stream has moved past is `409 revision_conflict` and records nothing; the current one is written.
 */
const AGENCY = 'county-justice';
const today = '2026-11-20';
let t: TestService;
let admin: string;
let officer: string;
let supervisor: string;

beforeAll(async () => {
  t = await startTestService({ PUBLIC_RATE_LIMIT: '0', CALENDAR_AGENCY: AGENCY });
  ({ admin, officer } = await seedAgency(t, AGENCY));
  supervisor = t.token('sue', AGENCY, ['supervisor']);
  const licensing = {
    code: 'L-001',
    agency: AGENCY,
    name: '律师执业许可',
    category: 'licensing',
    legalBasis: '《律师法》',
  };
  expect((await t.call('POST', '/v1/items', { token: admin, body: licensing })).status).toBe(201);
}, 60_000);
afterAll(() => t?.stop());

interface Write {
  readonly method: 'POST' | 'PUT';
  readonly route: string;
  readonly body: unknown;
  readonly token?: () => string;
}

const post = (route: string, body: unknown, token?: () => string): Write => ({
  method: 'POST',
  route,
  body,
  ...(token ? { token } : {}),
});
const put = (route: string, body: unknown): Write => ({ method: 'PUT', route, body });

async function send(write: Write, ifMatch?: string) {
  return t.call(write.method, write.route, {
    token: (write.token ?? (() => admin))(),
    body: write.body,
    ...(ifMatch === undefined ? {} : { headers: { 'if-match': ifMatch } }),
  });
}

/**
 * Writes `before` without If-Match (the stream then stands at revision r ≥ 1), then `write` with `If-Match: r - 1`
 * (409, nothing recorded) and with `If-Match: r` (written, the next revision as ETag).
 */
async function expectIfMatchHonoured(before: readonly Write[], write: Write) {
  let etag: string | null = null;
  for (const w of before) {
    const res = await send(w);
    expect([w.route, res.status]).toEqual([w.route, 201]);
    etag = res.headers.get('etag');
  }
  const revision = Number(JSON.parse(etag!));
  expect(revision).toBeGreaterThanOrEqual(1);
  const head = await t.service.events.headPosition();

  const stale = await send(write, `"${revision - 1}"`);
  expect([stale.status, stale.body.code]).toEqual([409, 'revision_conflict']);
  // the revision expected and the one found are both numbers, as the ETag's revision is
  expect([stale.body.expected, stale.body.actual]).toEqual([revision - 1, revision]);
  expect(await t.service.events.headPosition()).toBe(head);

  const current = await send(write, `"${revision}"`);
  expect(current.status).toBe(201);
  expect(current.headers.get('etag')).toBe(`"${revision + 1}"`);
}

describe('If-Match on the writes that answer with the stream revision as ETag', () => {
  it('when an officer or item is amended, or the review time limit set, with a stale If-Match, then 409 and nothing is recorded', async () => {
    const renew = (validTo: string) => ({ changes: { validTo }, reason: '换发执法证' });
    await expectIfMatchHonoured(
      [post('/v1/officers/alice/amendments', renew('2031-12-31'))],
      post('/v1/officers/alice/amendments', renew('2032-12-31')),
    );
    const materials = (days: number) => ({ changes: { reviewWorkingDays: days }, reason: '调整' });
    await expectIfMatchHonoured(
      [post('/v1/items/P-001/amendments', materials(7))],
      post('/v1/items/P-001/amendments', materials(8)),
    );
    const settings = (days: number) => ({ agency: AGENCY, reviewWorkingDays: days, reason: '本机关规定' });
    const route = `/v1/agencies/${AGENCY}/review-settings`;
    await expectIfMatchHonoured([put(route, settings(6)), put(route, settings(7))], put(route, settings(8)));
  });

  it('when If-Match is *, then a write to a stream that has events is made, and one that would create it is 409 and records nothing', async () => {
    const renew = { changes: { validTo: '2033-12-31' }, reason: '换发执法证' };
    const amended = await send(post('/v1/officers/alice/amendments', renew), '*');
    expect(amended.status).toBe(201);
    const head = await t.service.events.headPosition();
    const created = await send(
      post('/v1/officers', {
        officerId: 'star',
        name: '执法人员star',
        agency: AGENCY,
        certificateNo: '1405-star',
        validFrom: '2018-01-01',
        validTo: '2030-12-31',
        roles: ['officer'],
      }),
      '*',
    );
    expect([created.status, created.body.code]).toEqual([409, 'revision_conflict']);
    expect(await t.service.events.headPosition()).toBe(head);
    // an act on an open case, If-Match: * as a client that only knows the case exists sends it
    const caseId = 'IFM-STAR';
    const opened = await t.call('POST', '/v1/cases', {
      token: officer,
      body: {
        caseId,
        itemCode: 'P-001',
        title: '案',
        openedOn: today,
        officers: ['alice', 'bob'],
        parties: [{ kind: 'organization', name: '某公司' }],
      },
    });
    expect(opened.status).toBe(201);
    const act = await t.call('POST', `/v1/cases/${caseId}/acts`, {
      token: officer,
      headers: { 'if-match': '*' },
      body: { type: 'EvidenceCollected', occurredAt: `${today}T10:00:00+08:00`, data: { description: '照片' } },
    });
    expect(act.status).toBe(201);
  });

  it('when registering an officer or an item names a revision its stream does not have, then 409', async () => {
    const officerBody = {
      officerId: 'carol',
      name: '执法人员carol',
      agency: AGENCY,
      certificateNo: '1405-carol',
      validFrom: '2018-01-01',
      validTo: '2030-12-31',
      roles: ['officer'],
    };
    const stale = await send(post('/v1/officers', officerBody), '"0"');
    expect([stale.status, stale.body.code]).toEqual([409, 'revision_conflict']);
    const itemBody = { code: 'P-009', agency: AGENCY, name: '事项', category: 'penalty', legalBasis: '《条例》' };
    expect((await send(post('/v1/items', itemBody), '"3"')).status).toBe(409);
  });

  it('when a discretion benchmark is set with a stale If-Match, then 409 and nothing is recorded', async () => {
    const benchmark = (maxFen: number) => ({
      itemCode: 'P-001',
      agency: AGENCY,
      basis: '裁量基准',
      circumstances: [{ circumstance: 'minor', description: '轻微', minFen: 0, maxFen }],
      reason: '修订',
    });
    await expectIfMatchHonoured(
      [post('/v1/benchmarks', benchmark(100_000)), post('/v1/benchmarks', benchmark(200_000))],
      post('/v1/benchmarks', benchmark(300_000)),
    );
  });

  it('when a token is revoked with a stale If-Match, then 409 and nothing is recorded', async () => {
    await expectIfMatchHonoured(
      [post('/v1/tokens/revocations', { jti: 'ifm-1' }), post('/v1/tokens/revocations', { jti: 'ifm-2' })],
      post('/v1/tokens/revocations', { jti: 'ifm-3', reason: '遗失' }),
    );
  });

  it('when a calendar year is recorded with a stale If-Match, then 409 and nothing is recorded', async () => {
    const year = (y: number) => ({
      source: `国务院办公厅关于${y}年部分节假日安排的通知`,
      holidays: [{ name: '元旦', days: [`${y}-01-01`] }],
      workdays: [],
    });
    await expectIfMatchHonoured(
      [put('/v1/calendar/2030', year(2030)), put('/v1/calendar/2031', year(2031))],
      put('/v1/calendar/2032', year(2032)),
    );
  });

  it('when the review catalogue or a decision template is changed with a stale If-Match, then 409 and nothing is recorded', async () => {
    const catalogue = (amountFenAtLeast: number) => ({
      agency: AGENCY,
      level: 'county',
      entries: [{ entryId: 'RC-1', description: '较大数额罚款', decisionTypes: ['fine'], amountFenAtLeast }],
      reason: '年度调整',
    });
    const route = `/v1/agencies/${AGENCY}/review-catalogue`;
    await expectIfMatchHonoured(
      [put(route, catalogue(500_000)), put(route, catalogue(600_000))],
      put(route, catalogue(700_000)),
    );
    const templates = `/v1/agencies/${AGENCY}/decision-templates/fine`;
    const own = (issuer: string) => ({ template: { ...DEFAULT_TEMPLATES.fine, issuer }, reason: '统一文书格式' });
    await expectIfMatchHonoured(
      [put(templates, own('某县司法局')), put(templates, { template: null, reason: '恢复默认模板' })],
      put(templates, own('陵川县司法局')),
    );
  });

  it('when the recording list or a device is changed with a stale If-Match, then 409 and nothing is recorded', async () => {
    const floor = (actType: string, place: string) => ({
      entryId: actType,
      actType,
      method: 'audio_video',
      content: '全过程',
      keyStages: ['告知'],
      place,
    });
    const list = (place: string) => ({
      agency: AGENCY,
      entries: [
        floor('PropertySeized', place),
        floor('ForcedDemolition', place),
        { ...floor('DocumentServed', place), serviceMethods: ['left'] },
      ],
      reason: '年度调整',
    });
    const route = `/v1/agencies/${AGENCY}/recording-list`;
    await expectIfMatchHonoured([put(route, list('现场')), put(route, list('扣押现场'))], put(route, list('仓库')));
    const device = { deviceId: 'cam-1', agency: AGENCY, holder: 'alice', model: 'DSJ', serialNo: 'SN-1' };
    await expectIfMatchHonoured(
      [post('/v1/devices', device), post('/v1/devices/cam-1/changes', { holder: 'bob', reason: '移交' })],
      post('/v1/devices/cam-1/changes', { status: 'lost', reason: '遗失' }),
    );
  });

  it('when a subject is amended or retired with a stale If-Match, then 409 and nothing is recorded', async () => {
    const subject = { subjectId: 'S-9', agency: AGENCY, name: '某某食品有限公司', kind: 'enterprise', sector: 'food' };
    await expectIfMatchHonoured(
      [
        post('/v1/subjects', subject),
        post('/v1/subjects/S-9/amendments', { changes: { name: '某某公司' }, reason: '更名' }),
      ],
      post('/v1/subjects/S-9/retirement', { reason: '注销登记' }),
    );
  });

  it('when a conflict of interest is declared with a stale If-Match, then 409 and nothing is recorded', async () => {
    const subject = { subjectId: 'S-10', agency: AGENCY, name: '某某餐饮有限公司', kind: 'enterprise', sector: 'food' };
    await expectIfMatchHonoured(
      [
        post('/v1/subjects', subject),
        post('/v1/subjects/S-10/amendments', { changes: { sector: 'catering' }, reason: '经营范围变更' }),
      ],
      post('/v1/subjects/S-10/conflicts', { officerId: 'alice', reason: '近亲属在该企业任职' }),
    );
  });

  it('when an inspection is planned, drawn or its outcome recorded with an If-Match its plan does not stand at, then 409 and nothing is recorded', async () => {
    const { admin: head, drawAtSize } = await seedPlan(t);
    const byHead = (route: string, body: unknown): Write => post(route, body, () => head);
    const other = await send(byHead('/v1/inspections', planBody(drawAtSize + 5, { planId: 'P-ifm' })), '"0"');
    expect([other.status, other.body.code]).toEqual([409, 'revision_conflict']);

    await growLogTo(t, head, drawAtSize + 1);
    const draw = byHead(`/v1/inspections/${PLAN_ID}/draw`, {});
    let before = await t.service.events.headPosition();
    const early = await send(draw, '"1"');
    expect([early.status, early.body.code]).toEqual([409, 'revision_conflict']);
    expect(await t.service.events.headPosition()).toBe(before);
    const drawn = await send(draw, '"0"');
    expect([drawn.status, drawn.headers.get('etag')]).toEqual([201, '"1"']);

    const target = drawn.body.targets[0];
    const outcome = byHead(`/v1/inspections/${PLAN_ID}/outcomes`, {
      subjectId: target.subjectId,
      outcome: 'no_problem',
      summary: '未发现问题',
      inspectedOn: '2026-03-10',
    });
    before = await t.service.events.headPosition();
    const stale = await send(outcome, '"0"');
    expect([stale.status, stale.body.code]).toEqual([409, 'revision_conflict']);
    expect(await t.service.events.headPosition()).toBe(before);
    const recorded = await send(outcome, '"1"');
    expect([recorded.status, recorded.headers.get('etag')]).toEqual([201, '"2"']);
  }, 60_000);

  it('when a case or an application is erased, or an application refused, with a stale If-Match, then 409 and nothing is recorded', async () => {
    const opening = {
      caseId: 'IFM-1',
      itemCode: 'P-001',
      title: '某公司未公示执业信息案',
      openedOn: today,
      officers: ['alice', 'bob'],
      parties: [{ kind: 'organization', name: '某某公司' }],
    };
    const hearing = { type: 'HearingHeld', occurredAt: `${today}T09:30:00+08:00`, data: { heldOn: today } };
    await expectIfMatchHonoured(
      [post('/v1/cases', opening, () => officer), post('/v1/cases/IFM-1/acts', hearing, () => officer)],
      post('/v1/cases/IFM-1/erasure', { ground: 'retention_expired', reason: '保管期限届满' }),
    );

    const application = {
      agency: AGENCY,
      itemCode: 'L-001',
      applicant: { kind: 'person', name: '王小明', phone: '13800000000' },
      request: '申请律师执业证',
    };
    const filed = await t.call('POST', '/v1/applications', { body: application });
    expect(filed.status).toBe(201);
    const refusal = post(
      `/v1/applications/${filed.body.applicationId}/rejection`,
      { reason: '材料不齐', legalBasis: '《行政许可法》第三十二条' },
      () => officer,
    );
    const stale = await send(refusal, '"1"');
    expect([stale.status, stale.body.code]).toEqual([409, 'revision_conflict']);
    const refused = await send(refusal, '"0"');
    expect([refused.status, refused.headers.get('etag')]).toEqual([201, '"1"']);
    const erasure = post(`/v1/applications/${filed.body.applicationId}/erasure`, {
      ground: 'consent_withdrawn',
      reason: '撤回',
    });
    expect((await send(erasure, '"0"')).status).toBe(409);
    expect((await send(erasure, '"1"')).status).toBe(201);
  });

  it('when a case file is evaluated with an If-Match its evaluation stream does not have, then 409 revision_conflict before any rule', async () => {
    const points = ['subjectLawful', 'officersQualified', 'procedureLawful', 'factsClear', 'evidenceSufficient'];
    const more = ['lawAppliedCorrectly', 'discretionAppropriate', 'withinAuthority', 'documentsComplete'];
    const scores = Object.fromEntries([...points, ...more].map((point) => [point, { score: 10 }]));
    // the case is not closed: without If-Match this is 409 case_not_closed
    const res = await send(
      post('/v1/cases/IFM-1/evaluations', { scores }, () => supervisor),
      '"0"',
    );
    expect([res.status, res.body.code]).toEqual([409, 'revision_conflict']);
  });
});
