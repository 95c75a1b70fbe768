import { seedAgency, startTestService, type TestService } from '../support/service.js';

/** One law-enforcement certificate number, one officer of the agency in service (执法证号不得重复登记). */
const AGENCY = 'county-justice';
let t: TestService;
let admin: string;
let position = 0;

async function call(method: string, route: string, token: string | undefined, body?: unknown) {
  const res = await t.call(method, route, { ...(token ? { token } : {}), ...(body === undefined ? {} : { body }) });
  if (typeof res.body?.position === 'number') position = Math.max(position, res.body.position);
  return res;
}

const officer = (officerId: string, certificateNo: string, agency = AGENCY) => ({
  officerId,
  name: `执法人员${officerId}`,
  agency,
  certificateNo,
  validFrom: '2024-01-01',
  validTo: '2030-12-31',
  roles: ['officer'],
});

/** The public list's officers under a certificate number, as written, read after every write so far. */
async function listedUnder(certificateNo: string, agency = AGENCY): Promise<string[]> {
  const res = await call('GET', `/v1/officers?agency=${agency}&consistentWith=${position}`, undefined);
  return res.body.items
    .filter((o: { certificateNo: string }) => o.certificateNo === certificateNo)
    .map((o: { name: string }) => o.name);
}

beforeAll(async () => {
  t = await startTestService();
  ({ admin } = await seedAgency(t, AGENCY, { officers: ['alice', 'bob'] }));
}, 60_000);
afterAll(() => t?.stop());

describe('certificate numbers on the officer list', () => {
  it('when a second officer is registered under a number the list shows already (written with full-width digits or spaces), then 409 certificate_taken naming the holder, and nothing is recorded', async () => {
    const before = await t.service.events.headPosition();
    for (const certificateNo of ['1405-alice', '１４０５-ALICE', ' 1405 - alice ']) {
      const refused = await call('POST', '/v1/officers', admin, officer('carol', certificateNo));
      expect([refused.status, refused.body.code, refused.body.heldBy]).toEqual([409, 'certificate_taken', 'alice']);
      expect(refused.body.detail).toBe(`officer alice of the agency holds certificate ${certificateNo} already`);
    }
    expect(await t.service.events.headPosition()).toBe(before);
    expect(await listedUnder('1405-alice')).toEqual(['执法人员alice']);
    // another agency's list is another list
    const { admin: cityAdmin } = await seedAgency(t, 'city-market', { officers: ['cora'] });
    const elsewhere = await call('POST', '/v1/officers', cityAdmin, officer('carl', '1405-alice', 'city-market'));
    expect(elsewhere.status).toBe(201);
  });

  it('when an officer is amended to another officer’s number, then 409 certificate_taken; to a number of their own written otherwise, or with other changes, it is recorded', async () => {
    const taken = await call('POST', '/v1/officers/bob/amendments', admin, {
      changes: { certificateNo: '1405-ALICE' },
      reason: '换发执法证',
    });
    expect([taken.status, taken.body.code, taken.body.heldBy]).toEqual([409, 'certificate_taken', 'alice']);
    const own = await call('POST', '/v1/officers/bob/amendments', admin, {
      changes: { certificateNo: '1405-BOB', validTo: '2031-12-31' },
      reason: '换发执法证',
    });
    expect(own.status).toBe(201);
    const renewed = await call('POST', '/v1/officers/bob/amendments', admin, {
      changes: { certificateNo: '1405-0002' },
      reason: '换发执法证',
    });
    expect(renewed.status).toBe(201);
    // bob's old number is free now
    expect((await call('POST', '/v1/officers', admin, officer('dora', '1405-bob'))).status).toBe(201);
  });

  it('when the holder is suspended, the number stays theirs; once they retire, it is free for a registration', async () => {
    expect((await call('POST', '/v1/officers/alice/suspension', admin, { reason: '暂停执法资格' })).status).toBe(201);
    const whileSuspended = await call('POST', '/v1/officers', admin, officer('erin', '1405-alice'));
    expect([whileSuspended.status, whileSuspended.body.code]).toEqual([409, 'certificate_taken']);
    expect((await call('POST', '/v1/officers/alice/retirement', admin, { reason: '调离执法岗位' })).status).toBe(201);
    const afterRetirement = await call('POST', '/v1/officers', admin, officer('erin', '1405-alice'));
    expect(afterRetirement.status).toBe(201);
    expect(await listedUnder('1405-alice')).toEqual(['执法人员alice', '执法人员erin']);
  });
});
