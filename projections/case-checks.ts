import { localDate } from '../src/domain/actor.js';
import type { MediaRef } from '../src/domain/case/acts.js';
import {
  disclosureStanding,
  meetsRecording,
  recordingRequirement,
  reviewClears,
  type DisclosureStanding,
} from '../src/domain/case/rules.js';
import type { CaseState } from '../src/domain/case/state.js';
import type { CaseFileDoc } from './case-files.js';

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
  legalReview: { status: CheckStatus };
  /** The decision published (公示), or lawfully exempted from publication (`exempted`). */
  disclosure: { status: CheckStatus | 'exempted' };
  /** A document served after the decision (送达). */
  service: { status: CheckStatus };
}

/** The review state of the case, as the domain folds it (the same state the decider's gate reads). */
export type ReviewFold = Pick<CaseState, 'review' | 'reviewPending' | 'proposal'>;

/** The completeness checklist, recomputed from the whole file (and the case's review state) after each act. */
export function completeness(doc: CaseFileDoc, fold: ReviewFold): Completeness {
  const contentType = new Map(doc.media.map((m) => [m.sha256, m.contentType]));
  const mediaOf = (shas: readonly string[]): Pick<MediaRef, 'contentType'>[] =>
    shas.map((sha) => ({ contentType: contentType.get(sha) ?? '' }));
  // media attached later for an act (RecordingAttached.relatesTo) count as the act's own
  const attached = new Map<string, string[]>();
  for (const t of doc.timeline) {
    if (t.type !== 'RecordingAttached' || typeof t.data.relatesTo !== 'string') continue;
    attached.set(t.data.relatesTo, [...(attached.get(t.data.relatesTo) ?? []), ...t.media]);
  }
  const mandatory = doc.timeline.flatMap((t) => {
    const requirement = recordingRequirement(t);
    return requirement ? [{ t, requirement }] : [];
  });
  const missing = mandatory
    .filter(
      ({ t, requirement }) => !meetsRecording(requirement, mediaOf([...t.media, ...(attached.get(t.eventId) ?? [])])),
    )
    .map(({ t }) => t.eventId);
  const decision = doc.decision;
  const target = decision ?? fold.proposal;
  const cleared = target !== undefined && reviewClears(fold.review, fold.reviewPending, target);
  const served = decision
    ? doc.timeline.some((t) => t.type === 'DocumentServed' && t.revision > revisionOf(doc, decision.eventId))
    : false;
  return {
    recordings: {
      status: mandatory.length === 0 ? 'not_applicable' : missing.length ? 'missing' : 'complete',
      missing,
    },
    legalReview: {
      status: !doc.major ? 'not_applicable' : cleared ? 'complete' : decision ? 'missing' : 'pending',
    },
    disclosure: {
      status: !decision
        ? 'not_applicable'
        : decision.exemption
          ? 'exempted'
          : decision.disclosedOn !== undefined
            ? 'complete'
            : 'pending',
    },
    service: { status: !decision ? 'not_applicable' : served ? 'complete' : 'pending' },
  };
}

/** Where the publication of the file's decision stands on `asOf` (`disclosureStanding`); undefined before a decision. */
export function disclosureStandingOf(doc: CaseFileDoc, asOf: string): DisclosureStanding | undefined {
  const decision = doc.decision;
  if (!decision) return undefined;
  const { disclosedOn, disclosedOnTime, exemption } = decision;
  return disclosureStanding(
    {
      dueBy: decision.disclosureDueBy,
      ...(disclosedOn === undefined ? {} : { publishedOn: disclosedOn }),
      ...(disclosedOnTime === undefined ? {} : { onTime: disclosedOnTime }),
      ...(exemption ? { exemptedOn: localDate(exemption.occurredAt) } : {}),
    },
    asOf,
  );
}

function revisionOf(doc: CaseFileDoc, eventId: string): number {
  return doc.timeline.find((t) => t.eventId === eventId)?.revision ?? Number.MAX_SAFE_INTEGER;
}
