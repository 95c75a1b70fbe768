import { accessStream, deniedAccessStream } from '../../src/app/access-log.js';
import { caseStream } from '../../src/domain/case/acts.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';

let t: TestService;
let officer: string;
let reviewer: string;
let otherAgency: string;
let supervisor: string;

const AGENCY = 'county-justice';
const officerBody = (officerId: string) => ({
  officerId,
  name: officerId,
  agency: AGENCY,
  certificateNo: `C-${officerId}`,
  validFrom: '2018-01-01',
  validTo: '2030-12-31',
  roles: ['officer'],
});

beforeAll(async () => {
  t = await startTestService();
  officer = t.token('alice', AGENCY, ['officer']);
  reviewer = t.token('rita', AGENCY, ['reviewer']);
  otherAgency = t.token('olga', 'city-market', ['officer', 'supervisor']);
  supervisor = t.token('sam', 'city-justice', ['supervisor'], [AGENCY]);
  await seedAgency(t, AGENCY, { reviewers: ['rita'], item: { major: { fineFenAtLeast: 1_000_000 } } });
});
afterAll(() => t.stop());

const today = new Date().toISOString().slice(0, 10);
const openBody = (caseId: string) => ({
  caseId,
  itemCode: 'P-001',
  title: '某律所未公示执业信息案',
  openedOn: today,
  officers: ['alice', 'bob'],
  parties: [{ kind: 'person', name: '张三丰', idNumber: '140521199001011234' }],
});
const evidence = {
  type: 'EvidenceCollected',
  occurredAt: `${today}T00:09:30+08:00`,
  data: { description: '现场照片' },
};

describe('cases over HTTP', () => {
  it('when an officer opens a case and records an act, then both are 201 with revision, position, hash and an ETag', async () => {
    const opened = await t.call('POST', '/v1/cases', { token: officer, body: openBody('h-1') });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ caseId: 'h-1', revision: 0, type: 'CaseOpened' });
    expect(opened.body.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(opened.headers.get('etag')).toBe('"0"');
    const act = await t.call('POST', '/v1/cases/h-1/acts', { token: officer, body: evidence });
    expect(act.status).toBe(201);
    expect(act.body).toMatchObject({ revision: 1, type: 'EvidenceCollected' });
    expect(act.body.position).toBeGreaterThan(opened.body.position);
  });

  it('when the case file is read, then it has the contract fields, and the read is itself recorded', async () => {
    const opened = await t.call('POST', '/v1/cases', { token: officer, body: openBody('h-2') });
    const file = await t.call('GET', `/v1/cases/h-2?consistentWith=${opened.body.position}`, {
      token: officer,
      headers: { 'x-purpose': encodeURIComponent('案卷评查') },
    });
    expect(file.status).toBe(200);
    expect(file.body).toMatchObject({
      caseId: 'h-2',
      agency: AGENCY,
      itemCode: 'P-001',
      status: 'open',
      major: false,
      revision: 0,
      officers: ['alice', 'bob'],
    });
    expect(file.body.timeline).toEqual([expect.objectContaining({ type: 'CaseOpened', revision: 0 })]);
    const access = await t.service.events.readStream(accessStream(AGENCY, 'h-2'));
    expect(access.map((r) => r.event.data)).toEqual([
      expect.objectContaining({ action: 'read_case', outcome: 'granted', purpose: '案卷评查' }),
    ]);
    expect(access[0]!.event.actor.sub).toBe('alice');
  });

  it('when another agency asks for the case, then 404 (existence not revealed) and the refusal is recorded on the reader’s trail', async () => {
    const opened = await t.call('POST', '/v1/cases', { token: officer, body: openBody('h-3') });
    const denied = await t.call('GET', `/v1/cases/h-3?consistentWith=${opened.body.position}`, { token: otherAgency });
    expect(denied.status).toBe(404);
    expect(denied.body).toMatchObject({ code: 'not_found' });
    const missing = await t.call('GET', '/v1/cases/no-such-case', { token: otherAgency });
    expect(missing.body).toMatchObject({ code: 'not_found' });
    expect(denied.body.detail).toBe(missing.body.detail.replace('no-such-case', 'h-3'));
    expect(await t.service.events.readStream(accessStream(AGENCY, 'h-3'))).toEqual([]);
    const trail = await t.service.events.readStream(deniedAccessStream('city-market', 'olga'));
    expect(trail.map((r) => [r.event.type, r.event.data.caseId])).toEqual([
      ['CaseAccessDenied', 'h-3'],
      ['CaseAccessDenied', 'no-such-case'],
    ]);
    expect((await t.call('POST', '/v1/cases/h-3/acts', { token: otherAgency, body: evidence })).status).toBe(404);
  });

  it('when a supervisor of the agency reads the case and its events, then both are served and recorded', async () => {
    const opened = await t.call('POST', '/v1/cases', { token: officer, body: openBody('h-4') });
    const at = opened.body.position;
    expect((await t.call('GET', `/v1/cases/h-4?consistentWith=${at}`, { token: supervisor })).status).toBe(200);
    const events = await t.call('GET', '/v1/cases/h-4/events', { token: supervisor });
    expect(events.status).toBe(200);
    expect(events.body.events[0]).toMatchObject({ type: 'CaseOpened', revision: 0, stream: caseStream(AGENCY, 'h-4') });
    expect(events.body.events[0].sig.alg).toBe('Ed25519');
    const access = await t.service.events.readStream(accessStream(AGENCY, 'h-4'));
    expect(access.map((r) => r.event.data.action)).toEqual(['read_case', 'read_events']);
  });

  it('when a rule is broken, then the problem names its code and nothing is recorded', async () => {
    await t.call('POST', '/v1/cases', { token: officer, body: openBody('h-5') });
    const seizure = await t.call('POST', '/v1/cases/h-5/acts', {
      token: officer,
      body: {
        type: 'PropertySeized',
        occurredAt: `${today}T00:10:00+08:00`,
        data: { items: '设备', legalBasis: '第二十条' },
      },
    });
    expect(seizure.status).toBe(422);
    expect(seizure.headers.get('content-type')).toContain('application/problem+json');
    expect(seizure.body).toMatchObject({
      status: 422,
      code: 'recording_required',
      type: '/problems/recording_required',
      title: 'Recording required',
      instance: '/v1/cases/h-5/acts',
    });
    const fine = await t.call('POST', '/v1/cases/h-5/acts', {
      token: officer,
      body: {
        type: 'DecisionIssued',
        occurredAt: `${today}T00:10:00+08:00`,
        data: { decisionType: 'fine', fineFen: 2_000_000, legalBasis: 'x', documentNo: 'n', decidedOn: today },
      },
    });
    expect(fine.status).toBe(409);
    expect(fine.body.code).toBe('legal_review_required');
    expect((await t.service.events.readStream(caseStream(AGENCY, 'h-5'))).length).toBe(1);
  });

  it('when a member the disclosure publishes names the person party, then 422 personal_data_published and nothing is recorded', async () => {
    await t.call('POST', '/v1/cases', { token: officer, body: openBody('h-name') });
    const stream = caseStream(AGENCY, 'h-name');
    // the name is sealed in the log: the service opens it to look for it
    const [opening] = await t.service.events.readStream(stream);
    expect(JSON.stringify(opening!.event.data)).not.toContain('张三丰');
    const at = `${today}T00:10:00+08:00`;
    const decision = (legalBasis: string) => ({
      type: 'DecisionIssued',
      occurredAt: at,
      data: { decisionType: 'warning', legalBasis, documentNo: '县司告〔2026〕7号', decidedOn: today },
    });
    const named = await t.call('POST', '/v1/cases/h-name/acts', {
      token: officer,
      body: decision('《律师法》第五十条；当事人张三丰'),
    });
    expect([named.status, named.body.code, named.body.members]).toEqual([
      422,
      'personal_data_published',
      ['/data/legalBasis'],
    ]);
    expect(JSON.stringify(named.body)).not.toContain('张三丰');
    expect((await t.service.events.readStream(stream)).length).toBe(1);
    const plain = await t.call('POST', '/v1/cases/h-name/acts', {
      token: officer,
      body: decision('《律师法》第五十条'),
    });
    expect(plain.status).toBe(201);
    const disclosed = { type: 'DecisionDisclosed', occurredAt: at, data: { publishedOn: today } };
    expect((await t.call('POST', '/v1/cases/h-name/acts', { token: officer, body: disclosed })).status).toBe(201);
    const withdrawn = await t.call('POST', '/v1/cases/h-name/acts', {
      token: officer,
      body: { type: 'DisclosureWithdrawn', occurredAt: at, data: { reason: '张三丰申请撤销' } },
    });
    expect([withdrawn.status, withdrawn.body.members]).toEqual([422, ['/data/reason']]);
    // the party's identity number as recorded (sealed too), whatever else the disclosure would scrub
    const identified = await t.call('POST', '/v1/cases/h-name/acts', {
      token: officer,
      body: { type: 'DisclosureUpdated', occurredAt: at, data: { reason: '当事人证件号140521199001011234有误' } },
    });
    expect([identified.status, identified.body.code, identified.body.members]).toEqual([
      422,
      'personal_data_published',
      ['/data/reason'],
    ]);
    expect(JSON.stringify(identified.body)).not.toContain('140521199001011234');
    expect((await t.service.events.readStream(stream)).length).toBe(3);
  });

  it("when a person party's details were corrected, then published text may hold neither the recorded nor the corrected ones", async () => {
    await t.call('POST', '/v1/cases', { token: officer, body: openBody('h-corrected') });
    const stream = caseStream(AGENCY, 'h-corrected');
    const [opening] = await t.service.events.readStream(stream);
    const at = `${today}T00:10:00+08:00`;
    const corrected = await t.call('POST', '/v1/cases/h-corrected/acts', {
      token: officer,
      body: {
        type: 'RecordCorrected',
        occurredAt: at,
        data: {
          corrects: opening!.event.id,
          reason: '证件号码笔误',
          data: { parties: [{ kind: 'person', name: '张三丰', idNumber: 'E12345678', address: '城关镇人民路18号' }] },
        },
      },
    });
    expect(corrected.status).toBe(201);
    // sealed in the log like the opening's parties: the service opens the correction to look for them
    const [, correction] = await t.service.events.readStream(stream);
    expect(JSON.stringify(correction!.event.data)).not.toContain('E12345678');
    const decision = (documentNo: string) => ({
      type: 'DecisionIssued',
      occurredAt: at,
      data: { decisionType: 'warning', legalBasis: '《律师法》第五十条', documentNo, decidedOn: today },
    });
    for (const documentNo of ['县司告〔2026〕E12345678号', '县司告〔2026〕140521199001011234号']) {
      const refused = await t.call('POST', '/v1/cases/h-corrected/acts', {
        token: officer,
        body: decision(documentNo),
      });
      expect([refused.status, refused.body.code, refused.body.members]).toEqual([
        422,
        'personal_data_published',
        ['/data/documentNo'],
      ]);
    }
    const plain = await t.call('POST', '/v1/cases/h-corrected/acts', {
      token: officer,
      body: decision('县司告〔2026〕8号'),
    });
    expect(plain.status).toBe(201);
  });

  it.each([
    ['malformed JSON', '{"type": ', 'invalid_body'],
    ['an unknown act type', { ...evidence, type: 'TeaServed' }, 'invalid_body'],
    [
      'a missing member',
      { type: 'EvidenceCollected', occurredAt: `${today}T00:09:30+08:00`, data: {} },
      'invalid_body',
    ],
    ['a date-time without offset', { ...evidence, occurredAt: `${today}T09:30:00` }, 'invalid_body'],
    ['an extra member', { ...evidence, extra: 1 }, 'invalid_body'],
    ['a medium never uploaded', { ...evidence, media: ['f'.repeat(64)] }, 'media_unknown'],
  ])('when the body has %s, then 4xx with code %s, never 5xx', async (_what, body, code) => {
    await t.call('POST', '/v1/cases', { token: officer, body: openBody('h-6') });
    const res = await t.call('POST', '/v1/cases/h-6/acts', { token: officer, body });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body.code).toBe(code);
  });

  it.each([
    ['text before any JSON', '张三丰 140521199001011234 13912345678'],
    ['a party cut off in a value', '{"parties": [{"name": 张三丰, "idNumber": "140521199001011234"}]}'],
  ])('when the body is not JSON (%s), then 400 invalid_body that never repeats what was sent', async (_what, body) => {
    const res = await t.call('POST', '/v1/cases', { token: officer, body });
    expect([res.status, res.body.code]).toEqual([400, 'invalid_body']);
    const answer = JSON.stringify(res.body);
    for (const sent of ['张', '三丰', '140521', '13912345678']) expect(answer).not.toContain(sent);
    expect(res.body.detail).toMatch(/^the body is not valid JSON/);
  });

  it.each([
    [
      'a byte that is not UTF-8 in a value',
      (json: string) =>
        Buffer.concat([
          Buffer.from(json.replace('某律所', 'X')).subarray(0, 60),
          Buffer.from([0xff, 0xfe]),
          Buffer.from(json.replace('某律所', 'X')).subarray(60),
        ]),
      undefined,
    ],
    [
      'a member name twice',
      (json: string) => Buffer.from(json.replace('{"caseId"', '{"title":"另一个案由","caseId"')),
      '/title',
    ],
    [
      'a member name twice, once escaped, in a party',
      (json: string) => Buffer.from(json.replace('"kind":"person"', '"kind":"person","\\u006bind":"organization"')),
      '/parties/0/kind',
    ],
  ])(
    'when the body is JSON that parsers may read differently (%s), then 400 invalid_body and nothing is recorded',
    async (_what, spoil, pointer) => {
      const caseId = `h-amb-${pointer?.length ?? 0}`;
      const json = JSON.stringify(openBody(caseId));
      const res = await fetch(`${t.url}/v1/cases`, {
        method: 'POST',
        headers: { authorization: `Bearer ${officer}`, 'content-type': 'application/json' },
        body: spoil(json),
      });
      const body = (await res.json()) as { code: string; detail: string; pointer?: string };
      expect([res.status, body.code]).toEqual([400, 'invalid_body']);
      expect(body.pointer).toBe(pointer);
      expect(body.detail).toContain('I-JSON');
      expect((await t.call('GET', `/v1/cases/${caseId}`, { token: officer })).status).toBe(404);
      // the same body, sent as the JSON it was made as, is taken
      expect((await t.call('POST', '/v1/cases', { token: officer, body: openBody(caseId) })).status).toBe(201);
    },
  );

  it('when If-Match is stale, then 409 revision_conflict; when Idempotency-Key repeats, then the original result', async () => {
    await t.call('POST', '/v1/cases', { token: officer, body: openBody('h-7') });
    const first = await t.call('POST', '/v1/cases/h-7/acts', {
      token: officer,
      body: evidence,
      headers: { 'if-match': '"0"', 'idempotency-key': 'k-1' },
    });
    expect(first.status).toBe(201);
    const stale = await t.call('POST', '/v1/cases/h-7/acts', {
      token: officer,
      body: evidence,
      headers: { 'if-match': '"0"' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('revision_conflict');
    const retry = await t.call('POST', '/v1/cases/h-7/acts', {
      token: officer,
      body: evidence,
      headers: { 'idempotency-key': 'k-1' },
    });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect((await t.service.events.readStream(caseStream(AGENCY, 'h-7'))).length).toBe(2);
  });

  it('when there is no token or the role is wrong, then 401 and 403', async () => {
    const none = await t.call('POST', '/v1/cases', { body: openBody('h-8') });
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('unauthenticated');
    expect((await t.call('POST', '/v1/cases', { token: reviewer, body: openBody('h-8') })).status).toBe(403);
    expect((await t.call('POST', '/v1/officers', { token: officer, body: officerBody('zed') })).status).toBe(403);
    expect((await t.call('GET', '/v1/cases/h-1', { token: 'not.a.token' })).status).toBe(401);
  });

  it('when the case list is asked for an unknown status, then 400 naming the parameter and the statuses, never the value', async () => {
    const value = '张三丰140521199001011234';
    const res = await t.call('GET', `/v1/cases?status=${encodeURIComponent(value)}`, { token: officer });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_query');
    expect(res.body.detail).toMatch(/^status must be one of /);
    expect(JSON.stringify(res.body)).not.toContain(value);
  });

  it('when several acts are sent as a batch, then they are recorded together in order', async () => {
    await t.call('POST', '/v1/cases', { token: officer, body: openBody('h-9') });
    const hearing = { type: 'HearingHeld', occurredAt: `${today}T00:15:00+08:00`, data: { heldOn: today } };
    const res = await t.call('POST', '/v1/cases/h-9/acts:batch', {
      token: officer,
      body: { acts: [evidence, hearing] },
      headers: { 'idempotency-key': 'b-1' },
    });
    expect(res.status).toBe(201);
    expect(res.body.events.map((e: { type: string; revision: number }) => [e.type, e.revision])).toEqual([
      ['EvidenceCollected', 1],
      ['HearingHeld', 2],
    ]);
    const again = await t.call('POST', '/v1/cases/h-9/acts:batch', {
      token: officer,
      body: { acts: [evidence, hearing] },
      headers: { 'idempotency-key': 'b-1' },
    });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(res.body);
    expect((await t.service.events.readStream(caseStream(AGENCY, 'h-9'))).length).toBe(3);
  });

  it('when one act of a batch breaks a rule, then none of the batch is recorded', async () => {
    await t.call('POST', '/v1/cases', { token: officer, body: openBody('h-10') });
    const seizure = {
      type: 'PropertySeized',
      occurredAt: `${today}T00:10:00+08:00`,
      data: { items: '设备', legalBasis: '第二十条' },
    };
    const res = await t.call('POST', '/v1/cases/h-10/acts:batch', {
      token: officer,
      body: { acts: [evidence, seizure] },
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('recording_required');
    // the refusal says which act of the batch it is about: its index in `acts`
    expect(res.body.actIndex).toBe(1);
    expect((await t.service.events.readStream(caseStream(AGENCY, 'h-10'))).length).toBe(1);
    // an act recorded alone is refused as it was, without an index
    const alone = await t.call('POST', '/v1/cases/h-10/acts', { token: officer, body: seizure });
    expect([alone.status, alone.body.code, alone.body.actIndex]).toEqual([422, 'recording_required', undefined]);
    expect((await t.call('POST', '/v1/cases/h-10/acts:batch', { token: officer, body: { acts: [] } })).body.code).toBe(
      'invalid_body',
    );
  });
});

describe('an act out of order over HTTP', () => {
  it('when evidence is recorded on a decided case, then 409 act_out_of_order as a problem, never a 5xx', async () => {
    await t.call('POST', '/v1/cases', { token: officer, body: openBody('h-ooo') });
    const decide = {
      type: 'DecisionIssued',
      occurredAt: `${today}T00:10:00+08:00`,
      data: {
        decisionType: 'warning',
        legalBasis: '《律师法》第五十条',
        documentNo: '司告〔2026〕9号',
        decidedOn: today,
      },
    };
    expect((await t.call('POST', '/v1/cases/h-ooo/acts', { token: officer, body: decide })).status).toBe(201);
    const late = await t.call('POST', '/v1/cases/h-ooo/acts', { token: officer, body: evidence });
    expect(late.status).toBe(409);
    expect(late.headers.get('content-type')).toContain('application/problem+json');
    expect(late.body).toMatchObject({ status: 409, code: 'act_out_of_order', caseStatus: 'decided' });
  });
});

describe('when a case was opened and when it was recorded, over HTTP', () => {
  const DAY_MS = 86_400_000;
  const day = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY_MS).toISOString().slice(0, 10);

  it('when a case is recorded after the day it was opened, then openedOn keeps that day and occurredAt the recording time', async () => {
    const openedOn = day(-30);
    const before = Date.now();
    const res = await t.call('POST', '/v1/cases', { token: officer, body: { ...openBody('h-late'), openedOn } });
    expect(res.status).toBe(201);
    const file = await t.call('GET', `/v1/cases/h-late?consistentWith=${res.body.position}`, { token: officer });
    expect(file.body.openedOn).toBe(openedOn);
    const [opening] = file.body.timeline;
    expect(opening.data.openedOn).toBe(openedOn);
    // the opening act is stamped with the service clock: when the opening was recorded, not when it happened
    expect(Date.parse(opening.occurredAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(opening.occurredAt)).toBeLessThanOrEqual(Date.parse(opening.recordedAt));
  });

  it('when openedOn is a day that has begun nowhere yet, then 422 date_invalid and no case exists', async () => {
    const res = await t.call('POST', '/v1/cases', {
      token: officer,
      body: { ...openBody('h-future'), openedOn: day(2) },
    });
    expect([res.status, res.body.code]).toEqual([422, 'date_invalid']);
    expect((await t.call('GET', '/v1/cases/h-future', { token: officer })).status).toBe(404);
  });

  it('when an act is dated before the case was opened, then 422 date_invalid and nothing is recorded', async () => {
    const opened = await t.call('POST', '/v1/cases', {
      token: officer,
      body: { ...openBody('h-early'), openedOn: day(-3) },
    });
    const early = { ...evidence, occurredAt: `${day(-5)}T09:30:00+08:00` };
    const res = await t.call('POST', '/v1/cases/h-early/acts', { token: officer, body: early });
    expect([res.status, res.body.code]).toEqual([422, 'date_invalid']);
    const file = await t.call('GET', `/v1/cases/h-early?consistentWith=${opened.body.position}`, { token: officer });
    expect(file.body.revision).toBe(0);
  });

  it('when an act, or a decision day, is a day that has begun nowhere yet, then 422 date_invalid and nothing is recorded', async () => {
    const opened = await t.call('POST', '/v1/cases', {
      token: officer,
      body: { ...openBody('h-ahead'), openedOn: day(-3) },
    });
    const ahead = await t.call('POST', '/v1/cases/h-ahead/acts', {
      token: officer,
      body: { ...evidence, occurredAt: `${day(2)}T09:30:00+08:00` },
    });
    expect([ahead.status, ahead.body.code]).toEqual([422, 'date_invalid']);
    const decided = await t.call('POST', '/v1/cases/h-ahead/acts', {
      token: officer,
      body: {
        type: 'DecisionIssued',
        occurredAt: `${day(-1)}T16:00:00+08:00`,
        data: { decisionType: 'warning', legalBasis: 'b', documentNo: '县司罚〔2026〕9号', decidedOn: day(90) },
      },
    });
    expect([decided.status, decided.body.code]).toEqual([422, 'date_invalid']);
    // a leap second later today is no instant the rule can place (nor many readers of the log): refused by the schema
    const leap = await t.call('POST', '/v1/cases/h-ahead/acts', {
      token: officer,
      body: { ...evidence, occurredAt: `${day(0)}T23:59:60+08:00` },
    });
    expect([leap.status, leap.body.code]).toEqual([400, 'invalid_body']);
    const file = await t.call('GET', `/v1/cases/h-ahead?consistentWith=${opened.body.position}`, { token: officer });
    expect(file.body.revision).toBe(0);
  });
});
