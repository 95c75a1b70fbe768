import { createHash, randomBytes } from 'node:crypto';
import { startTestService, type TestService } from '../support/service.js';

const A = 'county-justice';
const B = 'county-market';
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Registers two officers and an item of the agency, and opens its case `caseId`. */
async function seed(t: TestService, agency: string, officers: [string, string], caseId: string): Promise<void> {
  const admin = t.token(`head-${agency}`, agency, ['admin']);
  for (const officerId of officers) {
    const body = {
      officerId,
      name: `执法人员${officerId}`,
      agency,
      certificateNo: `14050100${officerId}`,
      validFrom: '2018-01-01',
      validTo: '2030-12-31',
      roles: ['officer'],
    };
    expect((await t.call('POST', '/v1/officers', { token: admin, body })).status).toBe(201);
  }
  const item = { code: 'P-001', agency, name: '检查事项', category: 'penalty', legalBasis: '第五十条' };
  expect((await t.call('POST', '/v1/items', { token: admin, body: item })).status).toBe(201);
  const opened = await t.call('POST', '/v1/cases', {
    token: t.token(officers[0], agency, ['officer']),
    body: {
      caseId,
      itemCode: 'P-001',
      title: '检查案',
      openedOn: '2026-03-02',
      officers,
      parties: [{ kind: 'organization', name: '某公司' }],
    },
  });
  expect(opened.status).toBe(201);
}

async function upload(t: TestService, token: string, bytes: Uint8Array) {
  const res = await fetch(`${t.url}/v1/media`, {
    method: 'POST',
    headers: { 'content-type': 'image/jpeg', authorization: `Bearer ${token}` },
    body: bytes,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function download(t: TestService, token: string, sha: string) {
  const res = await fetch(`${t.url}/v1/media/${sha}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
}

describe('media belong to the agencies that uploaded them', () => {
  let t: TestService;
  let alice: string;
  let bert: string;

  beforeAll(async () => {
    t = await startTestService();
    alice = t.token('alice', A, ['officer']);
    bert = t.token('bert', B, ['officer']);
    await seed(t, A, ['alice', 'amy'], 'a-1');
    await seed(t, B, ['bert', 'bess'], 'b-1');
    await t.service.readModelsCaughtUp();
  });
  afterAll(() => t.stop());

  const evidence = (sha: string) => ({
    type: 'EvidenceCollected',
    occurredAt: '2026-03-03T09:30:00+08:00',
    data: { description: '现场照片' },
    media: [sha],
  });

  it("when B names A's medium in an act, then 422 media_unknown and nothing is recorded", async () => {
    const bytes = randomBytes(2000);
    expect((await upload(t, alice, bytes)).status).toBe(201);
    const before = await t.call('GET', '/v1/cases/b-1', { token: bert });
    expect(before.status).toBe(200);
    const act = await t.call('POST', '/v1/cases/b-1/acts', { token: bert, body: evidence(sha256(bytes)) });
    expect(act.status).toBe(422);
    expect(act.body).toMatchObject({ code: 'media_unknown' });
    await t.service.readModelsCaughtUp();
    const after = await t.call('GET', '/v1/cases/b-1', { token: bert });
    expect(after.status).toBe(200);
    expect((after.body as { revision: number }).revision).toBe((before.body as { revision: number }).revision);
  });

  it("when B asks for A's medium after naming it in an act of its own case, then 404, while A reads it", async () => {
    const bytes = randomBytes(3000);
    const sha = sha256(bytes);
    expect((await upload(t, alice, bytes)).status).toBe(201);
    expect((await t.call('POST', '/v1/cases/a-1/acts', { token: alice, body: evidence(sha) })).status).toBe(201);
    await t.call('POST', '/v1/cases/b-1/acts', { token: bert, body: evidence(sha) });
    expect(await download(t, alice, sha)).toMatchObject({ status: 200, bytes });
    expect((await download(t, bert, sha)).status).toBe(404);
  });

  it('when two agencies upload the same bytes, then both get 201 and both may use it; a repeat is 200', async () => {
    const bytes = randomBytes(4000);
    const sha = sha256(bytes);
    const first = await upload(t, alice, bytes);
    const second = await upload(t, bert, bytes);
    expect(first).toEqual({ status: 201, body: { sha256: sha, size: 4000, contentType: 'image/jpeg' } });
    expect(second).toEqual(first);
    expect((await upload(t, bert, bytes)).status).toBe(200);
    expect((await t.call('POST', '/v1/cases/a-1/acts', { token: alice, body: evidence(sha) })).status).toBe(201);
    expect((await t.call('POST', '/v1/cases/b-1/acts', { token: bert, body: evidence(sha) })).status).toBe(201);
    expect(await download(t, alice, sha)).toMatchObject({ status: 200, bytes });
    expect(await download(t, bert, sha)).toMatchObject({ status: 200, bytes });
  });
});
