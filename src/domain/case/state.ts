import { AppendOnlyIds } from '../append-only-ids.js';
import type { Party } from '../redaction.js';
import type { DecisionType, Proposal, RecordedCaseEvent } from './acts.js';
import { DEFAULT_RECORDING_DUTIES, handlersAfter, type RecordingDuty } from './rules.js';

/** open → decided → disclosed → closed; `referred` after a review finds a suspected crime; `withdrawn` after
 * a published decision is withdrawn (revoked or changed on reconsideration or litigation); `exempted` after a
 * decision is lawfully exempted from publication (state secret, trade secret, personal privacy, another law). */
export const CASE_STATUSES = ['open', 'decided', 'disclosed', 'withdrawn', 'exempted', 'referred', 'closed'] as const;
export type CaseStatus = 'none' | (typeof CASE_STATUSES)[number];

export interface CaseReview {
  readonly eventId: string;
  readonly outcome: 'approved' | 'rejected' | 'returned';
  readonly reviewer: string;
  /** The proposal it reviewed; a later request for review (a changed proposal) makes the review stale. */
  readonly proposal: Proposal;
  readonly resolution?: 'proposal_upheld' | 'review_upheld';
  /**
   * When the review cleared its proposal, as stated (the completion's `occurredAt`, or the resolution's when a
   * resolution upheld the proposal): a decision it clears is made at or after it.
   */
  readonly clearedAt?: string;
  /** When it was given (the completion's `occurredAt`): a resolution of a disagreement with it comes after it. */
  readonly completedAt?: string;
}

export interface CaseState {
  readonly status: CaseStatus;
  readonly caseId?: string;
  readonly agency?: string;
  readonly itemCode?: string;
  /** The date the case was opened (立案): no act of the case is dated before it. */
  readonly openedOn?: string;
  readonly officers: readonly string[];
  /**
   * Everyone who has handled the case (`handlersAfter` in rules.ts): its officers, the officers named by its acts
   * and the recorders of its handling acts. None of them may review it.
   */
  readonly handlers: readonly string[];
  readonly parties: readonly Party[];
  /** The id of the case's `CaseOpened` event: the parties' sealed values are opened with it. */
  readonly openingEventId?: string;
  /**
   * The corrections of the opening (`RecordCorrected` of the `CaseOpened` event), each its event id and its corrected
   * members as recorded (sealed, or in clear before sealing): a party's details corrected there are the party's too.
   */
  readonly openingCorrections?: readonly { readonly eventId: string; readonly data: unknown }[];
  /** The online application the case was opened from: its decision is the licence granted or denied. */
  readonly application?: string;
  readonly eventIds: AppendOnlyIds;
  /** The recording duties fixed at the opening (`recordingDuties` in `rules.ts`); the default ones for older cases. */
  readonly recordingDuties: readonly RecordingDuty[];
  /** The proposal under review, without its reason for leaving the benchmark (sealed in the request). */
  readonly proposal?: Proposal;
  /** Marked major, complex or difficult (重大、疑难、复杂): the review waits for a counsel's opinion. */
  readonly markedComplex: boolean;
  /** The opinions of legal advisers or public-sector lawyers recorded on the case. */
  readonly counselOpinions: number;
  readonly reviewPending: boolean;
  /** When the latest review was requested (the request's `occurredAt`): the review answering it comes after it. */
  readonly requestedAt?: string;
  readonly review?: CaseReview;
  readonly decision?: {
    readonly decisionType: DecisionType;
    readonly fineFen: number;
    readonly decidedOn: string;
    readonly disclosureDueBy: string;
    readonly disclosureWorkingDays?: number;
    /** `weekdays_only`: the last day was counted without the schedule of a year it spans (`settledDisclosureDueBy`). */
    readonly calendarBasis?: string;
    readonly major: boolean;
  };
  /** The date of the standing publication; none before it and none once it is withdrawn. */
  readonly disclosedOn?: string;
  /** The date the case was closed (结案). */
  readonly closedOn?: string;
  /**
   * Exempted from publication (`DisclosureExempted`): once, whatever the status says after it (an exemption of a
   * closed case, whose publication was withdrawn, leaves it closed).
   */
  readonly exempted?: boolean;
}

export const initialCaseState = (): CaseState => ({
  status: 'none',
  officers: [],
  handlers: [],
  parties: [],
  eventIds: AppendOnlyIds.empty(),
  recordingDuties: DEFAULT_RECORDING_DUTIES,
  markedComplex: false,
  counselOpinions: 0,
  reviewPending: false,
});

export function evolveCase(state: CaseState, event: RecordedCaseEvent): CaseState {
  const named = event.type === 'CaseOpened' ? event.data.officers : event.officers;
  const handlers = handlersAfter(state.handlers, {
    type: event.type,
    recordedBy: event.actor.sub,
    ...(named ? { officers: named } : {}),
  });
  const next: CaseState = { ...state, handlers, eventIds: state.eventIds.with(event.id, event.type) };
  switch (event.type) {
    case 'CaseOpened': {
      const { caseId, itemCode, openedOn, officers, parties, application, recordingDuties } = event.data;
      const opened = {
        status: 'open',
        caseId,
        itemCode,
        openedOn,
        officers,
        parties,
        openingEventId: event.id,
        agency: event.actor.agency,
        recordingDuties: recordingDuties ?? DEFAULT_RECORDING_DUTIES,
      } as const;
      return { ...next, ...opened, ...(application === undefined ? {} : { application }) };
    }
    case 'CaseMarkedComplex':
      return { ...next, markedComplex: true };
    case 'CounselOpinionRecorded':
      return { ...next, counselOpinions: state.counselOpinions + 1 };
    case 'LegalReviewRequested': {
      // the reason for leaving the benchmark is sealed in the request (docs/privacy.md): no rule reads it, and the
      // review that copies the proposal it reviewed (`LegalReviewCompleted.proposal`) does not repeat it
      const { deviationReason: _sealed, ...proposal } = event.data.proposed;
      return { ...next, proposal, reviewPending: true, requestedAt: event.occurredAt };
    }
    case 'LegalReviewCompleted': {
      const { outcome, reviewer, proposal, checks } = event.data;
      const review: CaseReview = {
        eventId: event.id,
        outcome,
        reviewer,
        proposal,
        ...(outcome === 'approved' ? { clearedAt: event.occurredAt } : {}),
        completedAt: event.occurredAt,
      };
      return {
        ...next,
        review,
        reviewPending: false,
        status: checks.criminalReferralNeeded ? 'referred' : state.status,
      };
    }
    case 'ReviewDisagreementResolved':
      return {
        ...next,
        review: {
          ...state.review!,
          resolution: event.data.outcome,
          ...(event.data.outcome === 'proposal_upheld' ? { clearedAt: event.occurredAt } : {}),
        },
      };
    case 'DecisionIssued': {
      const { decisionType, fineFen, decidedOn, disclosureDueBy, disclosureWorkingDays, calendarBasis, major } =
        event.data;
      return {
        ...next,
        status: 'decided',
        decision: {
          decisionType,
          fineFen: fineFen ?? 0,
          decidedOn,
          disclosureDueBy,
          major,
          ...(calendarBasis === 'weekdays_only' ? { disclosureWorkingDays, calendarBasis } : {}),
        },
      };
    }
    case 'DecisionDisclosed':
      return { ...next, status: 'disclosed', disclosedOn: event.data.publishedOn };
    case 'DisclosureWithdrawn': {
      // a withdrawn publication stands no more: it can be neither updated nor withdrawn again
      const { disclosedOn: _withdrawn, ...rest } = next;
      return { ...rest, status: state.status === 'closed' ? 'closed' : 'withdrawn' };
    }
    case 'DisclosureExempted':
      // a closed case stays closed: its exemption is a disclosure change, as a withdrawal after the closing is
      return { ...next, status: state.status === 'closed' ? 'closed' : 'exempted', exempted: true };
    case 'CaseClosed':
      return { ...next, status: 'closed', closedOn: event.data.closedOn };
    case 'RecordCorrected': {
      if (state.eventIds.tagOf(event.data.corrects) !== 'CaseOpened') return next;
      const correction = { eventId: event.id, data: event.data.data as unknown };
      return { ...next, openingCorrections: [...(state.openingCorrections ?? []), correction] };
    }
    default:
      return next;
  }
}
