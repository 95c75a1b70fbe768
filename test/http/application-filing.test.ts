import path from 'node:path';
import { loadValidators } from '../../src/http/validation.js';
import type { Clock } from '../../src/ports/clock.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';

const AGENCY = 'county-justice';
/** Monday 2026-11-30, 12:30 China time, ticking from there. */
const START = Date.parse('2026-11-30T04:30:00Z');
const started = Date.now();
const clock: Clock = { now: () => new Date(START + (Date.now() - started)) };

const PDF = new Uint8Array(Buffer.from('%PDF-1.4\n% the applicant signed form\n%%EOF\n'));
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5, 6, 7, 8]);
const APPLICATION = {
  agency: AGENCY,
  itemCode: 'L-001',
  applicant: {
    kind: 'person',
    name: '王小明',
    idNumber: '110101199001011234',
    phone: '13800000000',
    address: '县城关镇人民路1号',
  },
  request: '申请律师执业证。\n本人已通过法律职业资格考试。',
};

let t: TestService;
let officer: string;
let supervisor: string;
let position = 0;

async function file(files: { bytes: Uint8Array; type: string; name: string }[]): Promise<any> {
  const form = new FormData();
  form.set('application', JSON.stringify(APPLICATION));
  for (const f of files) form.append('attachment', new Blob([f.bytes], { type: f.type }), f.name);
  const res = await fetch(`${t.url}/v1/applications`, { method: 'POST', body: form });
  const body = (await res.json()) as any;
  expect(res.status).toBe(201);
  position = Math.max(position, body.position);
  return body;
}

const sha256 = async (bytes: Uint8Array) =>
  Buffer.from(await crypto.subtle.digest('SHA-256', new Uint8Array(bytes))).toString('hex');

/** Waits (bounded) until the read models have applied everything written so far, then reads the trail. */
async function trailAfterWrites(query: string): Promise<any[]> {
  const head = await t.service.events.headPosition();
  const res = await t.call('GET', `/v1/audit/access?${query}&limit=200&consistentWith=${head}`, {
    token: supervisor,
  });
  expect(res.status).toBe(200);
  return res.body.items;
}

beforeAll(async () => {
  t = await startTestService({}, { clock });
  ({ officer } = await seedAgency(t, AGENCY, { item: { code: 'L-001', category: 'licensing' } }));
  supervisor = t.token('sam', AGENCY, ['supervisor']);
});
afterAll(() => t.stop());

describe('an application as filed, for the officer deciding it', () => {
  let filed: any;
  let pdfSha: string;
  let pngSha: string;

  beforeAll(async () => {
    filed = await file([
      { bytes: PDF, type: 'application/pdf', name: '申请书.pdf' },
      { bytes: PNG, type: 'image/png', name: '身份证.png' },
    ]);
    pdfSha = await sha256(PDF);
    pngSha = await sha256(PNG);
  });

  it('when an officer of the agency reads it, then everything filed is there, opened, and the read is recorded', async () => {
    const res = await t.call('GET', `/v1/applications/${filed.applicationId}`, {
      token: officer,
      headers: { 'x-purpose': encodeURIComponent('受理审查') },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('no-store');
    expect(res.body).toEqual({
      applicationId: filed.applicationId,
      agency: AGENCY,
      itemCode: 'L-001',
      status: 'filed',
      filedOn: '2026-11-30',
      acceptBy: '2026-12-07',
      erased: false,
      applicant: APPLICATION.applicant,
      request: APPLICATION.request,
      attachments: [
        { sha256: pdfSha, size: PDF.length, contentType: 'application/pdf', name: '申请书.pdf' },
        { sha256: pngSha, size: PNG.length, contentType: 'image/png', name: '身份证.png' },
      ],
      eventId: filed.eventId,
      eventHash: filed.hash,
    });
    const validate = loadValidators(path.resolve(__dirname, '../../schemas'));
    expect(() => validate('urn:evidence-ledger:schema:response:application-filing', res.body)).not.toThrow();
    const reads = await trailAfterWrites(`caseId=${filed.applicationId}`);
    expect(reads).toEqual([
      expect.objectContaining({
        sub: 'alice',
        caseAgency: AGENCY,
        caseId: filed.applicationId,
        action: 'read_application',
        purpose: '受理审查',
      }),
    ]);
  });

  it('when an officer opens an attachment, then its bytes are served as stored, never as a page, and the read is recorded', async () => {
    const route = `/v1/applications/${filed.applicationId}/attachments/${pdfSha}`;
    const res = await fetch(t.url + route, { headers: { authorization: `Bearer ${officer}` } });
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(Buffer.from(PDF));
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('etag')).toBe(`"${pdfSha}"`);
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const range = await fetch(t.url + route, { headers: { authorization: `Bearer ${officer}`, range: 'bytes=0-3' } });
    expect([range.status, Buffer.from(await range.arrayBuffer()).toString()]).toEqual([206, '%PDF']);
    const reads = await trailAfterWrites(`caseId=${filed.applicationId}`);
    expect(reads.filter((r) => r.action === 'read_media')).toEqual([
      expect.objectContaining({ sub: 'alice', media: pdfSha }),
      expect.objectContaining({ sub: 'alice', media: pdfSha }),
    ]);
  });

  it.each([
    ['an officer of another agency', 'filing', () => t.token('olga', 'city-market', ['officer'])],
    ['an officer of another agency', 'attachment', () => t.token('olga', 'city-market', ['officer'])],
    ['an officer of the agency', 'other file', () => officer],
  ])('when %s asks for the %s, then 404 and the refusal is on the reader’s own trail', async (_who, what, token) => {
    const other = await sha256(new Uint8Array([1, 2, 3]));
    const route =
      what === 'filing'
        ? `/v1/applications/${filed.applicationId}`
        : `/v1/applications/${filed.applicationId}/attachments/${what === 'attachment' ? pdfSha : other}`;
    const reader = token();
    const res = await t.call('GET', route, { token: reader });
    expect([res.status, res.body.code]).toEqual([404, 'not_found']);
    expect(JSON.stringify(res.body)).not.toMatch(/王小明|13800000000/);
    const sub = what === 'other file' ? 'alice' : 'olga';
    const agencySupervisor = t.token('sue', what === 'other file' ? AGENCY : 'city-market', ['supervisor']);
    const head = await t.service.events.headPosition();
    const denied = await t.call('GET', `/v1/audit/denied-access?sub=${sub}&consistentWith=${head}&limit=200`, {
      token: agencySupervisor,
    });
    expect(denied.body.items).toContainEqual(
      expect.objectContaining({
        sub,
        caseId: filed.applicationId,
        action: what === 'filing' ? 'read_application' : 'read_media',
      }),
    );
  });

  it("when a supervisor of the agency, or of an agency supervising it, reads it, then it is shown and the read is on the application's trail; a supervisor of neither is 404", async () => {
    const legal = t.token('lin', 'county-legal', ['supervisor'], [AGENCY]);
    for (const [token, sub] of [
      [supervisor, 'sam'],
      [legal, 'lin'],
    ] as const) {
      const res = await t.call('GET', `/v1/applications/${filed.applicationId}`, { token });
      expect([res.status, res.body.agency, res.body.applicant.name]).toEqual([200, AGENCY, '王小明']);
      const file = await t.call('GET', `/v1/applications/${filed.applicationId}/attachments/${pdfSha}`, { token });
      expect(file.status).toBe(200);
      const trail = await trailAfterWrites(`caseId=${filed.applicationId}`);
      expect(trail).toContainEqual(expect.objectContaining({ sub, action: 'read_application' }));
      expect(trail).toContainEqual(expect.objectContaining({ sub, action: 'read_media', media: pdfSha }));
    }
    const elsewhere = t.token('lin', 'county-legal', ['supervisor']);
    const refused = await t.call('GET', `/v1/applications/${filed.applicationId}`, { token: elsewhere });
    expect([refused.status, refused.body.code]).toEqual([404, 'not_found']);
  });

  it('when someone without the officer or supervisor role or without a token asks, or the id is not a UUID, then it is refused', async () => {
    const asAdmin = await t.call('GET', `/v1/applications/${filed.applicationId}`, {
      token: t.token(`head-${AGENCY}`, AGENCY, ['admin']),
    });
    expect(asAdmin.status).toBe(403);
    const anonymous = await t.call('GET', `/v1/applications/${filed.applicationId}/attachments/${pdfSha}`);
    expect(anonymous.status).toBe(401);
    const malformed = await t.call('GET', '/v1/applications/not-a-uuid', { token: officer });
    expect([malformed.status, malformed.body.code]).toEqual([404, 'not_found']);
  });

  it('when the application is accepted, then the case it opened carries the earlier reads on its trail, and the filing names it', async () => {
    const res = await t.call('POST', `/v1/applications/${filed.applicationId}/acceptance`, {
      token: officer,
      body: { officers: ['alice', 'bob'] },
    });
    expect(res.status).toBe(201);
    const view = await t.call('GET', `/v1/applications/${filed.applicationId}`, { token: officer });
    expect(view.body).toMatchObject({ status: 'accepted', caseId: filed.applicationId });
    const reads = await trailAfterWrites(`caseId=${filed.applicationId}`);
    // the officer's two reads, and one by each of the two supervisors above
    expect(reads.filter((r) => r.action === 'read_application' && r.sub === 'alice')).toHaveLength(2);
    expect(reads.filter((r) => r.action === 'read_application')).toHaveLength(4);
  });

  it("when a refused application's applicant is erased, then its fields read [erased] and its files are not served", async () => {
    const other = await file([{ bytes: PDF, type: 'application/pdf', name: 'form.pdf' }]);
    const refused = await t.call('POST', `/v1/applications/${other.applicationId}/rejection`, {
      token: officer,
      body: { reason: '申请材料不齐全且逾期未补正', legalBasis: '《行政许可法》第三十二条' },
    });
    expect(refused.status).toBe(201);
    const admin = t.token(`head-${AGENCY}`, AGENCY, ['admin']);
    const erased = await t.call('POST', `/v1/applications/${other.applicationId}/erasure`, {
      token: admin,
      body: { ground: 'purpose_fulfilled', reason: '不予受理后保存期满' },
    });
    expect(erased.status).toBe(201);
    const view = await t.call('GET', `/v1/applications/${other.applicationId}`, { token: officer });
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      status: 'rejected',
      erased: true,
      applicant: { kind: 'person', name: '[erased]', phone: '[erased]', idNumber: '[erased]' },
      request: '[erased]',
    });
    expect(view.body.attachments).toHaveLength(1);
    const attachment = await t.call('GET', `/v1/applications/${other.applicationId}/attachments/${pdfSha}`, {
      token: officer,
    });
    expect([attachment.status, attachment.body.code]).toEqual([409, 'case_erased']);
  });
});
