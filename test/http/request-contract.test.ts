import { randomBytes } from 'node:crypto';
import { accessStream } from '../../src/app/access-log.js';
import { caseStream } from '../../src/domain/case/acts.js';
import { openCase, seedAgency, startTestService, type TestService } from '../support/service.js';

/**
 * The HTTP contract at its edges (docs/architecture.md, "The HTTP API"): what a problem's `instance` holds for a path
 * that is not valid percent-encoding, which `Content-Type` a JSON route takes, an `If-Match` that names no revision,
 * `?format=` on a medium, and path segments that cannot name a resource.
 */
const AGENCY = 'county-justice';
const today = new Date().toISOString().slice(0, 10);
const at = `${today}T00:09:00+08:00`;
const act = { type: 'EvidenceCollected', occurredAt: at, data: { description: '现场照片' } };

let t: TestService;
let admin: string;
let officer: string;
let medium: { sha256: string; bytes: Uint8Array };

beforeAll(async () => {
  t = await startTestService({ CALENDAR_AGENCY: AGENCY });
  ({ admin, officer } = await seedAgency(t, AGENCY));
  expect((await openCase(t, officer, 'rc-1')).status).toBe(201);
  const bytes = new Uint8Array(randomBytes(512));
  const uploaded = await t.call('POST', '/v1/media', {
    token: officer,
    body: bytes,
    headers: { 'content-type': 'application/octet-stream' },
  });
  expect(uploaded.status).toBe(201);
  medium = { sha256: uploaded.body.sha256, bytes };
  const withMedium = { ...act, media: [medium.sha256] };
  expect((await t.call('POST', '/v1/cases/rc-1/acts', { token: officer, body: withMedium })).status).toBe(201);
}, 60_000);
afterAll(() => t?.stop());

const eventsOf = async (stream: string) => (await t.service.events.readStream(stream)).length;

describe("a problem's instance", () => {
  it('when a path holds a % that begins no escape, then instance escapes it as %25, a valid URI reference', async () => {
    const res = await t.call('GET', '/v1/webhooks/%ZZ', { token: admin });
    expect([res.status, res.body.code, res.body.instance]).toEqual([404, 'not_found', '/v1/webhooks/%25ZZ']);
    const trailing = await t.call('GET', '/v1/webhooks/a%2', { token: admin });
    expect([trailing.status, trailing.body.instance]).toEqual([404, '/v1/webhooks/a%252']);
  });

  it('when a path holds escapes that are well-formed but not UTF-8, then instance keeps them as they are', async () => {
    const res = await t.call('GET', '/v1/agencies/%FF/review-settings');
    expect([res.status, res.body.code, res.body.instance]).toEqual([
      404,
      'not_found',
      '/v1/agencies/%FF/review-settings',
    ]);
  });
});

describe('the Content-Type of a JSON body', () => {
  it.each([
    'application/merge-patch+json',
    'application/problem+json',
    'application/json; charset=utf-16',
    'application/json; charset=UTF-16LE',
    'application/json; charset=latin1',
    'application/json; charset=utf-8; charset=utf-16',
  ])(
    'when an act is sent as %s, then 415 unsupported_media_type with Accept-Post, and nothing is recorded',
    async (type) => {
      const before = await eventsOf(caseStream(AGENCY, 'rc-1'));
      const res = await t.call('POST', '/v1/cases/rc-1/acts', {
        token: officer,
        body: act,
        headers: { 'content-type': type },
      });
      expect([res.status, res.body.code, res.headers.get('accept-post')]).toEqual([
        415,
        'unsupported_media_type',
        'application/json',
      ]);
      expect(await eventsOf(caseStream(AGENCY, 'rc-1'))).toBe(before);
    },
  );

  it.each(['application/json', 'application/json; charset=UTF-8', 'Application/JSON; charset="utf-8"'])(
    'when an act is sent as %s, then it is recorded',
    async (type) => {
      const res = await t.call('POST', '/v1/cases/rc-1/acts', {
        token: officer,
        body: act,
        headers: { 'content-type': type },
      });
      expect([type, res.status]).toEqual([type, 201]);
    },
  );
});

describe('If-Match on a write', () => {
  it.each(['"-1"', '-1', '"-3.AbC"'])(
    'when it is %s, a negative number, then 400 invalid_body: it names no revision, and nothing is recorded',
    async (ifMatch) => {
      const before = await eventsOf(caseStream(AGENCY, 'rc-1'));
      const res = await t.call('POST', '/v1/cases/rc-1/acts', {
        token: officer,
        body: act,
        headers: { 'if-match': ifMatch },
      });
      expect([ifMatch, res.status, res.body.code]).toEqual([ifMatch, 400, 'invalid_body']);
      expect(await eventsOf(caseStream(AGENCY, 'rc-1'))).toBe(before);
    },
  );
});

describe('?format= on a medium', () => {
  it.each([
    ['csv', 406, 'not_acceptable'],
    ['json', 406, 'not_acceptable'],
    // no representation at all, on any route
    ['pdf', 400, 'invalid_query'],
  ])(
    'when a medium is asked with ?format=%s, then %s %s, and no retrieval is recorded',
    async (format, status, code) => {
      const before = await eventsOf(accessStream(AGENCY, 'rc-1'));
      const res = await t.call('GET', `/v1/media/${medium.sha256}?format=${format}`, { token: officer });
      expect([res.status, res.body.code]).toEqual([status, code]);
      expect(await eventsOf(accessStream(AGENCY, 'rc-1'))).toBe(before);
    },
  );

  it('when a medium is asked without ?format=, then its bytes', async () => {
    const res = await fetch(`${t.url}/v1/media/${medium.sha256}`, { headers: { authorization: `Bearer ${officer}` } });
    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(medium.bytes);
  });

  it('when an attachment of an application is asked with ?format=, then 406 not_acceptable too', async () => {
    const route = `/v1/applications/00000000-0000-4000-8000-000000000000/attachments/${medium.sha256}?format=json`;
    const res = await t.call('GET', route, { token: officer });
    expect([res.status, res.body.code]).toEqual([406, 'not_acceptable']);
  });
});

describe('path segments that cannot name a resource', () => {
  const revocation = { reason: '遗失', revokedFrom: today };
  it.each([
    ['GET', '/v1/applications/county-justice/x/progress', () => undefined],
    ['GET', '/v1/applications/county-justice!/00000000-0000-4000-8000-000000000000/progress', () => undefined],
    ['GET', '/v1/applications/not-a-uuid', () => officer],
    ['GET', `/v1/applications/not-a-uuid/attachments/${'a'.repeat(64)}`, () => officer],
    ['POST', '/v1/applications/not-a-uuid/acceptance', () => officer],
    ['POST', '/v1/applications/not-a-uuid/rejection', () => officer],
    ['POST', '/v1/officers/alice/keys/nokey/revocation', () => admin],
    ['POST', `/v1/officers/alice/keys/${'A'.repeat(64)}/revocation`, () => admin],
    ['GET', '/v1/calendar/abc', () => undefined],
    ['GET', '/v1/calendar/27', () => undefined],
    ['PUT', '/v1/calendar/20271', () => admin],
    ['GET', `/v1/agencies/${encodeURIComponent('县 司法局')}/review-settings`, () => undefined],
    ['GET', '/v1/benchmarks/county-justice/a%20b', () => undefined],
    ['GET', `/v1/officers/${encodeURIComponent('张 三')}`, () => undefined],
  ])(
    'when %s %s is asked, then 404 not_found, as for any other id that names nothing',
    async (method, route, token) => {
      const body =
        method === 'GET'
          ? undefined
          : route.includes('revocation')
            ? revocation
            : route.includes('calendar')
              ? { holidays: [], workdays: [], source: '国务院办公厅通知' }
              : { officers: ['alice', 'bob'], reason: '不属于本机关职权范围', legalBasis: '《行政许可法》第三十二条' };
      const bearer = token();
      const res = await t.call(method, route, {
        ...(bearer === undefined ? {} : { token: bearer }),
        ...(body === undefined ? {} : { body }),
        headers: { 'x-lookup-code': 'ABCD-EFGH' },
      });
      expect([route, res.status, res.body.code]).toEqual([route, 404, 'not_found']);
    },
  );
});
