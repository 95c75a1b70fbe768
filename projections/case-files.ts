import { agencyDate, CHINA_STANDARD_TIME, utcOffsetOf, type UtcOffsets } from '../src/domain/actor.js';
import {
  caseStream,
  type DecisionType,
  type ExemptionGround,
  type MediaRef,
  type Proposal,
  type RecordedCaseEvent,
} from '../src/domain/case/acts.js';
import { caseEventOf } from '../src/domain/case/envelope.js';
import { AppendOnlyIds } from '../src/domain/append-only-ids.js';
import { evolveCase, type CaseReview, type CaseState } from '../src/domain/case/state.js';
import {
  counselOpinionRequired,
  DEFAULT_RECORDING_DUTIES,
  type DiscretionFinding,
  type RecordingDuty,
  type RecordingRequirement,
} from '../src/domain/case/rules.js';
import type { Circumstance } from '../src/domain/registry/benchmarks.js';
import type { CounselRole } from '../src/domain/registry/officers.js';
import type { Party } from '../src/domain/redaction.js';
import { parseAgencyStream } from '../src/domain/streams.js';
import type { Change, Doc, DocReader, Projection } from '../src/ports/read-models.js';
import { checksAfter, completeness, type Completeness } from './case-checks.js';
import { PROPOSED_CASES, proposedCasesChange, proposedMajor, rejudgedCases } from './case-major.js';
import { CASE_TEXTS_SPEC, caseTextAfter, erasedText, MAX_SEARCH_CHARS } from './case-texts.js';
import { withOpenedText } from './opened-text.js';
import { ERASED } from '../src/ledger/sealed-field.js';
import { itemKey, officerKey, type ItemDoc, type OfficerDoc } from './registry.js';

export type { CheckStatus, Completeness } from './case-checks.js';

/** One recorded act of the case, in order, with the corrections later recorded for it. */
export interface TimelineEntry extends ActEntry {
  /** The corrections later recorded for this act, beside it: the record is amended, never rewritten. */
  corrections?: { eventId: string; occurredAt: string; reason: string; data: Record<string, unknown> }[];
}

/** One recorded act of the case as stored. */
interface ActEntry {
  eventId: string;
  revision: number;
  position: number;
  type: string;
  occurredAt: string;
  recordedAt: string;
  hash: string;
  /** Who recorded it (the token's subject). */
  recordedBy: string;
  /** The officers the act names (for `CaseOpened`, the handling officers). */
  officers?: string[];
  /** The act's data as recorded, with what the rules derived. */
  data: Record<string, unknown>;
  /** SHA-256 of the media the act references. */
  media: string[];
  /** For a `RecordCorrected`: the act it corrects. */
  corrects?: string;
}

export interface ReviewEntry {
  eventId: string;
  occurredAt: string;
  reviewer: string;
  outcome: CaseReview['outcome'];
  opinion: string;
  proposal: Proposal;
  checks: Record<string, boolean>;
  resolution?: 'proposal_upheld' | 'review_upheld';
  /** The event recording the coordination decision, and who recorded it (the head: 责任追究 names them). */
  resolvedBy?: string;
  coordinator?: string;
}

export interface DecisionEntry {
  eventId: string;
  /** Who recorded the decision (the token's subject): with the reviewer and the head, whom 责任追究 names. */
  recordedBy?: string;
  decisionType: DecisionType;
  fineFen: number;
  legalBasis: string;
  documentNo: string;
  /** The issued document (决定书) as a file, when the decision named it (`documentSha256`): one of its media. */
  document?: MediaRef;
  decidedOn: string;
  major: boolean;
  /** The circumstance of the discretion benchmark the decision names (裁量基准). */
  circumstance?: Circumstance;
  disclosureDueBy: string;
  disclosureWorkingDays: number;
  /**
   * `weekdays_only` while the last day is the one the decision recorded counting weekdays only, the schedule of a
   * year it spans being unknown then: the reads count it again on the calendar as it is now
   * (`settledDisclosureDueBy`); absent when counted on the official schedule, and once published (the publication
   * records the last day it was judged by).
   */
  calendarBasis?: 'weekdays_only';
  disclosedOn?: string;
  disclosedOnTime?: boolean;
  /**
   * The agency's day on which the service recorded the publication (`recordedAt` of `DecisionDisclosed`), which may
   * be after the day it states (`disclosedOn`): a publication stated on time but recorded after the last day is
   * listed as `recorded_late`.
   */
  disclosureRecordedOn?: string;
  /** When the publication was withdrawn (撤销), and why. */
  withdrawn?: { eventId: string; occurredAt: string; reason: string };
  /** Updates of the publication (更新), oldest first. */
  updates: { eventId: string; occurredAt: string; reason: string }[];
  /** The decision's exemption from publication (不予公开): its ground, legal basis and reason, and who recorded it. */
  exemption?: {
    eventId: string;
    occurredAt: string;
    /** The agency's day of `occurredAt`. */
    exemptedOn: string;
    /**
     * The agency's day on which the service recorded it, which may be after `exemptedOn`: a view of a day before it
     * shows no exemption (`disclosureStanding`), so a late exemption does not rewrite what that day's view showed.
     */
    recordedOn?: string;
    recordedBy: string;
    ground: ExemptionGround;
    legalBasis: string;
    reason: string;
  };
}

/**
 * A case marked major, complex or difficult (重大、疑难、复杂) and the opinions of legal advisers and public-sector
 * lawyers (法律顾问、公职律师) on it; `opinionRequired`: its review waits for one (`counselOpinionRequired`).
 */
export interface CounselEntry {
  markings: { eventId: string; occurredAt: string; markedBy: string; reason: string }[];
  opinions: {
    eventId: string;
    occurredAt: string;
    counsel: string;
    name?: string;
    counselRole: CounselRole;
    opinion: string;
    givenOn: string;
    media: string[];
  }[];
  opinionRequired: boolean;
}

/** The benchmark's finding on the case's latest proposed fine or on its decision, with the reason given for leaving it. */
export interface DiscretionEntry extends DiscretionFinding {
  eventId: string;
  fineFen: number;
  deviationReason?: string;
}

/** A medium of the case, with the acts that reference it. */
export type CaseMedium = MediaRef & { eventIds: string[] };

/** An act that needs a recording and has none yet (`recordingRequirement`), with the media counted for it so far. */
export interface RecordingGap {
  eventId: string;
  type: string;
  occurredAt: string;
  /** For a service: how it was served. */
  method?: string;
  requirement: RecordingRequirement;
  /** The content types of the media counted for it: its own, and those attached for it later. */
  contentTypes: string[];
}

/**
 * The stored row of a case (collection `cases`): what lists, supervision views and the rules read, updated in place
 * by each act. Its size does not grow with the number of acts: the acts are rows of their own
 * ({@link CaseActDoc}, collection `case_acts`), and the file a reader sees is assembled from both
 * ({@link readCaseFile} in `case-file-read.ts`).
 */
export interface CaseSummaryDoc extends Doc, CaseCore {
  /** The fold of the case's rules, kept to evolve the status exactly as the domain does. Never shown. */
  state: {
    proposal?: Proposal;
    reviewPending: boolean;
    /** Marked major, complex or difficult, and the counsel opinions counted (absent: neither). */
    markedComplex?: boolean;
    counselOpinions?: number;
    review?: CaseReview;
    decision?: CaseState['decision'];
    disclosedOn?: string;
    /** The recording duties fixed at the opening (absent: the default ones). */
    recordingDuties?: RecordingDuty[];
  };
  /** What the checklist is kept from, act by act. Never shown. */
  checks: {
    /** How many acts needed a recording. */
    recordingActs: number;
    /** Those still without one, in order. */
    gaps: RecordingGap[];
    /** A document was served after the decision. */
    served: boolean;
  };
  /**
   * The time limit of the latest request for legal review (审核时限): requested on, last day, and the day its review
   * was completed; absent before any request, and for requests recorded before the limits existed. Never shown.
   */
  reviewLimit?: ReviewLimit;
  /** Characters of acts' text the case's searched text holds (`case-texts.ts`; `MAX_SEARCH_CHARS` once full). */
  searchChars: number;
  /**
   * The latest correction of the opening (`RecordCorrected` of `CaseOpened`) that names its parties: its event and
   * corrected members as recorded (sealed whole; `[erased]` once the case is erased). The public entry shows the
   * parties it names (src/app/personal-reads.ts opens them). Never shown.
   */
  openingCorrection?: { eventId: string; data: unknown };
}

export interface ReviewLimit {
  requestEventId: string;
  requestedOn: string;
  workingDays: number;
  dueBy: string;
  /** `weekdays_only`: the last day was counted without the schedule of a year it spans (`settledReviewDueBy`). */
  calendarBasis?: 'weekdays_only';
  completedOn?: string;
  /** The agency's day on which the service recorded the completion (`recordedAt` of `LegalReviewCompleted`). */
  completionRecordedOn?: string;
}

/**
 * One request for legal review and its time limit, a row of its own (collection `review_limits`, keyed by
 * {@link reviewLimitKey}), so that a review completed late stays listed after the case's next request: the case's
 * row keeps the latest request only. A request left pending when the next one was recorded (which only logs from
 * before `409 review_pending` hold) was superseded by it, and its row is removed.
 */
export interface ReviewLimitDoc extends ReviewLimit, Doc {
  caseId: string;
  agency: string;
  itemCode: string;
}

/** What a case's row and its file both hold. */
interface CaseCore {
  caseId: string;
  agency: string;
  itemCode: string;
  itemName?: string;
  itemCategory?: string;
  title: string;
  openedOn: string;
  status: CaseState['status'];
  major: boolean;
  revision: number;
  /** Global position of the case's last event. */
  position: number;
  updatedAt: string;
  /** Local date of the latest act (statistics of a year look at cases active in it). */
  lastActivityOn: string;
  parties: Party[];
  officers: string[];
  handlingOfficers: { officerId: string; name?: string; certificateNo?: string }[];
  reviews: ReviewEntry[];
  /** The marking as major, complex or difficult and the counsel opinions; absent until either is recorded. */
  counsel?: CounselEntry;
  decision?: DecisionEntry;
  /** What the discretion benchmark found of the latest proposal and of the decision (when they are fines it grades). */
  discretion?: { proposal?: DiscretionEntry; decision?: DiscretionEntry };
  closedOn?: string;
  /** The erasure of the case's personal data (`CaseDataErased`): when, on what legal ground, by which event. */
  erased?: { eventId: string; erasedAt: string; ground: string };
  completeness: Completeness;
  /**
   * Flags the supervision views filter on; `discretionOutside`: the latest proposal or the decision is a fine outside
   * the benchmark's range (recorded with a written reason).
   */
  audit: { missingRecordings: boolean; decided: boolean; disclosed: boolean; discretionOutside?: boolean };
}

/** One recorded act of a case, a row of its own (collection `case_acts`), keyed by {@link caseActKey}. */
export type CaseActDoc = ActEntry &
  Doc & {
    /** The media the act references, as it names them (the timeline shows their SHA-256 only). */
    mediaRefs?: MediaRef[];
  };

/** The case file (案卷) as `GET /v1/cases/{caseId}` returns it: the case's row and its acts, assembled. */
export interface CaseFileDoc extends Doc, CaseCore {
  timeline: TimelineEntry[];
  media: CaseMedium[];
  evidence: { eventId: string; type: string; occurredAt: string; description: string; media: string[] }[];
}

export const CASES = 'cases';
export const CASE_ACTS = 'case_acts';
export const REVIEW_LIMITS = 'review_limits';

/** The key of the row of a request for legal review: its case's key and the request's event id. */
export const reviewLimitKey = (key: string, requestEventId: string): string => `${key}/${requestEventId}`;

/** The last key {@link caseKey} made, with what it was made from. */
let lastKey = { agency: '', caseId: '', key: caseStream('', '') };

/** The key of a case file: case ids are unique within an agency only, so it is the case's stream name. */
export function caseKey(agency: string, caseId: string): string {
  // every projection of a case act asks for the same key in turn: the last one is kept rather than escaped again
  if (agency !== lastKey.agency || caseId !== lastKey.caseId)
    lastKey = { agency, caseId, key: caseStream(agency, caseId) };
  return lastKey.key;
}

/** The issued document's medium, as `{document}` to spread into a decision entry; `{}` when none was named. */
function issuedDocument(sha256: string | undefined, media: readonly MediaRef[]): { document?: MediaRef } {
  const found = sha256 === undefined ? undefined : media.find((m) => m.sha256 === sha256);
  return found ? { document: { sha256: found.sha256, size: found.size, contentType: found.contentType } } : {};
}

/**
 * The key of an act of a case: the case's key (which holds no `/`: its parts are percent-encoded), `/`, and the
 * act's revision in ten digits, so that the keys starting with `<caseKey>/` are the case's acts in order.
 */
export const caseActKey = (key: string, revision: number): string => `${key}/${String(revision).padStart(10, '0')}`;

/** The last stream {@link caseOf} read, and its answer. */
let lastCase: { stream?: string; ofCase?: { readonly agency: string; readonly caseId: string } } = {};

/**
 * The case of an event of a `case-<agency>:<caseId>` stream (as `parseAgencyStream` reads the name), or undefined
 * for an event of another stream.
 */
export function caseOf(stream: string): { readonly agency: string; readonly caseId: string } | undefined {
  // every projection reads the same event's stream in turn: the last answer is kept rather than parsed again
  if (stream !== lastCase.stream) {
    const parsed = parseAgencyStream(stream);
    const ofCase =
      parsed?.category === 'case' ? Object.freeze({ agency: parsed.agency, caseId: parsed.id }) : undefined;
    lastCase = { stream, ofCase };
  }
  return lastCase.ofCase;
}

/**
 * Case files, from the `case-<agency>:<caseId>` streams: each act updates its case's row (collection `cases`, keyed
 * by {@link caseKey}) in place and adds a row of its own (collection `case_acts`, keyed by {@link caseActKey}), so an
 * act costs the same whatever the length of its case. Reads the registry's officers and items (of the case's agency)
 * for names and criteria.
 */
export function caseFilesProjectionAt(offsets: UtcOffsets): Projection {
  return {
    name: 'case-files',
    // 14: the cases awaiting a decision spread over rows by their keys; 15: the reasons for leaving a benchmark are
    // opened from their sealed form and forgotten at the erasure, and the fold's proposal holds none; 16: the
    // erasure's act keeps its ground, not its reason; 17: an opening's day of activity is its openedOn; 18: an act's
    // day is the agency's, at its offset from UTC (`UtcOffsets`), whatever offset its time is written in
    version: 29, // 29: the day an exemption from publication was recorded; 28: a correction of the decision's document number gives the decision that number; 27: the checklist says a decision applies another legal basis than its review examined; 26: the coordinator of a review disagreement and the decision's recorder named, the checklist says a review cleared by coordination; 25: a withdrawn publication's check is `withdrawn`, not `complete`; 24: the opening's correction kept sealed, forgotten on erasure; 23: the opening's latest correction (`openingCorrection`); 19: a row per request for legal review (`review_limits`); 20: the days completions and publications were recorded; 21: the decision's calendar basis; 22: the review limit's
    collections: [
      {
        name: CASES,
        indexes: [
          'agency',
          'status',
          'itemCode',
          'openedOn',
          'lastActivityOn',
          'major',
          'decision.decidedOn',
          'decision.disclosureDueBy',
          'audit.missingRecordings',
          'audit.decided',
          'audit.discretionOutside',
          'decision.circumstance',
          'reviewLimit.dueBy',
        ],
      },
      { name: CASE_ACTS },
      CASE_TEXTS_SPEC,
      { name: PROPOSED_CASES },
      { name: REVIEW_LIMITS, indexes: ['agency', 'dueBy'] },
    ],
    apply(recorded, docs): Change[] {
      const envelope = recorded.event;
      const ofCase = caseOf(envelope.stream);
      if (!ofCase) {
        // an item's criteria or the catalogue changed: the cases awaiting a decision are judged again under them
        const rows = rejudgedCases(envelope, docs, (key) => docs.get<CaseSummaryDoc>(CASES, key));
        return rows.map(({ key, doc }) => ({ collection: CASES, key, doc }));
      }
      const key = caseKey(ofCase.agency, ofCase.caseId);
      // the act as recorded (its free text sealed) and as the case's row and text see it (its free text opened)
      const recordedEvent = caseEventOf(envelope);
      const event = caseEventOf({ ...envelope, data: withOpenedText(envelope.type, envelope.data, recorded.opened) });
      const current = docs.get<CaseSummaryDoc>(CASES, key);
      if (!current && event.type !== 'CaseOpened') return [];
      const base = current ?? opening(event as Extract<RecordedCaseEvent, { type: 'CaseOpened' }>, docs);
      const entry: CaseActDoc = {
        eventId: envelope.id,
        revision: envelope.revision,
        position: recorded.position,
        type: envelope.type,
        occurredAt: envelope.occurredAt,
        recordedAt: envelope.recordedAt,
        hash: envelope.hash,
        recordedBy: envelope.actor.sub,
        ...(event.type === 'CaseOpened'
          ? { officers: [...event.data.officers] }
          : event.officers
            ? { officers: [...event.officers] }
            : {}),
        data: recordedEvent.data as Record<string, unknown>,
        media: event.media.map((m) => m.sha256),
        ...(event.type === 'RecordCorrected' ? { corrects: event.data.corrects } : {}),
        ...(event.media.length > 0
          ? { mediaRefs: event.media.map(({ sha256, size, contentType }) => ({ sha256, size, contentType })) }
          : {}),
      };
      // the act's day: the agency's (an opening's, the day it names: its time is when the service recorded it)
      const on =
        event.type === 'CaseOpened'
          ? event.data.openedOn
          : agencyDate(envelope.occurredAt, utcOffsetOf(offsets, ofCase.agency));
      // the agency's day on which the service recorded the act, which the act may state was earlier
      const recordedOn = agencyDate(envelope.recordedAt, utcOffsetOf(offsets, ofCase.agency));
      const summary = evolveSummary(base, event, entry, { on, recordedOn }, docs);
      if (envelope.type === 'CaseDataErased') {
        summary.erased = { eventId: envelope.id, erasedAt: envelope.occurredAt, ground: String(envelope.data.ground) };
        // the row and the searched text forget the free text they copied (docs/privacy.md)
        summary.title = ERASED;
        summary.reviews = summary.reviews.map((r) => ({ ...r, opinion: ERASED, proposal: forgetReason(r.proposal) }));
        const { proposal: folded, review: lastReview } = summary.state;
        summary.state = {
          ...summary.state,
          ...(folded ? { proposal: forgetReason(folded) } : {}),
          ...(lastReview ? { review: { ...lastReview, proposal: forgetReason(lastReview.proposal) } } : {}),
        };
        if (summary.discretion) {
          const { proposal, decision } = summary.discretion;
          summary.discretion = {
            ...(proposal ? { proposal: forgetReason(proposal) } : {}),
            ...(decision ? { decision: forgetReason(decision) } : {}),
          };
        }
        if (summary.counsel)
          summary.counsel = {
            ...summary.counsel,
            opinions: summary.counsel.opinions.map((o) => ({ ...o, opinion: ERASED })),
          };
        summary.searchChars = MAX_SEARCH_CHARS;
        // a correction recorded in clear (before sealing) is forgotten too; a sealed one no longer opens
        if (summary.openingCorrection) summary.openingCorrection = { ...summary.openingCorrection, data: ERASED };
        // the erasure's own reason stays in its signed event, not in the file: written about the person, it would keep
        // what the erasure forgets (docs/privacy.md)
        const erasure = { ...entry, data: { ground: String(envelope.data.ground) } };
        return [
          { collection: CASES, key, doc: summary },
          { collection: CASE_ACTS, key: caseActKey(key, entry.revision), doc: erasure },
          erasedText(key, summary),
          ...listed(envelope.type, key, summary, docs),
        ];
      }
      // an erased case's text stays forgotten, whatever acts follow
      const text = summary.erased
        ? { chars: MAX_SEARCH_CHARS }
        : caseTextAfter(key, current, summary, event.data as Record<string, unknown>, docs);
      summary.searchChars = text.chars;
      return [
        { collection: CASES, key, doc: summary },
        { collection: CASE_ACTS, key: caseActKey(key, entry.revision), doc: entry },
        ...(text.change ? [text.change] : []),
        ...listed(envelope.type, key, summary, docs),
        ...reviewLimitRows(envelope.type, key, current, summary),
      ];
    },
  };
}

/** The case files with every agency at UTC+8, the service's default (`caseFilesProjectionAt`). */
export const caseFilesProjection: Projection = caseFilesProjectionAt(CHINA_STANDARD_TIME);

/** The rows of the case's requests for legal review the act adds, completes or removes ({@link ReviewLimitDoc}). */
function reviewLimitRows(
  type: string,
  key: string,
  current: CaseSummaryDoc | undefined,
  summary: CaseSummaryDoc,
): Change[] {
  if (type !== 'LegalReviewRequested' && type !== 'LegalReviewCompleted') return [];
  const changes: Change[] = [];
  const before = current?.reviewLimit;
  const after = summary.reviewLimit;
  if (type === 'LegalReviewRequested' && before && before.completedOn === undefined) {
    changes.push({ collection: REVIEW_LIMITS, key: reviewLimitKey(key, before.requestEventId), doc: null });
  }
  if (after) {
    const { caseId, agency, itemCode } = summary;
    const doc: ReviewLimitDoc = { caseId, agency, itemCode, ...after };
    changes.push({ collection: REVIEW_LIMITS, key: reviewLimitKey(key, after.requestEventId), doc });
  }
  return changes;
}

/** The agency's list of cases awaiting a decision, when the act changed whether this one is on it. */
function listed(type: string, key: string, summary: CaseSummaryDoc, docs: DocReader): Change[] {
  const change = proposedCasesChange(type, key, summary, docs);
  return change ? [change] : [];
}

function opening(event: Extract<RecordedCaseEvent, { type: 'CaseOpened' }>, docs: DocReader): CaseSummaryDoc {
  const { caseId, itemCode, title, openedOn, officers, parties } = event.data;
  const agency = event.actor.agency;
  const item = docs.get<ItemDoc>('items', itemKey(agency, itemCode));
  return {
    caseId,
    agency,
    itemCode,
    ...(item ? { itemName: item.name, itemCategory: item.category } : {}),
    title,
    openedOn,
    status: 'none',
    major: false,
    revision: -1,
    position: 0,
    updatedAt: event.occurredAt,
    lastActivityOn: openedOn,
    parties: parties.map((p) => ({ ...p })),
    officers: [...officers],
    handlingOfficers: officers.map((officerId) => {
      const officer = docs.get<OfficerDoc>('officers', officerKey(agency, officerId));
      return { officerId, ...(officer ? { name: officer.name, certificateNo: officer.certificateNo } : {}) };
    }),
    reviews: [],
    completeness: {
      recordings: { status: 'not_applicable', missing: [] },
      legalReview: { status: 'not_applicable' },
      disclosure: { status: 'not_applicable' },
      service: { status: 'not_applicable' },
    },
    audit: { missingRecordings: false, decided: false, disclosed: false },
    state: { reviewPending: false },
    checks: { recordingActs: 0, gaps: [], served: false },
    searchChars: 0,
  };
}

function domainState(doc: CaseSummaryDoc): CaseState {
  const { proposal, review, decision, disclosedOn, reviewPending, recordingDuties } = doc.state;
  // one literal (members in the order of `initialCaseState`'s, then the case's), the optional members set after:
  // spreading the initial state and objects made for the purpose cost some 10 µs per act, this a fraction of one
  const state: { -readonly [K in keyof CaseState]: CaseState[K] } = {
    status: doc.status,
    officers: doc.officers,
    // who handled the case only matters to the review's independence, which the decider alone checks
    handlers: [],
    parties: doc.parties,
    eventIds: AppendOnlyIds.empty(),
    recordingDuties: recordingDuties ?? DEFAULT_RECORDING_DUTIES,
    markedComplex: doc.state.markedComplex ?? false,
    counselOpinions: doc.state.counselOpinions ?? 0,
    reviewPending,
    caseId: doc.caseId,
    agency: doc.agency,
    itemCode: doc.itemCode,
    openedOn: doc.openedOn,
  };
  if (proposal) state.proposal = proposal;
  if (review) state.review = review;
  if (decision) state.decision = decision;
  if (disclosedOn) state.disclosedOn = disclosedOn;
  return state;
}

/** What a case's row keeps of the fold ({@link CaseSummaryDoc.state}), its members set one by one as {@link domainState}'s. */
function storedState(next: CaseState): CaseSummaryDoc['state'] {
  const state: CaseSummaryDoc['state'] = { reviewPending: next.reviewPending };
  if (next.proposal) state.proposal = next.proposal;
  if (next.review) state.review = next.review;
  if (next.decision) state.decision = next.decision;
  if (next.disclosedOn) state.disclosedOn = next.disclosedOn;
  if (next.markedComplex) state.markedComplex = true;
  if (next.counselOpinions > 0) state.counselOpinions = next.counselOpinions;
  if (next.recordingDuties !== DEFAULT_RECORDING_DUTIES) state.recordingDuties = [...next.recordingDuties];
  return state;
}

/** The case's row after `event`, recorded as `entry` on the agency's day `on`. */
function evolveSummary(
  base: CaseSummaryDoc,
  event: RecordedCaseEvent,
  entry: CaseActDoc,
  { on, recordedOn }: { on: string; recordedOn: string },
  docs: DocReader,
): CaseSummaryDoc {
  const next = evolveCase(domainState(base), event);
  const doc: CaseSummaryDoc = {
    ...base,
    status: next.status,
    revision: entry.revision,
    position: entry.position,
    updatedAt: entry.recordedAt,
    lastActivityOn: maxDate(base.lastActivityOn, on),
    state: storedState(next),
    checks: checksAfter(base.checks, event, entry, base.decision !== undefined, next.recordingDuties),
  };
  switch (event.type) {
    case 'LegalReviewRequested': {
      const { proposed, discretion } = event.data;
      const { proposal: _stale, ...rest } = base.discretion ?? {};
      const entry_ = discretion && discretionEntry(entry.eventId, proposed, discretion);
      doc.discretion = { ...rest, ...(entry_ ? { proposal: entry_ } : {}) };
      // the latest request is the one a decision waits on; one recorded before the limits existed has none
      const { reviewDueBy, reviewWorkingDays, reviewCalendarBasis } = event.data;
      delete doc.reviewLimit;
      if (reviewDueBy !== undefined && reviewWorkingDays !== undefined) {
        doc.reviewLimit = {
          requestEventId: entry.eventId,
          requestedOn: on,
          workingDays: reviewWorkingDays,
          dueBy: reviewDueBy,
          ...(reviewCalendarBasis === 'weekdays_only' ? { calendarBasis: reviewCalendarBasis } : {}),
        };
      }
      break;
    }
    case 'LegalReviewCompleted': {
      const { outcome, opinion, checks, reviewer, proposal } = event.data;
      const review: ReviewEntry = {
        eventId: entry.eventId,
        occurredAt: event.occurredAt,
        reviewer,
        outcome,
        opinion,
        proposal,
        checks: { ...checks },
      };
      doc.reviews = [...base.reviews, review];
      if (base.reviewLimit)
        doc.reviewLimit = { ...base.reviewLimit, completedOn: on, completionRecordedOn: recordedOn };
      break;
    }
    case 'CaseMarkedComplex':
    case 'CounselOpinionRecorded':
      doc.counsel = counselAfter(base.counsel, event, entry, docs);
      break;
    case 'ReviewDisagreementResolved': {
      const last = base.reviews.at(-1);
      if (last) {
        const resolved = {
          ...last,
          resolution: event.data.outcome,
          resolvedBy: entry.eventId,
          coordinator: entry.recordedBy,
        };
        doc.reviews = [...base.reviews.slice(0, -1), resolved];
      }
      break;
    }
    case 'DecisionIssued': {
      const d = event.data;
      doc.decision = {
        eventId: entry.eventId,
        recordedBy: entry.recordedBy,
        decisionType: d.decisionType,
        fineFen: d.fineFen ?? 0,
        legalBasis: d.legalBasis,
        documentNo: d.documentNo,
        ...issuedDocument(d.documentSha256, event.media),
        decidedOn: d.decidedOn,
        major: d.major,
        ...(d.circumstance ? { circumstance: d.circumstance } : {}),
        disclosureDueBy: d.disclosureDueBy,
        disclosureWorkingDays: d.disclosureWorkingDays,
        ...(d.calendarBasis === 'weekdays_only' ? { calendarBasis: d.calendarBasis } : {}),
        updates: [],
      };
      if (d.discretion)
        doc.discretion = { ...base.discretion, decision: discretionEntry(entry.eventId, d, d.discretion) };
      break;
    }
    case 'DecisionDisclosed':
      if (base.decision) {
        const { withdrawn: _withdrawn, calendarBasis: _basis, ...decision } = base.decision;
        doc.decision = {
          ...decision,
          // the publication's last day is the one the decider judged it by, counted on the calendar then known
          disclosureDueBy: event.data.dueBy ?? decision.disclosureDueBy, // logs of before `dueBy` lack it
          disclosedOn: event.data.publishedOn,
          disclosedOnTime: event.data.onTime,
          disclosureRecordedOn: recordedOn,
        };
      }
      break;
    case 'DisclosureWithdrawn':
      if (base.decision) {
        const withdrawn = { eventId: entry.eventId, occurredAt: event.occurredAt, reason: event.data.reason };
        doc.decision = { ...base.decision, withdrawn };
      }
      break;
    case 'DisclosureExempted':
      if (base.decision) {
        const { ground, legalBasis, reason } = event.data;
        const exemption = {
          eventId: entry.eventId,
          occurredAt: event.occurredAt,
          exemptedOn: on,
          recordedOn,
          recordedBy: entry.recordedBy,
        };
        doc.decision = { ...base.decision, exemption: { ...exemption, ground, legalBasis, reason } };
      }
      break;
    case 'DisclosureUpdated':
      if (base.decision) {
        const update = { eventId: entry.eventId, occurredAt: event.occurredAt, reason: event.data.reason };
        doc.decision = { ...base.decision, updates: [...base.decision.updates, update] };
      }
      break;
    case 'CaseClosed':
      doc.closedOn = event.data.closedOn;
      break;
    case 'RecordCorrected': {
      const opening = docs.get<CaseActDoc>(CASE_ACTS, caseActKey(caseKey(base.agency, base.caseId), 0));
      // the latest correction naming the parties (as opened: one that could not be opened here may name them)
      const members = event.data.data as unknown;
      const namesParties = typeof members !== 'object' || members === null || 'parties' in members;
      if (opening && event.data.corrects === opening.eventId && namesParties) {
        // as recorded, sealed: never the members the runner opened (a person's name, id number, address)
        doc.openingCorrection = { eventId: entry.eventId, data: (entry.data as { data?: unknown }).data };
      }
      // a correction of the decision's document number: the number the decision bears from then on (as the
      // document-numbers model holds it, which frees the old one), as opened; one that could not be opened here
      // leaves the number as it was
      const numbered = members as { documentNo?: unknown } | null;
      if (
        base.decision &&
        event.data.corrects === base.decision.eventId &&
        typeof numbered === 'object' &&
        numbered !== null &&
        typeof numbered.documentNo === 'string'
      ) {
        doc.decision = { ...base.decision, documentNo: numbered.documentNo };
      }
      break;
    }
  }
  // once decided, the case is as major as the decider found it then (an item's criteria may be amended later);
  // before, its proposal is judged now, and again when the registry changes (`rejudgedCases`)
  doc.major = next.decision?.major ?? proposedMajor(doc, docs);
  if (doc.counsel) doc.counsel = { ...doc.counsel, opinionRequired: counselOpinionRequired(next) };
  doc.completeness = completeness(doc, next);
  doc.audit = {
    missingRecordings: doc.completeness.recordings.status === 'missing',
    decided: doc.decision !== undefined,
    disclosed: doc.decision?.disclosedOn !== undefined && doc.decision.withdrawn === undefined,
    discretionOutside: doc.discretion?.proposal?.within === false || doc.discretion?.decision?.within === false,
  };
  return doc;
}

function counselAfter(
  counsel: CounselEntry | undefined,
  event: Extract<RecordedCaseEvent, { type: 'CaseMarkedComplex' | 'CounselOpinionRecorded' }>,
  entry: CaseActDoc,
  docs: DocReader,
): CounselEntry {
  const { markings = [], opinions = [] } = counsel ?? {};
  const at = { eventId: entry.eventId, occurredAt: entry.occurredAt };
  if (event.type === 'CaseMarkedComplex') {
    const marking = { ...at, markedBy: entry.recordedBy, reason: event.data.reason };
    return { markings: [...markings, marking], opinions, opinionRequired: false };
  }
  const { counsel: id, counselRole, opinion, givenOn } = event.data;
  const agency = event.actor.agency;
  const name = docs.get<OfficerDoc>('officers', officerKey(agency, id))?.name;
  const given = { ...at, counsel: id, ...(name ? { name } : {}), counselRole, opinion, givenOn, media: entry.media };
  return { markings, opinions: [...opinions, given], opinionRequired: false };
}

function discretionEntry(
  eventId: string,
  terms: { fineFen?: number; deviationReason?: string },
  finding: DiscretionFinding,
): DiscretionEntry {
  const reason = terms.deviationReason ? { deviationReason: terms.deviationReason } : {};
  return { ...finding, eventId, fineFen: terms.fineFen ?? 0, ...reason };
}

/**
 * A proposal or a benchmark's finding with its reason for leaving the benchmark forgotten (`[erased]`), at the
 * case's erasure; one without a reason (the fold's proposal keeps none since the reason is sealed) as it was.
 */
function forgetReason<T extends { deviationReason?: string }>(terms: T): T {
  return terms.deviationReason === undefined ? terms : { ...terms, deviationReason: ERASED };
}

function maxDate(a: string, b: string): string {
  return a >= b ? a : b;
}
