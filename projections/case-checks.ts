import type { RecordedCaseEvent } from '../src/domain/case/acts.js';
import {
  disclosureStanding,
  meetsRecording,
  recordingRequirement,
  reviewClears,
  sameLegalBasis,
  type DisclosureStanding,
  type RecordingDuty,
} from '../src/domain/case/rules.js';
import type { CaseState } from '../src/domain/case/state.js';
import type { CaseActDoc, CaseSummaryDoc, RecordingGap } from './case-files.js';

/**
 * The case file's checklist and standings: what the rules of `src/domain/case/rules.ts` say of the file, computed
 * with those predicates only (a rule is never restated here).
 */

export type CheckStatus = 'complete' | 'missing' | 'pending' | 'not_applicable';

/** What a complete case file holds; supervisors look for the gaps. */
export interface Completeness {
  /** Acts that need a recording (`recordingRequirement`) carry one, with what was attached for them later. */
  recordings: { status: CheckStatus; missing: string[] };
  /** A major case's latest legal review clears its decision (before the decision: its current proposal). */
  /**
   * `clearedBy` once complete: an approved review (`approved_review`), or the head's coordination decision upholding
   * the proposal against a review that did not pass it (`coordination`: 审核未通过, decided over it), which the
   * checklist says rather than read as a passed review.
   */
  legalReview: {
    status: CheckStatus;
    clearedBy?: 'approved_review' | 'coordination';
    /**
     * False once a decision the review cleared (for its type and amount) applies another legal basis than the one
     * the review examined (`sameLegalBasis`): the gate does not refuse it, the checklist says so.
     */
    legalBasisAsReviewed?: false;
  };
  /**
   * The decision published (公示), or lawfully exempted from publication (`exempted`), or its publication withdrawn
   * (`withdrawn`: published, then taken down, 撤销; not complete, and never due again).
   */
  disclosure: { status: CheckStatus | 'exempted' | 'withdrawn' };
  /** A document served after the decision (送达). */
  service: { status: CheckStatus };
}

/** The review state of the case, as the domain folds it (the same state the decider's gate reads). */
export type ReviewFold = Pick<CaseState, 'review' | 'reviewPending' | 'proposal'>;

/**
 * The checklist's working state after an act (`decided`: the case had a decision before it): an act that needs a
 * recording under the case's duties (`recordingRequirement`, the duties fixed at its opening) and has none (`meetsRecording`) becomes a gap, which media attached later for it
 * (`RecordingAttached.relatesTo`, naming an act already recorded) close; a service after the decision is noted.
 */
export function checksAfter(
  checks: CaseSummaryDoc['checks'],
  event: RecordedCaseEvent,
  act: Pick<CaseActDoc, 'eventId' | 'type' | 'occurredAt' | 'data'>,
  decided: boolean,
  duties: readonly RecordingDuty[],
): CaseSummaryDoc['checks'] {
  const contentTypes = event.media.map((m) => m.contentType);
  const requirement = recordingRequirement(act, duties);
  let { recordingActs, gaps, served } = checks;
  if (requirement) {
    recordingActs += 1;
    if (
      !meetsRecording(
        requirement,
        contentTypes.map((contentType) => ({ contentType })),
      )
    ) {
      const method = act.type === 'DocumentServed' ? { method: String(act.data.method) } : {};
      const gap: RecordingGap = {
        eventId: act.eventId,
        type: act.type,
        occurredAt: act.occurredAt,
        ...method,
        requirement,
        contentTypes,
      };
      gaps = [...gaps, gap];
    }
  }
  const relatesTo = event.type === 'RecordingAttached' ? event.data.relatesTo : undefined;
  if (typeof relatesTo === 'string' && gaps.some((gap) => gap.eventId === relatesTo)) {
    gaps = gaps.flatMap((gap) => {
      if (gap.eventId !== relatesTo) return [gap];
      const media = [...gap.contentTypes, ...contentTypes];
      const met = meetsRecording(
        gap.requirement,
        media.map((contentType) => ({ contentType })),
      );
      return met ? [] : [{ ...gap, contentTypes: media }];
    });
  }
  if (event.type === 'DecisionIssued') served = false;
  else if (event.type === 'DocumentServed' && decided) served = true;
  return recordingActs === checks.recordingActs && gaps === checks.gaps && served === checks.served
    ? checks
    : { recordingActs, gaps, served };
}

/** The completeness checklist of a case's row after an act, and the case's review state. */
export function completeness(doc: CaseSummaryDoc, fold: ReviewFold): Completeness {
  const { recordingActs, gaps, served } = doc.checks;
  const decision = doc.decision;
  const target = decision ?? fold.proposal;
  const cleared = target !== undefined && reviewClears(fold.review, fold.reviewPending, target);
  return {
    recordings: {
      status: recordingActs === 0 ? 'not_applicable' : gaps.length ? 'missing' : 'complete',
      missing: gaps.map((gap) => gap.eventId),
    },
    legalReview: {
      status: !doc.major ? 'not_applicable' : cleared ? 'complete' : decision ? 'missing' : 'pending',
      ...(doc.major && cleared
        ? { clearedBy: fold.review?.outcome === 'approved' ? ('approved_review' as const) : ('coordination' as const) }
        : {}),
      ...(doc.major && cleared && decision && !sameLegalBasis(fold.review!.proposal.legalBasis, decision.legalBasis)
        ? { legalBasisAsReviewed: false as const }
        : {}),
    },
    disclosure: {
      status: !decision
        ? 'not_applicable'
        : decision.exemption
          ? 'exempted'
          : decision.withdrawn
            ? 'withdrawn'
            : decision.disclosedOn !== undefined
              ? 'complete'
              : 'pending',
    },
    service: { status: !decision ? 'not_applicable' : served ? 'complete' : 'pending' },
  };
}

/** Where the publication of the file's decision stands on `asOf` (`disclosureStanding`); undefined before a decision. */
export function disclosureStandingOf(
  doc: Pick<CaseSummaryDoc, 'decision'>,
  asOf: string,
): DisclosureStanding | undefined {
  const decision = doc.decision;
  if (!decision) return undefined;
  const { disclosedOn, disclosedOnTime, disclosureRecordedOn, exemption } = decision;
  return disclosureStanding(
    {
      dueBy: decision.disclosureDueBy,
      ...(disclosedOn === undefined ? {} : { publishedOn: disclosedOn }),
      ...(disclosedOnTime === undefined ? {} : { onTime: disclosedOnTime }),
      ...(disclosureRecordedOn === undefined ? {} : { recordedOn: disclosureRecordedOn }),
      ...(exemption ? { exemptedOn: exemption.exemptedOn } : {}),
      ...(exemption?.recordedOn === undefined ? {} : { exemptionRecordedOn: exemption.recordedOn }),
    },
    asOf,
  );
}
