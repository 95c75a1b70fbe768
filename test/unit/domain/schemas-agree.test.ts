import { CHECKS_PASSED } from '../../support/domain.js';
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { declareAnnotations } from '../../../src/http/validation.js';
import ajvFormats from 'ajv-formats';
import fc from 'fast-check';
import {
  ACT_MEMBERS,
  ACT_TYPES,
  type ActData,
  type ActType,
  type Proposal,
  type RecordedData,
  type ReviewChecks,
} from '../../../src/domain/case/acts.js';
import type { ItemEvent, ItemProfile } from '../../../src/domain/registry/items.js';
import type { DiscretionFinding } from '../../../src/domain/case/rules.js';
import type { BenchmarkProfile, BenchmarkSet } from '../../../src/domain/registry/benchmarks.js';
import type { EvaluationData, EvaluationEvent, EvaluationScores } from '../../../src/domain/case/evaluation.js';
import type { OfficerEvent, OfficerProfile } from '../../../src/domain/registry/officers.js';
import type { OfficerKey } from '../../../src/domain/registry/officer-keys.js';
import type { OfficerKeyClaimEvent } from '../../../src/domain/registry/officer-key-claims.js';
import type { DocumentNumberClaimedEvent } from '../../../src/domain/case/document-number-claims.js';
import type { AgencyNameClaimedEvent } from '../../../src/domain/registry/agency-name-claims.js';
import type { CertificateClaimedEvent } from '../../../src/domain/registry/certificate-claims.js';
import type { WebhookDeliveriesClaimedEvent } from '../../../src/domain/webhooks/subscription-claims.js';
import type { DeviceEvent, DeviceProfile } from '../../../src/domain/registry/devices.js';
import type { ReviewSettingsEvent } from '../../../src/domain/registry/review-settings.js';
import type { StatisticsPublicationEvent } from '../../../src/domain/registry/statistics-publication.js';
import type { AgencyProfileEvent } from '../../../src/domain/registry/agency-profile.js';
import type { AgencyTemplateEvent } from '../../../src/domain/drafting/agency-templates.js';
import { DEFAULT_TEMPLATES } from '../../../src/domain/drafting/default-templates.js';
import type { CatalogueEntry, ReviewCatalogueEvent } from '../../../src/domain/registry/review-catalogue.js';
import type { RecordingListEntry, RecordingListEvent } from '../../../src/domain/registry/recording-list.js';
import type { RevocationEvent } from '../../../src/domain/tokens/revocations.js';
import type { CalendarEvent, CalendarYear } from '../../../src/domain/calendar/recorded-years.js';
import type { ErasureData } from '../../../src/domain/case/erasure.js';
import type { MediaHolding } from '../../../src/app/media-holdings.js';
import type { WebhookEvent } from '../../../src/domain/webhooks/subscriptions.js';
import type { InspectionEntry, InspectionEntryEvent } from '../../../src/domain/published/inspection-list.js';
import { INSPECTION_COMMANDS, INSPECTION_EVENTS, INSPECTION_REQUIRED } from '../../support/inspection-samples.js';
import type { ApplicationEvent, Applicant, FiledData } from '../../../src/domain/application/application.js';
import type { FlowChart, FlowChartEvent } from '../../../src/domain/published/flow-chart.js';
import type { ServiceGuide, ServiceGuideEvent } from '../../../src/domain/published/service-guide.js';
import type { DraftRecord } from '../../../src/app/decision-drafts.js';
import { sealValue } from '../../../src/ledger/sealed-field.js';
import type { PostBoard, PostBoardEvent } from '../../../src/domain/published/post-board.js';
import type { ReviewChartEvent } from '../../../src/domain/published/review-chart.js';
import { FLOW_CHART, POST_BOARD, REVIEW_CHART, SERVICE_GUIDE } from '../../support/published.js';

// The JSON Schemas and the TypeScript types of the domain describe the same data. The samples below are declared
// with the TypeScript types (so the compiler checks them); the tests check that the schemas agree with them.

const schemaDir = path.resolve(__dirname, '../../../schemas');
const files = (fs.readdirSync(schemaDir, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.schema.json'))
  .map((f) => f.split(path.sep).join('/'));
const schemas = new Map(files.map((f) => [f, JSON.parse(fs.readFileSync(path.join(schemaDir, f), 'utf8'))]));

const ajv = new Ajv2020({ strict: true, coerceTypes: false, allErrors: true });
ajvFormats.default(ajv); // a CommonJS module: its function is also its `default`
declareAnnotations(ajv);
for (const schema of schemas.values()) ajv.addSchema(schema);
const compiled = new Map([...schemas.values()].map((s) => [s.$id as string, ajv.getSchema(s.$id) as ValidateFunction]));

const actId = (type: string) => `urn:evidence-ledger:schema:act:${type}`;
const eventId = (type: string) => `urn:evidence-ledger:schema:event:${type}`;
const commandId = (name: string) => `urn:evidence-ledger:schema:command:${name}`;

/** What the schema `id` finds wrong with `value`; empty when it accepts it. */
function problems(id: string, value: unknown): string[] {
  const validate = compiled.get(id);
  if (!validate) throw new Error(`no schema ${id}`);
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}
const accepts = (id: string, value: unknown) => problems(id, value).length === 0;

const without = (value: object, key: string): Record<string, unknown> => {
  const copy: Record<string, unknown> = { ...value };
  delete copy[key];
  return copy;
};
const only = (value: object, keys: readonly string[]) =>
  Object.fromEntries(Object.entries(value).filter(([key]) => keys.includes(key)));
const clone = <T>(value: T): any => JSON.parse(JSON.stringify(value));

/** The members of `O` that are not optional, as a set the compiler checks both ways (none missing, none extra). */
type RequiredKeys<O> = { [K in keyof O]-?: Record<never, never> extends Pick<O, K> ? never : K }[keyof O];
type KeySet<O> = { readonly [K in RequiredKeys<O>]: true };

const OCCURRED_AT = '2019-09-20T09:30:00+08:00';
const EVENT_ID = '0190d6e2-7a4b-7c3d-8e9f-0a1b2c3d4e5f';
const CHECKS: ReviewChecks = CHECKS_PASSED;
const PROPOSAL: Required<Proposal> = {
  decisionType: 'fine',
  fineFen: 500_000,
  legalBasis: '《律师法》第五十条',
  circumstance: 'serious',
  deviationReason: '多次违法，从重处罚',
};
const DISCRETION: DiscretionFinding = {
  circumstance: 'serious',
  benchmarkVersion: 2,
  minFen: 100_000,
  maxFen: 300_000,
  within: false,
};

/** One act of each type, with every optional member present. */
const acts: { [T in ActType]: Required<ActData[T]> } = {
  CaseOpened: {
    caseId: '2019-042',
    itemCode: 'P-001',
    title: '某律师事务所未按规定公示执业信息',
    openedOn: '2019-09-20',
    officers: ['alice', 'chen'],
    parties: [
      {
        kind: 'organization',
        name: '某律师事务所',
        idNumber: '91330100MA2B00000X',
        phone: '0571-88888888',
        address: '人民路 18 号',
      },
      { kind: 'person', name: '张三' },
    ],
    application: '0190d6e2-7a4b-7c3d-8e9f-0a1b2c3d4e60',
  },
  OnSiteInspectionRecorded: {
    location: '城关镇人民路 18 号',
    findings: '未公示执业信息',
    credentialsShown: true,
    partyNotified: true,
  },
  CredentialsShown: { note: '出示执法证 33010019000001' },
  PartyNotified: { grounds: '涉嫌未按规定公示执业信息', rights: '陈述、申辩、申请听证' },
  EvidenceCollected: { description: '现场照片 3 张' },
  RecordingAttached: { description: '执法记录仪视频', relatesTo: EVENT_ID, deviceId: 'cam-01' },
  PropertySeized: { items: '账簿 2 本', legalBasis: '《行政强制法》第二十二条' },
  ForcedDemolition: { target: '违章广告牌', legalBasis: '《行政强制法》第四十四条' },
  DocumentServed: { document: '行政处罚决定书', method: 'left' },
  HearingHeld: { heldOn: '2019-09-25' },
  CaseMarkedComplex: { reason: '涉案金额大、法律适用有争议' },
  CounselOpinionRecorded: { counsel: 'liu', opinion: '建议从轻处罚', givenOn: '2019-09-24' },
  LegalReviewRequested: { proposed: PROPOSAL, materials: ['调查终结报告', '拟处理意见'] },
  LegalReviewCompleted: { outcome: 'approved', opinion: '事实清楚，证据充分', checks: CHECKS },
  ReviewDisagreementResolved: { outcome: 'proposal_upheld', reasoning: '经集体讨论维持原处理意见' },
  DecisionIssued: {
    decisionType: 'fine',
    fineFen: 500_000,
    legalBasis: '《律师法》第五十条',
    documentNo: '县司罚〔2019〕42号',
    decidedOn: '2019-09-27',
    circumstance: 'serious',
    deviationReason: '多次违法，从重处罚',
    documentSha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  },
  DecisionDisclosed: { publishedOn: '2019-09-30' },
  DisclosureWithdrawn: { reason: '复议撤销' },
  DisclosureUpdated: { reason: '复议变更罚款数额' },
  DisclosureExempted: { ground: 'trade_secret', legalBasis: '《政府信息公开条例》第十五条', reason: '涉及商业秘密' },
  RecordCorrected: {
    corrects: EVENT_ID,
    reason: '笔误',
    data: { findings: '更正后的记录', any: { depth: [1, null] } },
  },
  CaseClosed: { closedOn: '2019-10-08' },
};

/** The same acts as recorded, with the facts the service derives. */
const recorded: { [T in ActType]: Required<RecordedData<T>> } = {
  ...acts,
  CaseOpened: {
    ...acts.CaseOpened,
    recordingDuties: [
      { actType: 'PropertySeized', method: 'audio_video' },
      { actType: 'DocumentServed', serviceMethods: ['left', 'public_notice'], method: 'any_medium' },
    ],
  },
  LegalReviewRequested: {
    ...acts.LegalReviewRequested,
    discretion: DISCRETION,
    reviewWorkingDays: 5,
    reviewDueBy: '2019-09-27',
    reviewCalendarBasis: 'weekdays_only',
  },
  LegalReviewCompleted: { ...acts.LegalReviewCompleted, reviewer: 'rita', proposal: PROPOSAL },
  CounselOpinionRecorded: { ...acts.CounselOpinionRecorded, counselRole: 'public_lawyer' },
  DecisionIssued: {
    ...acts.DecisionIssued,
    major: false,
    disclosureWorkingDays: 7,
    disclosureDueBy: '2019-10-15',
    calendarBasis: 'official_schedule',
    discretion: DISCRETION,
    reviewCatalogue: { version: 2, entryIds: ['RC-1'] },
  },
  DecisionDisclosed: { ...acts.DecisionDisclosed, dueBy: '2019-10-15', onTime: true },
};

const REQUIRED: { [T in ActType]: KeySet<ActData[T]> } = {
  CaseOpened: { caseId: true, itemCode: true, title: true, openedOn: true, officers: true, parties: true },
  OnSiteInspectionRecorded: { location: true, findings: true, credentialsShown: true, partyNotified: true },
  CredentialsShown: {},
  PartyNotified: { grounds: true, rights: true },
  EvidenceCollected: { description: true },
  RecordingAttached: { description: true },
  PropertySeized: { items: true, legalBasis: true },
  ForcedDemolition: { target: true, legalBasis: true },
  DocumentServed: { document: true, method: true },
  HearingHeld: { heldOn: true },
  CaseMarkedComplex: { reason: true },
  CounselOpinionRecorded: { counsel: true, opinion: true, givenOn: true },
  LegalReviewRequested: { proposed: true },
  LegalReviewCompleted: { outcome: true, opinion: true, checks: true },
  ReviewDisagreementResolved: { outcome: true, reasoning: true },
  DecisionIssued: { decisionType: true, legalBasis: true, documentNo: true, decidedOn: true },
  DecisionDisclosed: { publishedOn: true },
  DisclosureWithdrawn: { reason: true },
  DisclosureUpdated: { reason: true },
  DisclosureExempted: { ground: true, legalBasis: true, reason: true },
  RecordCorrected: { corrects: true, reason: true, data: true },
  CaseClosed: { closedOn: true },
};
const RECORDED_REQUIRED: { [T in ActType]: KeySet<RecordedData<T>> } = {
  ...REQUIRED,
  LegalReviewCompleted: { ...REQUIRED.LegalReviewCompleted, reviewer: true, proposal: true },
  CounselOpinionRecorded: { ...REQUIRED.CounselOpinionRecorded, counselRole: true },
  DecisionIssued: {
    ...REQUIRED.DecisionIssued,
    major: true,
    disclosureWorkingDays: true,
    disclosureDueBy: true,
    calendarBasis: true,
  },
  DecisionDisclosed: { ...REQUIRED.DecisionDisclosed, dueBy: true, onTime: true },
};

type RegistryEvent =
  | OfficerEvent
  | OfficerKeyClaimEvent
  | DocumentNumberClaimedEvent
  | AgencyNameClaimedEvent
  | CertificateClaimedEvent
  | WebhookDeliveriesClaimedEvent
  | ItemEvent
  | RecordingListEvent
  | DeviceEvent
  | ReviewSettingsEvent
  | StatisticsPublicationEvent
  | AgencyProfileEvent
  | AgencyTemplateEvent
  | ReviewCatalogueEvent;
const CATALOGUE_ENTRY: Required<CatalogueEntry> = {
  entryId: 'RC-1',
  description: '县级食品安全领域较大数额罚款',
  decisionTypes: ['fine'],
  itemCategories: ['penalty'],
  levels: ['county'],
  fields: ['食品安全'],
  amountFenAtLeast: 5_000_000,
};
const RECORDING_ENTRY: Required<RecordingListEntry> = {
  entryId: 'seizure',
  actType: 'DocumentServed',
  itemCodes: ['P-001'],
  serviceMethods: ['left'],
  method: 'audio_video',
  content: '留置送达全过程',
  keyStages: ['见证人到场', '留置文书'],
  place: '当事人住所',
};
const DEVICE: Required<DeviceProfile> = {
  deviceId: 'cam-01',
  agency: 'county-justice',
  holder: 'alice',
  model: 'DSJ-V1',
  serialNo: 'SN-0001',
};
const OFFICER: Required<OfficerProfile> = {
  officerId: 'alice',
  name: '李明',
  agency: 'county-justice',
  certificateNo: '33010019000001',
  validFrom: '2018-01-01',
  validTo: '2030-12-31',
  roles: ['officer', 'reviewer'],
  categories: ['司法行政'],
  legalQualification: { certificateNo: 'A20183301000001', grantedOn: '2018-03-01' },
  training: [{ course: '重大执法决定法制审核培训', completedOn: '2019-06-30', hours: 16 }],
  counsel: 'public_lawyer',
};
const ITEM: Required<ItemProfile> = {
  code: 'P-001',
  agency: 'county-justice',
  name: '未按规定公示执业信息',
  category: 'penalty',
  field: '司法行政',
  legalBasis: '《律师法》第五十条',
  duties: '对律师事务所未按规定公示执业信息的行为进行查处',
  powers: '警告、罚款；情节严重的，停业整顿',
  major: { fineFenAtLeast: 1_000_000, decisionTypes: ['business_suspension', 'license_revocation'] },
  reviewMaterials: ['调查终结报告', '拟处理意见'],
  reviewWorkingDays: 5,
  disclosureWorkingDays: 10,
  retention: 30,
};
// the Ed25519 public key of RFC 8032 §7.1, test 1, and its key id (docs/integrity.md §5)
const OFFICER_KEY: Required<OfficerKey> = {
  keyId: '06e3fd8fda29bb60ab59557de61edb0aecdb231134be30e75b455f8e1b792fa9',
  alg: 'Ed25519',
  publicKey: 'MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=',
  certificate: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
  validFrom: '2026-01-01',
  validTo: '2028-12-31',
};
const registry: { [E in RegistryEvent as E['type']]: E['data'] } = {
  OfficerRegistered: OFFICER,
  OfficerKeyRegistered: OFFICER_KEY,
  OfficerKeyRevoked: { keyId: OFFICER_KEY.keyId, reason: '密钥遗失', revokedFrom: '2027-03-01T09:00:00+08:00' },
  OfficerKeyClaimed: { keyId: OFFICER_KEY.keyId, officerId: 'alice' },
  DocumentNumberClaimed: { documentNo: '县司罚决字〔2026〕12号', caseId: 'case-1' },
  AgencyNameClaimed: { name: '某县司法局', agency: 'county-justice' },
  CertificateClaimed: { certificateNo: '14050012345', officerId: 'alice' },
  WebhookDeliveriesClaimed: { deliveries: 'b'.repeat(64), webhookId: '0193a000-0000-7000-8000-00000000000a' },
  OfficerKeyRevocationRecorded: {
    keyId: OFFICER_KEY.keyId,
    officerId: 'alice',
    eventId: '01937f2a-5b3c-7d4e-8f60-123456789abc',
    hash: 'a'.repeat(64),
    revokedFrom: '2027-03-01T09:00:00+08:00',
  },
  OfficerAmended: { changes: { validTo: '2031-12-31', roles: ['officer'] }, reason: '证件延期' },
  OfficerSuspended: { reason: '暂扣执法证' },
  OfficerReinstated: { reason: '恢复执法资格' },
  OfficerRetired: { reason: '退休' },
  ItemRegistered: ITEM,
  ItemAmended: { changes: { disclosureWorkingDays: 7, major: { fineFenAtLeast: 2_000_000 } }, reason: '依据修订' },
  ItemRetired: { reason: '事项取消' },
  RecordingListPublished: { entries: [RECORDING_ENTRY], reason: '年度调整' },
  ReviewSettingsSet: { reviewWorkingDays: 10, reason: '本机关规定审核时限' },
  StatisticsPublished: { year: 2025, publishedOn: '2026-01-15', url: 'https://county.example.gov.cn/tjnb/2025' },
  AgencyProfileSet: {
    name: '某县司法局',
    address: '某县人民路1号',
    telephone: '0000-1234567',
    hours: '工作日 8:30—17:30',
    supervisionTelephone: '12345',
    reason: '机构更名',
  },
  ReviewCatalogueAdjusted: {
    level: 'county',
    entries: [CATALOGUE_ENTRY],
    reason: '年度动态调整',
    inForceFrom: '2019-09-01T09:00:00.000Z',
  },
  DeviceRegistered: DEVICE,
  DeviceReassigned: { holder: 'chen', reason: '岗位调整' },
  DeviceStatusChanged: { status: 'lost', reason: '外勤遗失' },
  DecisionTemplateSet: {
    decisionType: 'fine',
    version: 1,
    template: { ...DEFAULT_TEMPLATES.fine, issuer: '某县司法局' },
    reason: '本机关统一文书格式',
  },
  DecisionTemplateReset: { decisionType: 'fine', version: 2, reason: '恢复系统默认模板' },
};

const OFFICER_REQUIRED: KeySet<OfficerProfile> = {
  officerId: true,
  name: true,
  agency: true,
  certificateNo: true,
  validFrom: true,
  validTo: true,
  roles: true,
};
const ITEM_REQUIRED: KeySet<ItemProfile> = { code: true, agency: true, name: true, category: true, legalBasis: true };
const REGISTRY_REQUIRED: { [E in RegistryEvent as E['type']]: KeySet<E['data']> } = {
  OfficerRegistered: OFFICER_REQUIRED,
  OfficerKeyRegistered: { keyId: true, alg: true, publicKey: true, validFrom: true },
  OfficerKeyRevoked: { keyId: true, reason: true, revokedFrom: true },
  OfficerKeyClaimed: { keyId: true, officerId: true },
  DocumentNumberClaimed: { documentNo: true, caseId: true },
  AgencyNameClaimed: { name: true, agency: true },
  CertificateClaimed: { certificateNo: true, officerId: true },
  WebhookDeliveriesClaimed: { deliveries: true, webhookId: true },
  OfficerKeyRevocationRecorded: { keyId: true, officerId: true, eventId: true, hash: true, revokedFrom: true },
  OfficerAmended: { changes: true, reason: true },
  OfficerSuspended: { reason: true },
  OfficerReinstated: { reason: true },
  OfficerRetired: { reason: true },
  ItemRegistered: ITEM_REQUIRED,
  ItemAmended: { changes: true, reason: true },
  ItemRetired: { reason: true },
  RecordingListPublished: { entries: true, reason: true },
  ReviewSettingsSet: { reviewWorkingDays: true, reason: true },
  StatisticsPublished: { year: true, publishedOn: true },
  AgencyProfileSet: { name: true },
  ReviewCatalogueAdjusted: { level: true, entries: true, reason: true, inForceFrom: true },
  DeviceRegistered: { deviceId: true, agency: true, holder: true },
  DeviceReassigned: { holder: true, reason: true },
  DeviceStatusChanged: { status: true, reason: true },
  DecisionTemplateSet: { decisionType: true, version: true, template: true, reason: true },
  DecisionTemplateReset: { decisionType: true, version: true, reason: true },
};

// a case is opened from an application only by accepting it (POST /v1/applications/{id}/acceptance)
type OpenCase = Omit<ActData['CaseOpened'], 'caseId' | 'application'> & { caseId?: string };
const { application: _application, ...OPEN_CASE } = acts.CaseOpened satisfies Required<OpenCase>;
const OPEN_CASE_REQUIRED: KeySet<OpenCase> = {
  itemCode: true,
  title: true,
  openedOn: true,
  officers: true,
  parties: true,
};
const CALENDAR_YEAR: Required<CalendarYear> = {
  holidays: [{ name: '元旦', days: ['2026-12-31', '2027-01-01'] }],
  workdays: ['2027-01-02'],
  source: '国务院办公厅关于2027年部分节假日安排的通知',
  url: 'https://www.gov.cn/zhengce/example.htm',
};
const CALENDAR_YEAR_REQUIRED: KeySet<CalendarYear> = { holidays: true, workdays: true, source: true };
const BENCHMARK: Required<BenchmarkProfile> = {
  itemCode: 'P-001',
  agency: 'county-justice',
  basis: '县司法局行政处罚裁量基准（2019）',
  circumstances: [
    { circumstance: 'minor', description: '首次违法且及时改正', minFen: 0, maxFen: 100_000 },
    { circumstance: 'serious', description: '多次违法', minFen: 100_000, maxFen: 300_000 },
  ],
};
const BENCHMARK_REQUIRED: KeySet<BenchmarkProfile> = { itemCode: true, agency: true, basis: true, circumstances: true };
const benchmarks: { DiscretionBenchmarkSet: Required<BenchmarkSet['data']> } = {
  DiscretionBenchmarkSet: { ...BENCHMARK, version: 2, reason: '上位法修订' },
};
const BENCHMARK_EVENT_REQUIRED: { DiscretionBenchmarkSet: KeySet<BenchmarkSet['data']> } = {
  DiscretionBenchmarkSet: { ...BENCHMARK_REQUIRED, version: true },
};
const SCORES: EvaluationScores = {
  subjectLawful: { score: 10, comment: '主体合法' },
  officersQualified: { score: 10 },
  procedureLawful: { score: 8, comment: '告知时间未记录' },
  factsClear: { score: 10 },
  evidenceSufficient: { score: 9, comment: '缺少现场照片' },
  lawAppliedCorrectly: { score: 10 },
  discretionAppropriate: { score: 10 },
  withinAuthority: { score: 10 },
  documentsComplete: { score: 7, comment: '送达回证缺失' },
};
const EVALUATION: Required<EvaluationData> = {
  caseId: '2019-042',
  itemCode: 'P-001',
  officers: ['alice', 'chen'],
  closedOn: '2019-10-08',
  evaluator: 'sam',
  evaluatorAgency: 'county-legal',
  scores: SCORES,
  total: 84,
  maxTotal: 90,
};
type EvaluationOf<T extends EvaluationEvent['type']> = Extract<EvaluationEvent, { type: T }>['data'];
const evaluations: { [T in EvaluationEvent['type']]: Required<EvaluationOf<T>> } = {
  CaseFileEvaluated: EVALUATION,
  CaseFileEvaluationAmended: { ...EVALUATION, reason: '复核后调整' },
};
const EVALUATION_REQUIRED: KeySet<EvaluationData> = {
  caseId: true,
  itemCode: true,
  officers: true,
  closedOn: true,
  evaluator: true,
  scores: true,
  total: true,
  maxTotal: true,
};
const EVALUATIONS_REQUIRED: { [T in EvaluationEvent['type']]: KeySet<EvaluationOf<T>> } = {
  CaseFileEvaluated: EVALUATION_REQUIRED,
  CaseFileEvaluationAmended: { ...EVALUATION_REQUIRED, reason: true },
};

const commands: [name: string, sample: object, required: object][] = [
  ['record-calendar-year', CALENDAR_YEAR, CALENDAR_YEAR_REQUIRED],
  ['register-officer', OFFICER, OFFICER_REQUIRED],
  ['register-item', ITEM, ITEM_REQUIRED],
  ['open-case', OPEN_CASE, OPEN_CASE_REQUIRED],
  ...INSPECTION_COMMANDS,
  [
    'publish-recording-list',
    { agency: 'county-justice', entries: [RECORDING_ENTRY], reason: '年度调整' },
    { agency: true, entries: true, reason: true },
  ],
  [
    'adjust-review-catalogue',
    { agency: 'county-justice', level: 'county', entries: [CATALOGUE_ENTRY], reason: '年度动态调整' },
    { agency: true, level: true, entries: true, reason: true },
  ],
  ['register-device', DEVICE, { deviceId: true, agency: true, holder: true }],
  ['set-benchmark', { ...BENCHMARK, reason: '上位法修订' }, BENCHMARK_REQUIRED],
  ['evaluate-case-file', { scores: SCORES, reason: '复核后调整' }, { scores: true }],
];

const revocations: { [E in RevocationEvent as E['type']]: Required<E['data']> } = {
  TokenRevoked: { jti: 'f3b1c2d4-0000-4000-8000-000000000001', agency: 'county-justice', reason: '设备遗失' },
  SubjectTokensRevoked: { sub: 'alice', agency: 'county-justice', before: '2026-12-01T09:00:00+08:00', reason: '调离' },
  SessionEnded: {
    session: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    agency: 'county-justice',
    until: '2026-12-01T17:00:00+08:00',
  },
};
const REVOCATION_REQUIRED: { [E in RevocationEvent as E['type']]: KeySet<E['data']> } = {
  TokenRevoked: { jti: true, agency: true },
  SubjectTokensRevoked: { sub: true, agency: true, before: true },
  SessionEnded: { session: true, agency: true, until: true },
};

const calendar: { [E in CalendarEvent as E['type']]: Required<E['data']> } = {
  CalendarYearRecorded: { year: 2027, ...CALENDAR_YEAR, agency: 'county-justice' },
};
const CALENDAR_REQUIRED: { [E in CalendarEvent as E['type']]: KeySet<E['data']> } = {
  CalendarYearRecorded: { year: true, ...CALENDAR_YEAR_REQUIRED, agency: true },
};

/** The record that an agency holds a medium (`media-<agency>:<sha256>`). */
const holdings: { MediaReceived: Required<MediaHolding> } = {
  MediaReceived: {
    sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    size: 0,
    contentType: 'image/jpeg',
    blobVersion: '3/L4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY+MTRCxf3vjVBH40Nr8X8gdRQBpUMLUo',
  },
};
const HOLDING_REQUIRED: { MediaReceived: KeySet<MediaHolding> } = {
  MediaReceived: { sha256: true, size: true, contentType: true },
};

/** A draft's free text as recorded: sealed under its case's data key. */
const sealedText = (path: string, text: string) =>
  sealValue(
    Buffer.alloc(32, 7),
    { iv: Buffer.alloc(12, 1), salt: Buffer.alloc(32, 2) },
    { eventId: 'b1f0c7e2-5a4d-4e57-9a51-0d6e1c2b3a4e', path },
    text,
  );

/** A draft of a decision document (`draft-<agency>:<draftId>`): no act of the case. */
const drafts: { DecisionDrafted: Required<DraftRecord> } = {
  DecisionDrafted: {
    draftId: 'b1f0c7e2-5a4d-4e57-9a51-0d6e1c2b3a4f',
    caseId: 'c-1',
    decisionType: 'fine',
    documentNo: '县司罚〔2019〕42号',
    fineFen: 150_000,
    legalBasis: '《律师法》第五十条',
    decidedOn: '2019-05-06',
    template: { source: 'agency', agency: 'county-justice', version: 2 },
    pdf: { ...holdings.MediaReceived, contentType: 'application/pdf' },
    docx: { ...holdings.MediaReceived, contentType: 'application/octet-stream' },
    facts: sealedText('/facts', '张三未在执业场所公示律师执业信息'),
    reasons: sealedText('/reasons', '经责令改正后仍未公示'),
  },
};
const DRAFT_REQUIRED: { DecisionDrafted: KeySet<DraftRecord> } = {
  DecisionDrafted: {
    draftId: true,
    caseId: true,
    decisionType: true,
    documentNo: true,
    template: true,
    pdf: true,
    docx: true,
  },
};

type WebhookData<T extends WebhookEvent['type']> = Extract<WebhookEvent, { type: T }>['data'];
const webhookKey = {
  keyGeneration: 1,
  keyId: 'q2nV8tYbR1c-Lx0aP3dK9w',
  publicKey: 'O2onvM62pC1io6jQKm8Nc2UyFXcd4kOmOsBIoYtZ2ik=',
};
const webhooks: { [T in WebhookEvent['type']]: Required<WebhookData<T>> } = {
  WebhookSubscribed: {
    webhookId: '7d3f1a2e-5b6c-4d8e-9f01-23456789abcd',
    agency: 'county-justice',
    url: 'https://receiver.example/hooks',
    eventTypes: ['CaseOpened'],
    payload: 'public',
    signing: 'ed25519',
    ...webhookKey,
  },
  WebhookChanged: {
    webhookId: '7d3f1a2e-5b6c-4d8e-9f01-23456789abcd',
    agency: 'county-justice',
    url: 'https://receiver.example/hooks',
    eventTypes: ['CaseOpened'],
    payload: 'public',
    enabled: true,
    ...webhookKey,
  },
  WebhookDisabled: {
    webhookId: '7d3f1a2e-5b6c-4d8e-9f01-23456789abcd',
    agency: 'county-justice',
    reason: 'receiver_gone',
    status: 410,
  },
  WebhookDeleted: { webhookId: '7d3f1a2e-5b6c-4d8e-9f01-23456789abcd', agency: 'county-justice' },
};
const WEBHOOK_REQUIRED: { [T in WebhookEvent['type']]: KeySet<WebhookData<T>> } = {
  WebhookSubscribed: { webhookId: true, agency: true, url: true, signing: true, keyGeneration: true, keyId: true },
  WebhookChanged: { webhookId: true, agency: true, url: true, keyGeneration: true, keyId: true },
  WebhookDisabled: { webhookId: true, agency: true, reason: true },
  WebhookDeleted: { webhookId: true, agency: true },
};

/** The documents published before enforcement: one version of each kind, and a withdrawal. */
type PublishedEvent = InspectionEntryEvent | FlowChartEvent | ReviewChartEvent | ServiceGuideEvent | PostBoardEvent;
const INSPECTION_ENTRY: Required<InspectionEntry> = {
  subject: '县司法局律师工作股',
  basis: '《律师事务所管理办法》第六十四条',
  targets: '本县律师事务所',
  content: '执业信息公示',
  ratioBasisPoints: 500,
  method: '现场检查',
  frequency: '每年一次',
  itemCode: 'I-001',
};
const INSPECTION_ENTRY_REQUIRED: KeySet<InspectionEntry> = {
  subject: true,
  basis: true,
  targets: true,
  content: true,
  ratioBasisPoints: true,
  method: true,
  frequency: true,
};
const published: { [E in PublishedEvent as E['type']]: Required<E['data']> } = {
  InspectionEntryPublished: {
    version: 2,
    document: INSPECTION_ENTRY,
    changed: ['frequency', 'ratioBasisPoints'],
    note: '比例调整',
  },
  InspectionEntryWithdrawn: { version: 2, reason: '事项取消' },
  FlowChartPublished: { version: 1, document: FLOW_CHART, changed: [], note: '首次公布' },
  FlowChartWithdrawn: { version: 1, reason: '事项取消' },
  ReviewChartPublished: { version: 2, document: REVIEW_CHART, changed: ['nodes'], note: '审核时限调整' },
  ReviewChartWithdrawn: { version: 2, reason: '审核程序合并' },
  ServiceGuidePublished: { version: 3, document: SERVICE_GUIDE, changed: ['hours'], note: '调整办公时间' },
  ServiceGuideWithdrawn: { version: 3, reason: '事项取消' },
  PostBoardPublished: { version: 1, document: POST_BOARD as Required<PostBoard>, changed: [], note: '首次公布' },
  PostBoardWithdrawn: { version: 1, reason: '窗口撤并' },
};
const FLOW_CHART_REQUIRED: KeySet<FlowChart> = { title: true, nodes: true, edges: true };
const SERVICE_GUIDE_REQUIRED: KeySet<ServiceGuide> = Object.fromEntries(
  Object.keys(SERVICE_GUIDE).map((k) => [k, true]),
) as KeySet<ServiceGuide>;
const POST_BOARD_REQUIRED: KeySet<PostBoard> = {
  window: true,
  officerName: true,
  unit: true,
  post: true,
  enforcementType: true,
  duties: true,
  sampleMaterials: true,
  progressLookup: true,
  consultation: true,
  complaints: true,
};
const PUBLISHED_REQUIRED: { [E in PublishedEvent as E['type']]: KeySet<E['data']> } = {
  InspectionEntryPublished: { version: true, document: true, changed: true },
  InspectionEntryWithdrawn: { version: true, reason: true },
  FlowChartPublished: { version: true, document: true, changed: true },
  FlowChartWithdrawn: { version: true, reason: true },
  ReviewChartPublished: { version: true, document: true, changed: true },
  ReviewChartWithdrawn: { version: true, reason: true },
  ServiceGuidePublished: { version: true, document: true, changed: true },
  ServiceGuideWithdrawn: { version: true, reason: true },
  PostBoardPublished: { version: true, document: true, changed: true },
  PostBoardWithdrawn: { version: true, reason: true },
};
commands.push(
  ['publish-inspection-entry', { ...INSPECTION_ENTRY, note: '首次公布' }, INSPECTION_ENTRY_REQUIRED],
  ['withdraw-document', { reason: '事项取消' }, { reason: true }],
  ['publish-flow-chart', { ...FLOW_CHART, note: '首次公布' }, FLOW_CHART_REQUIRED],
  ['publish-review-chart', { ...REVIEW_CHART, note: '首次公布' }, FLOW_CHART_REQUIRED],
  ['publish-service-guide', { ...SERVICE_GUIDE, note: '首次公布' }, SERVICE_GUIDE_REQUIRED],
  ['publish-post-board', { ...POST_BOARD, note: '首次公布' }, POST_BOARD_REQUIRED],
);

/** An online application's events (`application-<agency>:<id>`) and the bodies that make them. */
const APPLICANT: Required<Applicant> = {
  kind: 'person',
  name: '王小明',
  idNumber: '110101199001011234',
  phone: '+86 138 0000 0000',
  email: 'wang@example.cn',
  address: '某县某路1号',
};
const FILING = {
  agency: 'county-justice',
  itemCode: 'L-001',
  applicant: APPLICANT,
  request: '申请法律援助律师执业许可',
};
const FILED: Required<FiledData> = {
  ...FILING,
  applicationId: '0190d6e2-7a4b-7c3d-8e9f-0a1b2c3d4e60',
  attachments: [
    {
      sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      size: 1024,
      contentType: 'application/pdf',
      name: '申请书.pdf',
    },
  ],
  filedOn: '2026-12-01',
  acceptanceWorkingDays: 5,
  acceptBy: '2026-12-08',
  calendarBasis: 'official_schedule',
  lookupHash: 'a'.repeat(64),
};
const applications: { [E in ApplicationEvent as E['type']]: Required<E['data']> } = {
  ApplicationFiled: FILED,
  ApplicationAccepted: { caseId: FILED.applicationId, acceptedOn: '2026-12-02', onTime: true },
  ApplicationRejected: {
    reason: '不属于本机关职权范围',
    legalBasis: '《行政许可法》第三十二条',
    rejectedOn: '2026-12-02',
    onTime: true,
  },
  ApplicationDataErased: { ground: 'retention_expired', reason: '不予受理的申请保管期限届满（10年）' },
};
const APPLICATION_REQUIRED: { [E in ApplicationEvent as E['type']]: KeySet<E['data']> } = {
  ApplicationFiled: {
    applicationId: true,
    agency: true,
    itemCode: true,
    applicant: true,
    request: true,
    attachments: true,
    filedOn: true,
    acceptanceWorkingDays: true,
    acceptBy: true,
    calendarBasis: true,
    lookupHash: true,
  },
  ApplicationAccepted: { caseId: true, acceptedOn: true, onTime: true },
  ApplicationRejected: { reason: true, legalBasis: true, rejectedOn: true, onTime: true },
  ApplicationDataErased: { ground: true, reason: true },
};
commands.push(
  ['file-application', FILING, { agency: true, itemCode: true, applicant: true, request: true }],
  ['accept-application', { officers: ['alice', 'bob'], title: '律师执业许可申请' }, { officers: true }],
  [
    'reject-application',
    { reason: '材料不齐全', legalBasis: '《行政许可法》第三十二条' },
    { reason: true, legalBasis: true },
  ],
  ['erase-application', { ground: 'consent_withdrawn', reason: '申请人撤回同意' }, { ground: true, reason: true }],
);

const RECORDABLE = ACT_TYPES.filter((type) => type !== 'CaseOpened');
/**
 * Events outside case streams: the registries', the token revocations', the calendar's, the media holdings' and
 * the webhook subscriptions'.
 */
const erasures: { CaseDataErased: Required<ErasureData> } = {
  CaseDataErased: { ground: 'retention_expired', reason: '保管期限届满（30年）' },
};
const ERASURE_REQUIRED: { CaseDataErased: KeySet<ErasureData> } = {
  CaseDataErased: { ground: true, reason: true },
};
const OTHER_EVENTS = {
  ...erasures,
  ...registry,
  ...benchmarks,
  ...evaluations,
  ...revocations,
  ...calendar,
  ...holdings,
  ...drafts,
  ...webhooks,
  ...published,
  ...INSPECTION_EVENTS,
  ...applications,
};
const OTHER_REQUIRED = {
  ...ERASURE_REQUIRED,
  ...REGISTRY_REQUIRED,
  ...BENCHMARK_EVENT_REQUIRED,
  ...EVALUATIONS_REQUIRED,
  ...REVOCATION_REQUIRED,
  ...CALENDAR_REQUIRED,
  ...HOLDING_REQUIRED,
  ...DRAFT_REQUIRED,
  ...WEBHOOK_REQUIRED,
  ...PUBLISHED_REQUIRED,
  ...INSPECTION_REQUIRED,
  ...APPLICATION_REQUIRED,
};
const REGISTRY_TYPES = Object.keys(OTHER_EVENTS);
const namesIn = (folder: string) =>
  files
    .filter((f) => f.startsWith(`${folder}/`))
    .map((f) => f.slice(folder.length + 1, -'.schema.json'.length))
    .sort();

describe('the JSON Schemas of the domain agree with its TypeScript types', () => {
  describe('which schemas there are', () => {
    it('when the act schemas are listed, then there is exactly one per act type', () => {
      expect(namesIn('acts')).toEqual([...ACT_TYPES].sort());
    });
    it('when the event schemas are listed, then there is one per act type, registry, revocation, calendar, media-holding and webhook event', () => {
      expect(namesIn('events')).toEqual([...ACT_TYPES, ...REGISTRY_TYPES].sort());
    });
    it('when the schemas are loaded into one Ajv, then every one compiles and its $id follows its file name', () => {
      for (const [file, schema] of schemas) {
        expect(compiled.get(schema.$id)).toBeInstanceOf(Function);
        const [folder, name] = file.replace('.schema.json', '').split('/');
        const kind = { acts: 'act', events: 'event', commands: 'command' }[folder!];
        if (kind) expect(schema.$id).toBe(`urn:evidence-ledger:schema:${kind}:${name}`);
      }
    });
    it('when a body names its act type, then the types it may name are the act types except CaseOpened', () => {
      expect(schemas.get('commands/record-act.schema.json').properties.type.enum).toEqual(RECORDABLE);
    });
  });

  describe.each(ACT_TYPES)('the act %s', (type) => {
    const sample = acts[type];
    const required = Object.keys(REQUIRED[type]);
    const event = recorded[type];
    const eventRequired = Object.keys(RECORDED_REQUIRED[type]);

    it('when its data has every member of the type, then the act schema accepts it and knows no other member', () => {
      expect(problems(actId(type), sample)).toEqual([]);
      expect(Object.keys(schemas.get(`acts/${type}.schema.json`).properties)).toEqual(Object.keys(sample));
      expect(schemas.get(`acts/${type}.schema.json`).required).toEqual(required);
    });
    it('when its data has only the required members, then the act schema accepts it', () => {
      expect(problems(actId(type), only(sample, required))).toEqual([]);
    });
    it('when a required member is missing, then the act schema rejects it', () => {
      for (const key of required) expect([key, accepts(actId(type), without(sample, key))]).toEqual([key, false]);
    });
    it('when an unknown member is added, then the act schema rejects it', () => {
      expect(accepts(actId(type), { ...sample, unexpected: 1 })).toBe(false);
    });
    it('when it is recorded with the derived facts, then the event schema accepts it, also with only required members', () => {
      expect(problems(eventId(type), event)).toEqual([]);
      expect(problems(eventId(type), only(event, eventRequired))).toEqual([]);
    });
    it('when a required member of the recorded data is missing or an unknown one added, then the event schema rejects it', () => {
      for (const key of eventRequired) expect([key, accepts(eventId(type), without(event, key))]).toEqual([key, false]);
      expect(accepts(eventId(type), { ...event, unexpected: 1 })).toBe(false);
    });
    it('when a date member is not a real calendar day, then both schemas reject it', () => {
      const dates = Object.keys(event).filter((key) => /^\d{4}-\d{2}-\d{2}$/.test(String((event as any)[key])));
      for (const key of dates) {
        for (const bad of ['2019-02-30', '2019-13-01', '20190927', '2019-09-27T00:00:00+08:00']) {
          expect([key, bad, accepts(eventId(type), { ...event, [key]: bad })]).toEqual([key, bad, false]);
          if (key in sample) expect(accepts(actId(type), { ...sample, [key]: bad })).toBe(false);
        }
      }
    });
  });

  describe('members with a closed set of values or a number format', () => {
    const nested = (type: ActType, change: (data: any) => void) => {
      const data = clone(acts[type]);
      change(data);
      return [type, data] as const;
    };
    const breakages: [string, readonly [ActType, unknown]][] = [
      ['decisionType jail', nested('DecisionIssued', (d) => (d.decisionType = 'jail'))],
      ['proposed decisionType jail', nested('LegalReviewRequested', (d) => (d.proposed.decisionType = 'jail'))],
      ['method pigeon', nested('DocumentServed', (d) => (d.method = 'pigeon'))],
      ['exemption ground convenience', nested('DisclosureExempted', (d) => (d.ground = 'convenience'))],
      ['an empty exemption legal basis', nested('DisclosureExempted', (d) => (d.legalBasis = ''))],
      ['fractional fineFen', nested('DecisionIssued', (d) => (d.fineFen = 0.5))],
      ['negative fineFen', nested('DecisionIssued', (d) => (d.fineFen = -100))],
      ['fineFen beyond the safe integers', nested('DecisionIssued', (d) => (d.fineFen = 2 ** 53))],
      ['fineFen as a string', nested('DecisionIssued', (d) => (d.fineFen = '500000'))],
      ['proposed fineFen fractional', nested('LegalReviewRequested', (d) => (d.proposed.fineFen = 1.5))],
      ['proposed fineFen negative', nested('LegalReviewRequested', (d) => (d.proposed.fineFen = -1))],
      ['proposed with an unknown member', nested('LegalReviewRequested', (d) => (d.proposed.extra = 1))],
      ['proposed without legalBasis', nested('LegalReviewRequested', (d) => delete d.proposed.legalBasis)],
      ['review outcome maybe', nested('LegalReviewCompleted', (d) => (d.outcome = 'maybe'))],
      ['a check as a string', nested('LegalReviewCompleted', (d) => (d.checks.factsClear = 'true'))],
      ['an unknown check', nested('LegalReviewCompleted', (d) => (d.checks.weatherFine = true))],
      ['resolution outcome other', nested('ReviewDisagreementResolved', (d) => (d.outcome = 'compromise'))],
      ['credentialsShown as a string', nested('OnSiteInspectionRecorded', (d) => (d.credentialsShown = 'true'))],
      ['an empty description', nested('EvidenceCollected', (d) => (d.description = ''))],
      ['no officers', nested('CaseOpened', (d) => (d.officers = []))],
      ['an officer twice', nested('CaseOpened', (d) => (d.officers = ['alice', 'alice']))],
      ['an officer id with a space', nested('CaseOpened', (d) => (d.officers = ['alice', 'li ming']))],
      ['no parties', nested('CaseOpened', (d) => (d.parties = []))],
      ['a party of kind alien', nested('CaseOpened', (d) => (d.parties[0].kind = 'alien'))],
      ['a party without a name', nested('CaseOpened', (d) => delete d.parties[1].name)],
      ['a party with an unknown member', nested('CaseOpened', (d) => (d.parties[1].nationality = 'x'))],
      ['corrects not a UUID', nested('RecordCorrected', (d) => (d.corrects = 'event-1'))],
      ['corrects an uppercase UUID', nested('RecordCorrected', (d) => (d.corrects = EVENT_ID.toUpperCase()))],
      ['corrected data an array', nested('RecordCorrected', (d) => (d.data = []))],
      ...Object.keys(CHECKS).map(
        (check) =>
          [`check ${check} missing`, nested('LegalReviewCompleted', (d) => delete d.checks[check])] as [
            string,
            readonly [ActType, unknown],
          ],
      ),
    ];
    it.each(breakages)('when the data has %s, then the act schema rejects it', (_name, [type, data]) => {
      expect(accepts(actId(type), data)).toBe(false);
    });
    it('when a derived fact has the wrong form, then the event schema rejects it', () => {
      const decision = recorded.DecisionIssued;
      expect(accepts(eventId('DecisionIssued'), { ...decision, disclosureWorkingDays: 0 })).toBe(false);
      expect(accepts(eventId('DecisionIssued'), { ...decision, calendarBasis: 'lunar' })).toBe(false);
      expect(accepts(eventId('DecisionIssued'), { ...decision, major: 'no' })).toBe(false);
      expect(accepts(eventId('DecisionDisclosed'), { ...recorded.DecisionDisclosed, onTime: 1 })).toBe(false);
      const review = recorded.LegalReviewCompleted;
      expect(accepts(eventId('LegalReviewCompleted'), { ...review, proposal: { decisionType: 'fine' } })).toBe(false);
    });
    it('when the corrected data holds any members, then RecordCorrected accepts it', () => {
      const data = { anything: { at: ['any', 'depth'] }, n: 1.5, none: null };
      expect(problems(actId('RecordCorrected'), { ...acts.RecordCorrected, data })).toEqual([]);
    });
  });

  describe('the body of POST /v1/cases/{caseId}/acts', () => {
    const RECORD_ACT = commandId('record-act');
    const body = {
      type: 'EvidenceCollected',
      occurredAt: OCCURRED_AT,
      officers: ['alice', 'chen'],
      data: acts.EvidenceCollected,
      media: ['a'.repeat(64), 'b'.repeat(64)],
    };

    it('when an EvidenceCollected act is well formed, then it is accepted, also without officers and media', () => {
      expect(problems(RECORD_ACT, body)).toEqual([]);
      expect(problems(RECORD_ACT, without(without(body, 'officers'), 'media'))).toEqual([]);
    });
    it.each(RECORDABLE)('when a %s act carries a valid sample, then it is accepted', (type) => {
      expect(problems(RECORD_ACT, { ...body, type, data: acts[type] })).toEqual([]);
    });
    it('when the data of one type is sent under another type, then it is rejected', () => {
      expect(accepts(RECORD_ACT, { ...body, type: 'PropertySeized' })).toBe(false);
    });
    it.each(['CaseOpened', 'Unknown', 'evidenceCollected'])('when the type is %s, then it is rejected', (type) => {
      expect(accepts(RECORD_ACT, { ...body, type, data: acts.CaseOpened })).toBe(false);
    });
    it.each([
      ['a digest too short', ['abc']],
      ['an uppercase digest', ['A'.repeat(64)]],
      ['a digest twice', ['a'.repeat(64), 'a'.repeat(64)]],
      ['a media object instead of its digest', [{ sha256: 'a'.repeat(64) }]],
    ])('when media holds %s, then it is rejected', (_name, media) => {
      expect(accepts(RECORD_ACT, { ...body, media })).toBe(false);
    });
    it.each([
      ['without an offset', '2019-09-20T09:30:00'],
      ['with a compact offset', '2019-09-20T09:30:00+0800'],
      ['with a space for T', '2019-09-20 09:30:00+08:00'],
      ['on a day that does not exist', '2019-02-30T09:30:00+08:00'],
      ['as a date', '2019-09-20'],
    ])('when occurredAt is written %s, then it is rejected', (_name, occurredAt) => {
      expect(accepts(RECORD_ACT, { ...body, occurredAt })).toBe(false);
    });
    it('when occurredAt is in UTC or has a fraction of a second, then it is accepted', () => {
      expect(problems(RECORD_ACT, { ...body, occurredAt: '2019-09-20T01:30:00.250Z' })).toEqual([]);
    });
    it('when a member is missing or unknown, then it is rejected', () => {
      for (const key of ['type', 'occurredAt', 'data'])
        expect([key, accepts(RECORD_ACT, without(body, key))]).toEqual([key, false]);
      expect(accepts(RECORD_ACT, { ...body, caseId: '2019-042' })).toBe(false);
    });

    it('when the data is any JSON value, then Ajv never throws and the body is valid exactly when the data is valid for its type', () => {
      const dataFor = (type: ActType) =>
        fc.oneof(
          fc.jsonValue(),
          fc.constant(acts[type]),
          fc.constantFrom(...ACT_TYPES).map((other) => acts[other]),
          fc
            .tuple(fc.constantFrom(...Object.keys(acts[type])), fc.jsonValue())
            .map(([key, value]) => ({ ...acts[type], [key]: value })),
          fc.constantFrom(...Object.keys(acts[type])).map((key) => without(acts[type], key)),
        );
      let acceptedSome = false;
      fc.assert(
        fc.property(
          fc.constantFrom(...RECORDABLE).chain((type) => fc.tuple(fc.constant(type), dataFor(type))),
          ([type, data]) => {
            const bodyValid = accepts(RECORD_ACT, { type, occurredAt: OCCURRED_AT, data });
            acceptedSome ||= bodyValid;
            return bodyValid === accepts(actId(type), data);
          },
        ),
        { numRuns: 1000 },
      );
      expect(acceptedSome).toBe(true);
    });
  });

  describe.each(commands)('the command body %s', (name, sample, required) => {
    it('when it has every member of the type, then it is accepted, also with only the required members', () => {
      expect(problems(commandId(name), sample)).toEqual([]);
      expect(problems(commandId(name), only(sample, Object.keys(required)))).toEqual([]);
    });
    it('when a required member is missing or an unknown one added, then it is rejected', () => {
      for (const key of Object.keys(required))
        expect([key, accepts(commandId(name), without(sample, key))]).toEqual([key, false]);
      expect(accepts(commandId(name), { ...sample, unexpected: 1 })).toBe(false);
    });
  });

  describe('the registry bodies', () => {
    it.each([
      ['no roles', { roles: [] }],
      ['an unknown role', { roles: ['sheriff'] }],
      ['a role twice', { roles: ['officer', 'officer'] }],
      ['a validity date that does not exist', { validTo: '2030-02-30' }],
      ['roles as a string', { roles: 'officer' }],
    ])('when an officer has %s, then it is rejected', (_name, change) => {
      expect(accepts(commandId('register-officer'), { ...OFFICER, ...change })).toBe(false);
    });
    it('when an officer key states its validity or brings a certificate, then it is accepted; with another alg or a keyId, it is rejected', () => {
      const { publicKey, certificate, validFrom } = OFFICER_KEY;
      expect(problems(commandId('register-officer-key'), { alg: 'Ed25519', publicKey, validFrom })).toEqual([]);
      expect(problems(commandId('register-officer-key'), { publicKey, certificate })).toEqual([]);
      expect(accepts(commandId('register-officer-key'), { alg: 'RSA', publicKey, validFrom })).toBe(false);
      expect(accepts(commandId('register-officer-key'), { publicKey, validFrom, keyId: OFFICER_KEY.keyId })).toBe(
        false,
      );
    });
    it.each(['2027-03-01', '2027-03-01T09:00:00+08:00', '2027-03-01T01:00:00Z'])(
      'when a key is revoked from %s, then the revocation is accepted',
      (revokedFrom) => {
        expect(problems(commandId('revoke-officer-key'), { reason: '遗失', revokedFrom })).toEqual([]);
      },
    );
    it.each(['2027-03-01T09:00:00', '2027/03/01', ''])(
      'when a key is revoked from %j, then it is rejected',
      (revokedFrom) => {
        expect(accepts(commandId('revoke-officer-key'), { reason: '遗失', revokedFrom })).toBe(false);
      },
    );
    it.each([
      ['an unknown category', { category: 'tax' }],
      ['zero disclosure days', { disclosureWorkingDays: 0 }],
      ['fractional disclosure days', { disclosureWorkingDays: 1.5 }],
      ['a negative major amount', { major: { fineFenAtLeast: -1 } }],
      ['a fractional major amount', { major: { fineFenAtLeast: 0.5 } }],
      ['a major decision type jail', { major: { decisionTypes: ['jail'] } }],
      ['an unknown major criterion', { major: { partyCount: 3 } }],
      ['a retention of no years', { retention: 0 }],
      ['a retention past a century', { retention: 101 }],
      ['a retention in words other than permanent', { retention: 'forever' }],
    ])('when an item has %s, then it is rejected', (_name, change) => {
      expect(accepts(commandId('register-item'), { ...ITEM, ...change })).toBe(false);
    });
  });

  describe.each(REGISTRY_TYPES)('the registry, revocation, media-holding or webhook event %s', (type) => {
    const data = OTHER_EVENTS[type as keyof typeof OTHER_EVENTS];
    const required = Object.keys(OTHER_REQUIRED[type as keyof typeof OTHER_REQUIRED]);
    it('when its data has the shape of the TypeScript event, then the event schema accepts it, also with only the required members', () => {
      expect(problems(eventId(type), data)).toEqual([]);
      expect(problems(eventId(type), only(data, required))).toEqual([]);
    });
    it('when a required member is missing or an unknown one added, then the event schema rejects it', () => {
      for (const key of required) expect([key, accepts(eventId(type), without(data, key))]).toEqual([key, false]);
      expect(accepts(eventId(type), { ...data, unexpected: 1 })).toBe(false);
    });
  });

  it('when a published document breaks its bounds, then the event schema rejects it', () => {
    const entry = published.InspectionEntryPublished;
    const id = eventId('InspectionEntryPublished');
    expect(accepts(id, { ...entry, version: 0 })).toBe(false);
    expect(accepts(id, { ...entry, changed: ['ratio basis'] })).toBe(false);
    expect(accepts(id, { ...entry, document: { ...entry.document, ratioBasisPoints: 10_001 } })).toBe(false);
    expect(accepts(id, { ...entry, document: { ...entry.document, ratioBasisPoints: 0.5 } })).toBe(false);
    expect(accepts(id, { ...entry, document: { ...entry.document, extra: 1 } })).toBe(false);
    const chart = commandId('publish-flow-chart');
    expect(accepts(chart, { ...FLOW_CHART, nodes: [{ id: 'a', kind: 'fork', label: 'x' }, ...FLOW_CHART.nodes] })).toBe(
      false,
    );
    expect(
      accepts(chart, { ...FLOW_CHART, nodes: [{ id: 'a b', kind: 'step', label: 'x' }, ...FLOW_CHART.nodes] }),
    ).toBe(false);
    expect(accepts(chart, { ...FLOW_CHART, edges: [] })).toBe(false);
    expect(accepts(commandId('publish-service-guide'), { ...SERVICE_GUIDE, materials: [] })).toBe(false);
    expect(accepts(commandId('publish-service-guide'), { ...SERVICE_GUIDE, telephone: 'call us' })).toBe(false);
    expect(accepts(commandId('publish-post-board'), { ...POST_BOARD, officerId: 'a b' })).toBe(false);
    expect(accepts(commandId('publish-inspection-entry'), { ...INSPECTION_ENTRY, ratioBasisPoints: '500' })).toBe(
      false,
    );
  });

  it('when an amendment changes nothing, or something the profile does not have, then it is accepted, or rejected', () => {
    expect(problems(eventId('OfficerAmended'), { changes: {}, reason: 'r' })).toEqual([]);
    expect(accepts(eventId('OfficerAmended'), { changes: { rank: 'chief' }, reason: 'r' })).toBe(false);
    expect(accepts(eventId('OfficerAmended'), { changes: { roles: [] }, reason: 'r' })).toBe(false);
    expect(accepts(eventId('ItemAmended'), { changes: { disclosureWorkingDays: 0 }, reason: 'r' })).toBe(false);
  });
});

describe("the acts' members", () => {
  it('when a correction is checked against the act it corrects, then the members the domain lists for each act are its schema’s', () => {
    for (const type of ACT_TYPES) {
      const file = path.join(schemaDir, 'acts', `${type}.schema.json`);
      const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as { properties?: Record<string, unknown> };
      expect([type, [...ACT_MEMBERS[type]].sort()]).toEqual([type, Object.keys(schema.properties ?? {}).sort()]);
    }
  });
});
