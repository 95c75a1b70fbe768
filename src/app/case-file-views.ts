import { disclosureStandingOf } from '../../projections/case-checks.js';
import type { CaseFileDoc, CaseSummaryDoc, ReviewLimit, ReviewLimitDoc } from '../../projections/case-files.js';
import type { MediaRef, Proposal, RecordedCaseEvent } from '../domain/case/acts.js';
import { reviewTimeliness, settledReviewDueBy, type ReviewTimeliness } from '../domain/case/review-limits.js';
import { recordedLate, settledDisclosureDueBy } from '../domain/case/rules.js';
import type { WorkingDayCalendar } from '../domain/calendar/working-days.js';
import type { ItemCategory } from '../domain/registry/items.js';
import type { CaseFacts } from '../domain/statistics.js';
import { daysBetween } from './days.js';

/**
 * What the supervision views show of a case file: pure functions of the stored case file document (and the day
 * asked about), so that the views read the same whatever store or layout the case files are kept in.
 */

/**
 * A review's time limit with its last day as it stands on `calendar` (`settledReviewDueBy`): a day counted on weekdays
 * only, the schedule of a year it spans being missing then, is counted again on the calendar as it is now, and keeps
 * `calendarBasis: weekdays_only` only while that schedule is still missing. As stored otherwise, and without a
 * calendar.
 */
export function withSettledReviewLimit<L extends ReviewLimit>(limit: L, calendar: WorkingDayCalendar | undefined): L {
  if (!calendar || limit.calendarBasis !== 'weekdays_only') return limit;
  const settled = settledReviewDueBy(limit, calendar);
  const { calendarBasis: _basis, ...rest } = limit;
  return {
    ...rest,
    dueBy: settled.date,
    ...(settled.basis === 'weekdays_only' ? { calendarBasis: 'weekdays_only' as const } : {}),
  } as L;
}

/**
 * The case row with its decision's last day to publish as it stands on `calendar` (`settledDisclosureDueBy`): a day
 * the decision counted on weekdays only, the schedule of a year it spans being missing then, is counted again on the
 * calendar as it is now, and keeps `calendarBasis: weekdays_only` only while that schedule is still missing. The row
 * as stored otherwise, and without a calendar.
 */
export function withSettledDueBy<D extends Pick<CaseSummaryDoc, 'decision'>>(
  doc: D,
  calendar: WorkingDayCalendar | undefined,
): D {
  const { reviewLimit } = doc as Partial<Pick<CaseSummaryDoc, 'reviewLimit'>>;
  const settledLimit = reviewLimit && withSettledReviewLimit(reviewLimit, calendar);
  if (settledLimit !== reviewLimit) doc = { ...doc, reviewLimit: settledLimit };
  const decision = doc.decision;
  if (!calendar || decision?.calendarBasis !== 'weekdays_only') return doc;
  const settled = settledDisclosureDueBy(decision, calendar);
  const { calendarBasis: _basis, ...rest } = decision;
  return {
    ...doc,
    decision: {
      ...rest,
      disclosureDueBy: settled.date,
      ...(settled.basis === 'weekdays_only' ? { calendarBasis: 'weekdays_only' as const } : {}),
    },
  };
}

/**
 * The day a late publication is counted late until: the day it states, or the day the service recorded it when that
 * came later, since nothing the ledger holds shows it was published before.
 */
function lateUntil(disclosedOn: string, recordedOn: string | undefined): string {
  return recordedOn !== undefined && recordedOn > disclosedOn ? recordedOn : disclosedOn;
}

/**
 * A decision not published by `asOf` although due before it (`overdue`, `daysOverdue` counted to `asOf`), or one
 * published late as its publication recorded (`disclosed_late`, `daysOverdue` counted to the publication, or to its
 * recording, with `recordedOn`, when the service recorded it on a later day), or one
 * whose publication states a day by the last one but was recorded by the service after it (`recorded_late`,
 * counted to the recording: nothing in the ledger shows it was published in time); nothing for a decision published
 * on time or lawfully exempted from publication by `asOf` (`disclosureStandingOf`). Days are calendar days after
 * the due date (the last day allowed). A publication recorded after `asOf` is judged as absent, as the ledger then
 * stood: the view of a past day is what it was on that day.
 */
export function overdueView(doc: CaseSummaryDoc, asOf: string) {
  const decision = doc.decision;
  if (!decision) return undefined;
  const base = {
    caseId: doc.caseId,
    agency: doc.agency,
    itemCode: doc.itemCode,
    decisionType: decision.decisionType,
    decidedOn: decision.decidedOn,
    dueBy: decision.disclosureDueBy,
  };
  const recordedOn = decision.disclosureRecordedOn;
  const { disclosedOn } = decision;
  // as the ledger stood at the end of `asOf` (a publication recorded after it was not there yet, whatever day it
  // states): the rule's standing, so that this view, the case file and the yearly figures never disagree
  const standing = disclosureStandingOf(doc, asOf);
  if (standing === 'missing') {
    return { ...base, status: 'overdue' as const, daysOverdue: daysBetween(decision.disclosureDueBy, asOf) };
  }
  if (standing !== 'late' || disclosedOn === undefined) return undefined;
  const lateTo = lateUntil(disclosedOn, recordedOn);
  const daysOverdue = daysBetween(base.dueBy, lateTo);
  if (recordedLate({ dueBy: base.dueBy, onTime: decision.disclosedOnTime, recordedOn })) {
    return { ...base, status: 'recorded_late' as const, disclosedOn, recordedOn: lateTo, daysOverdue };
  }
  return {
    ...base,
    status: 'disclosed_late' as const,
    disclosedOn,
    ...(lateTo === disclosedOn ? {} : { recordedOn: lateTo }),
    daysOverdue,
  };
}

/**
 * A request for legal review not completed by `asOf` although due before it (`overdue`, `daysOverdue` counted to
 * `asOf`), or completed after its last day (`completed_late`, counted to the completion, or to its recording, with
 * `recordedOn`, when the service recorded it on a later day), or whose completion states a day by the last one but
 * was recorded by the service after it (`recorded_late`, counted to the recording); nothing for a review on time or
 * not yet due (`reviewTimeliness`). Days are calendar days after the last day allowed. A completion recorded after
 * `asOf` is judged as absent, as the ledger then stood. As the overdue publications are counted.
 */
export function overdueReviewView(limit: ReviewLimitDoc, asOf: string) {
  const base = {
    caseId: limit.caseId,
    agency: limit.agency,
    itemCode: limit.itemCode,
    requestEventId: limit.requestEventId,
    requestedOn: limit.requestedOn,
    workingDays: limit.workingDays,
    dueBy: limit.dueBy,
  };
  const { completedOn, completionRecordedOn: recordedOn } = limit;
  const timeliness = reviewTimeliness(reviewOf(limit), asOf);
  if (timeliness === 'overdue')
    return { ...base, status: 'overdue' as const, daysOverdue: daysBetween(limit.dueBy, asOf) };
  if (timeliness !== 'late' || completedOn === undefined) return undefined;
  const lateTo = lateUntil(completedOn, recordedOn);
  const daysOverdue = daysBetween(limit.dueBy, lateTo);
  // stated by the last day, recorded after it
  if (completedOn <= limit.dueBy)
    return { ...base, status: 'recorded_late' as const, completedOn, recordedOn: lateTo, daysOverdue };
  return {
    ...base,
    status: 'completed_late' as const,
    completedOn,
    ...(lateTo === completedOn ? {} : { recordedOn: lateTo }),
    daysOverdue,
  };
}

/** A review's limit as {@link reviewTimeliness} judges it: with the day the service recorded its completion. */
function reviewOf(limit: Pick<ReviewLimitDoc, 'dueBy' | 'completedOn' | 'completionRecordedOn'>) {
  const { dueBy, completedOn, completionRecordedOn: recordedOn } = limit;
  return {
    dueBy,
    ...(completedOn === undefined ? {} : { completedOn }),
    ...(recordedOn === undefined ? {} : { recordedOn }),
  };
}

/**
 * Calendar days past a last day `dueBy`: to `asOf` for what is `overdue`, to the day it was done (`doneOn`) for what
 * was done `late`; undefined otherwise.
 */
function daysPast(status: string, dueBy: string, asOf: string, doneOn: string | undefined): number | undefined {
  if (status === 'overdue') return daysBetween(dueBy, asOf);
  return status === 'late' && doneOn !== undefined ? daysBetween(dueBy, doneOn) : undefined;
}

/** Where the time limit of a case's latest legal review stands on `asOf` (the case file shows it). */
export interface ReviewDeadline {
  readonly requestedOn: string;
  readonly workingDays: number;
  /** The last day: the request's day plus the working days, counted on the working-day calendar. */
  readonly dueBy: string;
  readonly completedOn?: string;
  readonly asOf: string;
  readonly status: ReviewTimeliness;
  /** `overdue` or `late`: calendar days past the last day, to `asOf` or to the completion. */
  readonly daysOverdue?: number;
}

/**
 * The time limit of the case's latest request for legal review as it stands on `asOf` (`reviewTimeliness`);
 * undefined before any request, or for a request recorded before time limits were.
 */
export function reviewDeadlineView(doc: Pick<CaseSummaryDoc, 'reviewLimit'>, asOf: string): ReviewDeadline | undefined {
  const limit = doc.reviewLimit;
  if (!limit) return undefined;
  const { requestedOn, workingDays, dueBy, completedOn } = limit;
  const status = reviewTimeliness(reviewOf(limit), asOf);
  const past = daysPast(
    status,
    dueBy,
    asOf,
    completedOn === undefined ? undefined : lateUntil(completedOn, limit.completionRecordedOn),
  );
  return {
    requestedOn,
    workingDays,
    dueBy,
    ...(completedOn === undefined ? {} : { completedOn }),
    asOf,
    status,
    ...(past === undefined ? {} : { daysOverdue: past }),
  };
}

/**
 * Where the publication (公示) of a case's decision stands on `asOf`, in the words of the overdue view: published on
 * time or late as recorded, lawfully exempted, `overdue` (not published and past its last day) or `pending` (not yet
 * due). The case file shows it, so that a file and `/v1/audit/overdue-disclosures` never disagree about a case.
 */
export interface DisclosureDeadline {
  readonly decidedOn: string;
  readonly workingDays: number;
  /** The last day: the decision's day plus the working days, counted on the working-day calendar. */
  readonly dueBy: string;
  readonly publishedOn?: string;
  readonly exemptedOn?: string;
  readonly asOf: string;
  readonly status: 'onTime' | 'late' | 'exempted' | 'overdue' | 'pending';
  /** `overdue` or `late`: calendar days past the last day, to `asOf` or to the publication. */
  readonly daysOverdue?: number;
}

/** The publication deadline of the case's decision as it stands on `asOf` (`disclosureStandingOf`); undefined before a decision. */
export function disclosureDeadlineView(
  doc: Pick<CaseSummaryDoc, 'decision'>,
  asOf: string,
): DisclosureDeadline | undefined {
  const decision = doc.decision;
  const standing = disclosureStandingOf(doc, asOf);
  if (!decision || !standing) return undefined;
  const { decidedOn, disclosureWorkingDays, disclosureDueBy: dueBy, disclosedOn, exemption } = decision;
  const status = standing === 'missing' ? 'overdue' : standing;
  const past = daysPast(
    status,
    dueBy,
    asOf,
    disclosedOn === undefined ? undefined : lateUntil(disclosedOn, decision.disclosureRecordedOn),
  );
  return {
    decidedOn,
    workingDays: disclosureWorkingDays,
    dueBy,
    ...(status === 'onTime' || status === 'late' ? { publishedOn: disclosedOn! } : {}),
    ...(status === 'exempted' && exemption ? { exemptedOn: exemption.exemptedOn } : {}),
    asOf,
    status,
    ...(past === undefined ? {} : { daysOverdue: past }),
  };
}

/** A case with seizures, demolitions or services lacking their recording, and those acts. */
export function missingRecordingsView(doc: CaseSummaryDoc) {
  return {
    caseId: doc.caseId,
    agency: doc.agency,
    itemCode: doc.itemCode,
    status: doc.status,
    lastActivityOn: doc.lastActivityOn,
    acts: doc.checks.gaps.map((gap) => ({
      eventId: gap.eventId,
      type: gap.type,
      occurredAt: gap.occurredAt,
      ...(gap.method === undefined ? {} : { method: gap.method }),
    })),
  };
}

/**
 * A major decision beside its legal reviews. `clearedBy`: how the case's latest review cleared this decision
 * (`reviewClears`, for this type and amount): the review approved it (`approved_review`), or it did not and the
 * recorded coordination decision upheld the proposal against it (`coordination`); absent when nothing cleared it.
 * `matchedApprovedReview`: an approved review of this type and amount cleared it, so not a decision issued over a
 * review that rejected or returned it. `legalBasisAsReviewed`, once cleared: the decision applies the legal basis the
 * clearing review examined (`sameLegalBasis`); the gate compares type and amount only, so a decision on a basis no
 * review examined is shown, not refused. `decision.recordedBy` and each review's `coordinator` name who decided and who
 * settled a disagreement (责任追究). Undefined for a case file without a decision.
 */
export function majorDecisionView(doc: CaseSummaryDoc) {
  const decision = doc.decision;
  if (!decision) return undefined;
  // how the checklist says the latest review cleared it (`completeness`, computed once in the projection)
  const { status, clearedBy, legalBasisAsReviewed } = doc.completeness.legalReview;
  const cleared = status === 'complete';
  return {
    caseId: doc.caseId,
    agency: doc.agency,
    itemCode: doc.itemCode,
    decision: {
      eventId: decision.eventId,
      decisionType: decision.decisionType,
      fineFen: decision.fineFen,
      decidedOn: decision.decidedOn,
      documentNo: decision.documentNo,
      legalBasis: decision.legalBasis,
      ...(decision.recordedBy === undefined ? {} : { recordedBy: decision.recordedBy }),
    },
    matchedApprovedReview: clearedBy === 'approved_review',
    ...(clearedBy === undefined ? {} : { clearedBy }),
    // cleared for its type and amount: does it apply the law the review examined? (the checklist's answer)
    ...(cleared ? { legalBasisAsReviewed: legalBasisAsReviewed !== false } : {}),
    reviews: doc.reviews.map((r) => ({
      eventId: r.eventId,
      occurredAt: r.occurredAt,
      reviewer: r.reviewer,
      outcome: r.outcome,
      proposal: termsReviewed(r.proposal),
      checks: { ...r.checks },
      ...(r.resolution === undefined ? {} : { resolution: r.resolution }),
      ...(r.coordinator === undefined ? {} : { coordinator: r.coordinator }),
    })),
  };
}

/**
 * The terms a review examined, as the supervision view names them (its response schema): the type, the amount and
 * the legal basis. A review recorded before the reason for leaving the benchmark was sealed repeats that reason in
 * clear; it is personal data (docs/privacy.md), read in the case file, never here.
 */
function termsReviewed(proposal: Proposal) {
  const { decisionType, fineFen, legalBasis } = proposal;
  return { decisionType, ...(fineFen === undefined ? {} : { fineFen }), legalBasis };
}

/** A case file's timeline as the recorded case events the statistics count (media looked up in the file). */
export function caseFacts(doc: CaseFileDoc): CaseFacts {
  const media = new Map<string, MediaRef>(
    doc.media.map((m) => [m.sha256, { sha256: m.sha256, size: m.size, contentType: m.contentType }]),
  );
  const events = doc.timeline.map(
    (t) =>
      ({
        id: t.eventId,
        type: t.type,
        occurredAt: t.occurredAt,
        recordedAt: t.recordedAt,
        actor: { sub: t.recordedBy, agency: doc.agency, roles: [] },
        data: t.data,
        ...(t.officers ? { officers: t.officers } : {}),
        media: t.media.map((sha256) => media.get(sha256) ?? { sha256, size: 0, contentType: '' }),
      }) as RecordedCaseEvent,
  );
  return {
    caseId: doc.caseId,
    agency: doc.agency,
    itemCategory: (doc.itemCategory ?? 'other') as ItemCategory,
    events,
  };
}
