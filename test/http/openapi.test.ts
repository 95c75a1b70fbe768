import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { declareAnnotations } from '../../src/http/validation.js';
import ajvFormats from 'ajv-formats';
import { routeTable } from '../../src/http/openapi.js';
import { CHECKS_PASSED } from '../support/domain.js';
import { FLOW_CHART, POST_BOARD, REVIEW_CHART, SERVICE_GUIDE } from '../support/published.js';
import { startTestService, type TestService } from '../support/service.js';
import { asVideo } from '../support/media-bytes.js';

/** The document's components are compiled under this base, so `#/components/schemas/…` refs resolve into them. */
const BASE = 'urn:test:openapi';
const AGENCY = 'county-justice';
const today = new Date().toISOString().slice(0, 10);

let t: TestService;
let doc: any;
let ajv: Ajv2020;
let admin: string;
let officer: string;
let reviewer: string;

beforeAll(async () => {
  t = await startTestService({ WEBHOOK_ALLOW_HOSTS: '127.0.0.1' });
  admin = t.token('head', AGENCY, ['admin']);
  officer = t.token('alice', AGENCY, ['officer']);
  reviewer = t.token('rita', AGENCY, ['reviewer']);
  const res = await t.call('GET', '/openapi.json');
  expect(res.status).toBe(200);
  doc = res.body;
  ajv = new Ajv2020({ strict: true, allErrors: true });
  ajvFormats.default(ajv);
  ajv.addKeyword('components');
  declareAnnotations(ajv);
  ajv.addSchema({ $id: BASE, components: doc.components });
});
afterAll(() => t.stop());

const validators = new Map<string, ValidateFunction>();
function validatorFor(schema: { $ref?: string }): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = validators.get(key);
  if (!validate) {
    validate = schema.$ref ? ajv.getSchema(BASE + schema.$ref)! : ajv.compile(schema);
    validators.set(key, validate);
  }
  return validate;
}

/**
 * Calls the API at a path template and checks the answer against the document: the status is declared for the
 * operation, the content type is declared for that status, and the body matches the schema declared for it. `raw`
 * params go into the path as they are (a segment that is not valid percent-encoding), the others encoded.
 */
async function api(
  method: string,
  template: string,
  options: {
    params?: Record<string, string>;
    raw?: Record<string, string>;
    token?: string;
    body?: unknown;
    headers?: Record<string, string>;
  } = {},
) {
  const route = template.replace(
    /\{(\w+)\}/g,
    (_m, name: string) => options.raw?.[name] ?? encodeURIComponent(options.params![name]!),
  );
  const res = await t.call(method, route, options);
  const operation = doc.paths[template.split('?')[0]!]?.[method.toLowerCase()];
  expect(operation).toBeDefined();
  const declared = operation.responses[String(res.status)];
  expect({ [`${method} ${template}`]: res.status, declared: declared !== undefined }).toEqual({
    [`${method} ${template}`]: res.status,
    declared: true,
  });
  if (declared.content === undefined) return res;
  const mediaType = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
  const content = declared.content[mediaType] ?? declared.content['*/*'];
  expect({ status: res.status, mediaType, declared: content !== undefined }).toEqual({
    status: res.status,
    mediaType,
    declared: true,
  });
  if (content.schema) {
    const validate = validatorFor(content.schema);
    const valid = validate(res.body);
    expect({ [`${method} ${template} ${res.status}`]: valid ? 'valid' : validate.errors }).toEqual({
      [`${method} ${template} ${res.status}`]: 'valid',
    });
  }
  return res;
}

function refsIn(node: unknown, found: string[] = []): string[] {
  if (typeof node !== 'object' || node === null) return found;
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') found.push(value);
    else refsIn(value, found);
  }
  return found;
}

describe('the OpenAPI document', () => {
  it('when fetched without a token, then it is OpenAPI 3.1.0 over JSON Schema 2020-12', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.jsonSchemaDialect).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(doc.components.securitySchemes.bearerAuth).toEqual({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  });

  it('when the schema files are embedded, then each is named after its $id and none keeps its $id', () => {
    const names = Object.keys(doc.components.schemas);
    expect(names).toEqual(
      expect.arrayContaining([
        'defs',
        'event-envelope',
        'command.open-case',
        'command.record-act',
        'act.EvidenceCollected',
        'event.EvidenceCollected',
        'response.case-file',
        'response.problem',
      ]),
    );
    const files = fs.readdirSync(path.resolve(__dirname, '../../schemas'), { recursive: true });
    expect(names.length).toBe(files.filter((f) => String(f).endsWith('.schema.json')).length);
    expect(Object.keys(doc.components.schemas).filter((n) => '$id' in doc.components.schemas[n])).toEqual([]);
    expect(refsIn(doc.components.schemas).filter((ref) => !ref.startsWith('#/components/schemas/'))).toEqual([]);
  });

  it('when every $ref of the document is compiled with Ajv 2020, then each resolves inside the document', () => {
    const refs = [...new Set(refsIn(doc))];
    expect(refs).toContain('#/components/schemas/defs/$defs/date');
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect([ref, typeof ajv.getSchema(BASE + ref)]).toEqual([ref, 'function']);
    }
    for (const name of Object.keys(doc.components.schemas)) {
      expect(typeof ajv.getSchema(`${BASE}#/components/schemas/${name}`)).toBe('function');
    }
  });

  it('when the route table is listed, then it is every route the app serves, media and audit included', () => {
    const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;
    expect(routeTable.map(key).sort()).toEqual(
      [
        { method: 'GET', path: '/healthz' },
        { method: 'GET', path: '/readyz' },
        { method: 'GET', path: '/openapi.json' },
        { method: 'GET', path: '/metrics' },
        { method: 'POST', path: '/v1/officers' },
        { method: 'POST', path: '/v1/items' },
        { method: 'POST', path: '/v1/officers/{officerId}/amendments' },
        { method: 'POST', path: '/v1/officers/{officerId}/keys' },
        { method: 'POST', path: '/v1/officers/{officerId}/keys/{keyId}/revocation' },
        { method: 'POST', path: '/v1/items/{code}/amendments' },
        { method: 'POST', path: '/v1/items/{code}/retirement' },
        { method: 'POST', path: '/v1/officers/{officerId}/suspension' },
        { method: 'POST', path: '/v1/officers/{officerId}/reinstatement' },
        { method: 'POST', path: '/v1/officers/{officerId}/retirement' },
        { method: 'GET', path: '/v1/agencies/{agency}/review-settings' },
        { method: 'PUT', path: '/v1/agencies/{agency}/review-settings' },
        { method: 'GET', path: '/v1/agencies/{agency}/statistics/{year}/publication' },
        { method: 'PUT', path: '/v1/agencies/{agency}/statistics/{year}/publication' },
        { method: 'GET', path: '/v1/agencies' },
        { method: 'GET', path: '/v1/agencies/{agency}/profile' },
        { method: 'PUT', path: '/v1/agencies/{agency}/profile' },
        { method: 'GET', path: '/v1/agencies/{agency}/decision-templates' },
        { method: 'GET', path: '/v1/agencies/{agency}/decision-templates/{decisionType}' },
        { method: 'PUT', path: '/v1/agencies/{agency}/decision-templates/{decisionType}' },
        { method: 'GET', path: '/v1/agencies/{agency}/review-catalogue' },
        { method: 'PUT', path: '/v1/agencies/{agency}/review-catalogue' },
        { method: 'POST', path: '/v1/benchmarks' },
        { method: 'GET', path: '/v1/benchmarks' },
        { method: 'GET', path: '/v1/benchmarks/{agency}/{itemCode}' },
        { method: 'GET', path: '/v1/fine-distribution' },
        { method: 'GET', path: '/v1/audit/discretion-deviations' },
        { method: 'POST', path: '/v1/cases/{caseId}/evaluations' },
        { method: 'POST', path: '/v1/cases/{caseId}/erasure' },
        { method: 'GET', path: '/v1/cases/{caseId}/openings' },
        { method: 'GET', path: '/v1/cases/{caseId}/evaluations' },
        { method: 'GET', path: '/v1/audit/evaluation-weak-points' },
        { method: 'POST', path: '/v1/tokens/revocations' },
        { method: 'POST', path: '/v1/subjects' },
        { method: 'POST', path: '/v1/subjects/{subjectId}/conflicts' },
        { method: 'POST', path: '/v1/subjects/{subjectId}/conflicts/{officerId}/withdrawal' },
        { method: 'POST', path: '/v1/subjects/{subjectId}/amendments' },
        { method: 'POST', path: '/v1/subjects/{subjectId}/retirement' },
        { method: 'POST', path: '/v1/inspections' },
        { method: 'POST', path: '/v1/inspections/{planId}/draw' },
        { method: 'POST', path: '/v1/inspections/{planId}/outcomes' },
        { method: 'GET', path: '/v1/subjects' },
        { method: 'GET', path: '/v1/inspections' },
        { method: 'GET', path: '/v1/inspections/{agency}/{planId}' },
        { method: 'POST', path: '/v1/webhooks' },
        { method: 'GET', path: '/v1/webhooks' },
        { method: 'GET', path: '/v1/webhooks/{id}' },
        { method: 'PATCH', path: '/v1/webhooks/{id}' },
        { method: 'DELETE', path: '/v1/webhooks/{id}' },
        { method: 'GET', path: '/v1/webhooks/{id}/deliveries' },
        { method: 'POST', path: '/v1/webhooks/{id}/replay' },
        { method: 'GET', path: '/v1/calendar' },
        { method: 'GET', path: '/v1/calendar/{year}' },
        { method: 'PUT', path: '/v1/calendar/{year}' },
        { method: 'GET', path: '/v1/officers' },
        { method: 'GET', path: '/v1/items' },
        { method: 'GET', path: '/v1/disclosures' },
        { method: 'GET', path: '/v1/disclosures/feed.atom' },
        { method: 'GET', path: '/v1/events' },
        { method: 'POST', path: '/v1/cases' },
        { method: 'POST', path: '/v1/cases/{caseId}/acts' },
        { method: 'POST', path: '/v1/cases/{caseId}/acts:batch' },
        { method: 'GET', path: '/v1/cases/{caseId}' },
        { method: 'GET', path: '/v1/cases' },
        { method: 'GET', path: '/v1/cases/{caseId}/events' },
        { method: 'GET', path: '/v1/cases/{caseId}/similar' },
        { method: 'GET', path: '/v1/cases/{caseId}/bundle' },
        { method: 'POST', path: '/v1/media' },
        { method: 'GET', path: '/v1/media/{sha256}' },
        { method: 'POST', path: '/v1/cases/{caseId}/drafts' },
        { method: 'GET', path: '/v1/cases/{caseId}/drafts/{draftId}/{format}' },
        { method: 'GET', path: '/v1/audit/live' },
        { method: 'GET', path: '/v1/audit/overdue-disclosures' },
        { method: 'GET', path: '/v1/audit/overdue-reviews' },
        { method: 'GET', path: '/v1/audit/due-for-erasure' },
        { method: 'GET', path: '/v1/audit/erasures' },
        { method: 'GET', path: '/v1/audit/overdue-inspections' },
        { method: 'GET', path: '/v1/audit/missing-recordings' },
        { method: 'GET', path: '/v1/audit/major-decisions' },
        { method: 'GET', path: '/v1/audit/access' },
        { method: 'GET', path: '/v1/audit/denied-access' },
        { method: 'GET', path: '/v1/audit/certificates' },
        { method: 'GET', path: '/v1/audit/reviewer-ratio' },
        { method: 'GET', path: '/v1/audit/statistics' },
        { method: 'GET', path: '/v1/audit/quarantine' },
        { method: 'GET', path: '/v1/audit/warnings' },
        { method: 'GET', path: '/v1/ledger/checkpoint' },
        { method: 'GET', path: '/v1/ledger/checkpoint.txt' },
        { method: 'GET', path: '/v1/ledger/checkpoints' },
        { method: 'GET', path: '/v1/ledger/proof/inclusion' },
        { method: 'GET', path: '/v1/ledger/proof/head' },
        { method: 'GET', path: '/v1/ledger/proof/consistency' },
        { method: 'GET', path: '/v1/ledger/keys' },
        { method: 'PUT', path: '/v1/agencies/{agency}/inspection-list/{id}' },
        { method: 'POST', path: '/v1/agencies/{agency}/inspection-list/{id}/withdrawal' },
        { method: 'GET', path: '/v1/agencies/{agency}/inspection-list' },
        { method: 'GET', path: '/v1/agencies/{agency}/inspection-list/{id}' },
        { method: 'GET', path: '/v1/agencies/{agency}/inspection-list/{id}/versions/{version}' },
        { method: 'PUT', path: '/v1/agencies/{agency}/flow-charts/{id}' },
        { method: 'POST', path: '/v1/agencies/{agency}/flow-charts/{id}/withdrawal' },
        { method: 'GET', path: '/v1/agencies/{agency}/flow-charts' },
        { method: 'GET', path: '/v1/agencies/{agency}/flow-charts/{id}' },
        { method: 'GET', path: '/v1/agencies/{agency}/flow-charts/{id}/versions/{version}' },
        { method: 'PUT', path: '/v1/agencies/{agency}/review-charts/{id}' },
        { method: 'POST', path: '/v1/agencies/{agency}/review-charts/{id}/withdrawal' },
        { method: 'GET', path: '/v1/agencies/{agency}/review-charts' },
        { method: 'GET', path: '/v1/agencies/{agency}/review-charts/{id}' },
        { method: 'GET', path: '/v1/agencies/{agency}/review-charts/{id}/versions/{version}' },
        { method: 'PUT', path: '/v1/agencies/{agency}/service-guides/{id}' },
        { method: 'POST', path: '/v1/agencies/{agency}/service-guides/{id}/withdrawal' },
        { method: 'GET', path: '/v1/agencies/{agency}/service-guides' },
        { method: 'GET', path: '/v1/agencies/{agency}/service-guides/{id}' },
        { method: 'GET', path: '/v1/agencies/{agency}/service-guides/{id}/versions/{version}' },
        { method: 'PUT', path: '/v1/agencies/{agency}/post-boards/{id}' },
        { method: 'POST', path: '/v1/agencies/{agency}/post-boards/{id}/withdrawal' },
        { method: 'GET', path: '/v1/agencies/{agency}/post-boards' },
        { method: 'GET', path: '/v1/agencies/{agency}/post-boards/{id}' },
        { method: 'GET', path: '/v1/agencies/{agency}/post-boards/{id}/versions/{version}' },
        { method: 'POST', path: '/v1/verify' },
        { method: 'GET', path: '/problems' },
        { method: 'GET', path: '/problems/{code}' },
        { method: 'POST', path: '/v1/applications' },
        { method: 'GET', path: '/v1/applications/{agency}/{applicationId}/progress' },
        { method: 'GET', path: '/v1/applications/{applicationId}' },
        { method: 'GET', path: '/v1/applications/{applicationId}/attachments/{sha256}' },
        { method: 'GET', path: '/v1/applications' },
        { method: 'POST', path: '/v1/applications/{applicationId}/acceptance' },
        { method: 'POST', path: '/v1/applications/{applicationId}/rejection' },
        { method: 'POST', path: '/v1/applications/{applicationId}/erasure' },
        { method: 'GET', path: '/v1/audit/overdue-applications' },
        { method: 'GET', path: '/v1/agencies/{agency}/recording-list' },
        { method: 'PUT', path: '/v1/agencies/{agency}/recording-list' },
        { method: 'POST', path: '/v1/devices' },
        { method: 'POST', path: '/v1/devices/{deviceId}/changes' },
        { method: 'GET', path: '/v1/audit/devices' },
        { method: 'GET', path: '/v1/audit/device-recordings' },
      ]
        .map(key)
        .sort(),
    );
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops as object).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(documented.sort()).toEqual(routeTable.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('when a route module registers a route, then the route table has it (a new route cannot go undocumented)', () => {
    const dir = path.resolve(__dirname, '../../src/http');
    const registered = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => [
        ...fs
          .readFileSync(path.join(dir, f), 'utf8')
          .matchAll(/\b(?:router|app)\.(get|post|put|patch|delete)\(\s*'([^']+)'/g),
      ])
      .map(([, method, route]) => {
        const template = route!
          .replaceAll('\\\\:', '\u0000')
          .replace(/:(\w+)/g, '{$1}')
          .replaceAll('\u0000', ':');
        return `${method!.toUpperCase()} ${template}`;
      });
    expect(registered.sort()).toEqual(routeTable.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('when operations are listed, then each has a unique operationId and a bearer requirement unless public', () => {
    const operations = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.entries(ops as Record<string, any>).map(([m, op]) => ({ key: `${m.toUpperCase()} ${p}`, op })),
    );
    const ids = operations.map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const PUBLIC = [
      'GET /healthz',
      'GET /readyz',
      'GET /openapi.json',
      'GET /metrics',
      'GET /v1/officers',
      'GET /v1/items',
      'GET /v1/subjects',
      'GET /v1/inspections',
      'GET /v1/inspections/{agency}/{planId}',
      'GET /v1/benchmarks',
      'GET /v1/benchmarks/{agency}/{itemCode}',
      'GET /v1/disclosures',
      'GET /v1/disclosures/feed.atom',
      'GET /v1/ledger/checkpoint',
      'GET /v1/ledger/checkpoint.txt',
      'GET /v1/ledger/checkpoints',
      'GET /v1/ledger/proof/inclusion',
      'GET /v1/ledger/proof/head',
      'GET /v1/ledger/proof/consistency',
      'GET /v1/ledger/keys',
      'POST /v1/verify',
      'GET /v1/calendar',
      'GET /v1/calendar/{year}',
      'GET /problems',
      'GET /problems/{code}',
      'GET /v1/agencies/{agency}/inspection-list',
      'GET /v1/agencies/{agency}/inspection-list/{id}',
      'GET /v1/agencies/{agency}/inspection-list/{id}/versions/{version}',
      'POST /v1/applications',
      'GET /v1/applications/{agency}/{applicationId}/progress',
      'GET /v1/agencies/{agency}/flow-charts',
      'GET /v1/agencies/{agency}/flow-charts/{id}',
      'GET /v1/agencies/{agency}/flow-charts/{id}/versions/{version}',
      'GET /v1/agencies/{agency}/review-charts',
      'GET /v1/agencies/{agency}/review-charts/{id}',
      'GET /v1/agencies/{agency}/review-charts/{id}/versions/{version}',
      'GET /v1/agencies/{agency}/service-guides',
      'GET /v1/agencies/{agency}/service-guides/{id}',
      'GET /v1/agencies/{agency}/service-guides/{id}/versions/{version}',
      'GET /v1/agencies/{agency}/post-boards',
      'GET /v1/agencies/{agency}/post-boards/{id}',
      'GET /v1/agencies/{agency}/post-boards/{id}/versions/{version}',
      'GET /v1/agencies/{agency}/recording-list',
      'GET /v1/agencies/{agency}/review-settings',
      'GET /v1/agencies/{agency}/statistics/{year}/publication',
      'GET /v1/agencies',
      'GET /v1/agencies/{agency}/profile',
      'GET /v1/agencies/{agency}/decision-templates',
      'GET /v1/agencies/{agency}/decision-templates/{decisionType}',
      'GET /v1/agencies/{agency}/review-catalogue',
    ];
    for (const { key, op } of operations) {
      expect([key, op.security]).toEqual([key, PUBLIC.includes(key) ? [] : [{ bearerAuth: [] }]]);
      expect(op.summary).toEqual(expect.any(String));
      expect(op.responses.default.content['application/problem+json'].schema).toEqual({
        $ref: '#/components/schemas/response.problem',
      });
    }
  });

  it('when operations are listed, then each declares 400 for a query parameter it does not take, and each with a path parameter 404 for a segment that is not valid percent-encoding', () => {
    const undeclared = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.entries(ops as Record<string, any>).flatMap(([m, op]) => [
        ...(op.responses['400'] ? [] : [`${m.toUpperCase()} ${p}: 400`]),
        ...(p.includes('{') && !op.responses['404'] ? [`${m.toUpperCase()} ${p}: 404`] : []),
      ]),
    );
    expect(undeclared).toEqual([]);
    expect(doc.info.description).toMatch(/405 method_not_allowed with Allow; OPTIONS answers 204 with Allow/);
  });

  it('when an operation takes a request body, then it declares the 415 of a body of another Content-Type', () => {
    const undeclared = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.entries(ops as Record<string, any>)
        .filter(([, op]) => op.requestBody !== undefined && op.responses['415'] === undefined)
        .map(([m]) => `${m.toUpperCase()} ${p}`),
    );
    expect(undeclared).toEqual([]);
  });

  it('when the case events item is compared with the envelope, then it has its members, position and the opened personal fields, no more', () => {
    const envelope = JSON.parse(
      fs.readFileSync(path.resolve(__dirname, '../../schemas/event-envelope.schema.json'), 'utf8'),
    );
    const item = doc.components.schemas['response.case-events'].properties.events.items;
    expect(Object.keys(item.properties).sort()).toEqual(
      ['position', 'personal', ...Object.keys(envelope.properties)].sort(),
    );
    expect([...item.required].sort()).toEqual(['position', ...envelope.required].sort());
    for (const name of Object.keys(envelope.properties)) {
      expect(item.properties[name]).toEqual({ $ref: `#/components/schemas/event-envelope/properties/${name}` });
    }
  });
});

describe('responses over HTTP match the schemas the document declares', () => {
  const officerBody = (officerId: string, roles = ['officer']) => ({
    officerId,
    name: `执法人员${officerId}`,
    agency: AGENCY,
    certificateNo: `14050100${officerId}`,
    validFrom: '2018-01-01',
    validTo: '2030-12-31',
    roles,
  });
  const openBody = (caseId: string) => ({
    caseId,
    itemCode: 'P-001',
    title: '某律所未公示执业信息案',
    openedOn: today,
    officers: ['alice', 'bob'],
    parties: [{ kind: 'person', name: '张三丰', idNumber: '140521199001011234' }],
  });
  const at = `${today}T00:09:30+08:00`;
  const evidence = { type: 'EvidenceCollected', occurredAt: at, data: { description: '现场照片' } };
  const checks = CHECKS_PASSED;
  const caseId = { caseId: 'o-1' };

  it('when registries are filled and a case goes from opening to a disclosed major decision, then every answer matches', async () => {
    for (const body of [officerBody('alice'), officerBody('bob'), officerBody('rita', ['reviewer'])]) {
      expect((await api('POST', '/v1/officers', { token: admin, body })).status).toBe(201);
    }
    const item = {
      code: 'P-001',
      agency: AGENCY,
      name: '未按规定公示执业信息',
      category: 'penalty',
      legalBasis: '《律师法》第五十条',
      major: { fineFenAtLeast: 1_000_000 },
    };
    expect((await api('POST', '/v1/items', { token: admin, body: item })).status).toBe(201);
    expect((await api('POST', '/v1/cases', { token: officer, body: openBody('o-1') })).status).toBe(201);

    const headers = { 'if-match': '"0"', 'idempotency-key': 'o-1-evidence' };
    expect(
      (await api('POST', '/v1/cases/{caseId}/acts', { params: caseId, token: officer, body: evidence, headers }))
        .status,
    ).toBe(201);
    expect(
      (
        await api('POST', '/v1/cases/{caseId}/acts', {
          params: caseId,
          token: officer,
          body: evidence,
          headers: { 'idempotency-key': 'o-1-evidence' },
        })
      ).status,
    ).toBe(200);

    const media = await api('POST', '/v1/media', {
      token: officer,
      body: 'JFIF fake photo',
      headers: { 'content-type': 'image/jpeg' },
    });
    expect(media.status).toBe(201);
    const proposed = { decisionType: 'fine', fineFen: 2_000_000, legalBasis: '《律师法》第五十条' };
    const batch = await api('POST', '/v1/cases/{caseId}/acts:batch', {
      params: caseId,
      token: officer,
      body: {
        acts: [
          { ...evidence, data: { description: '照片' }, media: [media.body.sha256] },
          { type: 'LegalReviewRequested', occurredAt: at, data: { proposed } },
        ],
      },
    });
    expect(batch.status).toBe(201);
    expect(batch.body.events).toHaveLength(2);
    const review = {
      type: 'LegalReviewCompleted',
      occurredAt: at,
      data: { outcome: 'approved', opinion: '同意', checks },
    };
    expect(
      (await api('POST', '/v1/cases/{caseId}/acts', { params: caseId, token: reviewer, body: review })).status,
    ).toBe(201);
    const decision = {
      type: 'DecisionIssued',
      occurredAt: at,
      data: { ...proposed, documentNo: '司罚〔2026〕1号', decidedOn: today },
    };
    expect(
      (await api('POST', '/v1/cases/{caseId}/acts', { params: caseId, token: officer, body: decision })).status,
    ).toBe(201);
    const disclosed = { type: 'DecisionDisclosed', occurredAt: at, data: { publishedOn: today } };
    expect(
      (await api('POST', '/v1/cases/{caseId}/acts', { params: caseId, token: officer, body: disclosed })).status,
    ).toBe(201);

    expect(await t.service.readModelsCaughtUp()).toBe(true);
    const file = await api('GET', '/v1/cases/{caseId}', { params: caseId, token: officer });
    expect(file.status).toBe(200);
    expect(file.body).toMatchObject({ status: 'disclosed', major: true, decision: { disclosedOnTime: true } });
    expect(file.body.reviews).toHaveLength(1);
    expect(file.body.media).toEqual([{ ...media.body, eventIds: [expect.any(String)] }]);
    const events = await api('GET', '/v1/cases/{caseId}/events', { params: caseId, token: officer });
    expect(events.status).toBe(200);
    expect(events.body.events).toHaveLength(7);

    // the public routes, without a token: the disclosed decision, the lists and the Atom feed
    const disclosures = await api('GET', '/v1/disclosures');
    expect(disclosures.body.items).toEqual([
      expect.objectContaining({ caseId: 'o-1', parties: [{ kind: 'person', name: '张**' }] }),
    ]);
    for (const route of ['/v1/officers', '/v1/items', '/v1/disclosures/feed.atom']) {
      expect([route, (await api('GET', route)).status]).toEqual([route, 200]);
    }

    const bytes = await api('GET', '/v1/media/{sha256}', { params: { sha256: media.body.sha256 }, token: officer });
    expect([bytes.status, bytes.body]).toEqual([200, 'JFIF fake photo']);
    const part = await api('GET', '/v1/media/{sha256}', {
      params: { sha256: media.body.sha256 },
      token: officer,
      headers: { range: 'bytes=0-3' },
    });
    expect([part.status, part.body]).toEqual([206, 'JFIF']);
    const outside = await api('GET', '/v1/media/{sha256}', {
      params: { sha256: media.body.sha256 },
      token: officer,
      headers: { range: 'bytes=999-' },
    });
    expect(outside.status).toBe(416);
  });

  it('when a document published before enforcement is written, read, versioned and withdrawn, then every answer matches', async () => {
    const entry = {
      subject: '县司法局',
      basis: '《条例》第十条',
      targets: '本县律师事务所',
      content: '执业信息公示',
      ratioBasisPoints: 500,
      method: '现场检查',
      frequency: '每年一次',
    };
    const one = { agency: AGENCY, id: 'RC-1' };
    const path = '/v1/agencies/{agency}/inspection-list/{id}';
    const put = (body: object, headers: Record<string, string> = {}) =>
      api('PUT', path, { params: one, token: admin, body, headers });
    expect((await put({ ...entry, note: '首次公布' }, { 'idempotency-key': 'rc-1' })).status).toBe(201);
    expect((await put({ ...entry, note: '首次公布' }, { 'idempotency-key': 'rc-1' })).status).toBe(200);
    expect((await put({ ...entry, frequency: '每半年一次' })).status).toBe(201);
    expect((await put({ ...entry, frequency: '每半年一次' })).status).toBe(409);
    expect((await put({ ...entry, ratioBasisPoints: 0 })).status).toBe(400);
    expect((await put(entry, { 'if-match': '"9"' })).status).toBe(409);
    expect((await api('PUT', path, { params: one, token: officer, body: entry })).status).toBe(403);
    expect((await api('PUT', path, { params: one, body: entry })).status).toBe(401);
    expect(await t.service.readModelsCaughtUp()).toBe(true);
    expect((await api('GET', '/v1/agencies/{agency}/inspection-list', { params: one })).body.items).toHaveLength(1);
    expect((await api('GET', path, { params: one })).body.history).toHaveLength(2);
    expect((await api('GET', `${path}/versions/{version}`, { params: { ...one, version: '1' } })).status).toBe(200);
    expect((await api('GET', `${path}/versions/{version}`, { params: { ...one, version: '3' } })).status).toBe(404);
    const withdrawal = `${path}/withdrawal`;
    const reason = { reason: '事项取消' };
    expect((await api('POST', withdrawal, { params: one, token: admin, body: reason })).status).toBe(201);
    expect((await api('POST', withdrawal, { params: one, token: admin, body: reason })).status).toBe(409);
    expect((await api('POST', withdrawal, { params: { ...one, id: 'none' }, token: admin, body: reason })).status).toBe(
      404,
    );
    expect(await t.service.readModelsCaughtUp()).toBe(true);
    const withdrawn = await api('GET', '/v1/agencies/{agency}/inspection-list', { params: one });
    expect([withdrawn.status, withdrawn.body.items]).toEqual([200, []]);
    const licensing = {
      code: 'L-9',
      agency: AGENCY,
      name: '设立许可',
      category: 'licensing',
      legalBasis: '《律师法》',
    };
    expect((await api('POST', '/v1/items', { token: admin, body: licensing })).status).toBe(201);
    const kinds: [string, string, object][] = [
      ['flow-charts', 'L-9', FLOW_CHART],
      ['review-charts', 'standard', REVIEW_CHART],
      ['service-guides', 'L-9', SERVICE_GUIDE],
      ['post-boards', 'W-1', { ...POST_BOARD, officerId: undefined }],
    ];
    for (const [segment, id, body] of kinds) {
      const params = { agency: AGENCY, id };
      const doc = `/v1/agencies/{agency}/${segment}/{id}`;
      expect([segment, (await api('PUT', doc, { params, token: admin, body })).status]).toEqual([segment, 201]);
      expect(await t.service.readModelsCaughtUp()).toBe(true);
      expect((await api('GET', `/v1/agencies/{agency}/${segment}`, { params })).body.items).toHaveLength(1);
      expect((await api('GET', doc, { params })).status).toBe(200);
      expect((await api('GET', `${doc}/versions/{version}`, { params: { ...params, version: '1' } })).status).toBe(200);
    }
  });

  it('when registry entries are amended and the review time limit is set, then the answers match their declared schemas', async () => {
    const amendItem = { changes: { reviewMaterials: ['调查终结报告'] }, reason: '明确送审材料' };
    const item = await api('POST', '/v1/items/{code}/amendments', {
      params: { code: 'P-001' },
      token: admin,
      body: amendItem,
    });
    expect(item.status).toBe(201);
    const amendOfficer = { changes: { validTo: '2031-12-31' }, reason: '换证' };
    const officerRes = await api('POST', '/v1/officers/{officerId}/amendments', {
      params: { officerId: 'bob' },
      token: admin,
      body: amendOfficer,
    });
    expect(officerRes.status).toBe(201);
    const params = { agency: AGENCY };
    expect((await api('GET', '/v1/agencies/{agency}/review-settings', { params })).body.source).toBe('default');
    const body = { agency: AGENCY, reviewWorkingDays: 10, reason: '本机关规定' };
    expect((await api('PUT', '/v1/agencies/{agency}/review-settings', { params, token: admin, body })).status).toBe(
      201,
    );
    const settings = await api('GET', '/v1/agencies/{agency}/review-settings', { params });
    expect([settings.body.reviewWorkingDays, settings.body.history.length]).toEqual([10, 1]);
  });

  it('when the recording list is published and a device records, then the list, device and audit answers match', async () => {
    const empty = await api('GET', '/v1/agencies/{agency}/recording-list', { params: { agency: AGENCY } });
    expect(empty.body.version).toBe(0);
    const floor = (entryId: string, actType: string) => ({
      entryId,
      actType,
      method: 'audio_video',
      content: '全过程',
      keyStages: ['告知'],
      place: '现场',
    });
    const entries = [floor('seizure', 'PropertySeized'), floor('demolition', 'ForcedDemolition')];
    const body = { agency: AGENCY, entries, reason: '首次公布' };
    const put = await api('PUT', '/v1/agencies/{agency}/recording-list', {
      params: { agency: AGENCY },
      token: admin,
      body,
    });
    expect(put.status).toBe(201);
    const cam = { deviceId: 'cam-o', agency: AGENCY, holder: 'alice', model: 'DSJ' };
    expect((await api('POST', '/v1/devices', { token: admin, body: cam })).status).toBe(201);
    await api('POST', '/v1/cases', { token: officer, body: openBody('o-rec') });
    const video = await api('POST', '/v1/media', {
      token: officer,
      body: asVideo('body camera footage'),
      headers: { 'content-type': 'video/mp4' },
    });
    expect([200, 201]).toContain(video.status);
    const attach = {
      type: 'RecordingAttached',
      occurredAt: new Date().toISOString(), // made after the device was registered
      data: { description: '视频', deviceId: 'cam-o' },
      media: [video.body.sha256],
    };
    expect(
      (await api('POST', '/v1/cases/{caseId}/acts', { params: { caseId: 'o-rec' }, token: officer, body: attach }))
        .status,
    ).toBe(201);
    const change = { status: 'lost', reason: '遗失' };
    const lost = await api('POST', '/v1/devices/{deviceId}/changes', {
      params: { deviceId: 'cam-o' },
      token: admin,
      body: change,
    });
    const supervisor = t.token('sam', AGENCY, ['supervisor']);
    const after = { consistentWith: String(lost.body.position) };
    const list = await api('GET', '/v1/agencies/{agency}/recording-list', { params: { agency: AGENCY } });
    expect(list.body.entries).toHaveLength(2);
    const devices = await api('GET', `/v1/audit/devices?consistentWith=${after.consistentWith}`, { token: supervisor });
    expect(devices.body.items).toHaveLength(1);
    const route = `/v1/audit/device-recordings?deviceId=cam-o&consistentWith=${after.consistentWith}`;
    expect((await api('GET', route, { token: supervisor })).body.items).toHaveLength(1);
  });

  it('when requests fail, then each problem is declared for its status and matches the problem schema', async () => {
    const expectProblem = async (status: number, code: string, res: Promise<{ status: number; body: any }>) => {
      const { status: got, body } = await res;
      expect([got, body.code]).toEqual([status, code]);
    };
    await api('POST', '/v1/cases', { token: officer, body: openBody('o-2') });
    const acts = '/v1/cases/{caseId}/acts';
    const o2 = { caseId: 'o-2' };
    await expectProblem(400, 'invalid_body', api('POST', acts, { params: o2, token: officer, body: '{"type": ' }));
    // a body that breaks its schema in two places names both (`errors`), as the problem schema declares
    const twice = { type: 'EvidenceCollected', occurredAt: 'yesterday', data: {} };
    const broken = await api('POST', acts, { params: o2, token: officer, body: twice });
    expect([broken.status, broken.body.code]).toEqual([400, 'invalid_body']);
    const pointers = (broken.body.errors as { pointer: string }[]).map((e) => e.pointer);
    expect(pointers).toContain('/occurredAt');
    expect(pointers.some((p) => p.startsWith('/data/'))).toBe(true);
    await expectProblem(401, 'unauthenticated', api('POST', '/v1/cases', { body: openBody('o-3') }));
    await expectProblem(403, 'forbidden', api('POST', '/v1/cases', { token: reviewer, body: openBody('o-3') }));
    await expectProblem(
      404,
      'not_found',
      api('GET', '/v1/cases/{caseId}', { params: { caseId: 'nothing' }, token: officer }),
    );
    await expectProblem(
      409,
      'revision_conflict',
      api('POST', acts, { params: o2, token: officer, body: evidence, headers: { 'if-match': '"7"' } }),
    );
    const seizure = { type: 'PropertySeized', occurredAt: at, data: { items: '设备', legalBasis: '第二十条' } };
    await expectProblem(422, 'recording_required', api('POST', acts, { params: o2, token: officer, body: seizure }));
    const huge = { ...evidence, data: { description: 'x'.repeat(1_100_000) } };
    await expectProblem(413, 'too_large', api('POST', acts, { params: o2, token: officer, body: huge }));
    await expectProblem(
      415,
      'unsupported_media_type',
      api('POST', '/v1/cases/{caseId}/erasure', {
        params: o2,
        token: admin,
        body: '{}',
        headers: { 'content-type': 'text/plain' },
      }),
    );
    await expectProblem(
      401,
      'unauthenticated',
      api('GET', '/v1/cases/{caseId}/events', { params: o2, token: 'not.a.token' }),
    );
  });

  it('when a query parameter is unknown, a path segment names nothing or is not valid percent-encoding, or a medium is asked ?format=, then each answer is declared and its problem matches the schema', async () => {
    const expectProblem = async (status: number, code: string, res: Promise<{ status: number; body: any }>) => {
      const { status: got, body } = await res;
      expect([got, body.code]).toEqual([status, code]);
      return body;
    };
    for (const route of ['/healthz', '/readyz', '/openapi.json', '/metrics', '/problems', '/v1/ledger/keys']) {
      await expectProblem(400, 'invalid_query', api('GET', `${route}?bogus=1`));
    }
    await expectProblem(400, 'invalid_query', api('GET', '/v1/ledger/checkpoint?bogus=1'));
    await expectProblem(400, 'invalid_query', api('GET', '/v1/ledger/checkpoint.txt?bogus=1'));
    await expectProblem(
      400,
      'invalid_query',
      api('GET', '/problems/{code}?bogus=1', { params: { code: 'not_found' } }),
    );
    const draft = { caseId: 'o-1', draftId: 'nope', format: 'pdf' };
    await expectProblem(
      400,
      'invalid_query',
      api('GET', '/v1/cases/{caseId}/drafts/{draftId}/{format}?x=1', { params: draft, token: officer }),
    );
    const settings = '/v1/agencies/{agency}/review-settings';
    await expectProblem(404, 'not_found', api('GET', settings, { raw: { agency: '%FF' } }));
    const malformed = await expectProblem(
      404,
      'not_found',
      api('GET', '/v1/webhooks/{id}', { raw: { id: '%ZZ' }, token: admin }),
    );
    expect(malformed.instance).toBe('/v1/webhooks/%25ZZ');
    await expectProblem(404, 'not_found', api('GET', '/v1/calendar/{year}', { params: { year: 'abc' } }));
    const revocation = '/v1/officers/{officerId}/keys/{keyId}/revocation';
    const key = { officerId: 'alice', keyId: 'nokey' };
    const revoke = { reason: '遗失', revokedFrom: today };
    await expectProblem(404, 'not_found', api('POST', revocation, { params: key, token: admin, body: revoke }));
    const progress = '/v1/applications/{agency}/{applicationId}/progress';
    const headers = { 'x-lookup-code': 'ABCD-EFGH' };
    const application = { agency: AGENCY, applicationId: 'x' };
    await expectProblem(404, 'not_found', api('GET', progress, { params: application, headers }));
    const medium = { sha256: 'a'.repeat(64) };
    await expectProblem(
      406,
      'not_acceptable',
      api('GET', '/v1/media/{sha256}?format=csv', { params: medium, token: officer }),
    );
  });

  it('when a webhook subscription is changed, replayed and deleted under Idempotency-Keys, then every answer, refusals included, is declared', async () => {
    const created = await api('POST', '/v1/webhooks', { token: admin, body: { url: 'https://127.0.0.1/hook' } });
    expect(created.status).toBe(201);
    const id = { id: created.body.id as string };
    const keyed = (key: string) => ({ params: id, token: admin, headers: { 'idempotency-key': key } });
    const changed = await api('PATCH', '/v1/webhooks/{id}', { ...keyed('k-1'), body: { eventTypes: ['CaseOpened'] } });
    expect(changed.status).toBe(200);
    const other = await api('PATCH', '/v1/webhooks/{id}', { ...keyed('k-1'), body: { eventTypes: ['HearingHeld'] } });
    expect([other.status, other.body.code]).toEqual([422, 'idempotency_key_reused']);
    const beyond = `/v1/webhooks/{id}/replay?from=${created.body.position + 1_000_000_000}`;
    expect((await api('POST', beyond, { params: id, token: admin })).body.code).toBe('invalid_query');
    const reused = await api('DELETE', '/v1/webhooks/{id}', keyed('k-1'));
    expect([reused.status, reused.body.code]).toEqual([422, 'idempotency_key_reused']);
    expect((await api('DELETE', '/v1/webhooks/{id}', keyed('k-2'))).status).toBe(204);
    expect((await api('DELETE', '/v1/webhooks/{id}', keyed('k-2'))).status).toBe(204);
  });

  it('when the operational routes are asked, then health, readiness and metrics match their declarations', async () => {
    expect((await api('GET', '/healthz')).body).toEqual({ status: 'ok' });
    expect((await api('GET', '/readyz')).status).toBe(200);
    expect((await api('GET', '/metrics')).status).toBe(200);
    expect((await api('GET', '/openapi.json')).status).toBe(200);
  });
});
