import { agencyDate, localDate } from './actor.js';
import type { WorkingDayCalendar } from './calendar/working-days.js';
import {
  DECISION_TYPES,
  EXEMPTION_GROUNDS,
  type DecisionType,
  type ExemptionGround,
  type RecordedCaseEvent,
} from './case/acts.js';
import {
  DEFAULT_RECORDING_DUTIES,
  disclosureStanding,
  meetsRecording,
  recordingRequirement,
  settledDisclosureDueBy,
  type DisclosureStanding,
  type RecordingDuty,
} from './case/rules.js';
import { EVALUATION_POINTS, type EvaluationData, type EvaluationPoint } from './case/evaluation.js';
import { evaluationFigures, scoresByItem, type ItemScores } from './case/evaluation-figures.js';
import type { ItemCategory } from './registry/items.js';
import { certificateValidOn, type OfficerState } from './registry/officers.js';

/**
 * What the yearly statistics need to know of one case: its recorded events, and the category of its enforcement
 * item (the item list is a registry of its own, so the caller looks the category up).
 */
export interface CaseFacts {
  readonly caseId: string;
  readonly agency: string;
  readonly itemCategory: ItemCategory;
  readonly events: readonly RecordedCaseEvent[];
}

export type ReviewOutcome = 'approved' | 'rejected' | 'returned';

/** The agency's enforcement figures for one calendar year: plain counts, amounts in integer fen. */
export interface YearlyStatistics {
  readonly agency: string;
  readonly year: number;
  readonly asOf: string;
  /** Cases opened (立案) in the year, by the category of their enforcement item. */
  readonly casesOpened: { total: number; byCategory: Record<ItemCategory, number> };
  /** Decisions made in the year (whatever year their case was opened): by type, how many major, fines in fen. */
  readonly decisions: {
    total: number;
    byType: Record<DecisionType, number>;
    major: number;
    /**
     * Of the major decisions, those made though the latest legal review did not pass them (审核未通过), on the head's
     * coordination decision upholding the proposal: a weak point the record shows.
     */
    overFailedReview: number;
    fineFen: number;
  };
  /** The publication of the year's decisions, as of `asOf`: every decision is in exactly one of these. */
  readonly disclosures: Record<DisclosureStanding, number>;
  /** Decisions exempted from publication (不予公开) in the year, by ground (state secret, trade secret, ...). */
  readonly exemptions: { total: number; byGround: Record<ExemptionGround, number> };
  /** Legal reviews (法制审核) completed in the year, by outcome. */
  readonly legalReviews: Record<ReviewOutcome, number>;
  /**
   * Acts done in the year that their case's recording duties require on audio or video (seizures and forced
   * demolitions always, and what the agency's recording list adds), and how many carry such a recording.
   */
  readonly mandatoryRecordings: { acts: number; recorded: number };
  /** Hearings held in the year. */
  readonly hearingsHeld: number;
  /**
   * Case-file evaluations (案卷评查) of the cases closed in the year: how many (each supervisor's latest per case),
   * of how many case files, per checklist rule the points given of the points possible and the deductions, and per
   * enforcement item (by code) how many evaluations and their average total score.
   */
  readonly caseFileEvaluations: {
    evaluations: number;
    cases: number;
    byRule: Record<EvaluationPoint, { points: number; maxPoints: number; deductions: number }>;
    byItem: Record<string, ItemScores>;
  };
}

type Issued = Extract<RecordedCaseEvent, { type: 'DecisionIssued' }>['data'];
type Disclosed = Extract<RecordedCaseEvent, { type: 'DecisionDisclosed' }>['data'];

const isYear = (date: string, year: number): boolean => Number(date.slice(0, 4)) === year;

const zeroByCategory = (): Record<ItemCategory, number> => ({
  penalty: 0,
  licensing: 0,
  coercive: 0,
  inspection: 0,
  levy: 0,
  other: 0,
});

const zeroByType = () => Object.fromEntries(DECISION_TYPES.map((type) => [type, 0])) as Record<DecisionType, number>;

interface DecisionFacts {
  issued: Issued;
  /** The latest legal review before it did not pass the proposal; the head's coordination upheld it. */
  overFailedReview: boolean;
  disclosed?: Disclosed;
  /** The local date of the decision's exemption from publication, and the agency's day the service recorded it. */
  exemptedOn?: string;
  exemptionRecordedOn?: string;
  /** The agency's day on which the service recorded the publication, when the event says (`recordedAt`). */
  disclosureRecordedOn?: string;
}

/**
 * The decisions of a case, each with the publication or exemption that followed it (a case has one; nothing here
 * relies on it).
 */
function decisionsOf(events: readonly RecordedCaseEvent[], dayOf: (dateTime: string) => string): DecisionFacts[] {
  const decisions: DecisionFacts[] = [];
  // the latest legal review: whether it passed the proposal, and whether the head's coordination upheld it against
  let review: { passed: boolean; upheld: boolean } | undefined;
  for (const event of events) {
    if (event.type === 'LegalReviewRequested') review = undefined;
    if (event.type === 'LegalReviewCompleted') review = { passed: event.data.outcome === 'approved', upheld: false };
    if (event.type === 'ReviewDisagreementResolved' && review) {
      review = { ...review, upheld: event.data.outcome === 'proposal_upheld' };
    }
    if (event.type === 'DecisionIssued') {
      decisions.push({ issued: event.data, overFailedReview: review !== undefined && !review.passed && review.upheld });
    }
    const last = decisions.at(-1);
    if (event.type === 'DecisionDisclosed' && last && !last.disclosed) {
      last.disclosed = event.data;
      if (event.recordedAt !== undefined) last.disclosureRecordedOn = dayOf(event.recordedAt);
    }
    if (event.type === 'DisclosureExempted' && last && !last.exemptedOn) {
      last.exemptedOn = dayOf(event.occurredAt);
      if (event.recordedAt !== undefined) last.exemptionRecordedOn = dayOf(event.recordedAt);
    }
  }
  return decisions;
}

/**
 * The yearly figures an agency must publish by 20 January of the next year (公示制度: 每年1月20日公开本机关上年度
 * 行政执法总体情况有关数据), and that the record shows of its weak points (全过程记录: 通过统计分析记录资料信息,
 * 发现行政执法薄弱环节). Only cases of `agency` count.
 *
 * - Cases opened count by `CaseOpened.openedOn`; decisions, fines, major decisions and their publication by
 *   `DecisionIssued.decidedOn`; hearings by `HearingHeld.heldOn`; reviews, seizures and demolitions by the agency's
 *   day of the act's time (`occurredAt` read on the agency's clock, given `utcOffsetMinutes`; else as written). Each act counts in the year it happened, so once a year is over its figures
 *   stay put while its cases go on; and only once its date has come by `asOf`, so the figures as of a day within
 *   the year are those of the acts done by then.
 * - Publication is judged as of `asOf` (a date, YYYY-MM-DD): on time or late as recorded (`DecisionDisclosed.onTime`),
 *   and late when the service recorded it after the last day whatever day it states (`disclosureStanding`, as the
 *   overdue view's `recorded_late`);
 *   not published by `asOf` is missing when the due date has passed (`disclosureDueBy < asOf`, counted again on
 *   `calendar` when it was counted on weekdays only), pending otherwise. A
 *   publication or an exemption dated or recorded after `asOf` has not happened yet as of `asOf`, so the figures
 *   published on a day can be reproduced later. A publication later withdrawn or updated (撤销/更新) still counts as published, unless the
 *   decision was then exempted from publication: a decision exempted by `asOf` is `exempted`, published before or
 *   not (see `disclosureStanding`).
 * - Exemptions from publication count by the agency's day of `DisclosureExempted`, by ground.
 * - Fines are the integer sum of `fineFen` over decisions of type `fine`.
 * - Corrections (`RecordCorrected`) do not change the counts: they amend the written record of an act, not the act;
 *   the figures are those of the acts as first recorded.
 */
export function yearlyStatistics(input: {
  agency: string;
  year: number;
  cases: readonly CaseFacts[];
  asOf: string;
  /** The agency's case-file evaluations (each supervisor's latest per case); those of cases closed in the year count. */
  evaluations?: readonly EvaluationData[];
  /** The agency's offset from UTC in minutes: an act counts on the agency's day of its time (`agencyDate`). */
  utcOffsetMinutes?: number;
  /**
   * The working-day calendar as it is now: a decision's last day to publish counted on weekdays only is counted again
   * on it (`settledDisclosureDueBy`); without it, the last day as recorded.
   */
  calendar?: WorkingDayCalendar;
}): YearlyStatistics {
  const { agency, year } = input;
  const dayOf = (dateTime: string): string => agencyDate(dateTime, input.utcOffsetMinutes);
  const asOf = localDate(input.asOf);
  // a date of the year that has come by `asOf`: what had not happened by then is not counted as of then
  const counts = (date: string): boolean => isYear(date, year) && date <= asOf;
  const casesOpened = { total: 0, byCategory: zeroByCategory() };
  const decisions = { total: 0, byType: zeroByType(), major: 0, overFailedReview: 0, fineFen: 0 };
  const disclosures: Record<DisclosureStanding, number> = { onTime: 0, late: 0, exempted: 0, missing: 0, pending: 0 };
  const exemptions = {
    total: 0,
    byGround: Object.fromEntries(EXEMPTION_GROUNDS.map((g) => [g, 0])) as Record<ExemptionGround, number>,
  };
  const legalReviews: Record<ReviewOutcome, number> = { approved: 0, rejected: 0, returned: 0 };
  const mandatoryRecordings = { acts: 0, recorded: 0 };
  let hearingsHeld = 0;

  for (const facts of input.cases) {
    if (facts.agency !== agency) continue;
    let duties: readonly RecordingDuty[] = DEFAULT_RECORDING_DUTIES;
    for (const event of facts.events) {
      if (recordingRequirement(event, duties) === 'audio_video' && counts(dayOf(event.occurredAt))) {
        mandatoryRecordings.acts += 1;
        if (meetsRecording('audio_video', event.media)) mandatoryRecordings.recorded += 1;
      }
      switch (event.type) {
        case 'CaseOpened':
          duties = event.data.recordingDuties ?? DEFAULT_RECORDING_DUTIES;
          if (counts(event.data.openedOn)) {
            casesOpened.total += 1;
            casesOpened.byCategory[facts.itemCategory] += 1;
          }
          break;
        case 'LegalReviewCompleted':
          if (counts(dayOf(event.occurredAt))) legalReviews[event.data.outcome] += 1;
          break;
        case 'HearingHeld':
          if (counts(event.data.heldOn)) hearingsHeld += 1;
          break;
        case 'DisclosureExempted':
          if (counts(dayOf(event.occurredAt))) {
            exemptions.total += 1;
            exemptions.byGround[event.data.ground] += 1;
          }
          break;
      }
    }
    for (const {
      issued,
      overFailedReview,
      disclosed,
      exemptedOn,
      exemptionRecordedOn,
      disclosureRecordedOn,
    } of decisionsOf(facts.events, dayOf)) {
      if (!counts(issued.decidedOn)) continue;
      decisions.total += 1;
      decisions.byType[issued.decisionType] += 1;
      if (issued.major) decisions.major += 1;
      if (issued.major && overFailedReview) decisions.overFailedReview += 1;
      if (issued.decisionType === 'fine') decisions.fineFen += issued.fineFen ?? 0;
      const standing = disclosureStanding(
        {
          dueBy: input.calendar ? settledDisclosureDueBy(issued, input.calendar).date : issued.disclosureDueBy,
          ...(disclosed ? { publishedOn: disclosed.publishedOn, onTime: disclosed.onTime } : {}),
          ...(disclosureRecordedOn === undefined ? {} : { recordedOn: disclosureRecordedOn }),
          ...(exemptedOn ? { exemptedOn } : {}),
          ...(exemptionRecordedOn === undefined ? {} : { exemptionRecordedOn }),
        },
        asOf,
      );
      disclosures[standing] += 1;
    }
  }
  return {
    agency,
    year,
    asOf,
    casesOpened,
    decisions,
    disclosures,
    exemptions,
    legalReviews,
    mandatoryRecordings,
    hearingsHeld,
    caseFileEvaluations: evaluationsOfYear(input.evaluations ?? [], year, asOf),
  };
}

function evaluationsOfYear(
  evaluations: readonly EvaluationData[],
  year: number,
  asOf: string,
): YearlyStatistics['caseFileEvaluations'] {
  const ofYear = evaluations.filter((e) => isYear(e.closedOn, year) && e.closedOn <= asOf);
  const figures = evaluationFigures(ofYear);
  const byRule = Object.fromEntries(
    EVALUATION_POINTS.map((p) => {
      const { points, maxPoints, deductions } = figures.byRule[p];
      return [p, { points, maxPoints, deductions }];
    }),
  ) as YearlyStatistics['caseFileEvaluations']['byRule'];
  return { evaluations: figures.evaluations, cases: figures.cases, byRule, byItem: scoresByItem(ofYear) };
}

/** 公示制度: the statistics of year Y are published by 20 January of Y+1. */
export function publicationDeadline(year: number): string {
  return `${String(year + 1).padStart(4, '0')}-01-20`;
}

export type PublicationStatus = 'published_on_time' | 'published_late' | 'due' | 'overdue';

/**
 * Where the publication of year `year`'s statistics stands on `asOf` (YYYY-MM-DD): published on or before
 * 20 January of the next year is on time; not published (or published, or recorded, after `asOf`) is `due` up to
 * and including the deadline and `overdue` after it. A publication the service recorded (`recordedOn`, the agency's
 * day) after the deadline is late whatever day it states: the stated day is the admin's word, and nothing the
 * service holds shows it was made in time (as a decision's publication, `disclosureStanding`).
 */
export function publicationStatus(input: {
  year: number;
  publishedOn?: string;
  recordedOn?: string;
  asOf: string;
}): PublicationStatus {
  const deadline = publicationDeadline(input.year);
  const asOf = localDate(input.asOf);
  const { publishedOn, recordedOn } = input;
  if (publishedOn !== undefined && publishedOn <= asOf && (recordedOn === undefined || recordedOn <= asOf)) {
    return publishedOn <= deadline && (recordedOn === undefined || recordedOn <= deadline)
      ? 'published_on_time'
      : 'published_late';
  }
  return asOf > deadline ? 'overdue' : 'due';
}

/**
 * 法制审核制度: reviewers (法制审核人员) are in principle at least 5% of the agency's enforcement staff. This is an
 * alert for supervisors, not a rule that blocks anything: it never throws. `required` is ⌈5% × activeOfficers⌉,
 * computed as ⌈n / 20⌉ (0.05 × 60 in floating point is 3.0000000000000004, which would demand 4); 0 when the
 * agency has no active officers. `ratio` is reviewers / activeOfficers, 0 when there are none.
 */
export function reviewerRatio(staff: { activeOfficers: number; reviewers: number }): {
  ratio: number;
  required: number;
  meets: boolean;
} {
  const { activeOfficers, reviewers } = staff;
  const required = activeOfficers > 0 ? Math.ceil(activeOfficers / 20) : 0;
  return { ratio: activeOfficers > 0 ? reviewers / activeOfficers : 0, required, meets: reviewers >= required };
}

/**
 * The staff that `reviewerRatio` weighs (法制审核人员不少于执法人员总数的5%) on the day `on` (YYYY-MM-DD): registered
 * officers of `agency` entitled to enforce that day (`certificateValidOn`: active, their certificate 执法证 valid
 * that day), and those of them with the reviewer role, who may clear major decisions and so are the agency's
 * 法制审核人员 whatever their qualification; `qualifiedReviewers` are those of the reviewers holding a legal
 * professional qualification (法律职业资格) granted by that day (the plan encourages it; the Administrative Penalty
 * Law requires it of those first taking up review, art. 58), shown beside the ratio, not counted in it. Suspended and
 * retired officers, and those whose certificate has expired or is not yet valid on `on`, count neither as staff nor
 * as reviewers.
 */
export function countStaff(
  officers: readonly OfficerState[],
  agency: string,
  on: string,
): { activeOfficers: number; reviewers: number; qualifiedReviewers: number } {
  // the enforcement staff (执法人员): those who enforce or review; a head, a supervisor or a counsel who does neither
  // is not counted
  const active = officers.filter(
    (o) =>
      o.agency === agency &&
      certificateValidOn(o, on) &&
      (o.roles?.includes('officer') === true || o.roles?.includes('reviewer') === true),
  );
  const reviewers = active.filter((o) => o.roles?.includes('reviewer'));
  const qualified = reviewers.filter((o) => o.legalQualification !== undefined && o.legalQualification.grantedOn <= on);
  return { activeOfficers: active.length, reviewers: reviewers.length, qualifiedReviewers: qualified.length };
}
