import type { WorkingDayCalendar, WorkingDayResult } from '../calendar/working-days.js';
import { violation } from '../errors.js';
import { rangeOf, type BenchmarkState, type Circumstance, type FineRange } from '../registry/benchmarks.js';
import type { ItemState, MajorCriteria } from '../registry/items.js';
import {
  catalogueInForce,
  type CatalogueEntry,
  type CatalogueInForce,
  type CatalogueVersion,
} from '../registry/review-catalogue.js';
import type { OfficerState } from '../registry/officers.js';
import type { ActType, DecisionType, MediaRef, ServiceMethod } from './acts.js';

/**
 * The predicates of the case rules, in one place: the decider enforces them, the projections and the statistics
 * report them, and all call these functions rather than restating them. Pure: no I/O, no clock.
 */

/** A decision, proposed or issued: its type and amount in fen (no amount is 0). */
export interface DecisionTerms {
  readonly decisionType: DecisionType;
  readonly fineFen?: number;
}

// ── whole-process recording (全过程记录) ────────────────────────────────────────────────────────────────────────

/**
 * What an act must carry as its recording: `audio_video` (全程音像记录: an `audio/*` or `video/*` medium) or
 * `any_medium` (a photo, a recording or a copy of a notice); an act no duty names needs nothing.
 */
export type RecordingRequirement = 'audio_video' | 'any_medium';

/** Acts done on site or before the party, which an agency's recording list (音像记录事项清单) may name. */
export const RECORDABLE_ACTS = [
  'OnSiteInspectionRecorded',
  'CredentialsShown',
  'PartyNotified',
  'EvidenceCollected',
  'PropertySeized',
  'ForcedDemolition',
  'DocumentServed',
  'HearingHeld',
] as const satisfies readonly ActType[];
export type RecordableAct = (typeof RECORDABLE_ACTS)[number];

/** What the rule reads of an entry of the recording list: the act it covers (a service: by which methods) and how. */
export interface RecordingDuty {
  readonly actType: RecordableAct;
  /** For `DocumentServed`: the service methods the duty covers; every method when absent. */
  readonly serviceMethods?: readonly ServiceMethod[];
  readonly method: RecordingRequirement;
}

/**
 * The mandatory floors (二(二)3): seizing or impounding property (查封扣押) and forced demolition (强制拆除) are
 * recorded in full, audio or video, on every item of every agency; no agency's list can drop or weaken them.
 */
export const RECORDING_FLOORS: readonly RecordingDuty[] = [
  { actType: 'PropertySeized', method: 'audio_video' },
  { actType: 'ForcedDemolition', method: 'audio_video' },
];

/**
 * The duties of an agency that has published no recording list: the floors, and service by leaving (留置送达) or by
 * public notice (公告送达) evidenced by a medium.
 */
export const DEFAULT_RECORDING_DUTIES: readonly RecordingDuty[] = [
  ...RECORDING_FLOORS,
  { actType: 'DocumentServed', serviceMethods: ['left', 'public_notice'], method: 'any_medium' },
];

/** An entry of a recording list as far as scoping goes: the items it covers (every item when absent). */
export type ScopedDuty = RecordingDuty & { readonly itemCodes?: readonly string[] };

/** Does this entry hold a floor in full: the same act, audio-video, on every item and (a service) every method? */
export function holdsFloor(entry: ScopedDuty, floor: RecordingDuty): boolean {
  return (
    entry.actType === floor.actType &&
    entry.method === 'audio_video' &&
    entry.itemCodes === undefined &&
    entry.serviceMethods === undefined
  );
}

/** The floors a list does not hold in full (`holdsFloor`): a list that misses one is refused. */
export const missingFloors = (list: readonly ScopedDuty[]): RecordingDuty[] =>
  RECORDING_FLOORS.filter((floor) => !list.some((entry) => holdsFloor(entry, floor)));

/**
 * The recording duties of a case of item `itemCode`, fixed when the case is opened: the entries of the agency's
 * list that cover the item (the default duties when the agency has published none), and the floors always.
 */
export function recordingDuties(list: readonly ScopedDuty[] | undefined, itemCode: string): RecordingDuty[] {
  const covering = (list ?? (DEFAULT_RECORDING_DUTIES as readonly ScopedDuty[])).filter(
    (entry) => entry.itemCodes === undefined || entry.itemCodes.includes(itemCode),
  );
  const duties: RecordingDuty[] = covering.map(({ actType, serviceMethods, method }) => ({
    actType,
    ...(serviceMethods === undefined ? {} : { serviceMethods: [...serviceMethods] }),
    method,
  }));
  return [...missingFloors(duties), ...duties];
}

/**
 * The recording an act needs under a case's duties: the strongest of the duties that name its type (and, for a
 * service, its method); undefined when none does.
 */
export function recordingRequirement(
  act: { readonly type: string; readonly data?: unknown },
  duties: readonly RecordingDuty[],
): RecordingRequirement | undefined {
  let found: RecordingRequirement | undefined;
  for (const duty of duties) {
    if (duty.actType !== act.type) continue;
    if (duty.serviceMethods !== undefined) {
      const method = (act.data as { method?: unknown } | undefined)?.method;
      if (!(duty.serviceMethods as readonly unknown[]).includes(method)) continue;
    }
    if (duty.method === 'audio_video') return 'audio_video';
    found = 'any_medium';
  }
  return found;
}

/** An audio or video recording (`audio/*`, `video/*`). */
export function isRecording(medium: Pick<MediaRef, 'contentType'>): boolean {
  return medium.contentType.startsWith('audio/') || medium.contentType.startsWith('video/');
}

/** Do these media meet the requirement? (No requirement is always met.) */
export function meetsRecording(
  requirement: RecordingRequirement | undefined,
  media: readonly Pick<MediaRef, 'contentType'>[],
): boolean {
  if (requirement === 'audio_video') return media.some(isRecording);
  if (requirement === 'any_medium') return media.length > 0;
  return true;
}

// ── legal review of major decisions (重大执法决定法制审核) ──────────────────────────────────────────────────────────

/** The item's own criteria: does a decision meet them (by type, or by amount)? */
export function isMajorDecision(criteria: MajorCriteria | undefined, decisionType: DecisionType, fineFen = 0): boolean {
  if (!criteria) return false;
  if (criteria.decisionTypes?.includes(decisionType)) return true;
  return criteria.fineFenAtLeast !== undefined && fineFen >= criteria.fineFenAtLeast;
}

/** What the major-decision rule reads of a case's item: its own criteria, its category and its field. */
export type MajorItem = Pick<ItemState, 'major' | 'category' | 'field'>;

/**
 * An entry of the agency's review catalogue (目录清单, 二(三)4) matches a decision when every factor it names holds:
 * the decision's type, the item's category, the agency's level, the item's field, the amount reached. An item
 * without a field never matches an entry that names fields.
 */
export function catalogueMatches(
  entry: CatalogueEntry,
  facts: { readonly item: MajorItem | undefined; readonly level: CatalogueInForce['level'] },
  terms: DecisionTerms,
): boolean {
  const { item, level } = facts;
  if (entry.decisionTypes !== undefined && !entry.decisionTypes.includes(terms.decisionType)) return false;
  if (
    entry.itemCategories !== undefined &&
    (item?.category === undefined || !entry.itemCategories.includes(item.category))
  )
    return false;
  if (entry.levels !== undefined && !entry.levels.includes(level)) return false;
  if (entry.fields !== undefined && (item?.field === undefined || !entry.fields.includes(item.field))) return false;
  return entry.amountFenAtLeast === undefined || (terms.fineFen ?? 0) >= entry.amountFenAtLeast;
}

/** The entries of the catalogue in force that match a decision (none without a catalogue). */
export function matchingCatalogueEntries(
  item: MajorItem | undefined,
  catalogue: CatalogueInForce | undefined,
  terms: DecisionTerms,
): CatalogueEntry[] {
  if (!catalogue) return [];
  return catalogue.entries.filter((entry) => catalogueMatches(entry, { item, level: catalogue.level }, terms));
}

/**
 * 重大执法决定: a decision is major when the item's own criteria say so, or an entry of the agency's catalogue in force
 * at the act's time (`catalogueInForce` in `registry/review-catalogue.ts`) matches it. The decider's review gate, the
 * case file and (through the `major` the decision records) the statistics all read this one predicate.
 */
export function isMajor(item: MajorItem | undefined, catalogue: CatalogueInForce | undefined, terms: DecisionTerms) {
  return (
    isMajorDecision(item?.major, terms.decisionType, terms.fineFen) ||
    matchingCatalogueEntries(item, catalogue, terms).length > 0
  );
}

/** A case is major when its proposed decision or its issued decision is (a major proposal keeps the case major). */
export function isMajorCase(
  item: MajorItem | undefined,
  catalogue: CatalogueInForce | undefined,
  decisions: { readonly proposal?: DecisionTerms | undefined; readonly decision?: DecisionTerms | undefined },
): boolean {
  return [decisions.proposal, decisions.decision].some((d) => d !== undefined && isMajor(item, catalogue, d));
}

/**
 * The catalogue version a decision is judged by: the one in force at its stated time (`occurredAt`; an adjustment
 * recorded later does not reach back), or, when a later version was in force by the time the decision is recorded
 * (`recordedAt`, the service's clock) and makes the case major where the earlier does not, that later version: the
 * stated time is the officer's word, so dating a decision before an adjustment does not escape the review the
 * adjustment requires.
 */
export function catalogueForDecision(
  versions: readonly CatalogueVersion[],
  statedAt: string,
  recordedAt: string | undefined,
  item: MajorItem | undefined,
  decisions: { readonly proposal?: DecisionTerms | undefined; readonly decision?: DecisionTerms | undefined },
): CatalogueVersion | undefined {
  const stated = catalogueInForce(versions, statedAt);
  if (recordedAt === undefined) return stated;
  const recorded = catalogueInForce(versions, recordedAt);
  if (recorded === undefined || recorded.version === stated?.version) return stated;
  return !isMajorCase(item, stated, decisions) && isMajorCase(item, recorded, decisions) ? recorded : stated;
}

/** The latest legal review of a case, as far as the gate needs it. */
export interface ReviewStanding {
  readonly outcome: 'approved' | 'rejected' | 'returned';
  /** The proposal the review examined. */
  readonly proposal: DecisionTerms;
  /** How a disagreement between the review and the proposal was settled (协调决策), if it was. */
  readonly resolution?: 'proposal_upheld' | 'review_upheld';
}

/**
 * 无审核不决定: does the latest review clear this decision? It does when no newer review is pending (a new request
 * makes the review stale), the review approved its proposal or a resolution upheld the proposal against it, and the
 * reviewed proposal is this decision: the same type and the same amount.
 */
export function reviewClears(
  review: ReviewStanding | undefined,
  reviewPending: boolean,
  decision: DecisionTerms,
): boolean {
  if (!review || reviewPending) return false;
  const passed = review.outcome === 'approved' || review.resolution === 'proposal_upheld';
  return passed && sameTerms(review.proposal, decision);
}

/**
 * The acts whose recorder handles the case (承办): the investigation, the measures taken, the request for a legal
 * review and a correction of the record. Not the review's own acts (its opinion, its completion, the settling of a
 * disagreement), the hearing (held by someone other than the investigators), the decision (signed by the agency's
 * head once reviewed) or the publication and closing.
 */
export const HANDLING_ACTS: readonly ActType[] = [
  'CaseOpened',
  'OnSiteInspectionRecorded',
  'CredentialsShown',
  'PartyNotified',
  'EvidenceCollected',
  'RecordingAttached',
  'PropertySeized',
  'ForcedDemolition',
  'DocumentServed',
  'CaseMarkedComplex',
  'LegalReviewRequested',
  'RecordCorrected',
];

/**
 * The members of each act's data that the rules read when it is recorded (who acted, what was decided, reviewed or
 * proposed, which item, the dates deadlines and order are counted from, how a document was served, what a recording
 * belongs to). A correction (`RecordCorrected`) may not change them: the rules decided on the values recorded, and a
 * record saying otherwise would stand beside a case the rules never saw. What no rule reads (a description, a
 * document number, a party's details, an opinion's wording) is corrected as written.
 */
export const RULE_MEMBERS: Readonly<Partial<Record<ActType, readonly string[]>>> = {
  CaseOpened: ['caseId', 'itemCode', 'openedOn', 'officers', 'application'],
  OnSiteInspectionRecorded: ['credentialsShown', 'partyNotified'],
  RecordingAttached: ['relatesTo', 'deviceId'],
  DocumentServed: ['method'],
  HearingHeld: ['heldOn'],
  CounselOpinionRecorded: ['counsel', 'givenOn'],
  LegalReviewRequested: ['proposed'],
  LegalReviewCompleted: ['outcome', 'checks'],
  ReviewDisagreementResolved: ['outcome'],
  DecisionIssued: ['decisionType', 'fineFen', 'decidedOn', 'circumstance', 'documentSha256'],
  DecisionDisclosed: ['publishedOn'],
  DisclosureExempted: ['ground'],
  CaseClosed: ['closedOn'],
};

/** The members of `corrected` (a correction's members of an act of type `type`) that the rules read. */
export const ruleMembersIn = (type: ActType, corrected: Readonly<Record<string, unknown>>): string[] =>
  (RULE_MEMBERS[type] ?? []).filter((member) => Object.hasOwn(corrected, member));

/**
 * 审核人员不得审核自己承办的案件: who has handled a case once `act` is recorded, given who had before: the officers
 * it names (the case's officers at its opening, or those who carried out an act) and, for a handling act
 * ({@link HANDLING_ACTS}), the one who recorded it. A reviewer among them is not independent of the case.
 */
export function handlersAfter(
  handlers: readonly string[],
  act: { readonly type: ActType; readonly officers?: readonly string[]; readonly recordedBy: string },
): readonly string[] {
  const added = [...(act.officers ?? []), ...(HANDLING_ACTS.includes(act.type) ? [act.recordedBy] : [])];
  const fresh = added.filter((id, i) => !handlers.includes(id) && added.indexOf(id) === i);
  return fresh.length === 0 ? handlers : [...handlers, ...fresh];
}

/**
 * 明确送审材料: the materials the item requires for a legal review that a request does not name, in the item's
 * order; a request that misses any is refused (`review_materials_missing`).
 */
export function missingReviewMaterials(
  required: readonly string[] | undefined,
  submitted: readonly string[] | undefined,
): string[] {
  const given = new Set(submitted ?? []);
  return (required ?? []).filter((material) => !given.has(material));
}

/** What the counsel rule reads of a case: whether it is marked, and how many counsel opinions it records. */
export interface CounselStanding {
  /** Marked major, complex or difficult (重大、疑难、复杂, `CaseMarkedComplex`). */
  readonly markedComplex: boolean;
  /** Opinions of legal advisers or public-sector lawyers recorded (`CounselOpinionRecorded`). */
  readonly counselOpinions: number;
}

/**
 * 重大、疑难、复杂案件: a case so marked has its legal review completed only once a legal adviser or public-sector
 * lawyer (法律顾问、公职律师) has given an opinion on it; until then the review is refused (`adviser_opinion_required`).
 */
export const counselOpinionRequired = (standing: CounselStanding): boolean =>
  standing.markedComplex && standing.counselOpinions === 0;

/** Can this registry entry give a counsel opinion on a case of `agency`: of the agency, active, with a counsel role? */
export function isCounselOf(
  person: Pick<OfficerState, 'exists' | 'status' | 'agency' | 'counsel'> | undefined,
  agency: string,
): boolean {
  return !!person?.exists && person.status === 'active' && person.agency === agency && person.counsel !== undefined;
}

/**
 * Whether a decision names the legal basis its review examined (适用法律是否准确 is a review point): the same text once
 * compatibility forms (NFKC: full-width digits and brackets) and white space are set aside. The gate compares the
 * type and amount only (the contract of `legal_review_required`); supervisors see a decision on another basis.
 */
export function sameLegalBasis(reviewed: string, decided: string): boolean {
  const plain = (text: string) => text.normalize('NFKC').replace(/\s+/gu, '');
  return plain(reviewed) === plain(decided);
}

const sameTerms = (a: DecisionTerms, b: DecisionTerms): boolean =>
  a.decisionType === b.decisionType && (a.fineFen ?? 0) === (b.fineFen ?? 0);

// ── disclosure deadlines (公示) ─────────────────────────────────────────────────────────────────────────────────

/** Working days to publish a decision after it is made, unless the item's legal basis says otherwise. */
export const DISCLOSURE_WORKING_DAYS = { penaltyOrLicensing: 7, other: 20 } as const;

/**
 * Decision types that are administrative penalties (行政处罚: 《行政处罚法》第九条, warnings, fines, confiscation, suspending
 * business or a licence, revoking a licence) or licensing decisions (行政许可: granting or refusing a licence),
 * whatever the category of the item they were made under: they are published within 7 working days.
 */
export const PENALTY_OR_LICENSING_DECISIONS: ReadonlySet<DecisionType> = new Set<DecisionType>([
  'warning',
  'fine',
  'confiscation',
  'business_suspension',
  'license_suspension',
  'license_revocation',
  'license_granted',
  'license_denied',
]);

/**
 * The last day to publish a decision of `decisionType` made on `decidedOn`: the item's own `disclosureWorkingDays`,
 * else 7 working days for a penalty or licensing decision (by its type, {@link PENALTY_OR_LICENSING_DECISIONS}, or
 * by the category of its item) and 20 for others (a coercive measure, or `other` under an item of another
 * category), counted on the calendar.
 */
export function disclosureDeadline(
  item: Pick<ItemState, 'category' | 'disclosureWorkingDays'>,
  decisionType: DecisionType,
  decidedOn: string,
  calendar: WorkingDayCalendar,
): { workingDays: number } & WorkingDayResult {
  const workingDays =
    item.disclosureWorkingDays ??
    (PENALTY_OR_LICENSING_DECISIONS.has(decisionType) || item.category === 'penalty' || item.category === 'licensing'
      ? DISCLOSURE_WORKING_DAYS.penaltyOrLicensing
      : DISCLOSURE_WORKING_DAYS.other);
  return { workingDays, ...calendar.addWorkingDays(decidedOn, workingDays) };
}

/**
 * The last day to publish a decision as it stands on `calendar`: the day recorded with the decision, unless it was
 * counted on weekdays only (`calendarBasis: weekdays_only`: the schedule of a year it spans was not known when the
 * decision was made), in which case it is counted again, from the decision's day and working days, on the calendar
 * as it is now: a schedule recorded since (`PUT /v1/calendar/{year}`) moves it past the holidays it brought.
 */
export function settledDisclosureDueBy(
  decision: {
    readonly decidedOn: string;
    readonly disclosureDueBy: string;
    readonly disclosureWorkingDays?: number;
    readonly calendarBasis?: string;
  },
  calendar: WorkingDayCalendar,
): WorkingDayResult {
  const { decidedOn, disclosureDueBy, disclosureWorkingDays, calendarBasis } = decision;
  if (calendarBasis !== 'weekdays_only' || disclosureWorkingDays === undefined) {
    return { date: disclosureDueBy, basis: calendarBasis === 'weekdays_only' ? 'weekdays_only' : 'official_schedule' };
  }
  return calendar.addWorkingDays(decidedOn, disclosureWorkingDays);
}

/** A publication on `publishedOn` is on time when it is on or before the last day. */
export const publishedOnTime = (publishedOn: string, dueBy: string): boolean => publishedOn <= dueBy;

export type DisclosureStanding = 'onTime' | 'late' | 'exempted' | 'missing' | 'pending';

/**
 * Where the publication of one decision stands on `asOf` (YYYY-MM-DD). Exempted from publication by `asOf` (a lawful
 * ground, `DisclosureExempted`): `exempted`, never overdue, whatever was published before (a publication withdrawn,
 * then exempted), as the case file's checklist says. Otherwise published by `asOf`: `late` when the publication
 * recorded so, or when the service recorded it (`recordedOn`, the agency's day of its `recordedAt`) after the last
 * day, since the day it states is then the officer's word and nothing in the ledger shows it was made in time
 * (the overdue view's `recorded_late`); `onTime` otherwise. Otherwise `missing` (overdue) once the due date has
 * passed (`dueBy < asOf`), `pending` before. A publication or exemption dated or recorded after `asOf` (`recordedOn`,
 * `exemptionRecordedOn`) has not happened yet as of `asOf`, so figures published on a day can be reproduced later,
 * and a late exemption stating an earlier day does not hide that the decision was overdue until it was recorded.
 */
export function disclosureStanding(
  decision: {
    dueBy: string;
    publishedOn?: string;
    onTime?: boolean;
    recordedOn?: string;
    exemptedOn?: string;
    exemptionRecordedOn?: string;
  },
  asOf: string,
): DisclosureStanding {
  const { dueBy, publishedOn, onTime, recordedOn, exemptedOn, exemptionRecordedOn } = decision;
  const exemptionKnown = exemptionRecordedOn === undefined || exemptionRecordedOn <= asOf;
  if (exemptedOn !== undefined && exemptedOn <= asOf && exemptionKnown) return 'exempted';
  const known = recordedOn === undefined || recordedOn <= asOf;
  if (publishedOn !== undefined && publishedOn <= asOf && known) {
    return onTime === false || (recordedOn !== undefined && recordedOn > dueBy) ? 'late' : 'onTime';
  }
  return dueBy < asOf ? 'missing' : 'pending';
}

/** A publication stated on time (its own `onTime`) but recorded by the service after the last day (`recorded_late`). */
export const recordedLate = (decision: { dueBy: string; onTime?: boolean; recordedOn?: string }): boolean =>
  decision.onTime !== false && decision.recordedOn !== undefined && decision.recordedOn > decision.dueBy;

// ── discretion benchmarks (裁量基准) ─────────────────────────────────────────────────────────────────────────────

/** Is a fine within a benchmark's range (both ends included)? */
export const withinBenchmark = (range: FineRange, fineFen: number): boolean =>
  fineFen >= range.minFen && fineFen <= range.maxFen;

/** What the rules found of a proposed or issued fine against the item's benchmark, recorded with it. */
export interface DiscretionFinding {
  readonly circumstance: Circumstance;
  readonly benchmarkVersion: number;
  readonly minFen: number;
  readonly maxFen: number;
  /** False: the fine is outside the range, and a written reason (`deviationReason`) was given; the case is flagged. */
  readonly within: boolean;
}

/** A fine as proposed or decided, with the circumstance it names and the reason for leaving the range. */
export interface DiscretionTerms extends DecisionTerms {
  readonly circumstance?: Circumstance;
  readonly deviationReason?: string;
}

/**
 * The benchmark's finding on a decision: undefined when it is not a fine or the item has no benchmark. A fine of
 * an item with a benchmark names a graded circumstance; outside its range it needs a written reason.
 */
export function discretionFinding(
  benchmark: BenchmarkState | undefined,
  terms: DiscretionTerms,
): DiscretionFinding | undefined {
  if (terms.decisionType !== 'fine' || !benchmark?.exists) return undefined;
  if (terms.circumstance === undefined) {
    throw violation('circumstance_required', 'a fine of an item with a discretion benchmark names its circumstance', {
      circumstances: benchmark.circumstances.map((c) => c.circumstance),
    });
  }
  const range = rangeOf(benchmark, terms.circumstance);
  if (!range) {
    throw violation('circumstance_unknown', `the benchmark grades no circumstance ${terms.circumstance}`, {
      circumstances: benchmark.circumstances.map((c) => c.circumstance),
    });
  }
  const within = withinBenchmark(range, terms.fineFen ?? 0);
  if (!within && !terms.deviationReason?.trim()) {
    throw violation('benchmark_reason_required', 'a fine outside the benchmark range needs a written reason', {
      circumstance: range.circumstance,
      minFen: range.minFen,
      maxFen: range.maxFen,
    });
  }
  const { circumstance, minFen, maxFen } = range;
  return { circumstance, benchmarkVersion: benchmark.version, minFen, maxFen, within };
}
