import type { Actor } from '../actor.js';
import type { Party } from '../redaction.js';
import type { DiscretionFinding, RecordingDuty } from './rules.js';
import type { Circumstance } from '../registry/benchmarks.js';
import type { CounselRole } from '../registry/officers.js';
import { agencyStream } from '../streams.js';

export const DECISION_TYPES = [
  'warning',
  'fine',
  'confiscation',
  'business_suspension',
  'license_suspension',
  'license_revocation',
  'license_granted',
  'license_denied',
  'coercive_measure',
  'other',
] as const;
export type DecisionType = (typeof DECISION_TYPES)[number];

/**
 * The lawful grounds for not publishing a decision (公示制度: 除涉及国家秘密、商业秘密、个人隐私等不宜公开的信息外):
 * a state secret, a trade secret, personal privacy, or another law or administrative regulation that says so.
 */
export const EXEMPTION_GROUNDS = ['state_secret', 'trade_secret', 'personal_privacy', 'other_law'] as const;
export type ExemptionGround = (typeof EXEMPTION_GROUNDS)[number];

export const SERVICE_METHODS = ['direct', 'left', 'public_notice', 'mail', 'electronic'] as const;
export type ServiceMethod = (typeof SERVICE_METHODS)[number];

export interface MediaRef {
  readonly sha256: string;
  readonly size: number;
  readonly contentType: string;
}

/** A proposed handling of the case, as put to legal review; amounts in integer fen. */
export interface Proposal extends Discretion {
  readonly decisionType: DecisionType;
  readonly fineFen?: number;
  readonly legalBasis: string;
}

/** What a fine names of the item's discretion benchmark (裁量基准): its circumstance, and why it leaves the range. */
export interface Discretion {
  readonly circumstance?: Circumstance;
  /** The written reason for a fine outside the circumstance's range (required then). */
  readonly deviationReason?: string;
}

/** The ten points a legal review (法制审核) checks. `criminalReferralNeeded` must be false to approve. */
export interface ReviewChecks {
  readonly subjectLawful: boolean;
  readonly officersQualified: boolean;
  readonly procedureLawful: boolean;
  readonly factsClear: boolean;
  readonly evidenceSufficient: boolean;
  readonly lawAppliedCorrectly: boolean;
  readonly discretionAppropriate: boolean;
  readonly withinAuthority: boolean;
  readonly documentsComplete: boolean;
  readonly criminalReferralNeeded: boolean;
}

/** The nine points that must all hold for a review to approve (the tenth, `criminalReferralNeeded`, must not). */
export const APPROVING_CHECKS = [
  'subjectLawful',
  'officersQualified',
  'procedureLawful',
  'factsClear',
  'evidenceSufficient',
  'lawAppliedCorrectly',
  'discretionAppropriate',
  'withinAuthority',
  'documentsComplete',
] as const satisfies readonly (keyof ReviewChecks)[];

/** Every point of a review, in the order the plan lists them. */
export const REVIEW_CHECKS = [
  ...APPROVING_CHECKS,
  'criminalReferralNeeded',
] as const satisfies readonly (keyof ReviewChecks)[];

/** The data of each act, as a client submits it. */
export interface ActData {
  CaseOpened: {
    caseId: string;
    itemCode: string;
    title: string;
    openedOn: string;
    officers: string[];
    parties: Party[];
    /** The online application this case was opened from, when accepted (受理) from one: its id. */
    application?: string;
  };
  OnSiteInspectionRecorded: { location: string; findings: string; credentialsShown: boolean; partyNotified: boolean };
  CredentialsShown: { note?: string };
  PartyNotified: { grounds: string; rights: string };
  EvidenceCollected: { description: string };
  /** A recording attached to the case; `deviceId`: the recording device (执法记录仪) that made it. */
  RecordingAttached: { description: string; relatesTo?: string; deviceId?: string };
  PropertySeized: { items: string; legalBasis: string };
  ForcedDemolition: { target: string; legalBasis: string };
  DocumentServed: { document: string; method: ServiceMethod };
  HearingHeld: { heldOn: string };
  /**
   * The case is marked major, complex or difficult (重大、疑难、复杂): its legal review waits for the opinion of a
   * legal adviser or public-sector lawyer (`counselOpinionRequired` in rules.ts).
   */
  CaseMarkedComplex: { reason: string };
  /**
   * The written opinion of a legal adviser or public-sector lawyer (法律顾问、公职律师) of the agency, registered with
   * that role (`counsel`: their id in the officer registry), given on `givenOn`; the signed copy as a medium.
   */
  CounselOpinionRecorded: { counsel: string; opinion: string; givenOn: string };
  /** `materials`: the submission materials (送审材料) submitted, by the names the item's list gives them. */
  LegalReviewRequested: { proposed: Proposal; materials?: string[] };
  LegalReviewCompleted: { outcome: 'approved' | 'rejected' | 'returned'; opinion: string; checks: ReviewChecks };
  ReviewDisagreementResolved: { outcome: 'proposal_upheld' | 'review_upheld'; reasoning: string };
  DecisionIssued: {
    decisionType: DecisionType;
    fineFen?: number;
    legalBasis: string;
    documentNo: string;
    decidedOn: string;
    /** The SHA-256 of the issued document (决定书) as a file, which must be one of the act's media. */
    documentSha256?: string;
  } & Discretion;
  DecisionDisclosed: { publishedOn: string };
  DisclosureWithdrawn: { reason: string };
  DisclosureUpdated: { reason: string };
  DisclosureExempted: { ground: ExemptionGround; legalBasis: string; reason: string };
  RecordCorrected: { corrects: string; reason: string; data: Record<string, unknown> };
  CaseClosed: { closedOn: string };
}
export type ActType = keyof ActData;
export const ACT_TYPES = Object.keys({
  CaseOpened: 1,
  OnSiteInspectionRecorded: 1,
  CredentialsShown: 1,
  PartyNotified: 1,
  EvidenceCollected: 1,
  RecordingAttached: 1,
  PropertySeized: 1,
  ForcedDemolition: 1,
  DocumentServed: 1,
  HearingHeld: 1,
  CaseMarkedComplex: 1,
  CounselOpinionRecorded: 1,
  LegalReviewRequested: 1,
  LegalReviewCompleted: 1,
  ReviewDisagreementResolved: 1,
  DecisionIssued: 1,
  DecisionDisclosed: 1,
  DisclosureWithdrawn: 1,
  DisclosureUpdated: 1,
  DisclosureExempted: 1,
  RecordCorrected: 1,
  CaseClosed: 1,
} satisfies Record<ActType, 1>) as ActType[];

/**
 * The members of each act's data, as its schema (`schemas/acts/`) lists them (`schemas-agree.test.ts` holds the two
 * equal): a correction names members of the act it corrects, and no others.
 */
export const ACT_MEMBERS = {
  CaseOpened: ['caseId', 'itemCode', 'title', 'openedOn', 'officers', 'parties', 'application'],
  OnSiteInspectionRecorded: ['location', 'findings', 'credentialsShown', 'partyNotified'],
  CredentialsShown: ['note'],
  PartyNotified: ['grounds', 'rights'],
  EvidenceCollected: ['description'],
  RecordingAttached: ['description', 'relatesTo', 'deviceId'],
  PropertySeized: ['items', 'legalBasis'],
  ForcedDemolition: ['target', 'legalBasis'],
  DocumentServed: ['document', 'method'],
  HearingHeld: ['heldOn'],
  CaseMarkedComplex: ['reason'],
  CounselOpinionRecorded: ['counsel', 'opinion', 'givenOn'],
  LegalReviewRequested: ['proposed', 'materials'],
  LegalReviewCompleted: ['outcome', 'opinion', 'checks'],
  ReviewDisagreementResolved: ['outcome', 'reasoning'],
  DecisionIssued: [
    'decisionType',
    'fineFen',
    'legalBasis',
    'documentNo',
    'decidedOn',
    'circumstance',
    'deviationReason',
    'documentSha256',
  ],
  DecisionDisclosed: ['publishedOn'],
  DisclosureWithdrawn: ['reason'],
  DisclosureUpdated: ['reason'],
  DisclosureExempted: ['ground', 'legalBasis', 'reason'],
  RecordCorrected: ['corrects', 'reason', 'data'],
  CaseClosed: ['closedOn'],
} as const satisfies { readonly [T in ActType]: readonly (keyof ActData[T] & string)[] };

/** What the service adds to an act's data when it records it (facts derived by the rules, kept for replay). */
export interface Derived {
  /** The recording duties of the case, fixed at its opening (absent from cases opened before lists existed). */
  CaseOpened: { recordingDuties?: RecordingDuty[] };
  /** `discretion`: the benchmark's finding on a proposed fine (`discretionFinding` in rules.ts). */
  /**
   * `reviewWorkingDays`, `reviewDueBy`: the review's time limit and last day (`reviewDeadline`; absent from older
   * requests); `reviewCalendarBasis: weekdays_only` when the last day was counted without the schedule of a year it
   * spans (`settledReviewDueBy` counts it again once the schedule is recorded).
   */
  LegalReviewRequested: {
    discretion?: DiscretionFinding;
    reviewWorkingDays?: number;
    reviewDueBy?: string;
    reviewCalendarBasis?: 'weekdays_only';
  };
  LegalReviewCompleted: { reviewer: string; proposal: Proposal };
  /** `counselRole`: the role the counsel holds in the registry on the day (法律顾问 or 公职律师). */
  CounselOpinionRecorded: { counselRole: CounselRole };
  DecisionIssued: {
    major: boolean;
    disclosureWorkingDays: number;
    disclosureDueBy: string;
    calendarBasis: 'official_schedule' | 'weekdays_only';
    discretion?: DiscretionFinding;
    /** The agency's review catalogue version in force and its entries that matched, when any did (二(三)4). */
    reviewCatalogue?: { version: number; entryIds: string[] };
  };
  DecisionDisclosed: { dueBy: string; onTime: boolean };
}
/** The members of {@link Derived}, by act type: what a recorded act's data holds beyond what the client sent. */
export const DERIVED_MEMBERS: { readonly [T in ActType]?: readonly string[] } = {
  CaseOpened: ['recordingDuties'],
  LegalReviewRequested: ['discretion', 'reviewWorkingDays', 'reviewDueBy', 'reviewCalendarBasis'],
  LegalReviewCompleted: ['reviewer', 'proposal'],
  CounselOpinionRecorded: ['counselRole'],
  DecisionIssued: [
    'major',
    'disclosureWorkingDays',
    'disclosureDueBy',
    'calendarBasis',
    'discretion',
    'reviewCatalogue',
  ],
  DecisionDisclosed: ['dueBy', 'onTime'],
} satisfies { readonly [T in keyof Derived]: readonly (keyof Derived[T])[] };
export type RecordedData<T extends ActType> = ActData[T] & (T extends keyof Derived ? Derived[T] : unknown);

/** A case event as the decider emits it: type, data (with derived facts), officers and media. */
export type CaseEvent = {
  [T in ActType]: {
    readonly type: T;
    readonly data: RecordedData<T>;
    readonly officers?: readonly string[];
    readonly media: readonly MediaRef[];
  };
}[ActType];

/** A case event as recorded: with its id, the time of the act and who recorded it. */
export type RecordedCaseEvent = CaseEvent & {
  readonly id: string;
  readonly occurredAt: string;
  readonly actor: Actor;
  /** When the service recorded it (the envelope's `recordedAt`), where the reader has it. */
  readonly recordedAt?: string;
};

/** A command to record one act on a case. */
export type RecordAct = {
  [T in ActType]: {
    readonly id: string;
    readonly actor: Actor;
    readonly occurredAt: string;
    readonly type: T;
    readonly data: ActData[T];
    readonly officers?: readonly string[];
    readonly media: readonly MediaRef[];
  };
}[ActType];

/** A case's stream: case ids are unique within their agency only, so the agency is part of the name. */
export function caseStream(agency: string, caseId: string): string {
  return agencyStream('case', agency, caseId);
}
