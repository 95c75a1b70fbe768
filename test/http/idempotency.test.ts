import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedAgency, startTestService, type TestService } from '../support/service.js';

const AGENCY = 'county-justice';
const today = new Date().toISOString().slice(0, 10);
const openBody = {
  itemCode: 'P-001',
  title: '某律所未公示执业信息案',
  openedOn: today,
  officers: ['alice', 'bob'],
  parties: [{ kind: 'organization', name: '某律师事务所' }],
};
const evidence = (description: string) => ({
  type: 'EvidenceCollected',
  occurredAt: `${today}T00:09:30+08:00`,
  officers: ['alice', 'bob'],
  data: { description },
});
const keyed = (key: string) => ({ 'idempotency-key': key });

let dataDir: string;
let t: TestService;
let officer: string;
let admin: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-idem-'));
  t = await startTestService({ LEDGER_DATA_DIR: dataDir });
  ({ officer, admin } = await seedAgency(t, AGENCY));
});
afterAll(async () => {
  await t.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The agency's cases, as the read model holds them once it has applied `position`. */
async function casesTitled(title: string, position: number): Promise<string[]> {
  const res = await t.call('GET', `/v1/cases?consistentWith=${position}&limit=200`, { token: officer });
  expect(res.status).toBe(200);
  return res.body.items.filter((c: { title: string }) => c.title === title).map((c: { caseId: string }) => c.caseId);
}

/** The case's events, each with its sealed fields as the service opens them (`personal`) in place. */
async function eventsOf(caseId: string): Promise<{ type: string; data: Record<string, unknown> }[]> {
  const res = await t.call('GET', `/v1/cases/${caseId}/events`, { token: officer });
  expect(res.status).toBe(200);
  return res.body.events.map((e: { data: Record<string, unknown>; personal?: Record<string, unknown> }) => ({
    ...e,
    data: {
      ...e.data,
      ...(e.personal?.['/description'] === undefined ? {} : { description: e.personal['/description'] }),
    },
  }));
}

describe('Idempotency-Key over HTTP', () => {
  it('when a case is opened twice with one Idempotency-Key and no caseId, then one case exists and the retry gets the original answer', async () => {
    const body = { ...openBody, title: '重试立案' };
    const first = await t.call('POST', '/v1/cases', { token: officer, body, headers: keyed('open-1') });
    expect(first.status).toBe(201);
    const retry = await t.call('POST', '/v1/cases', { token: officer, body, headers: keyed('open-1') });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(await casesTitled('重试立案', first.body.position)).toEqual([first.body.caseId]);
  });

  it('when a case is opened twice with one Idempotency-Key and no caseId after a restart of the service, then one case exists and the retry gets the original answer', async () => {
    const body = { ...openBody, title: '重启后重试立案' };
    const first = await t.call('POST', '/v1/cases', { token: officer, body, headers: keyed('open-2') });
    expect(first.status).toBe(201);
    await t.stop();
    t = await startTestService({ LEDGER_DATA_DIR: dataDir });
    officer = t.token('alice', AGENCY, ['officer']);
    admin = t.token(`head-${AGENCY}`, AGENCY, ['admin']);
    const retry = await t.call('POST', '/v1/cases', { token: officer, body, headers: keyed('open-2') });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(await casesTitled('重启后重试立案', first.body.position)).toEqual([first.body.caseId]);
  });

  it('when an opening is retried with the key but other content, then 422 idempotency_key_reused and no case is added', async () => {
    const body = { ...openBody, title: '改过的立案' };
    const first = await t.call('POST', '/v1/cases', { token: officer, body, headers: keyed('open-3') });
    expect(first.status).toBe(201);
    const changed = { ...body, title: '另一案' };
    const retry = await t.call('POST', '/v1/cases', { token: officer, body: changed, headers: keyed('open-3') });
    expect(retry.status).toBe(422);
    expect(retry.body.code).toBe('idempotency_key_reused');
    expect(await casesTitled('另一案', first.body.position)).toEqual([]);
  });

  it('when two users of an agency open cases with the same Idempotency-Key, then each gets a case of their own', async () => {
    const bob = t.token('bob', AGENCY, ['officer']);
    const body = { ...openBody, title: '同键两人' };
    const a = await t.call('POST', '/v1/cases', { token: officer, body, headers: keyed('shared') });
    const b = await t.call('POST', '/v1/cases', { token: bob, body, headers: keyed('shared') });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.caseId).not.toBe(b.body.caseId);
  });

  it('when the same act is retried with the same key, then 200 with the original event', async () => {
    const opened = await t.call('POST', '/v1/cases', { token: officer, body: { ...openBody, title: '重试取证' } });
    const route = `/v1/cases/${opened.body.caseId}/acts`;
    const first = await t.call('POST', route, { token: officer, body: evidence('照片'), headers: keyed('act-1') });
    expect(first.status).toBe(201);
    const retry = await t.call('POST', route, { token: officer, body: evidence('照片'), headers: keyed('act-1') });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(await eventsOf(opened.body.caseId)).toHaveLength(2);
  });

  it('when an Idempotency-Key is reused for an act with a different description, then 422 idempotency_key_reused and nothing is recorded', async () => {
    const opened = await t.call('POST', '/v1/cases', { token: officer, body: { ...openBody, title: '复用键取证' } });
    const route = `/v1/cases/${opened.body.caseId}/acts`;
    const first = await t.call('POST', route, { token: officer, body: evidence('照片'), headers: keyed('act-2') });
    expect(first.status).toBe(201);
    const reused = await t.call('POST', route, { token: officer, body: evidence('另一张'), headers: keyed('act-2') });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('idempotency_key_reused');
    const events = await eventsOf(opened.body.caseId);
    expect(events.map((e) => e.data.description ?? null)).toEqual([null, '照片']);
  });

  it('when a review request is retried with its key, then 200 with the original event; with another reason inside its proposal, then 422', async () => {
    const opened = await t.call('POST', '/v1/cases', { token: officer, body: { ...openBody, title: '重试送审' } });
    const route = `/v1/cases/${opened.body.caseId}/acts`;
    const request = (deviationReason: string) => ({
      type: 'LegalReviewRequested',
      occurredAt: `${today}T00:10:00+08:00`,
      data: {
        proposed: { decisionType: 'warning', legalBasis: '《律师法》第五十条', deviationReason },
        materials: ['张三的询问笔录'],
      },
    });
    // the reason (inside the proposal) and the materials are sealed: the retry is compared with them opened
    const first = await t.call('POST', route, { token: officer, body: request('张三系初犯'), headers: keyed('rv-1') });
    expect(first.status).toBe(201);
    const retry = await t.call('POST', route, { token: officer, body: request('张三系初犯'), headers: keyed('rv-1') });
    expect([retry.status, retry.body]).toEqual([200, first.body]);
    const other = await t.call('POST', route, { token: officer, body: request('张三系再犯'), headers: keyed('rv-1') });
    expect([other.status, other.body.code]).toEqual([422, 'idempotency_key_reused']);
    expect(await eventsOf(opened.body.caseId)).toHaveLength(2);
  });

  it('when a batch is retried with its key but other acts, then 422 idempotency_key_reused and nothing is recorded', async () => {
    const opened = await t.call('POST', '/v1/cases', { token: officer, body: { ...openBody, title: '批量复用键' } });
    const route = `/v1/cases/${opened.body.caseId}/acts:batch`;
    const acts = [evidence('一'), evidence('二')];
    const first = await t.call('POST', route, { token: officer, body: { acts }, headers: keyed('batch-1') });
    expect(first.status).toBe(201);
    const same = await t.call('POST', route, { token: officer, body: { acts }, headers: keyed('batch-1') });
    expect(same.status).toBe(200);
    expect(same.body).toEqual(first.body);
    const other = { acts: [evidence('一'), evidence('三')] };
    const reused = await t.call('POST', route, { token: officer, body: other, headers: keyed('batch-1') });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('idempotency_key_reused');
    expect(await eventsOf(opened.body.caseId)).toHaveLength(3);
  });

  it("when an erasure is sent under the key of the admin's earlier act on the case, then 422 idempotency_key_reused and nothing is erased; sent again under its own key, the original answer", async () => {
    const opened = await t.call('POST', '/v1/cases', { token: officer, body: { ...openBody, title: '擦除复用键' } });
    const caseId = opened.body.caseId as string;
    const marked = await t.call('POST', `/v1/cases/${caseId}/acts`, {
      token: admin,
      body: { type: 'CaseMarkedComplex', occurredAt: `${today}T00:09:40+08:00`, data: { reason: '案情复杂' } },
      headers: keyed('admin-1'),
    });
    expect(marked.status).toBe(201);
    const erase = (key: string, reason: string) =>
      t.call('POST', `/v1/cases/${caseId}/erasure`, {
        token: admin,
        body: { ground: 'retention_expired', reason },
        headers: keyed(key),
      });
    const reused = await erase('admin-1', '保管期限届满');
    expect([reused.status, reused.body.code]).toEqual([422, 'idempotency_key_reused']);
    expect((await eventsOf(caseId)).map((e) => e.type)).toEqual(['CaseOpened', 'CaseMarkedComplex']);
    // the case's data key was not destroyed: its sealed title still opens
    const file = await t.call('GET', `/v1/cases/${caseId}?consistentWith=${marked.body.position}`, { token: officer });
    expect(file.body.title).toBe('擦除复用键');

    const erased = await erase('erase-1', '保管期限届满');
    expect([erased.status, erased.body.type]).toEqual([201, 'CaseDataErased']);
    const again = await erase('erase-1', '保管期限届满');
    expect([again.status, again.body.eventId]).toEqual([200, erased.body.eventId]);
    const other = await erase('erase-1', '另一理由');
    expect([other.status, other.body.code]).toEqual([422, 'idempotency_key_reused']);
  });

  it('when a registration is retried with its key, then 200; with another profile, then 422 idempotency_key_reused', async () => {
    const profile = {
      officerId: 'dora',
      name: 'dora',
      agency: AGENCY,
      certificateNo: 'C-dora',
      validFrom: '2018-01-01',
      validTo: '2030-12-31',
      roles: ['officer'],
    };
    const first = await t.call('POST', '/v1/officers', { token: admin, body: profile, headers: keyed('reg-1') });
    expect(first.status).toBe(201);
    const retry = await t.call('POST', '/v1/officers', { token: admin, body: profile, headers: keyed('reg-1') });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    const changed = { ...profile, certificateNo: 'C-dora-2' };
    const reused = await t.call('POST', '/v1/officers', { token: admin, body: changed, headers: keyed('reg-1') });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('idempotency_key_reused');
    const item = { code: 'P-002', agency: AGENCY, name: '事项', category: 'penalty', legalBasis: '第一条' };
    const registered = await t.call('POST', '/v1/items', { token: admin, body: item, headers: keyed('reg-2') });
    expect(registered.status).toBe(201);
    const again = await t.call('POST', '/v1/items', { token: admin, body: item, headers: keyed('reg-2') });
    expect(again.status).toBe(200);
    const other = { ...item, name: '另一事项' };
    expect((await t.call('POST', '/v1/items', { token: admin, body: other, headers: keyed('reg-2') })).status).toBe(
      422,
    );
  });
});
