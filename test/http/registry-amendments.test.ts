import { getPage } from '../web/public-fixture.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';

const AGENCY = 'county-justice';
let t: TestService;
let admin: string;
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
const read = (route: string) =>
  call('GET', `${route}${route.includes('?') ? '&' : '?'}consistentWith=${position}`, undefined);

beforeAll(async () => {
  t = await startTestService();
  ({ admin } = await seedAgency(t, AGENCY));
  ({ admin: otherAdmin } = await seedAgency(t, 'city-market', { officers: ['carl', 'cora'] }));
}, 60_000);
afterAll(() => t?.stop());

describe('amending an enforcement item (ItemAmended)', () => {
  const amendment = {
    changes: { reviewMaterials: ['调查终结报告', '拟处理意见'], reviewWorkingDays: 8 },
    reason: '明确送审材料',
  };

  it('when the admin amends an item, then 201, the public list and the items page show its submission materials, and a retry is the same write', async () => {
    const res = await call('POST', '/v1/items/P-001/amendments', admin, amendment, 'amend-item-1');
    expect([res.status, res.body.code, res.body.agency]).toEqual([201, 'P-001', AGENCY]);
    const again = await call('POST', '/v1/items/P-001/amendments', admin, amendment, 'amend-item-1');
    expect([again.status, again.body.hash]).toEqual([200, res.body.hash]);

    const list = await read(`/v1/items?agency=${AGENCY}`);
    const item = list.body.items.find((i: { code: string }) => i.code === 'P-001');
    expect(item).toMatchObject({ reviewMaterials: ['调查终结报告', '拟处理意见'], reviewWorkingDays: 8 });
    expect(item.legalBasis).toBe('《律师法》第五十条');
    const page = await getPage(t, `/items?agency=${AGENCY}`);
    expect(page.text).toContain('法制审核送审材料');
    expect(page.text).toContain('调查终结报告、拟处理意见');
  });

  it("when the admin sets an item's retention period, then the public list shows it; a period out of range is refused", async () => {
    const res = await call('POST', '/v1/items/P-001/amendments', admin, {
      changes: { retention: 30 },
      reason: '档案保管期限',
    });
    expect(res.status).toBe(201);
    const list = await read(`/v1/items?agency=${AGENCY}`);
    expect(list.body.items.find((i: { code: string }) => i.code === 'P-001').retention).toBe(30);
    const bad = await call('POST', '/v1/items/P-001/amendments', admin, { changes: { retention: 0 }, reason: 'x' });
    expect([bad.status, bad.body.code]).toEqual([400, 'invalid_body']);
  });

  it("when an amendment is empty, names a member that cannot change, names an unknown item or comes from an officer, then it is refused and the item is unchanged; another agency's admin amends only its own item of that code", async () => {
    const empty = await call('POST', '/v1/items/P-001/amendments', admin, { changes: {}, reason: 'x' });
    expect([empty.status, empty.body.code]).toEqual([400, 'invalid_body']);
    const code = await call('POST', '/v1/items/P-001/amendments', admin, { changes: { code: 'P-002' }, reason: 'x' });
    expect([code.status, code.body.code]).toEqual([400, 'invalid_body']);
    const other = await call('POST', '/v1/items/P-001/amendments', otherAdmin, {
      changes: { legalBasis: '另一依据' },
      reason: 'x',
    });
    // city-market has its own P-001: the amendment is of that one, never of the county's
    expect(other.status).toBe(201);
    const missing = await call('POST', '/v1/items/X-404/amendments', admin, { changes: { name: 'n' }, reason: 'x' });
    expect([missing.status, missing.body.code]).toEqual([404, 'not_found']);
    const officer = t.token('alice', AGENCY, ['officer']);
    const denied = await call('POST', '/v1/items/P-001/amendments', officer, { changes: { name: 'n' }, reason: 'x' });
    expect(denied.status).toBe(403);
    const list = await read(`/v1/items?agency=${AGENCY}`);
    const item = list.body.items.find((i: { code: string }) => i.code === 'P-001');
    expect([item.name, item.legalBasis]).toEqual(['未按规定公示执业信息', '《律师法》第五十条']);
  });
});

describe("amending an officer's record (OfficerAmended)", () => {
  it('when a certificate is renewed, then 201 and the public officer list shows the new number and validity', async () => {
    const renewal = { changes: { certificateNo: '1405-alice-2', validTo: '2035-12-31' }, reason: '执法证换发' };
    const res = await call('POST', '/v1/officers/alice/amendments', admin, renewal);
    expect([res.status, res.body.officerId]).toEqual([201, 'alice']);
    const list = await read(`/v1/officers?agency=${AGENCY}`);
    const alice = list.body.items.find((o: { certificateNo: string }) => o.certificateNo === '1405-alice-2');
    expect(alice).toMatchObject({ validFrom: '2018-01-01', validTo: '2035-12-31' });
  });

  it('when the validity would end before it starts, or roles are emptied, then 422 or 400 and nothing changes', async () => {
    const backwards = await call('POST', '/v1/officers/bob/amendments', admin, {
      changes: { validTo: '2017-01-01' },
      reason: 'x',
    });
    expect([backwards.status, backwards.body.code]).toEqual([422, 'validity_invalid']);
    const noRoles = await call('POST', '/v1/officers/bob/amendments', admin, { changes: { roles: [] }, reason: 'x' });
    expect(noRoles.status).toBe(400);
    const list = await read(`/v1/officers?agency=${AGENCY}`);
    const bob = list.body.items.find((o: { certificateNo: string }) => o.certificateNo === '1405-bob');
    expect(bob.validTo).toBe('2030-12-31');
  });
});
