import { agencyDate, requireRole, type Role } from '../actor.js';
import type { WorkingDayCalendar } from '../calendar/working-days.js';
import type { Decider } from '../decider.js';
import { conflict, notFound, RuleViolation, violation } from '../errors.js';
import type { BenchmarkState } from '../registry/benchmarks.js';
import type { ItemState } from '../registry/items.js';
import { checkRecordingDevice, type DeviceState } from '../registry/devices.js';
import { certificateValidOn, type OfficerState } from '../registry/officers.js';
import type { RecordingListEntry } from '../registry/recording-list.js';
import type { CatalogueVersion } from '../registry/review-catalogue.js';
import {
  ACT_MEMBERS,
  APPROVING_CHECKS,
  DECISION_TYPES,
  type ActType,
  type DecisionType,
  type CaseEvent,
  type MediaRef,
  type RecordAct,
  type RecordedCaseEvent,
} from './acts.js';
import { checkDates } from './dates.js';
import {
  catalogueForDecision,
  counselOpinionRequired,
  disclosureDeadline,
  discretionFinding,
  isCounselOf,
  isMajorCase,
  matchingCatalogueEntries,
  meetsRecording,
  missingReviewMaterials,
  publishedOnTime,
  settledDisclosureDueBy,
  recordingDuties,
  recordingRequirement,
  reviewClears,
  ruleMembersIn,
} from './rules.js';
import { reviewDeadline } from './review-limits.js';
import { evolveCase, initialCaseState, type CaseState, type CaseStatus } from './state.js';
import { membersNamingPersons, type PersonalValues } from './published-text.js';

/** Facts from outside the case stream that the rules need, looked up by the application before deciding. */
export interface CaseContext {
  readonly item: (code: string) => ItemState | undefined;
  readonly officer: (officerId: string) => OfficerState | undefined;
  readonly calendar: WorkingDayCalendar;
  /** The agency's recording list as it stands (read when a case is opened); undefined when none is published. */
  readonly recordingList?: readonly RecordingListEntry[];
  /** A recording device of the agency (read when a recording names one). */
  readonly device?: (deviceId: string) => DeviceState | undefined;
  /** The agency's review time limit in working days (its review settings), when it set one. */
  readonly reviewWorkingDays?: number;
  /** The versions of the agency's review catalogue (重大执法决定法制审核目录清单), read when a decision is issued. */
  readonly reviewCatalogue?: readonly CatalogueVersion[];
  /** The item's discretion benchmark (裁量基准), when it has one. */
  readonly benchmark?: (itemCode: string) => BenchmarkState | undefined;
  /**
   * When the service records the act (its clock, ISO 8601): no act, and no date its data names, falls on a day
   * that has begun nowhere yet at that moment. Absent, dates are checked only against the case's opening.
   */
  readonly recordedAt?: string;
  /**
   * The agency's offset from UTC in minutes: the dates an act's data names are the agency's days, so none may be
   * after its date when the act is recorded. Absent, the latest date anywhere (UTC+14) bounds them.
   */
  readonly utcOffsetMinutes?: number;
  /**
   * What the case records of its natural-person parties (name, identity document number, phone, address), opened
   * where the log holds it sealed, read when an act has members the disclosure publishes
   * ({@link PUBLISHED_MEMBERS}): none of those may hold it. Absent (the case's data erased, or no data key), that is
   * not checked.
   */
  readonly persons?: readonly PersonalValues[];
  /**
   * The case of the agency whose decision bears a document number (文书号), if any: read when a decision is issued
   * or a correction names a decision's `documentNo`. Absent, that is not checked.
   */
  readonly documentNumberHolder?: (documentNo: string) => string | undefined;
}

export interface CaseCommand {
  readonly act: RecordAct;
  readonly context: CaseContext;
}

/** Acts done on site: at least two officers of the agency, each with a valid certificate (两人执法, 持证执法). */
export const ON_SITE_ACTS: readonly ActType[] = [
  'OnSiteInspectionRecorded',
  'EvidenceCollected',
  'PropertySeized',
  'ForcedDemolition',
  'DocumentServed',
];

const ROLES: Record<ActType, readonly Role[]> = {
  CaseOpened: ['officer'],
  OnSiteInspectionRecorded: ['officer'],
  CredentialsShown: ['officer'],
  PartyNotified: ['officer'],
  EvidenceCollected: ['officer'],
  RecordingAttached: ['officer'],
  PropertySeized: ['officer'],
  ForcedDemolition: ['officer'],
  DocumentServed: ['officer'],
  HearingHeld: ['officer'],
  CaseMarkedComplex: ['officer', 'admin'],
  // recorded by whoever receives the counsel's written opinion: the handling officer, the reviewer or the head
  CounselOpinionRecorded: ['officer', 'reviewer', 'admin'],
  LegalReviewRequested: ['officer'],
  LegalReviewCompleted: ['reviewer'],
  ReviewDisagreementResolved: ['admin'],
  DecisionIssued: ['officer', 'admin'],
  DecisionDisclosed: ['officer', 'admin'],
  DisclosureWithdrawn: ['officer', 'admin'],
  DisclosureUpdated: ['officer', 'admin'],
  // not publishing a decision is the agency head's call, traceable to them (责任追究), never an officer's shortcut
  DisclosureExempted: ['admin'],
  RecordCorrected: ['officer', 'admin'],
  CaseClosed: ['officer', 'admin'],
};

/** In which states each act may be recorded. */
const ALLOWED_IN: Record<ActType, readonly CaseStatus[]> = {
  CaseOpened: ['none'],
  OnSiteInspectionRecorded: ['open'],
  CredentialsShown: ['open'],
  PartyNotified: ['open'],
  EvidenceCollected: ['open'],
  PropertySeized: ['open'],
  ForcedDemolition: ['open', 'decided', 'disclosed', 'exempted'],
  HearingHeld: ['open'],
  CaseMarkedComplex: ['open'],
  CounselOpinionRecorded: ['open'],
  LegalReviewRequested: ['open'],
  LegalReviewCompleted: ['open'],
  ReviewDisagreementResolved: ['open'],
  DecisionIssued: ['open'],
  RecordingAttached: ['open', 'decided', 'disclosed', 'withdrawn', 'exempted', 'referred'],
  DocumentServed: ['open', 'decided', 'disclosed', 'withdrawn', 'exempted'],
  DecisionDisclosed: ['decided'],
  DisclosureWithdrawn: ['disclosed', 'closed'],
  DisclosureUpdated: ['disclosed', 'closed'],
  // a decision is exempted instead of published, or after its publication was withdrawn (published by mistake),
  // before the closing or after it (checkState: a closed case's decision, its publication withdrawn, not exempted)
  DisclosureExempted: ['decided', 'withdrawn', 'closed'],
  CaseClosed: ['disclosed', 'withdrawn', 'exempted', 'referred'],
  RecordCorrected: ['open', 'decided', 'disclosed', 'withdrawn', 'exempted', 'referred', 'closed'],
};

/** What a case opened from an online application decides: the licence applied for, granted or denied. */
export const APPLICATION_DECISIONS: readonly DecisionType[] = ['license_granted', 'license_denied'];

/** Money is whole fen: never a fraction, never negative. */
function checkAmount(fineFen: number | undefined): void {
  if (fineFen !== undefined && !(Number.isSafeInteger(fineFen) && fineFen >= 0)) {
    throw violation('amount_invalid', `fineFen must be a whole, non-negative number of fen, not ${fineFen}`);
  }
}

/**
 * The decisions that take no sum of money: a warning, a suspension or revocation, a licence granted or denied, a
 * coercive measure. A fine takes its amount; a confiscation (of illegal gains) and `other` may name one.
 */
const NO_AMOUNT: ReadonlySet<DecisionType> = new Set(
  DECISION_TYPES.filter((type) => type !== 'fine' && type !== 'confiscation' && type !== 'other'),
);

/**
 * A fine, proposed for review or decided, names its amount: more than 0 fen; a decision that takes no money names
 * none (a warning with an amount would be published with a sum no one was ordered to pay, and counted as no fine).
 */
function checkFineAmount(terms: { readonly decisionType: DecisionType; readonly fineFen?: number | undefined }): void {
  if (terms.decisionType === 'fine' && !(terms.fineFen && terms.fineFen > 0))
    throw violation('fine_amount_required', 'a fine needs fineFen > 0');
  if (NO_AMOUNT.has(terms.decisionType) && terms.fineFen !== undefined && terms.fineFen > 0) {
    throw violation(
      'amount_not_applicable',
      `a decision of type ${terms.decisionType} takes no sum: leave fineFen out`,
      {
        decisionType: terms.decisionType,
      },
    );
  }
}

/**
 * What the disclosure publishes as written holds no personal data of a party who is a natural person (name,
 * identity document number, phone, address): the law publishes decisions but never personal privacy, and a name in
 * the legal basis would unmask the party the entry shows masked.
 */
function checkPublishedText(act: RecordAct, context: CaseContext): void {
  const members = membersNamingPersons(act, context.persons ?? []);
  if (members.length === 0) return;
  throw violation(
    'personal_data_published',
    `${members.join(' and ')} would be published with a party's personal data in it (a name, identity document number, phone or address): write 当事人 (the party), not the name, and leave the rest out`,
    { members: members.map((member) => `/data/${member}`) },
  );
}

/**
 * A closed case's decision is exempted from publication only when it has a decision, its publication does not
 * stand (withdrawn, after the closing or before it) and it was not exempted already (a case exempted, then closed).
 */
function checkClosedExemption(state: CaseState): void {
  if (!state.decision) throw conflict('decision_missing', 'the case was closed without a decision to publish');
  if (state.disclosedOn) {
    throw conflict('act_out_of_order', 'the decision is published: withdraw the publication before exempting it', {
      caseStatus: state.status,
      withdrawFirst: 'DisclosureWithdrawn',
    });
  }
  if (state.exempted) {
    throw conflict('act_out_of_order', 'the decision is exempted from publication already', {
      caseStatus: state.status,
    });
  }
}

function checkState(act: RecordAct, state: CaseState): void {
  if (act.type !== 'CaseOpened' && state.status === 'none') throw notFound('no such case');
  // withdrawing or updating what was never published, or was withdrawn, is refused, on a closed case too
  if ((act.type === 'DisclosureWithdrawn' || act.type === 'DisclosureUpdated') && !state.disclosedOn) {
    throw conflict('not_disclosed', 'the decision is not published: never published, or its publication withdrawn');
  }
  if (act.type === 'DisclosureExempted' && state.status === 'closed') checkClosedExemption(state);
  if (ALLOWED_IN[act.type].includes(state.status)) return;
  if (act.type === 'CaseOpened') throw conflict('case_exists', `case ${state.caseId} exists already`);
  if (state.status === 'closed')
    throw conflict('case_closed', `case ${state.caseId} is closed: only corrections and disclosure changes`);
  if ((act.type === 'DecisionDisclosed' || act.type === 'DisclosureExempted') && state.status === 'open')
    throw conflict('decision_missing', 'no decision to disclose yet');
  if (act.type === 'DisclosureExempted' && state.status === 'disclosed') {
    throw conflict('act_out_of_order', 'the decision is published: withdraw the publication before exempting it', {
      caseStatus: state.status,
      withdrawFirst: 'DisclosureWithdrawn',
    });
  }
  if (act.type === 'CaseClosed')
    throw conflict(
      'case_not_closable',
      `a case that is ${state.status} cannot be closed yet: publish the decision first`,
    );
  throw conflict('act_out_of_order', `${act.type} is not allowed while the case is ${state.status}`, {
    caseStatus: state.status,
  });
}

/**
 * Officers named by the act (or the case's handling officers): officers of the case's agency, and certified on the
 * day of the act. An officer of another agency is as unknown as one never registered, and refused the same way.
 */
function checkOfficers(act: RecordAct, state: CaseState, context: CaseContext, agency: string): void {
  const named = act.type === 'CaseOpened' ? act.data.officers : (act.officers ?? state.officers);
  const date = actDate(act, context);
  const distinct = [...new Set(named)];
  const needsTwo = act.type === 'CaseOpened' || ON_SITE_ACTS.includes(act.type);
  if (needsTwo) {
    // two enforcement officers of the agency: one of another agency (or none at all), or one registered only to
    // review, advise or supervise, is not one of them
    const ofAgency = distinct.filter((id) => isOfAgency(context, id, agency));
    const enforcing = ofAgency.filter((id) => enforces(context, id));
    if (enforcing.length < 2) {
      const others = distinct.filter((id) => !ofAgency.includes(id));
      const notEnforcing = ofAgency.filter((id) => !enforcing.includes(id));
      throw violation(
        'two_officers_required',
        `${act.type} needs at least two officers of agency ${agency}` +
          (others.length > 0 ? `; not of it: ${others.join(', ')}` : '') +
          (notEnforcing.length > 0 ? `; not enforcement officers: ${notEnforcing.join(', ')}` : ''),
        {
          officers: enforcing,
          // opening: the case's handling officers (承办人员), not officers on site
          ...(act.type === 'CaseOpened' ? { handling: true } : {}),
          ...(others.length > 0 ? { notOfAgency: others } : {}),
          ...(notEnforcing.length > 0 ? { notEnforcing } : {}),
        },
      );
    }
  }
  for (const id of distinct) requireOfAgency(context, id, agency);
  for (const id of distinct) requireEnforcing(context, id);
  for (const id of distinct) requireCertified(context, id, date);
}

/** Whether `id` is registered as an enforcement officer (the `officer` role), not only to review, advise or supervise. */
const enforces = (context: CaseContext, id: string): boolean =>
  context.officer(id)?.roles?.includes('officer') === true;

/**
 * 持证执法: the officers an act names (those who carried it out, a case's handling officers) are enforcement
 * officers; a registrant who only reviews (法制审核人员), advises or supervises does not enforce, and one named as a
 * handler could no longer review the case.
 */
function requireEnforcing(context: CaseContext, id: string): void {
  if (!enforces(context, id)) {
    const roles = context.officer(id)?.roles ?? [];
    throw violation(
      'officer_role_required',
      `${id} is registered as ${roles.join(', ')}, not as an enforcement officer (the officer role): only enforcement officers carry out or handle a case`,
      { officerId: id, roles: [...roles] },
    );
  }
}

/**
 * 持证上岗: an act recorded as an officer (by a token that holds no other role `ROLES` lets record it) is recorded
 * by an officer of the case's agency holding a certificate valid on the act's day, whoever it names; a suspended
 * or retired officer's token, still unexpired, records none. The head (`admin`), or a reviewer recording what a
 * reviewer may, is not held to it.
 */
function checkRecorder(act: RecordAct, context: CaseContext, agency: string): void {
  const roles = ROLES[act.type];
  if (!roles.includes('officer') || roles.some((r) => r !== 'officer' && act.actor.roles.includes(r))) return;
  requireOfAgency(context, act.actor.sub, agency);
  requireCertified(context, act.actor.sub, actDate(act, context));
}

/** The local date an act is held to: the opening's date, or the agency's day of `occurredAt` (`agencyDate`). */
const actDate = (act: RecordAct, context: CaseContext): string =>
  act.type === 'CaseOpened' ? act.data.openedOn : agencyDate(act.occurredAt, context.utcOffsetMinutes);

/** Whether `id` is a registered officer of `agency`. */
function isOfAgency(context: CaseContext, id: string, agency: string): boolean {
  const officer = context.officer(id);
  return officer?.exists === true && officer.agency === agency;
}

/** An officer of another agency is as unknown as one never registered, and refused the same way. */
function requireOfAgency(context: CaseContext, id: string, agency: string): void {
  if (!isOfAgency(context, id, agency)) {
    throw violation('officer_unknown', `officer ${id} is not registered in agency ${agency}`, { officerId: id });
  }
}

function requireCertified(context: CaseContext, id: string, date: string): void {
  if (!certificateValidOn(context.officer(id), date)) {
    throw violation('certificate_invalid', `officer ${id} holds no valid certificate on ${date}`, {
      officerId: id,
      date,
    });
  }
}

function checkRecordings(act: RecordAct, state: CaseState): void {
  const requirement = recordingRequirement(act, state.recordingDuties);
  if (meetsRecording(requirement, act.media)) return;
  if (requirement === 'audio_video') {
    // the files given, when some were: none of them is audio or video
    const attached = [...new Set(act.media.map((m) => m.contentType))];
    throw violation(
      'recording_required',
      `${act.type} needs an audio or video recording of the whole act`,
      attached.length > 0 ? { attached } : {},
    );
  }
  const what = act.type === 'DocumentServed' ? `service by ${act.data.method}` : act.type;
  throw violation('recording_required', `${what} must be evidenced by a photo, recording or notice copy`);
}

function checkReview(
  act: Extract<RecordAct, { type: 'LegalReviewCompleted' }>,
  state: CaseState,
  context: CaseContext,
) {
  if (!state.reviewPending)
    throw conflict('review_not_requested', 'no legal review has been requested for the current proposal');
  const reviewer = context.officer(act.actor.sub);
  if (
    !reviewer?.exists ||
    reviewer.agency !== state.agency ||
    reviewer.status !== 'active' ||
    !reviewer.roles?.includes('reviewer')
  ) {
    throw violation(
      'reviewer_not_qualified',
      `${act.actor.sub} is not a registered reviewer of agency ${state.agency}`,
    );
  }
  if (counselOpinionRequired(state)) {
    throw conflict(
      'adviser_opinion_required',
      'the case is marked major, complex or difficult: a legal adviser or public-sector lawyer gives an opinion first',
    );
  }
  if (state.handlers.includes(act.actor.sub)) {
    throw violation('reviewer_not_independent', `${act.actor.sub} has handled this case and cannot review it`);
  }
  const { outcome, checks } = act.data;
  if (outcome === 'approved') {
    // the checks that do not allow an approval: each failed one, and a criminal referral found needed
    const failed = [
      ...APPROVING_CHECKS.filter((check) => checks[check] !== true),
      ...(checks.criminalReferralNeeded ? (['criminalReferralNeeded'] as const) : []),
    ];
    if (failed.length > 0) {
      throw violation('review_inconsistent', 'an approval needs every check passed and no criminal referral', {
        failed,
      });
    }
  }
}

/** 无审核不决定: a major decision needs an approved review of exactly this proposal (or a resolution upholding it). */
function checkReviewGate(
  act: Extract<RecordAct, { type: 'DecisionIssued' }>,
  state: CaseState,
  major: boolean,
  reviewCatalogue: { version: number; entryIds: string[] } | undefined,
  context: Pick<CaseContext, 'utcOffsetMinutes'>,
): void {
  if (!major) return;
  if (reviewClears(state.review, state.reviewPending, act.data)) {
    // 未经法制审核…不得作出决定: the decision comes after the review that cleared it, by its time and its day
    const cleared = state.review!.clearedAt;
    if (cleared !== undefined) {
      if (!(Date.parse(act.occurredAt) >= Date.parse(cleared))) {
        throw violation(
          'date_invalid',
          `a major decision is issued after the legal review that cleared it (${cleared})`,
          {
            member: 'occurredAt',
            clearedAt: cleared,
          },
        );
      }
      if (act.data.decidedOn < agencyDate(cleared, context.utcOffsetMinutes)) {
        throw violation(
          'date_invalid',
          `a major decision is made on or after the day its legal review cleared it (${cleared})`,
          {
            member: 'decidedOn',
            clearedAt: cleared,
          },
        );
      }
    }
    return;
  }
  const review = state.review;
  throw conflict(
    'legal_review_required',
    reviewCatalogue
      ? `a major decision needs a passed legal review of the same decision type and amount (review catalogue version ${reviewCatalogue.version}, entries ${reviewCatalogue.entryIds.join(', ')})`
      : 'a major decision needs a passed legal review of the same decision type and amount',
    {
      reviewed: review ? { outcome: review.outcome, resolution: review.resolution, proposal: review.proposal } : null,
      // a request waiting for its review: the decision waits for it, rather than a new request
      ...(state.reviewPending ? { reviewPending: true } : {}),
      ...(reviewCatalogue ? { reviewCatalogue } : {}),
    },
  );
}

/** The issued document a decision names is kept with it: its SHA-256 must be one of the act's media. */
function checkIssuedDocument(documentSha256: string | undefined, media: readonly MediaRef[]): void {
  if (documentSha256 === undefined || media.some((m) => m.sha256 === documentSha256)) return;
  throw violation(
    'decision_document_not_attached',
    'the issued document named by documentSha256 is not among the media of the act',
    { documentSha256 },
  );
}

function decide({ act, context }: CaseCommand, state: CaseState): CaseEvent[] {
  requireRole(act.actor, ROLES[act.type], act.type);
  // another agency's case is no case at all to this actor: refused before anything that depends on its state
  if (act.type !== 'CaseOpened' && state.status !== 'none' && state.agency !== act.actor.agency) {
    throw notFound('no such case');
  }
  checkState(act, state);
  const agency = act.type === 'CaseOpened' ? act.actor.agency : state.agency!;
  checkDates(act, state, context.recordedAt, context.utcOffsetMinutes);
  checkPublishedText(act, context);
  const itemCode = act.type === 'CaseOpened' ? act.data.itemCode : state.itemCode!;
  const item = context.item(itemCode);
  if (!item?.exists || item.agency !== agency || (act.type === 'CaseOpened' && item.retired)) {
    throw violation('item_unknown', `enforcement item ${itemCode} is not on the list of agency ${agency}`);
  }
  // an on-site act that names no officers is checked against the case's handling officers, and records them: the
  // signed event says who was on site, whatever later changes the case's officers
  const onSite = act.officers ?? (ON_SITE_ACTS.includes(act.type) ? state.officers : undefined);
  const base = { media: act.media, ...(onSite ? { officers: [...onSite] } : {}) };
  checkRecorder(act, context, agency);
  if (act.type === 'CaseOpened' || act.officers || ON_SITE_ACTS.includes(act.type))
    checkOfficers(act, state, context, agency);
  checkRecordings(act, state);

  if (act.type === 'DecisionIssued') {
    checkAmount(act.data.fineFen);
    checkFineAmount(act.data);
  }
  if (act.type === 'LegalReviewRequested') {
    checkAmount(act.data.proposed.fineFen);
    checkFineAmount(act.data.proposed);
  }

  switch (act.type) {
    case 'CaseOpened': {
      // the duties in force when the case is opened are the case's: every reader of the case reads the same ones
      const duties = recordingDuties(context.recordingList, itemCode);
      return [{ ...base, type: act.type, data: { ...act.data, recordingDuties: duties } }];
    }
    case 'RecordingAttached':
      // an attachment that attaches nothing, or to an act the case does not have, would count for no duty
      if (act.media.length === 0) {
        throw violation('recording_required', 'a recording attached names its recording: give it in media');
      }
      if (act.data.relatesTo !== undefined && !state.eventIds.has(act.data.relatesTo)) {
        throw violation('recording_target_unknown', `event ${act.data.relatesTo} is not an act of this case`);
      }
      if (act.data.deviceId !== undefined) {
        checkRecordingDevice(act.data.deviceId, context.device?.(act.data.deviceId), agency, act.occurredAt);
      }
      return [{ ...base, type: act.type, data: act.data }];
    case 'LegalReviewRequested': {
      // a second request would replace the pending one, and with it the deadline the reviewer is held to
      if (state.reviewPending) {
        throw conflict(
          'review_pending',
          'a legal review of this case is pending: the reviewer completes or returns it before another is requested',
        );
      }
      const missing = missingReviewMaterials(item.reviewMaterials, act.data.materials);
      if (missing.length > 0)
        throw violation('review_materials_missing', 'the request for review lacks materials the item requires', {
          missing,
        });
      const discretion = discretionFinding(context.benchmark?.(itemCode), act.data.proposed);
      const requestedOn = agencyDate(act.occurredAt, context.utcOffsetMinutes);
      const due = reviewDeadline(item, requestedOn, context.calendar, context.reviewWorkingDays);
      const limit = {
        reviewWorkingDays: due.workingDays,
        reviewDueBy: due.date,
        ...(due.basis === 'weekdays_only' ? { reviewCalendarBasis: 'weekdays_only' as const } : {}),
      };
      return [{ ...base, type: act.type, data: { ...act.data, ...(discretion ? { discretion } : {}), ...limit } }];
    }
    case 'CounselOpinionRecorded': {
      const counsel = context.officer(act.data.counsel);
      if (!isCounselOf(counsel, agency)) {
        throw violation(
          'counsel_unknown',
          `${act.data.counsel} is not registered as a legal adviser or public-sector lawyer of agency ${agency}`,
          { counsel: act.data.counsel },
        );
      }
      return [{ ...base, type: act.type, data: { ...act.data, counselRole: counsel!.counsel! } }];
    }
    case 'OnSiteInspectionRecorded':
      if (act.data.credentialsShown !== true)
        throw violation('credentials_not_shown', 'officers must show their certificates on site (亮证)');
      if (act.data.partyNotified !== true)
        throw violation('party_not_notified', 'the party must be told the grounds and their rights');
      return [{ ...base, type: act.type, data: act.data }];
    case 'LegalReviewCompleted':
      checkReview(act, state, context);
      return [{ ...base, type: act.type, data: { ...act.data, reviewer: act.actor.sub, proposal: state.proposal! } }];
    case 'ReviewDisagreementResolved':
      if (!state.review || state.review.outcome === 'approved' || state.reviewPending) {
        throw conflict(
          'no_disagreement',
          'there is no review opinion in disagreement with the current proposal to resolve',
        );
      }
      // 审核未通过的，不得作出决定: materials returned for supplement are supplemented and reviewed again; the
      // coordination settles an opinion against the proposal (审核意见与拟处理意见不一致), not a review not yet made
      if (state.review.outcome === 'returned') {
        throw conflict(
          'no_disagreement',
          'the legal review returned the file for supplement (退回补充): supplement it and request the review again; ' +
            'a coordination decision settles a review opinion against the proposal, not materials still missing',
          { reviewOutcome: 'returned' },
        );
      }
      // 责任追究 names the officer, the reviewer and the head apart: the head who settles the disagreement has not
      // handled the case, nor given the opinion in dispute
      if (state.handlers.includes(act.actor.sub) || state.review.reviewer === act.actor.sub) {
        throw violation(
          'coordinator_not_independent',
          `${act.actor.sub} has ${state.review.reviewer === act.actor.sub ? 'given the review opinion in dispute' : 'handled this case'} and cannot settle the disagreement`,
        );
      }
      // the coordination decision settles the disagreement: another view of the head goes through a new request
      if (state.review.resolution !== undefined) {
        throw conflict(
          'no_disagreement',
          `the disagreement is resolved already (${state.review.resolution}): a changed proposal goes to a new review`,
          { resolution: state.review.resolution },
        );
      }
      return [{ ...base, type: act.type, data: act.data }];
    case 'DecisionIssued': {
      // (the day it was decided is not after the decision is issued: `checkDates`)
      const { decisionType, decidedOn } = act.data;
      if (state.application !== undefined && !APPLICATION_DECISIONS.includes(decisionType))
        throw violation(
          'decision_type_invalid',
          'a case opened from an application ends in the licence granted or denied (准予/不予行政许可)',
          { allowed: APPLICATION_DECISIONS },
        );
      checkIssuedDocument(act.data.documentSha256, act.media);
      checkDocumentNumber(act.data.documentNo, state, context);
      // the catalogue in force when the decision was made: an adjustment recorded later does not reach back. The
      // stated time is the officer's word, though, so a decision entered after a catalogue took effect is held to it
      // as well: dating a decision before an adjustment does not escape the review the adjustment requires.
      const catalogue = catalogueForDecision(context.reviewCatalogue ?? [], act.occurredAt, context.recordedAt, item, {
        proposal: state.proposal,
        decision: act.data,
      });
      const major = isMajorCase(item, catalogue, { proposal: state.proposal, decision: act.data });
      const matched = [state.proposal, act.data].flatMap((terms) =>
        terms ? matchingCatalogueEntries(item, catalogue, terms).map((entry) => entry.entryId) : [],
      );
      const reviewCatalogue =
        catalogue && matched.length > 0 ? { version: catalogue.version, entryIds: [...new Set(matched)] } : undefined;
      checkReviewGate(act, state, major, reviewCatalogue, context);
      const discretion = discretionFinding(context.benchmark?.(itemCode), act.data);
      const due = disclosureDeadline(item, act.data.decisionType, decidedOn, context.calendar);
      const derived = {
        major,
        disclosureWorkingDays: due.workingDays,
        disclosureDueBy: due.date,
        calendarBasis: due.basis,
        ...(discretion ? { discretion } : {}),
        ...(reviewCatalogue ? { reviewCatalogue } : {}),
      };
      return [{ ...base, type: act.type, data: { ...act.data, ...derived } }];
    }
    case 'DecisionDisclosed': {
      // counted again when the calendar of a year it spans was missing at the decision and may be known now
      const dueBy = settledDisclosureDueBy(state.decision!, context.calendar).date;
      return [
        { ...base, type: act.type, data: { ...act.data, dueBy, onTime: publishedOnTime(act.data.publishedOn, dueBy) } },
      ];
    }
    case 'DisclosureExempted':
      return [{ ...base, type: act.type, data: act.data }];
    case 'RecordCorrected': {
      if (!state.eventIds.has(act.data.corrects)) {
        throw violation('correction_target_unknown', `event ${act.data.corrects} is not part of this case`);
      }
      const target = state.eventIds.tagOf(act.data.corrects) as ActType | undefined;
      const own: readonly string[] | undefined = target && ACT_MEMBERS[target];
      const foreign = own ? Object.keys(act.data.data).filter((member) => !own.includes(member)) : [];
      if (foreign.length > 0) {
        throw violation(
          'correction_mismatch',
          `a ${target} has no ${foreign.join(' nor ')}: a correction names members of the act it corrects`,
          { target, members: foreign.map((member) => `/data/data/${member}`) },
        );
      }
      const ruled = target === undefined ? [] : ruleMembersIn(target, act.data.data);
      if (ruled.length > 0) {
        throw violation(
          'correction_not_allowed',
          `${ruled.join(' and ')} of a ${target} ${ruled.length === 1 ? 'is' : 'are'} what the rules decided on: ` +
            'a correction cannot change ' +
            (ruled.length === 1 ? 'it' : 'them') +
            '; it corrects what no rule reads (a description, a document number, a party’s details)',
          { target, members: ruled.map((member) => `/data/data/${member}`) },
        );
      }
      const corrected = act.data.data as { documentNo?: unknown };
      if (target === 'DecisionIssued' && typeof corrected.documentNo === 'string') {
        checkDocumentNumber(corrected.documentNo, state, context);
      }
      return [{ ...base, type: act.type, data: act.data }];
    }
    default:
      return [{ ...base, type: act.type, data: act.data } as CaseEvent];
  }
}

export const caseDecider: Decider<CaseCommand, RecordedCaseEvent, CaseState> = {
  initialState: initialCaseState,
  evolve: evolveCase,
  // the decider returns the events to record; the application adds id, time and actor (see `recordAct`)
  decide: (command, state) =>
    decide(command, state).map(
      (event) =>
        ({
          ...event,
          id: command.act.id,
          occurredAt: command.act.occurredAt,
          actor: command.act.actor,
        }) as RecordedCaseEvent,
    ),
};

export { RuleViolation };

/**
 * A decision's document number (文书号) is the agency's for one decision: another case of the agency whose decision
 * bears it already (issued with it, or corrected to it) refuses it, naming that case.
 */
function checkDocumentNumber(documentNo: string, state: CaseState, context: CaseContext): void {
  refuseTakenDocumentNumber(documentNo, state.caseId, context.documentNumberHolder?.(documentNo));
}

/** `document_number_taken` when `heldBy`, the case whose decision bears `documentNo`, is not `caseId`. */
export function refuseTakenDocumentNumber(documentNo: string, caseId: string | undefined, heldBy: string | undefined) {
  if (heldBy !== undefined && heldBy !== caseId) documentNumberTaken(documentNo, heldBy);
}

/** `document_number_taken`: `documentNo` is the number of case `heldBy`'s decision. */
export function documentNumberTaken(documentNo: string, heldBy: string): never {
  throw conflict('document_number_taken', `document number ${documentNo} is that of the decision of case ${heldBy}`, {
    heldBy,
  });
}
