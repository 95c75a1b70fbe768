import type { WorkingDayCalendar, WorkingDayResult } from '../calendar/working-days.js';
import type { ItemState, MajorCriteria } from '../registry/items.js';
import type { ActType, DecisionType, MediaRef } from './acts.js';

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
 * What an act must carry as its recording: `audio_video` for acts that touch personal freedom or major property
 * (seizure 查封扣押, forced demolition 强制拆除), `any_medium` for service by leaving (留置送达) or by public notice
 * (公告送达), nothing for other acts.
 */
export type RecordingRequirement = 'audio_video' | 'any_medium';

/** Acts that must carry a full audio or video recording. */
export const AUDIO_VIDEO_ACTS: readonly ActType[] = ['PropertySeized', 'ForcedDemolition'];
/** Service methods that must be evidenced by a medium (a photo, a recording, a copy of the notice). */
export const EVIDENCED_SERVICE_METHODS: readonly string[] = ['left', 'public_notice'];

/** The recording an act needs, from its type and (for a service) its method; undefined when it needs none. */
export function recordingRequirement(act: {
  readonly type: string;
  readonly data?: unknown;
}): RecordingRequirement | undefined {
  if ((AUDIO_VIDEO_ACTS as readonly string[]).includes(act.type)) return 'audio_video';
  if (act.type === 'DocumentServed') {
    const method = (act.data as { method?: unknown } | undefined)?.method;
    if (typeof method === 'string' && EVIDENCED_SERVICE_METHODS.includes(method)) return 'any_medium';
  }
  return undefined;
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

/** The catalogue: does a decision meet the item's major-decision criteria (by type, or by amount)? */
export function isMajorDecision(criteria: MajorCriteria | undefined, decisionType: DecisionType, fineFen = 0): boolean {
  if (!criteria) return false;
  if (criteria.decisionTypes?.includes(decisionType)) return true;
  return criteria.fineFenAtLeast !== undefined && fineFen >= criteria.fineFenAtLeast;
}

/** A case is major when its proposed decision or its issued decision is (a major proposal keeps the case major). */
export function isMajorCase(
  criteria: MajorCriteria | undefined,
  decisions: { readonly proposal?: DecisionTerms | undefined; readonly decision?: DecisionTerms | undefined },
): boolean {
  return [decisions.proposal, decisions.decision].some(
    (d) => d !== undefined && isMajorDecision(criteria, d.decisionType, d.fineFen),
  );
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

const sameTerms = (a: DecisionTerms, b: DecisionTerms): boolean =>
  a.decisionType === b.decisionType && (a.fineFen ?? 0) === (b.fineFen ?? 0);

// ── disclosure deadlines (公示) ─────────────────────────────────────────────────────────────────────────────────

/** Working days to publish a decision after it is made, unless the item's legal basis says otherwise. */
export const DISCLOSURE_WORKING_DAYS = { penaltyOrLicensing: 7, other: 20 } as const;

/**
 * The last day to publish a decision made on `decidedOn`: the item's own `disclosureWorkingDays`, else 7 working
 * days for penalty and licensing items and 20 for others, counted on the calendar.
 */
export function disclosureDeadline(
  item: Pick<ItemState, 'category' | 'disclosureWorkingDays'>,
  decidedOn: string,
  calendar: WorkingDayCalendar,
): { workingDays: number } & WorkingDayResult {
  const workingDays =
    item.disclosureWorkingDays ??
    (item.category === 'penalty' || item.category === 'licensing'
      ? DISCLOSURE_WORKING_DAYS.penaltyOrLicensing
      : DISCLOSURE_WORKING_DAYS.other);
  return { workingDays, ...calendar.addWorkingDays(decidedOn, workingDays) };
}

/** A publication on `publishedOn` is on time when it is on or before the last day. */
export const publishedOnTime = (publishedOn: string, dueBy: string): boolean => publishedOn <= dueBy;

export type DisclosureStanding = 'onTime' | 'late' | 'exempted' | 'missing' | 'pending';

/**
 * Where the publication of one decision stands on `asOf` (YYYY-MM-DD). Published by `asOf`: `onTime` or `late` as
 * the publication recorded. Otherwise, exempted from publication by `asOf` (a lawful ground, `DisclosureExempted`):
 * `exempted`, never overdue. Otherwise `missing` (overdue) once the due date has passed (`dueBy < asOf`), `pending` before.
 * An act dated after `asOf` has not happened yet as of `asOf`, so figures published on a day can be reproduced later.
 */
export function disclosureStanding(
  decision: { dueBy: string; publishedOn?: string; onTime?: boolean; exemptedOn?: string },
  asOf: string,
): DisclosureStanding {
  const { dueBy, publishedOn, onTime, exemptedOn } = decision;
  if (publishedOn !== undefined && publishedOn <= asOf) return onTime === false ? 'late' : 'onTime';
  if (exemptedOn !== undefined && exemptedOn <= asOf) return 'exempted';
  return dueBy < asOf ? 'missing' : 'pending';
}
