import { createPublicKey } from 'node:crypto';
import { caseStream } from '../../src/domain/case/acts.js';
import { semanticsTable } from '../../src/http/openapi.js';
import { openNote } from '../../src/ledger/checkpoint.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';

const AGENCY = 'county-justice';
const today = new Date().toISOString().slice(0, 10);
const at = `${today}T00:09:00+08:00`;

let t: TestService;
let officer: string;
let admin: string;
let eventId: string;

beforeAll(async () => {
  t = await startTestService();
  ({ officer, admin } = await seedAgency(t, AGENCY));
  const open = {
    caseId: 'sem-1',
    itemCode: 'P-001',
    title: '某律所未公示执业信息案',
    openedOn: today,
    officers: ['alice', 'bob'],
    parties: [{ kind: 'organization', name: '某律师事务所' }],
  };
  eventId = (await t.call('POST', '/v1/cases', { token: officer, body: open })).body.eventId;
  const decision = {
    decisionType: 'warning',
    legalBasis: '《律师法》第五十条',
    documentNo: '司罚〔2026〕9号',
    decidedOn: today,
  };
  for (const act of [
    { type: 'DecisionIssued', occurredAt: at, data: decision },
    { type: 'DecisionDisclosed', occurredAt: at, data: { publishedOn: today } },
  ]) {
    const res = await t.call('POST', '/v1/cases/sem-1/acts', { token: officer, body: act });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  }
  expect(await t.service.readModelsCaughtUp()).toBe(true);
});
afterAll(() => t.stop());

describe('methods', () => {
  it.each([
    ['DELETE', '/v1/cases/sem-1', 'GET, HEAD, OPTIONS'],
    ['PUT', '/v1/cases/sem-1/acts', 'POST, OPTIONS'],
    ['GET', '/v1/media', 'POST, OPTIONS'],
    ['POST', '/v1/ledger/checkpoint', 'GET, HEAD, OPTIONS'],
    ['PATCH', '/v1/cases', 'POST, GET, HEAD, OPTIONS'],
  ])('when %s %s is asked, then 405 method_not_allowed with Allow: %s', async (method, route, allow) => {
    const res = await t.call(method, route, { token: officer });
    expect([res.status, res.headers.get('allow'), res.body.code, res.body.instance]).toEqual([
      405,
      allow,
      'method_not_allowed',
      route,
    ]);
  });

  it('when OPTIONS is asked of a known path, then 204 with Allow; an unknown path is still 404', async () => {
    const options = await t.call('OPTIONS', '/v1/cases/sem-1/acts:batch');
    expect([options.status, options.headers.get('allow')]).toEqual([204, 'POST, OPTIONS']);
    expect((await t.call('DELETE', '/v1/nothing')).status).toBe(404);
  });
});

describe('request bodies', () => {
  it('when a JSON route gets another Content-Type, then 415 with Accept-Post and nothing is recorded', async () => {
    const before = (await t.service.events.readStream(caseStream(AGENCY, 'sem-1'))).length;
    const act = JSON.stringify({ type: 'EvidenceCollected', occurredAt: at, data: { description: 'x' } });
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      const res = await t.call('POST', '/v1/cases/sem-1/acts', {
        token: officer,
        body: act,
        headers: { 'content-type': contentType },
      });
      expect([contentType, res.status, res.body.code, res.headers.get('accept-post')]).toEqual([
        contentType,
        415,
        'unsupported_media_type',
        'application/json',
      ]);
    }
    const raw = await fetch(`${t.url}/v1/officers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}` },
      body: new Uint8Array(Buffer.from('{"officerId":"x"}')),
    });
    expect(raw.status).toBe(415);
    expect((await t.service.events.readStream(caseStream(AGENCY, 'sem-1'))).length).toBe(before);
    // JSON with parameters is JSON, another +json type is not; a request without a body reaches the schema check; no
    // token is 401
    const parameters = await t.call('POST', '/v1/cases/sem-1/acts', {
      token: officer,
      body: '{}',
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    expect([parameters.status, parameters.body.code]).toEqual([400, 'invalid_body']);
    const suffixed = await t.call('POST', '/v1/cases/sem-1/acts', {
      token: officer,
      body: '{}',
      headers: { 'content-type': 'application/merge-patch+json; charset=utf-8' },
    });
    expect([suffixed.status, suffixed.body.code]).toEqual([415, 'unsupported_media_type']);
    const empty = await t.call('POST', '/v1/cases', { token: officer });
    expect([empty.status, empty.body.code]).toEqual([400, 'invalid_body']);
    const anonymous = await t.call('POST', '/v1/cases', { body: 'x', headers: { 'content-type': 'text/plain' } });
    expect(anonymous.status).toBe(401);
  });

  it('when a PATCH gets another Content-Type, then 415 names what it takes in Accept-Patch (RFC 5789), not Accept-Post', async () => {
    const res = await t.call('PATCH', '/v1/webhooks/00000000-0000-4000-8000-000000000000', {
      token: admin,
      body: '{"active":false}',
      headers: { 'content-type': 'text/plain' },
    });
    expect([res.status, res.body.code, res.headers.get('accept-patch'), res.headers.get('accept-post')]).toEqual([
      415,
      'unsupported_media_type',
      'application/json',
      null,
    ]);
  });
});

describe('content negotiation', () => {
  it('when Accept asks for a representation a route cannot give, then 406 naming those it can', async () => {
    const csv = await t.call('GET', '/v1/cases/sem-1', { token: officer, headers: { accept: 'text/csv' } });
    expect([csv.status, csv.body.code, csv.body.available]).toEqual([406, 'not_acceptable', ['application/json']]);
    const feed = await t.call('GET', '/v1/disclosures/feed.atom', { headers: { accept: 'application/json' } });
    expect([feed.status, feed.body.available]).toEqual([406, ['application/atom+xml']]);
    const refusedByQ = await t.call('GET', '/v1/disclosures', { headers: { accept: 'application/json;q=0' } });
    expect(refusedByQ.status).toBe(406);
  });

  it('when ?format=csv is asked of a route without CSV, then 406 as Accept: text/csv is; every supervision view answers it', async () => {
    const supervisor = t.token('sam', AGENCY, ['supervisor']);
    const refused = await t.call('GET', '/v1/cases/sem-1?format=csv', { token: officer });
    expect([refused.status, refused.body.code, refused.body.available]).toEqual([
      406,
      'not_acceptable',
      ['application/json'],
    ]);
    // the pull feed is JSON only (docs/integration.md)
    const feed = await t.call('GET', '/v1/events?format=csv', { token: supervisor });
    expect([feed.status, feed.body.code, feed.body.available]).toEqual([406, 'not_acceptable', ['application/json']]);
    // the supervision lists all have a CSV form (docs/read-models.md)
    const views = [
      'devices',
      'device-recordings',
      'evaluation-weak-points?year=2026&',
      'overdue-applications',
      'certificates',
    ];
    for (const view of views) {
      const route = `/v1/audit/${view.includes('?') ? view : `${view}?`}format=csv`;
      const res = await t.call('GET', route, { token: supervisor });
      expect([route, res.status, res.headers.get('content-type')]).toEqual([route, 200, 'text/csv; charset=utf-8']);
    }
    const json = await t.call('GET', '/v1/audit/devices?format=json', { token: supervisor });
    expect([json.status, json.headers.get('content-type')]).toEqual([200, 'application/json; charset=utf-8']);
  });

  it('when ?format=json is asked of a route without JSON, then 406 as Accept: application/json is; a route with JSON answers it', async () => {
    const refused = [
      ['/v1/disclosures/feed.atom?format=json', undefined, ['application/atom+xml']],
      ['/v1/ledger/checkpoint.txt?format=json', undefined, ['text/plain']],
      ['/v1/cases/sem-1/bundle?format=json', officer, ['application/x-tar']],
    ] as const;
    for (const [route, token, available] of refused) {
      const res = await t.call('GET', route, token === undefined ? {} : { token });
      expect([route, res.status, res.body.code, res.body.available]).toEqual([route, 406, 'not_acceptable', available]);
    }
    const json = await t.call('GET', '/v1/ledger/checkpoint?format=json');
    expect([json.status, json.headers.get('content-type')]).toEqual([200, 'application/json; charset=utf-8']);
  });

  it('when ?format= is given twice, or is neither json nor csv, then 400 invalid_query on every route, as on the supervision views', async () => {
    const supervisor = t.token('sam', AGENCY, ['supervisor']);
    const routes = [
      ['/v1/items', undefined],
      ['/v1/ledger/checkpoint', undefined],
      ['/v1/disclosures/feed.atom', undefined],
      ['/v1/events', supervisor],
      ['/v1/cases/sem-1', officer],
      ['/v1/audit/devices', supervisor],
    ] as const;
    const formats = [
      ['format=csv&format=csv', /^format must be given once/],
      ['format=json&format=json', /^format must be given once/],
      ['format=xml', /^format must be one of json, csv$/],
      ['format=CSV', /^format must be one of json, csv$/],
      ['format=', /^format must be given once/],
    ] as const;
    for (const [path, token] of routes) {
      for (const [format, detail] of formats) {
        const route = `${path}?${format}`;
        const res = await t.call('GET', route, token === undefined ? {} : { token });
        expect([route, res.status, res.body.code, res.body.detail]).toEqual([
          route,
          400,
          'invalid_query',
          expect.stringMatching(detail),
        ]);
      }
    }
    // before the token, the body or anything else is looked at, whatever the route
    for (const { method, path } of semanticsTable) {
      const route = path.replace(/\{\w+\}/g, 'x') + '?format=xml';
      const res = await t.call(method, route, {});
      expect([method, route, res.status, res.body.code]).toEqual([method, route, 400, 'invalid_query']);
    }
  });

  it.each([
    ['text/csv;charset=utf-8', 'text/csv; charset=utf-8'],
    ['text/csv; charset="UTF-8"', 'text/csv; charset=utf-8'],
    ['application/json;charset=utf-8', 'application/json; charset=utf-8'],
  ])('when Accept is %p on a supervision view, then it answers that, in the UTF-8 it sends', async (accept, type) => {
    const supervisor = t.token('sam', AGENCY, ['supervisor']);
    const res = await t.call('GET', '/v1/audit/overdue-reviews', { token: supervisor, headers: { accept } });
    expect([res.status, res.headers.get('content-type')]).toEqual([200, type]);
    const latin1 = await t.call('GET', '/v1/audit/overdue-reviews', {
      token: supervisor,
      headers: { accept: 'text/csv;charset=iso-8859-1' },
    });
    expect([latin1.status, latin1.body.code]).toEqual([406, 'not_acceptable']);
  });

  it.each([[undefined], ['*/*'], ['application/*'], ['text/csv;q=1, application/json;q=0.2'], ['']])(
    'when Accept is %p on a JSON route, then JSON 200',
    async (accept) => {
      const res = await t.call('GET', '/v1/disclosures', accept === undefined ? {} : { headers: { accept } });
      expect([res.status, res.headers.get('content-type')]).toEqual([200, 'application/json; charset=utf-8']);
    },
  );
});

describe('query parameters', () => {
  it('when a route is asked with a query parameter it does not take, then 400 invalid_query naming it and those it takes, before anything else is checked', async () => {
    const supervisor = t.token('sup', AGENCY, ['supervisor']);
    // a misspelt filter would otherwise answer as if none were given
    const misspelt = await t.call('GET', '/v1/audit/overdue-disclosures?asof=2026-01-01', { token: supervisor });
    expect([misspelt.status, misspelt.body.code, misspelt.body.unknown]).toEqual([400, 'invalid_query', ['asof']]);
    expect(misspelt.body.accepted).toEqual(expect.arrayContaining(['asOf', 'format']));
    // the purpose of a read is a header (x-purpose): as a query parameter it would be recorded nowhere
    const purpose = await t.call('GET', '/v1/cases/sem-1?purpose=audit', { token: officer });
    expect([purpose.status, purpose.body.unknown]).toEqual([400, ['purpose']]);
    // a route whose own parameters name format lists it once
    const listed = await t.call('GET', '/v1/audit/certificates?asof=2026-01-01', { token: supervisor });
    expect(listed.status).toBe(400);
    expect(listed.body.accepted.filter((name: string) => name === 'format')).toEqual(['format']);
    const none = await t.call('POST', '/v1/verify?strict=1', { body: 'x' });
    expect([none.status, none.body.code, none.body.accepted]).toEqual([400, 'invalid_query', ['format']]);
    for (const { method, path } of semanticsTable) {
      const route = path.replace(/\{\w+\}/g, 'x') + '?zz-unknown=1';
      const res = await t.call(method, route, {});
      expect([method, route, res.status, res.body.code]).toEqual([method, route, 400, 'invalid_query']);
    }
  });

  it('when a route is asked with the parameters it takes, format or consistentWith, then it answers', async () => {
    const supervisor = t.token('sup', AGENCY, ['supervisor']);
    const asOf = await t.call('GET', `/v1/audit/overdue-disclosures?asOf=${today}&format=json`, { token: supervisor });
    expect(asOf.status).toBe(200);
    const head = (await t.call('GET', '/v1/ledger/checkpoint')).body.size as number;
    for (const route of [
      `/v1/cases/sem-1/events?consistentWith=${head}&limit=1`,
      `/v1/agencies/${AGENCY}/review-settings?consistentWith=${head}`,
      `/v1/calendar?consistentWith=${head}`,
      `/v1/calendar/2026?consistentWith=${head}`,
    ]) {
      expect([route, (await t.call('GET', route, { token: officer })).status]).toEqual([route, 200]);
    }
    const warnings = await t.call('GET', `/v1/audit/warnings?consistentWith=${head}`, { token: supervisor });
    expect(warnings.status).toBe(200);
    const bad = await t.call('GET', '/v1/cases/sem-1/events?consistentWith=soon', { token: officer });
    expect([bad.status, bad.body.code]).toEqual([400, 'invalid_query']);
  });
});

describe('the checkpoint as a signed note', () => {
  it('when the checkpoint is asked as text/plain, or at checkpoint.txt, then the bare note, signed by the log key', async () => {
    const json = await t.call('GET', '/v1/ledger/checkpoint');
    const text = await t.call('GET', '/v1/ledger/checkpoint', { headers: { accept: 'text/plain' } });
    const alias = await t.call('GET', '/v1/ledger/checkpoint.txt', { headers: { accept: 'application/json, */*' } });
    for (const res of [text, alias]) {
      expect([res.status, res.headers.get('content-type'), res.body]).toEqual([
        200,
        'text/plain; charset=utf-8',
        json.body.note,
      ]);
    }
    expect(text.headers.get('vary')).toContain('Accept');
    const keys = (await t.call('GET', '/v1/ledger/keys')).body;
    const verifiers = keys.keys.map((k: { publicKeyPem: string }) => ({
      name: keys.origin,
      publicKey: createPublicKey(k.publicKeyPem),
    }));
    const opened = openNote(text.body as string, verifiers);
    expect(opened?.body.split('\n').slice(0, 2)).toEqual([keys.origin, String(json.body.size)]);
    expect((await t.call('GET', '/v1/ledger/checkpoint', { headers: { accept: '*/*' } })).body.note).toBe(
      json.body.note,
    );
  });
});

describe('the public routes', () => {
  const PUBLIC = () => [
    '/v1/officers',
    '/v1/agencies/county-justice/recording-list',
    '/v1/agencies/county-justice/review-catalogue',
    '/v1/items',
    '/v1/disclosures',
    '/v1/disclosures/feed.atom',
    '/v1/ledger/checkpoint',
    '/v1/ledger/checkpoint.txt',
    '/v1/ledger/checkpoints',
    '/v1/ledger/keys',
    `/v1/ledger/proof/inclusion?eventId=${eventId}`,
    '/v1/ledger/proof/consistency?from=1&to=2',
    '/problems',
    '/problems/not_found',
  ];

  it('when each public route is read from another origin, then any origin may read it, with ETag and Last-Modified; If-None-Match answers 304', async () => {
    for (const route of PUBLIC()) {
      const res = await t.call('GET', route, { headers: { origin: 'https://example.org' } });
      const etag = res.headers.get('etag');
      const lastModified = res.headers.get('last-modified');
      expect([route, res.status, res.headers.get('access-control-allow-origin')]).toEqual([route, 200, '*']);
      expect([route, res.headers.get('access-control-allow-credentials')]).toEqual([route, null]);
      expect(res.headers.get('access-control-expose-headers')).toContain('ETag');
      expect([route, etag]).toEqual([route, expect.stringMatching(/^"[\w-]{32}"$/)]);
      expect([route, Number.isNaN(Date.parse(lastModified!))]).toEqual([route, false]);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      const again = await t.call('GET', route, { headers: { 'if-none-match': etag! } });
      expect([route, again.status, again.body, again.headers.get('etag')]).toEqual([route, 304, undefined, etag]);
      const since = await t.call('GET', route, { headers: { 'if-modified-since': lastModified! } });
      expect([route, since.status]).toEqual([route, 304]);
    }
  });

  it('when any public route is read, then the answer carries the public rate limit, RateLimit-Policy and RateLimit', async () => {
    const routes = semanticsTable.filter((r) => r.public && r.method === 'GET');
    expect(routes.map((r) => r.path)).toEqual(expect.arrayContaining(['/problems', '/v1/calendar', '/v1/officers']));
    for (const { path } of routes) {
      // any value will do: the limit answers before the route, found or not
      const route = path.replace(/\{[^}]+\}/g, (name) => (name === '{year}' ? '2026' : 'x'));
      const res = await t.call('GET', route);
      expect([path, res.headers.get('ratelimit-policy')]).toEqual([path, expect.stringMatching(/^"requests";q=\d+/)]);
      expect([path, res.headers.get('ratelimit')]).toEqual([path, expect.stringMatching(/^"requests";r=\d+/)]);
    }
  });

  it('when the data changes, then the ETag changes and the old one no longer answers 304', async () => {
    const before = await t.call('GET', '/v1/officers');
    const officer = {
      officerId: 'carol',
      name: '执法人员carol',
      agency: AGENCY,
      certificateNo: '1405-carol',
      validFrom: '2018-01-01',
      validTo: '2030-12-31',
      roles: ['officer'],
    };
    const written = await t.call('POST', '/v1/officers', { token: admin, body: officer });
    expect(written.status).toBe(201);
    const after = await t.call('GET', `/v1/officers?consistentWith=${written.body.position}`, {
      headers: { 'if-none-match': before.headers.get('etag')! },
    });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect(Date.parse(after.headers.get('last-modified')!)).toBeGreaterThanOrEqual(
      Date.parse(before.headers.get('last-modified')!),
    );
  });

  /** A browser's preflight of a GET of `route` from another origin, sending `headers`. */
  const preflight = (route: string, headers: string) =>
    t.call('OPTIONS', route, {
      headers: {
        origin: 'https://portal.example.org',
        'access-control-request-method': 'GET',
        'access-control-request-headers': headers,
      },
    });

  it('when a browser preflights a conditional GET, then 204 allows it; private routes send no CORS headers', async () => {
    const conditional = await preflight('/v1/disclosures', 'if-none-match');
    expect(conditional.status).toBe(204);
    expect(conditional.headers.get('access-control-allow-origin')).toBe('*');
    expect(conditional.headers.get('access-control-allow-methods')).toBe('GET, HEAD');
    expect(conditional.headers.get('access-control-allow-headers')).toContain('If-None-Match');
    const internal = await t.call('GET', '/v1/cases/sem-1', { token: officer, headers: { origin: 'https://x.org' } });
    expect([internal.status, internal.headers.get('access-control-allow-origin')]).toEqual([200, null]);
    const verify = await t.call('OPTIONS', '/v1/verify', { headers: { origin: 'https://x.org' } });
    expect(verify.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('when a path with a public GET is written to, or asked with a method it does not take, then no CORS headers', async () => {
    const item = { code: 'P-CORS', name: '跨源事项', agency: AGENCY, category: 'penalty', legalBasis: '《律师法》' };
    const cases = [
      ['POST', '/v1/items', { token: admin, body: item }, 201],
      ['POST', '/v1/items', { token: admin, body: '{}', headers: { 'content-type': 'text/plain' } }, 415],
      ['POST', '/v1/officers', { body: {} }, 401],
      ['POST', '/v1/officers', { token: officer, body: {} }, 403],
      ['DELETE', '/v1/officers', {}, 405],
      ['PUT', '/v1/calendar/2026', { body: {} }, 401],
      ['PUT', `/v1/agencies/${AGENCY}/review-settings`, { body: {} }, 401],
    ] as const;
    for (const [method, route, options, status] of cases) {
      const res = await t.call(method, route, {
        ...options,
        headers: { origin: 'https://x.org', ...('headers' in options ? options.headers : {}) },
      });
      expect([method, route, res.status, res.headers.get('access-control-allow-origin')]).toEqual([
        method,
        route,
        status,
        null,
      ]);
      expect([method, route, res.headers.get('access-control-expose-headers')]).toEqual([method, route, null]);
      expect([method, route, res.headers.get('cross-origin-resource-policy')]).toEqual([method, route, 'same-origin']);
    }
    // every write on a path that has a public GET, as anyone asks it
    const publicPaths = new Set(semanticsTable.filter((r) => r.public && r.method === 'GET').map((r) => r.path));
    for (const { method, path } of semanticsTable.filter((r) => r.method !== 'GET' && publicPaths.has(r.path))) {
      const route = path.replace(/\{[^}]+\}/g, (name) => (name === '{year}' ? '2026' : 'x'));
      const res = await t.call(method, route, { headers: { origin: 'https://x.org' } });
      expect([method, route, res.headers.get('access-control-allow-origin')]).toEqual([method, route, null]);
    }
    // the reads of the same paths still answer any origin, their refusals too
    for (const route of ['/v1/items', '/v1/officers?format=csv']) {
      const res = await t.call('GET', route, { headers: { origin: 'https://x.org' } });
      expect([route, res.headers.get('access-control-allow-origin')]).toEqual([route, '*']);
    }
  });

  it("when a page of another origin asks for an application's progress, then its preflight lets the lookup code through", async () => {
    const progress = await preflight(`/v1/applications/${AGENCY}/a-1/progress`, 'x-lookup-code');
    expect(progress.status).toBe(204);
    expect(progress.headers.get('access-control-allow-origin')).toBe('*');
    const allowed = progress.headers.get('access-control-allow-headers')!.toLowerCase().split(/, */);
    expect(allowed).toContain('x-lookup-code');
  });

  it('when another origin reads the API description, then it answers with CORS and conditional GET; health does not', async () => {
    const description = await t.call('GET', '/openapi.json', { headers: { origin: 'https://tools.example.org' } });
    expect(description.status).toBe(200);
    expect(description.headers.get('access-control-allow-origin')).toBe('*');
    const again = await t.call('GET', '/openapi.json', {
      headers: { 'if-none-match': description.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
    const health = await t.call('GET', '/healthz', { headers: { origin: 'https://tools.example.org' } });
    expect(health.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('a path that is not valid percent-encoding', () => {
  it.each([
    ['GET', '/v1/cases/%ZZ'],
    ['GET', '/v1/webhooks/%E4%B8'],
    ['POST', '/v1/cases/%ZZ/acts'],
    // a method the path does not take: still nothing is named, not a 405 with Allow
    ['GET', '/v1/items/%ZZ/retirement'],
    ['DELETE', '/v1/cases/%ZZ'],
    ['OPTIONS', '/v1/webhooks/%ZZ/deliveries'],
  ])('when %s %s is asked, then 404 not_found as a problem, not a 400 blamed on the body', async (method, route) => {
    const res = await t.call(method, route, { token: officer, ...(method === 'POST' ? { body: {} } : {}) });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'not_found', status: 404 });
  });

  it('when a browser asks a portal page by such a path, then it gets the 404 page', async () => {
    const res = await fetch(`${t.url}/disclosures/%ZZ/x`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  });
});
