import { createHash } from 'node:crypto';
import type { Clock } from '../../src/ports/clock.js';
import { readerTrail } from '../../src/app/access-log.js';
import { caseStream } from '../../src/domain/case/acts.js';
import { appendPastRules } from '../support/raw-append.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';
import { SUPERVISION_TABLES } from '../../src/http/supervision-csv.js';
import { expectCsvOfAnswer } from '../support/csv.js';

const AGENCY = 'county-justice';
/** Monday 2026-11-30, 12:30 China time, when the service starts, ticking from there (after the acts it records). */
const START = Date.parse('2026-11-30T04:30:00Z');
const started = Date.now();
const clock: Clock = { now: () => new Date(START + (Date.now() - started)) };

let t: TestService;
let officer: string;
let supervisor: string;
let position = 0;

const PDF = new Uint8Array(Buffer.from('%PDF-1.4\n% an application form\n%%EOF\n'));
const APPLICATION = {
  agency: AGENCY,
  itemCode: 'L-001',
  applicant: { kind: 'person', name: '王小明', idNumber: '110101199001011234', phone: '13800000000' },
  request: '申请律师执业证',
};

/** Files an application as a browser or a client does: the JSON in `application`, files in `attachment`. */
async function file(
  application: unknown,
  files: { bytes: Uint8Array; type: string; name: string }[] = [],
): Promise<{ status: number; body: any; connection: string | null }> {
  const form = new FormData();
  form.set('application', typeof application === 'string' ? application : JSON.stringify(application));
  for (const f of files) form.append('attachment', new Blob([f.bytes], { type: f.type }), f.name);
  const res = await fetch(`${t.url}/v1/applications`, { method: 'POST', body: form });
  const body = (await res.json()) as any;
  if (typeof body.position === 'number') position = Math.max(position, body.position);
  return { status: res.status, body, connection: res.headers.get('connection') };
}

const progress = (applicationId: string, code: string | undefined, agency = AGENCY) =>
  t.call('GET', `/v1/applications/${agency}/${applicationId}/progress?consistentWith=${position}`, {
    headers: code === undefined ? {} : { 'x-lookup-code': code },
  });

async function post(route: string, token: string, body: unknown) {
  const res = await t.call('POST', route, { token, body });
  if (typeof res.body?.position === 'number') position = Math.max(position, res.body.position);
  return res;
}

const queue = async () =>
  (await t.call('GET', `/v1/applications?consistentWith=${position}`, { token: officer })).body.items as any[];

beforeAll(async () => {
  t = await startTestService({}, { clock });
  ({ officer } = await seedAgency(t, AGENCY, { item: { code: 'L-001', category: 'licensing' } }));
  await post('/v1/items', t.token(`head-${AGENCY}`, AGENCY, ['admin']), {
    code: 'P-001',
    agency: AGENCY,
    name: '未按规定公示执业信息',
    category: 'penalty',
    legalBasis: '《律师法》第五十条',
  });
  supervisor = t.token('sam', AGENCY, ['supervisor']);
});
afterAll(() => t.stop());

describe('online applications over HTTP (网上受理)', () => {
  let receipt: any;

  it('when the public files an application with a PDF, then the receipt gives an id, a lookup code and the filing event', async () => {
    const res = await file(APPLICATION, [{ bytes: PDF, type: 'application/pdf', name: 'C:\\scans\\申请书.pdf' }]);
    expect(res.status).toBe(201);
    receipt = res.body;
    expect(receipt).toMatchObject({ agency: AGENCY, filedOn: '2026-11-30', acceptBy: '2026-12-07' });
    expect(receipt.lookupCode).toMatch(/^[A-Z2-7]{26}$/);
    const events = await t.call('GET', `/v1/events?after=0&types=ApplicationFiled`, { token: supervisor });
    expect(events.status).toBe(200);
    const recorded = events.body.events.map((e: any) => e.event).find((e: any) => e.id === receipt.eventId);
    expect(recorded.hash).toBe(receipt.hash);
    expect(recorded.data.attachments).toEqual([
      expect.objectContaining({ contentType: 'application/pdf', size: PDF.length, name: '申请书.pdf' }),
    ]);
    expect(recorded.data.lookupHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(recorded)).not.toContain(receipt.lookupCode);
    // the applicant's personal fields are signed sealed, under the application's own data key
    expect(recorded.data.applicant).toMatchObject({ kind: 'person', name: { sealed: 'aes-256-gcm/v1' } });
    expect(JSON.stringify(recorded.data)).not.toMatch(/王小明|13800000000|110101/);
  });

  it('when the applicant asks with the lookup code, then the progress shows the status and no applicant data', async () => {
    const res = await progress(receipt.applicationId, receipt.lookupCode.toLowerCase());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'filed', acceptBy: '2026-12-07', eventId: receipt.eventId });
    expect(JSON.stringify(res.body)).not.toMatch(/王小明|13800000000|110101/);
    expect(res.headers.get('cache-control')).toContain('no-store');
  });

  it('when the code is wrong, missing, or the agency another, then nothing is shown', async () => {
    expect((await progress(receipt.applicationId, 'A'.repeat(26))).status).toBe(404);
    expect((await progress(receipt.applicationId, receipt.lookupCode, 'city-market')).status).toBe(404);
    const missing = await progress(receipt.applicationId, undefined);
    expect([missing.status, missing.body.code]).toEqual([400, 'invalid_body']);
  });

  it.each([
    ['a body that is not JSON', '{"agency":', [], 400, 'invalid_body'],
    ['a body without the applicant', { ...APPLICATION, applicant: undefined }, [], 400, 'invalid_body'],
    ['a penalty item', { ...APPLICATION, itemCode: 'P-001' }, [], 422, 'item_not_licensing'],
    ['an unknown agency', { ...APPLICATION, agency: 'nowhere' }, [], 422, 'item_not_licensing'],
    [
      'an executable attachment',
      APPLICATION,
      [{ bytes: new Uint8Array([77, 90]), type: 'application/x-msdownload', name: 'a.exe' }],
      422,
      'attachments_invalid',
    ],
    [
      'six attachments',
      APPLICATION,
      Array.from({ length: 6 }, (_, i) => ({ bytes: new Uint8Array([i + 1]), type: 'image/png', name: `${i}.png` })),
      422,
      'attachments_invalid',
    ],
  ])('when the filing has %s, then it is a problem and nothing is filed', async (_what, body, files, status, code) => {
    const before = (await queue()).length;
    const res = await file(body, files as never);
    expect([res.status, res.body.code]).toEqual([status, code]);
    expect(await queue()).toHaveLength(before);
  });

  it('when a refused attachment is followed by more of the form, then the client still sending it reads the refusal, every time', async () => {
    const before = (await queue()).length;
    const rest = new Uint8Array(2 * 1024 * 1024).fill(0x25);
    for (let attempt = 0; attempt < 12; attempt++) {
      const res = await file(APPLICATION, [
        { bytes: new Uint8Array([77, 90]), type: 'application/x-msdownload', name: 'a.exe' },
        { bytes: rest, type: 'application/pdf', name: 'b.pdf' },
      ]).catch((err: Error) => ({ status: 0, body: { code: `${err.message}: ${String(err.cause)}` }, connection: '' }));
      expect([attempt, res.status, res.body.code]).toEqual([attempt, 422, 'attachments_invalid']);
      // the form was read to its end: the connection stays open, not closed under a client still writing
      expect([attempt, res.connection]).toEqual([attempt, 'keep-alive']);
    }
    expect(await queue()).toHaveLength(before);
  });

  it('when a form names no boundary, then it is 400 invalid_body, not 415, and nothing is filed', async () => {
    const before = (await queue()).length;
    for (const type of ['multipart/form-data', 'multipart/form-data; charset=utf-8', 'Multipart/Form-Data;']) {
      const res = await fetch(`${t.url}/v1/applications`, {
        method: 'POST',
        headers: { 'content-type': type },
        body: `--x\r\nContent-Disposition: form-data; name="application"\r\n\r\n${JSON.stringify(APPLICATION)}\r\n--x--\r\n`,
      });
      const body = (await res.json()) as { code?: string; detail?: string };
      expect([type, res.status, body.code]).toEqual([type, 400, 'invalid_body']);
      expect(body.detail).toContain('boundary');
    }
    expect(await queue()).toHaveLength(before);
  });

  it('when an attachment is larger than 5 MiB, then it is 413 too_large and nothing is filed', async () => {
    const before = (await queue()).length;
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    const res = await file(APPLICATION, [{ bytes: big, type: 'application/pdf', name: 'big.pdf' }]);
    expect([res.status, res.body.code]).toEqual([413, 'too_large']);
    expect(await queue()).toHaveLength(before);
  });

  it("when an officer reads the queue, then the application is there with the applicant's name, due 2026-12-07", async () => {
    const items = await queue();
    expect(items).toEqual([
      expect.objectContaining({
        applicationId: receipt.applicationId,
        applicantName: '王小明',
        status: 'filed',
        acceptBy: '2026-12-07',
        attachments: 1,
        overdue: false,
      }),
    ]);
    const anonymous = await t.call('GET', '/v1/applications');
    expect(anonymous.status).toBe(401);
  });

  it("when an officer reads a page of the queue, then the read is recorded on the officer's own trail naming each application shown (list_applications), and listed on the application's access trail", async () => {
    const trailOf = () => t.service.events.readStream(readerTrail(AGENCY, 'alice'));
    const before = (await trailOf()).length;
    const res = await t.call('GET', '/v1/applications', {
      token: officer,
      headers: { 'x-purpose': encodeURIComponent('受理审查') },
    });
    expect(res.status).toBe(200);
    const shown = res.body.items.map((item: { applicationId: string }) => ({
      agency: AGENCY,
      caseId: item.applicationId,
    }));
    expect(shown).toContainEqual({ agency: AGENCY, caseId: receipt.applicationId });
    const trail = await trailOf();
    expect(trail).toHaveLength(before + 1);
    expect(trail.at(-1)!.event).toMatchObject({
      type: 'CasesListed',
      actor: { sub: 'alice', agency: AGENCY },
      data: { action: 'list_applications', outcome: 'granted', purpose: '受理审查', cases: shown },
    });
    await t.service.readModelsCaughtUp();
    const access = await t.call('GET', `/v1/audit/access?caseId=${receipt.applicationId}`, { token: supervisor });
    expect(access.body.items).toContainEqual(
      expect.objectContaining({ sub: 'alice', action: 'list_applications', purpose: '受理审查' }),
    );
  });

  it('when nobody has acted by the deadline, then supervision lists the application as overdue', async () => {
    const onTime = await t.call('GET', `/v1/audit/overdue-applications?asOf=2026-12-07&consistentWith=${position}`, {
      token: supervisor,
    });
    expect(onTime.body.items).toEqual([]);
    const late = await t.call('GET', `/v1/audit/overdue-applications?asOf=2026-12-09&consistentWith=${position}`, {
      token: supervisor,
    });
    expect(late.status).toBe(200);
    expect(late.body.items).toEqual([
      expect.objectContaining({ applicationId: receipt.applicationId, acceptBy: '2026-12-07', daysOverdue: 2 }),
    ]);
    expect(JSON.stringify(late.body)).not.toContain('王小明');
    const csv = await t.call('GET', `/v1/audit/overdue-applications?asOf=2026-12-09&format=csv`, { token: supervisor });
    expect([csv.status, csv.headers.get('content-disposition')]).toEqual([
      200,
      'attachment; filename="overdue-applications.csv"',
    ]);
    expect(expectCsvOfAnswer(csv.body as string, late.body, SUPERVISION_TABLES.overdueApplications).entries).toBe(1);
  });

  it('when an officer accepts it, then its case opens with the applicant as party and the attachment as medium', async () => {
    const bad = await post(`/v1/applications/${receipt.applicationId}/acceptance`, officer, { officers: [] });
    expect([bad.status, bad.body.code]).toEqual([400, 'invalid_body']);
    const res = await post(`/v1/applications/${receipt.applicationId}/acceptance`, officer, {
      officers: ['alice', 'bob'],
    });
    expect(res.status).toBe(201);
    expect(res.body.caseId).toBe(receipt.applicationId);
    const file = await t.call('GET', `/v1/cases/${res.body.caseId}?consistentWith=${position}`, { token: officer });
    expect(file.body).toMatchObject({ itemCode: 'L-001', status: 'open', parties: [{ name: '王小明' }] });
    expect(file.body.media).toEqual([expect.objectContaining({ contentType: 'application/pdf', size: PDF.length })]);
    expect((await progress(receipt.applicationId, receipt.lookupCode)).body).toMatchObject({
      status: 'accepted',
      caseId: receipt.applicationId,
      acceptedOn: '2026-11-30',
    });
    const again = await post(`/v1/applications/${receipt.applicationId}/acceptance`, officer, {
      officers: ['alice', 'bob'],
    });
    expect([again.status, again.body.code]).toEqual([409, 'application_decided']);
  });

  it("when another case names the applicant's attachment, then 422 media_of_application; the case the application opened may", async () => {
    const sha256 = createHash('sha256').update(PDF).digest('hex');
    const opened = await post('/v1/cases', officer, {
      caseId: 'other-case',
      itemCode: 'P-001',
      title: '另一案件',
      openedOn: '2026-11-30',
      officers: ['alice', 'bob'],
      parties: [{ kind: 'organization', name: '某律所' }],
    });
    expect(opened.status).toBe(201);
    const evidence = (caseId: string) =>
      post(`/v1/cases/${caseId}/acts`, officer, {
        type: 'EvidenceCollected',
        occurredAt: '2026-11-30T10:00:00+08:00',
        officers: ['alice', 'bob'],
        data: { description: '申请材料' },
        media: [sha256],
      });
    const elsewhere = await evidence('other-case');
    expect([elsewhere.status, elsewhere.body.code, elsewhere.body.sha256]).toEqual([
      422,
      'media_of_application',
      sha256,
    ]);
    expect((await t.service.events.readStream(caseStream(AGENCY, 'other-case'))).length).toBe(1); // nothing recorded
    expect((await evidence(receipt.applicationId)).status).toBe(201);
  });

  it('when its case is decided, then only a licence granted or denied is allowed, and the progress follows it', async () => {
    const caseId = receipt.applicationId;
    const decide = (decisionType: string, extra: object = {}) =>
      post(`/v1/cases/${caseId}/acts`, officer, {
        type: 'DecisionIssued',
        occurredAt: '2026-11-30T11:00:00+08:00',
        data: {
          decisionType,
          legalBasis: '《律师法》第六条',
          documentNo: '许〔2026〕1号',
          decidedOn: '2026-11-30',
          ...extra,
        },
      });
    const fine = await decide('fine', { fineFen: 100_000 });
    expect([fine.status, fine.body.code]).toEqual([422, 'decision_type_invalid']);
    expect((await decide('license_granted')).status).toBe(201);
    expect((await progress(caseId, receipt.lookupCode)).body).toMatchObject({
      status: 'decided',
      decision: { decisionType: 'license_granted', decidedOn: '2026-11-30' },
    });
    const disclosed = await post(`/v1/cases/${caseId}/acts`, officer, {
      type: 'DecisionDisclosed',
      occurredAt: '2026-11-30T12:00:00+08:00',
      data: { publishedOn: '2026-11-30' },
    });
    expect(disclosed.status).toBe(201);
    expect((await progress(caseId, receipt.lookupCode)).body).toMatchObject({
      status: 'disclosed',
      disclosedOn: '2026-11-30',
    });
  });

  it('when an officer refuses another application, then the progress shows the reason and legal basis', async () => {
    const other = (await file(APPLICATION)).body;
    const body = { reason: '申请事项不属于本机关职权范围', legalBasis: '《行政许可法》第三十二条第一款第（二）项' };
    const res = await post(`/v1/applications/${other.applicationId}/rejection`, officer, body);
    expect(res.status).toBe(201);
    expect((await progress(other.applicationId, other.lookupCode)).body).toMatchObject({
      status: 'rejected',
      rejection: { ...body, rejectedOn: '2026-11-30' },
    });
    const stranger = t.token('olga', 'city-market', ['officer']);
    const foreign = await post(`/v1/applications/${other.applicationId}/rejection`, stranger, body);
    expect(foreign.status).toBe(404);
  });

  it("when the case opened from an application is erased, then the queue shows the applicant's name [erased]", async () => {
    const admin = t.token(`head-${AGENCY}`, AGENCY, ['admin']);
    const erased = await post(`/v1/cases/${receipt.applicationId}/erasure`, admin, {
      ground: 'purpose_fulfilled',
      reason: '许可事项办结',
    });
    expect([erased.status, erased.body.detail]).toEqual([201, undefined]);
    const items = await queue();
    expect(items.find((a) => a.applicationId === receipt.applicationId).applicantName).toBe('[erased]');
    // the other application, refused and not erased, still shows its applicant
    expect(items.filter((a) => a.applicantName === '王小明')).toHaveLength(1);
  });

  it('when the queue is read without ?pending, then the waiting applications come first, soonest due first, then the decided ones, latest first', async () => {
    const waiting = (await file(APPLICATION)).body;
    const items = await queue();
    const order = items.map((a) => [a.status, a.applicationId]);
    const firstDecided = items.findIndex((a) => a.status !== 'filed');
    expect(firstDecided).toBeGreaterThan(0);
    expect(items.slice(firstDecided).every((a) => a.status !== 'filed')).toBe(true);
    expect(order.slice(0, firstDecided)).toContainEqual(['filed', waiting.applicationId]);
    const dues = items.slice(0, firstDecided).map((a) => a.acceptBy);
    expect(dues).toEqual([...dues].sort());
    // the refused application (decided last) before the accepted one (decided first)
    const decided = items.slice(firstDecided).map((a) => a.applicationId);
    expect(decided.indexOf(receipt.applicationId)).toBe(decided.length - 1);
  });

  it('when a refusal is sent again under its Idempotency-Key, then the original answer; with another reason, 422 idempotency_key_reused and the first reason stands', async () => {
    const other = (await file(APPLICATION)).body;
    const route = `/v1/applications/${other.applicationId}/rejection`;
    const body = { reason: '申请材料不齐全且逾期未补正', legalBasis: '《行政许可法》第三十二条第一款第（四）项' };
    const refuse = (reason: string) =>
      t.call('POST', route, { token: officer, body: { ...body, reason }, headers: { 'idempotency-key': 'refusal-1' } });
    const first = await refuse(body.reason);
    expect(first.status).toBe(201);
    position = Math.max(position, first.body.position);
    const again = await refuse(body.reason);
    expect([again.status, again.body]).toEqual([200, first.body]);
    const other2 = await refuse('申请事项依法不需要取得行政许可');
    expect([other2.status, other2.body.code]).toEqual([422, 'idempotency_key_reused']);
    expect((await progress(other.applicationId, other.lookupCode)).body.rejection).toMatchObject(body);
  });

  it('when a filing is retried under its Idempotency-Key, then it answers 200 with the same receipt and code and files nothing more; another application under the key is 422', async () => {
    const send = (body: unknown) =>
      t.call('POST', '/v1/applications', {
        body: body as Record<string, unknown>,
        headers: { 'idempotency-key': 'filing-1' },
      });
    const first = await send({ ...APPLICATION, request: '申请执业证变更' });
    const again = await send({ ...APPLICATION, request: '申请执业证变更' });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(first.body.replayed).toBeUndefined();
    expect(again.body).toEqual({ ...first.body, replayed: true });
    const other = await send({ ...APPLICATION, request: '申请另一事项' });
    expect([other.status, other.body.code]).toEqual([422, 'idempotency_key_reused']);
    // a filing the rules refused used nothing up: corrected and sent under the same key, it is a first filing
    const keyed = (body: unknown) =>
      t.call('POST', '/v1/applications', {
        body: body as Record<string, unknown>,
        headers: { 'idempotency-key': 'filing-2' },
      });
    const refused = await keyed({ ...APPLICATION, itemCode: 'L-999' });
    expect(refused.status).toBe(422);
    const corrected = await keyed(APPLICATION);
    expect(corrected.status).toBe(201);
    expect(corrected.body.lookupCode).toMatch(/^[A-Z2-7]{26}$/);
    position = Math.max(position, first.body.position);
    const filed = (await queue()).filter((a) => a.applicationId === first.body.applicationId);
    expect(filed).toHaveLength(1);
    const events = await t.call('GET', `/v1/events?after=0&types=ApplicationFiled`, { token: supervisor });
    const ids = events.body.events.map((e: any) => e.event.data.applicationId ?? e.event.stream);
    expect(ids.filter((x: string) => String(x).includes(first.body.applicationId))).toHaveLength(1);
  });
});

describe('accepting and refusing one application at once', () => {
  const OTHER = { ...APPLICATION, applicant: { kind: 'person', name: '赵同时', phone: '13900000000' } };
  const refusal = { reason: '申请材料不齐全', legalBasis: '《行政许可法》第三十二条第一款第（四）项' };
  const caseEvents = async (id: string) => {
    const res = await t.call('GET', `/v1/cases/${id}/events?consistentWith=${position}`, { token: officer });
    return res.status === 200 ? (res.body.events as { type: string }[]).map((e) => e.type) : res.status;
  };

  it('when an acceptance and a refusal arrive together, then exactly one is recorded, and a case exists exactly when the acceptance won', async () => {
    for (let i = 0; i < 4; i++) {
      const { applicationId } = (await file({ ...OTHER, request: `同时受理与不予受理 ${i}` })).body;
      const [accepted, refused] = await Promise.all([
        post(`/v1/applications/${applicationId}/acceptance`, officer, { officers: ['alice', 'bob'] }),
        post(`/v1/applications/${applicationId}/rejection`, officer, refusal),
      ]);
      expect([accepted.status, refused.status].sort()).toEqual([201, 409]);
      const loser = accepted.status === 409 ? accepted : refused;
      expect(loser.body.code).toBe('application_decided');
      expect(await caseEvents(applicationId)).toEqual(accepted.status === 201 ? ['CaseOpened'] : 404);
    }
  });

  it('when two officers accept at once naming other officers, then one opens the case and the other is 409 application_decided, as it is one after the other', async () => {
    const { applicationId } = (await file({ ...OTHER, request: '两人同时受理' })).body;
    const route = `/v1/applications/${applicationId}/acceptance`;
    const answers = await Promise.all([
      post(route, officer, { officers: ['alice', 'bob'] }),
      post(route, t.token('bob', AGENCY, ['officer']), { officers: ['bob', 'alice'], title: '另一标题' }),
      post(route, officer, { officers: ['alice', 'bob'] }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
    for (const a of answers.filter((x) => x.status === 409)) expect(a.body.code).toBe('application_decided');
    expect(await caseEvents(applicationId)).toEqual(['CaseOpened']);
  });

  it('when a case was opened from an application whose acceptance was not recorded (cut short), then a refusal is 409 and accepting again completes it with that case', async () => {
    const { applicationId } = (await file({ ...OTHER, request: '受理中断' })).body;
    // what an acceptance leaves when the service stops between opening the case and recording itself
    await appendPastRules(
      t,
      caseStream(AGENCY, applicationId),
      'CaseOpened',
      {
        caseId: applicationId,
        itemCode: 'L-001',
        title: '受理中断的申请',
        openedOn: '2026-11-30',
        officers: ['alice', 'bob'],
        parties: [{ kind: 'organization', name: '某某律师事务所' }],
        application: applicationId,
      },
      { agency: AGENCY, occurredAt: '2026-11-30T12:30:00+08:00' },
    );
    const refused = await post(`/v1/applications/${applicationId}/rejection`, officer, refusal);
    expect([refused.status, refused.body.code]).toEqual([409, 'application_decided']);
    const accepted = await post(`/v1/applications/${applicationId}/acceptance`, officer, {
      officers: ['alice', 'bob'],
    });
    expect([accepted.status, accepted.body.caseId]).toEqual([201, applicationId]);
    const file_ = await t.call('GET', `/v1/cases/${applicationId}?consistentWith=${position}`, { token: officer });
    expect([file_.body.title, file_.body.revision]).toEqual(['受理中断的申请', 0]);
  });
});

describe('the public filing is rate-limited per client', () => {
  let limited: TestService;
  beforeAll(async () => {
    limited = await startTestService({ PUBLIC_RATE_LIMIT: '2' }, { clock });
  });
  afterAll(() => limited.stop());

  it('when a client files more often than the public limit allows, then it is 429 rate_limited with Retry-After', async () => {
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 3; i++) {
      last = await fetch(`${limited.url}/v1/applications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(APPLICATION),
      });
      statuses.push(last.status);
    }
    // no licensing item is registered there: the first two are refused by the rules, the third by the limit
    expect(statuses).toEqual([422, 422, 429]);
    expect(last!.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('when the same file is sent in six parts, then it is filed once, as its first part names it', async () => {
    const parts = Array.from({ length: 6 }, (_, i) => ({ bytes: PDF, type: 'application/pdf', name: `${i}.pdf` }));
    const res = await file(APPLICATION, parts);
    expect(res.status).toBe(201);
    const events = await t.call('GET', `/v1/events?after=0&types=ApplicationFiled`, { token: supervisor });
    const recorded = events.body.events.map((e: any) => e.event).find((e: any) => e.id === res.body.eventId);
    expect(recorded.data.attachments).toEqual([expect.objectContaining({ size: PDF.length, name: '0.pdf' })]);
  });
});
