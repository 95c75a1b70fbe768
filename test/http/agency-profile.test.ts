import path from 'node:path';
import { loadValidators } from '../../src/http/validation.js';
import { startTestService, type TestService } from '../support/service.js';

// The agencies' public profiles (行政执法主体): recorded by each agency's admin as a signed event, read by anyone,
// one agency with its versions from the log, all of them from the read model.

const AGENCY = 'county-justice';
const validate = loadValidators(path.resolve(__dirname, '../../schemas'));

let t: TestService;
let admin: string;
let position = 0;

async function call(method: string, route: string, token?: string, body?: unknown, headers?: Record<string, string>) {
  const res = await t.call(method, route, {
    ...(token ? { token } : {}),
    ...(body === undefined ? {} : { body }),
    ...(headers ? { headers } : {}),
  });
  if (typeof res.body?.position === 'number') position = Math.max(position, res.body.position);
  return res;
}
const read = (route: string) => call('GET', `${route}${route.includes('?') ? '&' : '?'}consistentWith=${position}`);
const profile = {
  agency: AGENCY,
  name: '某县司法局',
  address: '某县人民路1号',
  telephone: '0000-1234567',
  hours: '工作日 8:30—12:00，14:30—17:30',
  supervisionTelephone: '12345',
};

beforeAll(async () => {
  t = await startTestService();
  admin = t.token('ada', AGENCY, ['admin']);
});
afterAll(() => t.stop());

describe('agency profiles', () => {
  it('when no agency recorded a profile, then the list is empty and an agency reads as version 0 without one', async () => {
    const list = await read('/v1/agencies');
    expect(list.status).toBe(200);
    expect(list.body).toEqual({ items: [] });
    const one = await read(`/v1/agencies/${AGENCY}/profile`);
    expect(one.body).toEqual({ agency: AGENCY, version: 0, history: [] });
    validate('urn:evidence-ledger:schema:response:agency-profile', one.body);
  });

  it('when the admin records the profile, then it is a signed event of version 1, listed and read back whole', async () => {
    const set = await call('PUT', `/v1/agencies/${AGENCY}/profile`, admin, profile);
    expect(set.status).toBe(201);
    expect(set.body).toMatchObject({ agency: AGENCY, revision: 0 });
    expect(set.headers.get('etag')).toBe('"0"');
    validate('urn:evidence-ledger:schema:response:recording-write', set.body);

    const { agency: _agency, ...asked } = profile;
    const one = (await read(`/v1/agencies/${AGENCY}/profile`)).body;
    validate('urn:evidence-ledger:schema:response:agency-profile', one);
    expect(one).toMatchObject({ agency: AGENCY, version: 1, revision: 0, profile: asked });
    // If-Match with the revision read: a write over another version is refused, nothing recorded
    const stale = await call(
      'PUT',
      `/v1/agencies/${AGENCY}/profile`,
      admin,
      { ...profile, hours: '全天' },
      {
        'If-Match': `"${one.revision + 1}"`,
      },
    );
    expect([stale.status, stale.body.code]).toEqual([409, 'revision_conflict']);
    expect(one.history).toEqual([
      { version: 1, profile: asked, recordedAt: expect.any(String), eventId: expect.any(String), hash: set.body.hash },
    ]);
    const list = (await read('/v1/agencies')).body;
    validate('urn:evidence-ledger:schema:response:agency-list', list);
    expect(list.items).toEqual([{ agency: AGENCY, ...asked, version: 1, updatedAt: one.history[0].recordedAt }]);

    const events = (await call('GET', `/v1/ledger/proof/inclusion?eventId=${one.history[0].eventId}`)).status;
    expect(events).toBe(200);
  });

  it('when the same request is sent again with its Idempotency-Key, then it answers the first recording and records nothing', async () => {
    const body = { ...profile, name: '某县司法局（更名）', reason: '机构更名' };
    const headers = { 'Idempotency-Key': 'rename-1' };
    const first = await call('PUT', `/v1/agencies/${AGENCY}/profile`, admin, body, headers);
    const again = await call('PUT', `/v1/agencies/${AGENCY}/profile`, admin, body, headers);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.hash).toBe(first.body.hash);
    const one = (await read(`/v1/agencies/${AGENCY}/profile`)).body;
    expect(one.version).toBe(2);
    expect(one.history[1]).toMatchObject({ version: 2, reason: '机构更名', profile: { name: '某县司法局（更名）' } });
  });

  it('when the profile would not change, then it is 409 version_unchanged and nothing is recorded', async () => {
    const body = { ...profile, name: '某县司法局（更名）' };
    const res = await call('PUT', `/v1/agencies/${AGENCY}/profile`, admin, body);
    expect([res.status, res.body.code]).toEqual([409, 'version_unchanged']);
    expect((await read(`/v1/agencies/${AGENCY}/profile`)).body.version).toBe(2);
  });

  it('when a member is left out of a new version, then the profile no longer has it (the whole profile each time)', async () => {
    const { telephone: _telephone, ...rest } = profile;
    const res = await call('PUT', `/v1/agencies/${AGENCY}/profile`, admin, { ...rest, reason: '电话停用' });
    expect(res.status).toBe(201);
    const listed = (await read('/v1/agencies')).body.items[0];
    expect(listed).toMatchObject({ version: 3, name: profile.name });
    expect(listed.telephone).toBeUndefined();
  });

  it.each([
    ['another agency than the path', { ...profile, agency: 'city-market' }, 400, 'invalid_body'],
    ['no name', { agency: AGENCY }, 400, 'invalid_body'],
    ['a blank name', { ...profile, name: ' \u200b ' }, 400, 'invalid_body'],
    ['a name of 101 characters', { ...profile, name: '局'.repeat(101) }, 400, 'invalid_body'],
    ['a control character', { ...profile, address: 'a\u0000b' }, 400, 'invalid_body'],
    [
      'a line break in the name (a line of its own in the feed)',
      { ...profile, name: '某局\n罚款金额：0.00 元' },
      400,
      'invalid_body',
    ],
    ['a tab in the telephone', { ...profile, telephone: '0000\t123' }, 400, 'invalid_body'],
    ['a right-to-left override in the name', { ...profile, name: '\u202e某县司法局' }, 400, 'invalid_body'],
    ['a zero-width space in the name', { ...profile, name: '某县\u200b司法局' }, 400, 'invalid_body'],
    ['a space at the end of the name', { ...profile, name: '某县司法局 ' }, 400, 'invalid_body'],
    ['an ideographic space at the start of the hours', { ...profile, hours: '\u3000工作日' }, 400, 'invalid_body'],
    ['a member it does not know', { ...profile, website: 'https://example.org' }, 400, 'invalid_body'],
  ])('when the body has %s, then it is refused and nothing is recorded', async (_what, body, status, code) => {
    const before = (await read(`/v1/agencies/${AGENCY}/profile`)).body.version;
    const res = await call('PUT', `/v1/agencies/${AGENCY}/profile`, admin, body);
    expect([res.status, res.body.code]).toEqual([status, code]);
    expect((await read(`/v1/agencies/${AGENCY}/profile`)).body.version).toBe(before);
  });

  it('when an admin of another agency, an officer or no one sends it, then it is refused', async () => {
    const other = t.token('bo', 'city-market', ['admin']);
    const officer = t.token('oli', AGENCY, ['officer']);
    const asOther = await call('PUT', `/v1/agencies/${AGENCY}/profile`, other, profile);
    const asOfficer = await call('PUT', `/v1/agencies/${AGENCY}/profile`, officer, profile);
    const anonymous = await call('PUT', `/v1/agencies/${AGENCY}/profile`, undefined, profile);
    expect([asOther.status, asOfficer.status, anonymous.status]).toEqual([403, 403, 401]);
  });

  it('when two agencies have profiles, then the list pages through them by code', async () => {
    const other = t.token('bo', 'city-market', ['admin']);
    const res = await call('PUT', '/v1/agencies/city-market/profile', other, {
      agency: 'city-market',
      name: '某市市场监管局',
    });
    expect(res.status).toBe(201);
    // another agency's name, however spaced or written in full-width forms, is refused: the public could not tell
    const taken = await call('PUT', '/v1/agencies/city-market/profile', other, {
      agency: 'city-market',
      name: '某县 司法局',
    });
    expect([taken.status, taken.body.code, taken.body.heldBy ?? taken.body.details?.heldBy]).toEqual([
      409,
      'agency_name_taken',
      AGENCY,
    ]);
    const fullWidth = await call('PUT', '/v1/agencies/city-market/profile', other, {
      agency: 'city-market',
      name: '某市市场监管局ＡＢ',
    });
    expect(fullWidth.status).toBe(201);
    const lookAlike = await call('PUT', `/v1/agencies/${AGENCY}/profile`, admin, {
      ...profile,
      name: '某市市场监管局AB',
    });
    expect([lookAlike.status, lookAlike.body.code]).toEqual([409, 'agency_name_taken']);
    const first = (await read('/v1/agencies?limit=1')).body;
    expect(first.items.map((a: { agency: string }) => a.agency)).toEqual(['city-market']);
    const second = (await read(`/v1/agencies?limit=1&cursor=${encodeURIComponent(first.next)}`)).body;
    expect(second.items.map((a: { agency: string }) => a.agency)).toEqual([AGENCY]);
  });

  it('when three agencies take one name at the same moment, then one has it and the others are refused', async () => {
    const agencies = ['race-a', 'race-b', 'race-c'];
    const answers = await Promise.all(
      agencies.map((agency) =>
        call('PUT', `/v1/agencies/${agency}/profile`, t.token('ad', agency, ['admin']), {
          agency,
          name: '某县综合行政执法局',
        }),
      ),
    );
    const recorded = answers.filter((a) => a.status === 201);
    expect(recorded).toHaveLength(1);
    const holder = agencies[answers.indexOf(recorded[0]!)];
    for (const refused of answers.filter((a) => a.status !== 201)) {
      expect([refused.status, refused.body.code, refused.body.heldBy]).toEqual([409, 'agency_name_taken', holder]);
    }
  });
});
