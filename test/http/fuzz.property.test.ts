import { createHash, generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { ACT_TYPES } from '../../src/domain/case/acts.js';
import { DEFAULT_TEMPLATES } from '../../src/domain/drafting/default-templates.js';
import { BLOCK, tarHeader } from '../../src/ledger/tar.js';
import { runCli } from '../support/cli.js';
import { hostileBodies, hostileValue, randomBody } from '../support/hostile-json.js';
import { FLOW_CHART, POST_BOARD, REVIEW_CHART, SERVICE_GUIDE } from '../support/published.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';
import { PLAN, SUBJECT } from '../support/inspection-samples.js';
import { recordingListBody } from '../support/recording-list.js';

/**
 * One request must never take the service down. Every write route gets dozens of generated bodies: valid-shaped
 * ones with hostile values (lone surrogates, 1e999, deep nesting, huge strings, wrong types, unknown act types,
 * `__proto__` members, invalid UTF-8), and random JSON or non-JSON. No answer may be a 5xx or hang; afterwards the
 * service is still ready, and `ledger check` finds the data folder clean.
 */
/**
 * Bodies per route: 60 in the suite, which runs it on every change over some fifty routes (and must finish within
 * CI's 15 minutes on two cores); `FUZZ_BODIES` sends more (2,000 or 10,000 for a deep run before a release).
 */
const BODIES_PER_ROUTE = Number(process.env.FUZZ_BODIES ?? 60);
/**
 * Requests in flight at once (keep-alive connections), kept small for a shared machine; at most
 * VERIFY_CONCURRENCY + VERIFY_QUEUE (2 + 4 by default), so that no verification is turned away as busy (503).
 */
const CONCURRENCY = 3;
/** The longest one request may take before it counts as a hang. */
const REQUEST_TIMEOUT_MS = 30_000;
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);

const AGENCY = 'fuzz-bureau';
const today = new Date().toISOString().slice(0, 10);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-fuzz-'));
let t: TestService;
let admin: string;
let officer: string;
let supervisor: string;
let openingId: string;

beforeAll(async () => {
  t = await startTestService({ LEDGER_DATA_DIR: dataDir, PUBLIC_RATE_LIMIT: '0', CALENDAR_AGENCY: AGENCY });
  ({ admin, officer } = await seedAgency(t, AGENCY, { officers: ['fz-a', 'fz-b'] }));
  const opened = await t.call('POST', '/v1/cases', { token: officer, body: { ...openCase, caseId: 'fz-case' } });
  expect(opened.status).toBe(201);
  openingId = opened.body.eventId;
  supervisor = t.token('fz-sup', AGENCY, ['supervisor']);
}, 120_000);
afterAll(async () => {
  await t?.stop().catch(() => undefined);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const openCase = {
  caseId: 'fz-c-1',
  itemCode: 'P-001',
  title: '某公司未公示执业信息案',
  openedOn: today,
  officers: ['fz-a', 'fz-b'],
  parties: [{ kind: 'person', name: '张三丰', idNumber: '140521199001011234', phone: '13912345678', address: '某路' }],
};
const officerBody = {
  officerId: 'fz-o-1',
  name: '执法人员',
  agency: AGENCY,
  certificateNo: '1405-fz',
  validFrom: '2018-01-01',
  validTo: '2030-12-31',
  roles: ['officer'],
  categories: ['司法行政'],
};
const itemBody = {
  code: 'FZ-001',
  agency: AGENCY,
  name: '事项',
  category: 'penalty',
  legalBasis: '《条例》第十条',
  major: { fineFenAtLeast: 1_000_000, decisionTypes: ['license_revocation'] },
  disclosureWorkingDays: 7,
};
const inspectionEntry = {
  subject: '县司法局',
  basis: '《条例》第十条',
  targets: '本县律师事务所',
  content: '执业信息公示',
  ratioBasisPoints: 500,
  method: '现场检查',
  frequency: '每年一次',
  itemCode: 'P-001',
  note: '首次公布',
};
const benchmarkBody = {
  itemCode: 'P-001',
  agency: AGENCY,
  basis: '裁量基准',
  circumstances: [{ circumstance: 'minor', description: '轻微', minFen: 0, maxFen: 100_000 }],
};
const evaluationBody = {
  scores: Object.fromEntries(
    [
      'subjectLawful',
      'officersQualified',
      'procedureLawful',
      'factsClear',
      'evidenceSufficient',
      'lawAppliedCorrectly',
      'discretionAppropriate',
      'withinAuthority',
      'documentsComplete',
    ].map((point) => [point, { score: 9, comment: '扣分理由' }]),
  ),
};
const occurredAt = `${today}T00:09:30+08:00`;
const actBodies = (): Record<string, unknown>[] => [
  { type: 'EvidenceCollected', occurredAt, officers: ['fz-a', 'fz-b'], data: { description: '现场照片' } },
  {
    type: 'OnSiteInspectionRecorded',
    occurredAt,
    data: { location: '某路', findings: '发现', credentialsShown: true, partyNotified: true },
  },
  { type: 'HearingHeld', occurredAt, data: { heldOn: today } },
  {
    type: 'LegalReviewRequested',
    occurredAt,
    data: { proposed: { decisionType: 'fine', fineFen: 50_000, legalBasis: '《条例》' } },
  },
  {
    type: 'DecisionIssued',
    occurredAt,
    data: { decisionType: 'fine', fineFen: 50_000, legalBasis: '《条例》', documentNo: '罚〔1〕号', decidedOn: today },
  },
  { type: 'RecordCorrected', occurredAt, data: { corrects: openingId, reason: '笔误', data: { title: '更正' } } },
  {
    type: 'DisclosureExempted',
    occurredAt,
    data: { ground: 'trade_secret', legalBasis: '《条例》', reason: '商业秘密' },
  },
  { type: 'DocumentServed', occurredAt, data: { document: '文书', method: 'direct' }, media: ['a'.repeat(64)] },
];

interface FuzzRequest {
  readonly body: string | Uint8Array;
  readonly contentType: string;
  readonly headers?: Record<string, string>;
}

const json = (body: fc.Arbitrary<string>): fc.Arbitrary<FuzzRequest> =>
  body.map((text) => ({ body: text, contentType: 'application/json' }));

/** A body with bytes that are not UTF-8 (a CESU-8 surrogate, 0xFF, an overlong slash) spliced into a string. */
const invalidUtf8 = (template: unknown): fc.Arbitrary<FuzzRequest> =>
  fc.constantFrom([0xed, 0xa0, 0x80], [0xff], [0xc0, 0xaf], [0xf4, 0x90, 0x80, 0x80]).map((bytes) => {
    const text = JSON.stringify(template);
    const at = text.indexOf('"', text.indexOf(':')) + 1;
    const head = Buffer.from(text.slice(0, at), 'utf8');
    return {
      body: Buffer.concat([head, Buffer.from(bytes), Buffer.from(text.slice(at), 'utf8')]),
      contentType: 'application/json',
    };
  });

/** For a JSON route: mostly valid-shaped hostile bodies, some random ones, a few that are not UTF-8. */
const jsonRoute = (templates: fc.Arbitrary<unknown>): fc.Arbitrary<FuzzRequest> =>
  fc.oneof(
    { weight: 12, arbitrary: json(templates.chain(hostileBodies)) },
    { weight: 4, arbitrary: json(randomBody) },
    { weight: 1, arbitrary: templates.chain(invalidUtf8) },
  );

const actTemplate = () => fc.constantFrom(...actBodies());
/** An act of any type the service knows or does not, with any data. */
const anyTypeAct = fc
  .tuple(fc.constantFrom(...ACT_TYPES, 'TeaServed', '', '__proto__', 'constructor'), hostileValue)
  .map(([type, data]) => `{"type":${JSON.stringify(type)},"occurredAt":"${occurredAt}","data":${data}}`);

const media: fc.Arbitrary<FuzzRequest> = fc
  .record({
    bytes: fc.uint8Array({ maxLength: 2_048 }),
    contentType: fc.constantFrom(
      'application/octet-stream',
      'image/jpeg',
      'video/mp4',
      'audio/mpeg',
      'application/json',
      'text/plain; charset=utf-8',
      'x/y',
      'not a type',
      '',
    ),
    digest: fc.constantFrom('none', 'right', 'wrong', 'junk'),
  })
  .map(({ bytes, contentType, digest }) => {
    const right = createHash('sha256').update(bytes).digest('hex');
    const header = { none: undefined, right, wrong: 'f'.repeat(64), junk: '\u00e9not-hex' }[digest];
    return { body: bytes, contentType, ...(header ? { headers: { 'x-content-sha256': header } } : {}) };
  });

/** A tar whose members are given: ustar headers, content padded to blocks, the two end blocks. */
function tar(members: [name: string, content: Buffer][]): Buffer {
  const parts = members.flatMap(([name, content]) => [
    tarHeader(name, content.length),
    content,
    Buffer.alloc((BLOCK - (content.length % BLOCK)) % BLOCK),
  ]);
  return Buffer.concat([...parts, Buffer.alloc(2 * BLOCK)]);
}
const manifest = {
  format: 'evidence-ledger/bundle/v1',
  caseId: 'fz-case',
  createdAt: `${today}T00:00:00Z`,
  checkpoint: { origin: 'evidence-ledger.local/log', size: 1, rootHash: 'A'.repeat(43) + '=' },
  files: [{ name: 'events/00000000.json', size: 2, sha256: 'a'.repeat(64) }],
  signature: { alg: 'Ed25519', keyId: 'k', value: 'AA==' },
};
const bundle: fc.Arbitrary<FuzzRequest> = fc
  .oneof(
    { weight: 3, arbitrary: hostileBodies(manifest).map((m) => tar([['manifest.json', Buffer.from(m, 'utf8')]])) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom('manifest.json', 'checkpoint.txt', 'events/00000000.json', 'x'), hostileValue)
        .map(([name, content]) =>
          tar([
            ['manifest.json', Buffer.from(JSON.stringify(manifest))],
            [name, Buffer.from(content)],
          ]),
        ),
    },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 4 * BLOCK }).map((b) => Buffer.from(b)) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(hostileBodies(manifest), fc.nat({ max: 3 * BLOCK }))
        .map(([m, cut]) => tar([['manifest.json', Buffer.from(m, 'utf8')]]).subarray(0, cut)),
    },
  )
  .map((body) => ({ body, contentType: 'application/x-tar' }));

const webhookBody = { url: 'https://10.9.8.7/hooks', eventTypes: ['CaseOpened'], signing: 'hmac-sha256' };
/** A subscription id no subscription has: its routes answer 404 or refuse the body first. */
const FUZZ_WEBHOOK = '0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f';

const deviceBody = { deviceId: 'fz-cam', agency: AGENCY, holder: 'fz-a', model: 'DSJ', serialNo: 'SN-1' };

const revocation = { sub: 'fz-nobody', before: `${today}T00:00:00+08:00`, reason: '离职' };

const calendarYear = {
  source: '国务院办公厅关于2030年部分节假日安排的通知',
  holidays: [{ name: '元旦', days: ['2030-01-01'] }],
  workdays: ['2030-01-05'],
};

/** An application for an item that is not a licensing one: valid-shaped filings are refused by the rules. */
const applicationBody = {
  agency: AGENCY,
  itemCode: 'P-001',
  applicant: { kind: 'person', name: '张三丰', phone: '13912345678' },
  request: '申请许可',
};
/** An application id no application has: its routes answer 404 or refuse the body first. */
const FUZZ_APPLICATION = '0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0a0a';
const FORM_BOUNDARY = 'fz-boundary-7MA4YWxkTrZu0gW';
/** A filing form: the application part (hostile or random text) and one file of random bytes and type. */
const filingForm = fc
  .record({
    application: fc.oneof(hostileBodies(applicationBody), randomBody),
    file: fc.uint8Array({ maxLength: 2048 }),
    type: fc.constantFrom('application/pdf', 'image/png', 'text/html', 'application/json', ''),
    cut: fc.option(fc.nat({ max: 4096 })),
  })
  .map(({ application, file, type, cut }) => {
    const head =
      `--${FORM_BOUNDARY}\r\nContent-Disposition: form-data; name="application"\r\n\r\n${application}\r\n` +
      `--${FORM_BOUNDARY}\r\nContent-Disposition: form-data; name="attachment"; filename="a.pdf"\r\n` +
      (type ? `Content-Type: ${type}\r\n` : '') +
      '\r\n';
    const body = Buffer.concat([Buffer.from(head, 'utf8'), file, Buffer.from(`\r\n--${FORM_BOUNDARY}--\r\n`)]);
    return {
      body: cut === null ? body : body.subarray(0, cut),
      contentType: `multipart/form-data; boundary=${FORM_BOUNDARY}`,
    };
  });

/** An officer's Ed25519 public key, as the registry takes it (base64 of its SPKI DER). */
const FUZZ_OFFICER_KEY = generateKeyPairSync('ed25519')
  .publicKey.export({ type: 'spki', format: 'der' })
  .toString('base64');

/** Each write route: its OpenAPI path, the path fuzzed, its method (POST unless said), who sends, and what. */
const ROUTES: {
  path: string;
  route: string;
  method?: 'PUT' | 'PATCH';
  token?: () => string;
  request: fc.Arbitrary<FuzzRequest>;
}[] = [
  { path: '/v1/officers', route: '/v1/officers', token: () => admin, request: jsonRoute(fc.constant(officerBody)) },
  { path: '/v1/items', route: '/v1/items', token: () => admin, request: jsonRoute(fc.constant(itemBody)) },
  {
    path: '/v1/officers/{officerId}/amendments',
    route: '/v1/officers/fz-o-1/amendments',
    token: () => admin,
    request: jsonRoute(
      fc.constantFrom(
        { changes: { validTo: '2031-12-31', certificateNo: '1405-fz-2' }, reason: '换发执法证' },
        { changes: { counsel: 'public_lawyer' }, reason: '登记为公职律师' },
      ),
    ),
  },
  {
    path: '/v1/officers/{officerId}/keys',
    route: '/v1/officers/fz-o-1/keys',
    token: () => admin,
    request: jsonRoute(
      fc.constantFrom(
        { publicKey: FUZZ_OFFICER_KEY, validFrom: '2026-01-01' },
        { alg: 'Ed25519', publicKey: FUZZ_OFFICER_KEY, validFrom: '2026-01-01', validTo: '2027-12-31' },
      ),
    ),
  },
  {
    path: '/v1/officers/{officerId}/keys/{keyId}/revocation',
    route: `/v1/officers/fz-o-1/keys/${'0'.repeat(64)}/revocation`,
    token: () => admin,
    request: jsonRoute(
      fc.constantFrom(
        { reason: '密钥遗失', revokedFrom: '2026-06-01' },
        { reason: '调岗', revokedFrom: '2026-06-01T00:00:00+08:00' },
      ),
    ),
  },
  {
    path: '/v1/items/{code}/amendments',
    route: '/v1/items/FZ-001/amendments',
    token: () => admin,
    request: jsonRoute(
      fc.constant({ changes: { reviewMaterials: ['调查终结报告'], reviewWorkingDays: 7 }, reason: '调整' }),
    ),
  },
  {
    path: '/v1/benchmarks',
    route: '/v1/benchmarks',
    token: () => admin,
    request: jsonRoute(fc.constant({ ...benchmarkBody, reason: '修订' })),
  },
  {
    // a case no one opened: a valid body is refused (404), so the fuzzed case keeps its personal data
    path: '/v1/cases/{caseId}/erasure',
    route: '/v1/cases/fz-no-case/erasure',
    token: () => admin,
    request: jsonRoute(fc.constant({ ground: 'retention_expired', reason: '保管期限届满' })),
  },
  {
    path: '/v1/cases/{caseId}/evaluations',
    route: '/v1/cases/fz-case/evaluations',
    token: () => supervisor,
    request: jsonRoute(fc.constant(evaluationBody)),
  },
  { path: '/v1/cases', route: '/v1/cases', token: () => officer, request: jsonRoute(fc.constant(openCase)) },
  {
    path: '/v1/cases/{caseId}/drafts',
    route: '/v1/cases/fz-case/drafts',
    token: () => officer,
    request: jsonRoute(
      fc.constant({
        decisionType: 'fine',
        fineFen: 150_000,
        legalBasis: '《律师法》第五十条',
        documentNo: '县司罚〔2026〕7号',
        decidedOn: '2026-03-05',
      }),
    ),
  },
  {
    path: '/v1/cases/{caseId}/acts',
    route: '/v1/cases/fz-case/acts',
    token: () => admin,
    request: fc.oneof(
      { weight: 6, arbitrary: jsonRoute(fc.constant(null).chain(actTemplate)) },
      { weight: 1, arbitrary: json(anyTypeAct) },
    ),
  },
  {
    path: '/v1/cases/{caseId}/acts:batch',
    route: '/v1/cases/fz-case/acts:batch',
    token: () => admin,
    request: jsonRoute(
      fc.constant(null).chain(() => fc.array(actTemplate(), { minLength: 1, maxLength: 3 }).map((acts) => ({ acts }))),
    ),
  },
  { path: '/v1/media', route: '/v1/media', token: () => officer, request: media },
  {
    path: '/v1/calendar/{year}',
    route: '/v1/calendar/2030',
    method: 'PUT',
    token: () => admin,
    request: jsonRoute(fc.constant(calendarYear)),
  },
  {
    path: '/v1/verify',
    route: '/v1/verify',
    request: fc.oneof({ weight: 4, arbitrary: bundle }, { weight: 1, arbitrary: json(randomBody) }),
  },
  {
    path: '/v1/agencies/{agency}/inspection-list/{id}',
    route: `/v1/agencies/${AGENCY}/inspection-list/fz-rc-1`,
    method: 'PUT',
    token: () => admin,
    request: jsonRoute(fc.constant(inspectionEntry)),
  },
  {
    path: '/v1/agencies/{agency}/inspection-list/{id}/withdrawal',
    route: `/v1/agencies/${AGENCY}/inspection-list/fz-rc-2/withdrawal`,
    token: () => admin,
    request: jsonRoute(fc.constant({ reason: '事项取消' })),
  },
  {
    path: '/v1/subjects',
    route: '/v1/subjects',
    token: () => admin,
    request: jsonRoute(fc.constant({ ...SUBJECT, agency: AGENCY })),
  },
  {
    path: '/v1/subjects/{subjectId}/conflicts',
    route: '/v1/subjects/fz-s-1/conflicts',
    token: () => admin,
    request: jsonRoute(fc.constant({ officerId: 'alice', reason: '近亲属任职' })),
  },
  {
    path: '/v1/subjects/{subjectId}/conflicts/{officerId}/withdrawal',
    route: '/v1/subjects/fz-s-1/conflicts/alice/withdrawal',
    token: () => admin,
    request: jsonRoute(fc.constant({ reason: '亲属已离职' })),
  },
  {
    path: '/v1/subjects/{subjectId}/amendments',
    route: '/v1/subjects/fz-s-1/amendments',
    token: () => admin,
    request: jsonRoute(fc.constant({ changes: { name: '某某科技有限公司', tags: ['food'] }, reason: '名称变更' })),
  },
  {
    path: '/v1/subjects/{subjectId}/retirement',
    route: '/v1/subjects/fz-s-1/retirement',
    token: () => admin,
    request: jsonRoute(fc.constant({ reason: '注销登记' })),
  },
  {
    path: '/v1/inspections',
    route: '/v1/inspections',
    token: () => admin,
    request: jsonRoute(fc.constant({ ...PLAN, agency: AGENCY, drawAtSize: 1_000_000 })),
  },
  {
    path: '/v1/inspections/{planId}/draw',
    route: '/v1/inspections/fz-p-1/draw',
    token: () => admin,
    request: jsonRoute(fc.constant({ seed: 'ab'.repeat(32) })),
  },
  {
    path: '/v1/inspections/{planId}/outcomes',
    route: '/v1/inspections/fz-p-1/outcomes',
    token: () => admin,
    request: jsonRoute(
      fc.constant({ subjectId: 'S-0001', outcome: 'no_problem', summary: '未发现问题', inspectedOn: '2026-03-10' }),
    ),
  },
  {
    path: '/v1/agencies/{agency}/flow-charts/{id}',
    route: `/v1/agencies/${AGENCY}/flow-charts/P-001`,
    method: 'PUT',
    token: () => admin,
    request: jsonRoute(fc.constant({ ...FLOW_CHART, note: '首次公布' })),
  },
  {
    path: '/v1/agencies/{agency}/flow-charts/{id}/withdrawal',
    route: `/v1/agencies/${AGENCY}/flow-charts/P-001-2/withdrawal`,
    token: () => admin,
    request: jsonRoute(fc.constant({ reason: '事项取消' })),
  },
  {
    path: '/v1/agencies/{agency}/review-charts/{id}',
    route: `/v1/agencies/${AGENCY}/review-charts/standard`,
    method: 'PUT',
    token: () => admin,
    request: jsonRoute(fc.constant({ ...REVIEW_CHART, note: '首次公布' })),
  },
  {
    path: '/v1/agencies/{agency}/review-charts/{id}/withdrawal',
    route: `/v1/agencies/${AGENCY}/review-charts/standard-2/withdrawal`,
    token: () => admin,
    request: jsonRoute(fc.constant({ reason: '审核程序合并' })),
  },
  {
    path: '/v1/agencies/{agency}/service-guides/{id}',
    route: `/v1/agencies/${AGENCY}/service-guides/FZ-L`,
    method: 'PUT',
    token: () => admin,
    request: jsonRoute(fc.constant({ ...SERVICE_GUIDE, note: '首次公布' })),
  },
  {
    path: '/v1/agencies/{agency}/service-guides/{id}/withdrawal',
    route: `/v1/agencies/${AGENCY}/service-guides/FZ-L-2/withdrawal`,
    token: () => admin,
    request: jsonRoute(fc.constant({ reason: '事项取消' })),
  },
  {
    path: '/v1/agencies/{agency}/post-boards/{id}',
    route: `/v1/agencies/${AGENCY}/post-boards/fz-w-1`,
    method: 'PUT',
    token: () => admin,
    request: jsonRoute(fc.constant({ ...POST_BOARD, note: '首次公布' })),
  },
  {
    path: '/v1/agencies/{agency}/post-boards/{id}/withdrawal',
    route: `/v1/agencies/${AGENCY}/post-boards/fz-w-1-2/withdrawal`,
    token: () => admin,
    request: jsonRoute(fc.constant({ reason: '事项取消' })),
  },
  // private and unresolvable receivers: the address checks refuse them without a connection being tried
  {
    path: '/v1/webhooks',
    route: '/v1/webhooks',
    token: () => admin,
    request: jsonRoute(fc.constantFrom(webhookBody, { ...webhookBody, payload: 'public' })),
  },
  {
    path: '/v1/webhooks/{id}',
    route: `/v1/webhooks/${FUZZ_WEBHOOK}`,
    method: 'PATCH',
    token: () => admin,
    request: jsonRoute(
      fc.constantFrom(
        { url: 'https://192.168.7.7/in', eventTypes: ['DecisionIssued'], rotateKey: true },
        { payload: 'public' },
        { payload: 'envelope', eventTypes: null },
      ),
    ),
  },
  {
    path: '/v1/webhooks/{id}/replay',
    route: `/v1/webhooks/${FUZZ_WEBHOOK}/replay?from=0`,
    token: () => admin,
    request: fc.oneof(
      { weight: 1, arbitrary: json(randomBody) },
      { weight: 1, arbitrary: jsonRoute(fc.constant({ from: 0 })) },
    ),
  },
  {
    path: '/v1/applications',
    route: '/v1/applications',
    request: fc.oneof(
      { weight: 2, arbitrary: jsonRoute(fc.constant(applicationBody)) },
      { weight: 2, arbitrary: filingForm },
    ),
  },
  {
    path: '/v1/applications/{applicationId}/acceptance',
    route: `/v1/applications/${FUZZ_APPLICATION}/acceptance`,
    token: () => officer,
    request: jsonRoute(fc.constant({ officers: ['fz-a', 'fz-b'], title: '受理' })),
  },
  {
    path: '/v1/applications/{applicationId}/rejection',
    route: `/v1/applications/${FUZZ_APPLICATION}/rejection`,
    token: () => officer,
    request: jsonRoute(fc.constant({ reason: '材料不齐', legalBasis: '《行政许可法》第三十二条' })),
  },
  {
    // an application no one filed: a valid body is refused (404), so nothing is erased
    path: '/v1/applications/{applicationId}/erasure',
    route: '/v1/applications/0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0e0e/erasure',
    token: () => admin,
    request: jsonRoute(fc.constant({ ground: 'consent_withdrawn', reason: '撤回' })),
  },
  {
    path: '/v1/agencies/{agency}/recording-list',
    route: `/v1/agencies/${AGENCY}/recording-list`,
    method: 'PUT',
    token: () => admin,
    request: jsonRoute(fc.constant(recordingListBody(AGENCY))),
  },
  {
    path: '/v1/agencies/{agency}/review-settings',
    route: `/v1/agencies/${AGENCY}/review-settings`,
    method: 'PUT',
    token: () => admin,
    request: jsonRoute(fc.constant({ agency: AGENCY, reviewWorkingDays: 7, reason: '本机关规定' })),
  },
  {
    path: '/v1/agencies/{agency}/statistics/{year}/publication',
    route: `/v1/agencies/${AGENCY}/statistics/2025/publication`,
    method: 'PUT',
    token: () => admin,
    request: jsonRoute(
      fc.record(
        { agency: fc.constant(AGENCY), publishedOn: fc.constantFrom('2026-01-15', '2026-02-01'), url: fc.webUrl() },
        { requiredKeys: ['agency', 'publishedOn'] },
      ),
    ),
  },
  {
    path: '/v1/agencies/{agency}/profile',
    route: `/v1/agencies/${AGENCY}/profile`,
    method: 'PUT',
    token: () => admin,
    request: jsonRoute(
      fc.record(
        {
          agency: fc.constant(AGENCY),
          name: fc.constantFrom('某县司法局', '某县司法局（更名）'),
          address: fc.string(),
        },
        { requiredKeys: ['agency', 'name'] },
      ),
    ),
  },
  {
    path: '/v1/agencies/{agency}/decision-templates/{decisionType}',
    route: `/v1/agencies/${AGENCY}/decision-templates/fine`,
    method: 'PUT',
    token: () => admin,
    request: jsonRoute(
      fc.constantFrom(
        { template: { ...DEFAULT_TEMPLATES.fine, issuer: '某县司法局' }, reason: '统一文书格式' },
        { template: null, reason: '恢复默认模板' },
      ),
    ),
  },
  {
    path: '/v1/agencies/{agency}/review-catalogue',
    route: `/v1/agencies/${AGENCY}/review-catalogue`,
    method: 'PUT',
    token: () => admin,
    request: jsonRoute(
      fc.constant({
        agency: AGENCY,
        level: 'county',
        entries: [
          { entryId: 'RC-1', description: '较大数额罚款', decisionTypes: ['fine'], amountFenAtLeast: 500_000 },
          { entryId: 'RC-2', description: '食品安全领域', fields: ['食品安全'], levels: ['county'] },
        ],
        reason: '年度调整',
      }),
    ),
  },
  { path: '/v1/devices', route: '/v1/devices', token: () => admin, request: jsonRoute(fc.constant(deviceBody)) },
  {
    path: '/v1/devices/{deviceId}/changes',
    route: '/v1/devices/fz-cam/changes',
    token: () => admin,
    request: jsonRoute(fc.constantFrom({ status: 'lost', reason: '遗失' }, { holder: 'fz-b', reason: '移交' })),
  },
  // near the end: a retired officer or item refuses every change after it
  ...(['suspension', 'reinstatement', 'retirement'] as const).map((change) => ({
    path: `/v1/officers/{officerId}/${change}`,
    route: `/v1/officers/fz-o-1/${change}`,
    token: () => admin,
    request: jsonRoute(fc.constantFrom({ reason: '暂停执法资格' }, { reason: '调离执法岗位' })),
  })),
  {
    path: '/v1/items/{code}/retirement',
    route: '/v1/items/FZ-001/retirement',
    token: () => admin,
    request: jsonRoute(fc.constant({ reason: '法律依据已废止' })),
  },
  // last: a revocation that a mutation turned into one of the admin's own would only refuse the routes after it
  {
    path: '/v1/tokens/revocations',
    route: '/v1/tokens/revocations',
    token: () => admin,
    request: jsonRoute(fc.constantFrom(revocation, { jti: 'fz-jti-1', reason: '遗失' })),
  },
];

interface Outcome {
  readonly status: number | 'timeout' | 'network';
  readonly code?: string;
}

async function send(
  { route, method }: { route: string; method?: string },
  token: string | undefined,
  request: FuzzRequest,
): Promise<Outcome> {
  const headers: Record<string, string> = { ...(request.headers ?? {}) };
  if (request.contentType) headers['content-type'] = request.contentType;
  if (token) headers.authorization = `Bearer ${token}`;
  try {
    const res = await fetch(t.url + route, {
      method: method ?? 'POST',
      headers,
      body: request.body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await res.text();
    let code: string | undefined;
    try {
      code = (JSON.parse(text) as { code?: string }).code;
    } catch {
      /* not JSON */
    }
    return { status: res.status, ...(code ? { code } : {}) };
  } catch (err) {
    return { status: (err as Error).name === 'TimeoutError' ? 'timeout' : 'network' };
  }
}

/** Runs `work` over `items` with at most `limit` in flight. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const runner = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: limit }, runner));
}

/** Enough of a body to reproduce a failure by hand: its start and end (a tar's from its first member's content). */
const excerpt = (request: FuzzRequest) => {
  const bytes = typeof request.body === 'string' ? Buffer.from(request.body, 'utf8') : Buffer.from(request.body);
  const shown = request.contentType === 'application/x-tar' ? bytes.subarray(BLOCK) : bytes;
  const text = shown
    .toString('utf8')
    .replace(/\0+$/, '')
    // controls and lone surrogates are written as escapes, so that the report shows them
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\ud800-\udfff\ufffd]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return text.length > 300 ? `${text.slice(0, 150)} … ${text.slice(-150)} (${bytes.length} bytes)` : text;
};

describe('fuzzing every write route', () => {
  it('when the OpenAPI document lists the write routes, then every one is fuzzed here', async () => {
    const doc = (await t.call('GET', '/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const writes = Object.entries(doc.paths)
      .filter(([, operations]) => 'post' in operations || 'put' in operations || 'patch' in operations)
      .map(([p]) => p);
    expect(writes.sort()).toEqual(ROUTES.map((r) => r.path).sort());
  });

  it.each(ROUTES.map((r) => [r.route, r] as const))(
    'when %s gets dozens of generated bodies, then no answer is a 5xx and none hangs',
    async (_route, { token, request, ...target }) => {
      const requests = fc.sample(request, { numRuns: BODIES_PER_ROUTE, seed: SEED });
      expect(requests.length).toBe(BODIES_PER_ROUTE);
      const statuses = new Map<string, number>();
      const bad: string[] = [];
      await pool(requests, CONCURRENCY, async (req) => {
        const outcome = await send(target, token?.(), req);
        const key = String(outcome.status);
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
        if (typeof outcome.status !== 'number' || outcome.status >= 500) {
          bad.push(`${outcome.status} ${outcome.code ?? ''} ← ${req.contentType} ${excerpt(req)}`);
        }
      });
      // the bodies reached the route's own checks, not only a gate in front of it
      expect([...statuses.keys()].some((s) => s === '400' || s === '415' || s === '422')).toBe(true);
      // the first failures, one a line, then how many there were
      expect(bad.slice(0, 10).join('\n')).toBe('');
      expect(bad.length).toBe(0);
    },
    300_000,
  );

  it('when the fuzzing is over, then the service is ready and `ledger check` finds the data folder clean', async () => {
    let ready = 0;
    for (let i = 0; i < 300 && ready !== 200; i++) {
      ready = (await fetch(`${t.url}/readyz`)).status;
      if (ready !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(ready).toBe(200);
    await t.stop();
    const check = await runCli(['check', '--json'], { LEDGER_DATA_DIR: dataDir });
    const report = JSON.parse(check.stdout) as { faultCount: number; faults: unknown[]; events: number };
    expect(report.faults).toEqual([]);
    expect([check.code, report.faultCount]).toEqual([0, 0]);
    expect(report.events).toBeGreaterThan(0);
  }, 120_000);
});
