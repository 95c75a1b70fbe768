import { seedAgency, startTestService, type TestService } from '../support/service.js';

const AGENCY = 'county-justice';
const CASE = 'status-1';
const today = new Date().toISOString().slice(0, 10);
/** An hour ago at +08:00: in the past, and never on a day before `today` (the UTC date the case opens on). */
const anHourAgo = () => `${new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
let t: TestService;
let admin: string;
let alice: string;
let otherAdmin: string;
let position = 0;

async function call(method: string, route: string, token: string | undefined, body?: unknown, key?: string) {
  const headers = key ? { 'idempotency-key': key } : undefined;
  const res = await t.call(method, route, {
    ...(token ? { token } : {}),
    ...(body === undefined ? {} : { body }),
    ...(headers ? { headers } : {}),
  });
  if (typeof res.body?.position === 'number') position = Math.max(position, res.body.position);
  return res;
}

/** The public officer list's entry of a certificate number, read after every write so far. */
async function listed(certificateNo: string): Promise<{ status: string } | undefined> {
  const res = await call('GET', `/v1/officers?agency=${AGENCY}&consistentWith=${position}`, undefined);
  return res.body.items.find((o: { certificateNo: string }) => o.certificateNo === certificateNo);
}

const evidence = () => ({
  type: 'EvidenceCollected',
  occurredAt: anHourAgo(),
  officers: ['alice', 'bob'],
  data: { description: '现场照片' },
});

beforeAll(async () => {
  t = await startTestService();
  ({ admin, officer: alice } = await seedAgency(t, AGENCY, {
    officers: ['alice', 'bob', 'carol', 'dan', 'erin', 'fay'],
  }));
  ({ admin: otherAdmin } = await seedAgency(t, 'city-market', { officers: ['carl', 'cora'] }));
  const open = {
    caseId: CASE,
    itemCode: 'P-001',
    title: '检查',
    openedOn: today,
    officers: ['alice', 'bob'],
    parties: [{ kind: 'organization', name: '某公司' }],
  };
  expect((await call('POST', '/v1/cases', alice, open)).status).toBe(201);
}, 60_000);
afterAll(() => t?.stop());

describe("an officer's status: suspension, reinstatement, retirement (暂停、恢复执法资格，离岗)", () => {
  it('when the admin suspends an officer, then 201, the public list shows them suspended, an act naming them is refused, and a retry is the same write; once reinstated, the act is recorded', async () => {
    const reason = { reason: '涉嫌违规执法，暂停执法资格' };
    const res = await call('POST', '/v1/officers/bob/suspension', admin, reason, 'suspend-bob');
    expect([res.status, res.body.officerId, res.headers.get('etag')]).toEqual([201, 'bob', `"${res.body.revision}"`]);
    const again = await call('POST', '/v1/officers/bob/suspension', admin, reason, 'suspend-bob');
    expect([again.status, again.body.hash]).toEqual([200, res.body.hash]);
    expect((await listed('1405-bob'))?.status).toBe('suspended');
    const suspended = await call(
      'GET',
      `/v1/officers?agency=${AGENCY}&status=suspended&consistentWith=${position}`,
      undefined,
    );
    expect(suspended.body.items.map((o: { certificateNo: string }) => o.certificateNo)).toEqual(['1405-bob']);

    const refused = await call('POST', `/v1/cases/${CASE}/acts`, alice, evidence());
    expect([refused.status, refused.body.code, refused.body.officerId]).toEqual([422, 'certificate_invalid', 'bob']);
    const twice = await call('POST', '/v1/officers/bob/suspension', admin, { reason: '再次暂停' });
    expect([twice.status, twice.body.code]).toEqual([409, 'officer_suspended']);
    // bob's own token is refused while he is suspended (and records nothing)
    const bob = t.token('bob', AGENCY, ['officer']);
    const byBob = await call('POST', `/v1/cases/${CASE}/acts`, bob, {
      type: 'CaseMarkedComplex',
      occurredAt: anHourAgo(),
      data: { reason: '案情复杂' },
    });
    expect([byBob.status, byBob.body.code]).toEqual([401, 'unauthenticated']);

    const back = await call('POST', '/v1/officers/bob/reinstatement', admin, { reason: '调查结束，恢复执法资格' });
    expect(back.status).toBe(201);
    expect((await listed('1405-bob'))?.status).toBe('active');
    const recorded = await call('POST', `/v1/cases/${CASE}/acts`, alice, evidence());
    expect(recorded.status).toBe(201);
    const notSuspended = await call('POST', '/v1/officers/bob/reinstatement', admin, { reason: '恢复' });
    expect([notSuspended.status, notSuspended.body.code]).toEqual([409, 'officer_not_suspended']);
  });

  it('when the admin retires an officer, then the list shows them retired and their record changes no more: no suspension, reinstatement, amendment or second retirement', async () => {
    const res = await call('POST', '/v1/officers/carol/retirement', admin, { reason: '调离执法岗位' });
    expect(res.status).toBe(201);
    expect((await listed('1405-carol'))?.status).toBe('retired');
    for (const [route, body] of [
      ['retirement', { reason: '再次离岗' }],
      ['suspension', { reason: '暂停' }],
      ['reinstatement', { reason: '恢复' }],
      ['amendments', { changes: { validTo: '2035-12-31' }, reason: '换证' }],
    ] as const) {
      const refused = await call('POST', `/v1/officers/carol/${route}`, admin, body);
      expect([route, refused.status, refused.body.code]).toEqual([route, 409, 'officer_retired']);
    }
  });

  it("when an officer is suspended, then their own token reads and uploads nothing (401, saying why), a token of theirs that is also the head's keeps only that role, and once reinstated the same tokens work again; a retired officer's token is refused for good", async () => {
    const erin = t.token('erin', AGENCY, ['officer']);
    const erinHead = t.token('erin', AGENCY, ['officer', 'admin']);
    const photo = () => new Uint8Array(Buffer.from(`a photo ${Math.random()}`));
    const upload = (token: string) =>
      t.call('POST', '/v1/media', { token, body: photo(), headers: { 'content-type': 'image/jpeg' } });
    const read = (token: string) => t.call('GET', `/v1/cases/${CASE}`, { token });
    expect((await read(erin)).status).toBe(200);
    expect((await upload(erin)).status).toBe(201);

    expect((await call('POST', '/v1/officers/erin/suspension', admin, { reason: '暂停执法资格' })).status).toBe(201);
    expect((await listed('1405-erin'))?.status).toBe('suspended'); // the read models hold the suspension
    for (const res of [await read(erin), await upload(erin)]) {
      expect([res.status, res.body.code]).toEqual([401, 'unauthenticated']);
      expect(res.body.detail).toBe(
        'officer erin of county-justice is suspended: their tokens are refused until reinstated',
      );
    }
    // the head's role stands; the officer's is withheld
    const asHead = await upload(erinHead);
    expect([asHead.status, asHead.body.code]).toEqual([403, 'forbidden']);
    expect((await read(erinHead)).status).toBe(200);
    const amended = await call('POST', '/v1/items/P-001/amendments', erinHead, {
      changes: { name: '未按规定公示执业信息（修订）' },
      reason: '名称修订',
    });
    expect(amended.status).toBe(201);

    expect((await call('POST', '/v1/officers/erin/reinstatement', admin, { reason: '恢复执法资格' })).status).toBe(201);
    expect((await listed('1405-erin'))?.status).toBe('active');
    expect((await read(erin)).status).toBe(200);
    expect((await upload(erinHead)).status).toBe(201);

    const fay = t.token('fay', AGENCY, ['officer']);
    expect((await call('POST', '/v1/officers/fay/retirement', admin, { reason: '调离执法岗位' })).status).toBe(201);
    expect((await listed('1405-fay'))?.status).toBe('retired');
    const gone = await read(fay);
    expect([gone.status, gone.body.detail]).toEqual([
      401,
      'officer fay of county-justice is retired: their tokens are refused for good',
    ]);
    // another agency's fay is another person
    expect((await t.call('GET', '/v1/cases', { token: t.token('fay', 'city-market', ['officer']) })).status).toBe(200);
  });

  it('when the body has no reason (or only white space), comes from an officer, names an unknown officer or one of another agency, then it is refused and nothing changes', async () => {
    for (const body of [{}, { reason: '' }, { reason: '   ' }, { reason: '\u3000\n' }, { reason: '停职', extra: 1 }]) {
      const bad = await call('POST', '/v1/officers/dan/suspension', admin, body);
      expect([bad.status, bad.body.code]).toEqual([400, 'invalid_body']);
    }
    const blankItem = await call('POST', '/v1/items/P-001/retirement', admin, { reason: ' \t ' });
    expect([blankItem.status, blankItem.body.code, blankItem.body.pointer]).toEqual([400, 'invalid_body', '/reason']);
    const denied = await call('POST', '/v1/officers/dan/suspension', alice, { reason: '停职' });
    expect([denied.status, denied.body.code]).toEqual([403, 'forbidden']);
    const unknown = await call('POST', '/v1/officers/nobody/retirement', admin, { reason: '离岗' });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'not_found']);
    // city-market's admin reaches only city-market's officers: the county's dan is not found there
    const foreign = await call('POST', '/v1/officers/dan/suspension', otherAdmin, { reason: '停职' });
    expect([foreign.status, foreign.body.code]).toEqual([404, 'not_found']);
    expect((await listed('1405-dan'))?.status).toBe('active');
  });
});

describe('retiring an enforcement item (ItemRetired)', () => {
  it('when the admin retires an item, then the public list marks it retired, no case opens under it, and a second retirement or an amendment is refused', async () => {
    const item = {
      code: 'P-002',
      agency: AGENCY,
      name: '临时事项',
      category: 'penalty',
      legalBasis: '《律师法》第四十九条',
    };
    expect((await call('POST', '/v1/items', admin, item)).status).toBe(201);
    const res = await call('POST', '/v1/items/P-002/retirement', admin, { reason: '法律依据已废止' }, 'retire-p2');
    expect([res.status, res.body.code, res.body.agency]).toEqual([201, 'P-002', AGENCY]);
    const again = await call('POST', '/v1/items/P-002/retirement', admin, { reason: '法律依据已废止' }, 'retire-p2');
    expect([again.status, again.body.hash]).toEqual([200, res.body.hash]);

    const list = await call('GET', `/v1/items?agency=${AGENCY}&retired=true&consistentWith=${position}`, undefined);
    expect(list.body.items.map((i: { code: string }) => i.code)).toEqual(['P-002']);
    const open = {
      caseId: 'status-2',
      itemCode: 'P-002',
      title: '检查',
      openedOn: today,
      officers: ['alice', 'bob'],
      parties: [{ kind: 'organization', name: '某公司' }],
    };
    const refused = await call('POST', '/v1/cases', alice, open);
    expect([refused.status, refused.body.code]).toEqual([422, 'item_unknown']);
    const twice = await call('POST', '/v1/items/P-002/retirement', admin, { reason: '再次' });
    expect([twice.status, twice.body.code]).toEqual([409, 'item_retired']);
    const amend = await call('POST', '/v1/items/P-002/amendments', admin, { changes: { name: '新名称' }, reason: 'x' });
    expect([amend.status, amend.body.code]).toEqual([409, 'item_retired']);
    const denied = await call('POST', '/v1/items/P-001/retirement', alice, { reason: '废止' });
    expect(denied.status).toBe(403);
    const missing = await call('POST', '/v1/items/X-404/retirement', admin, { reason: '废止' });
    expect([missing.status, missing.body.code]).toEqual([404, 'not_found']);
  });
});
