import type { Actor } from '../actor.js';
import { requireAgency, requireRole } from '../actor.js';
import type { Decider } from '../decider.js';
import { conflict, violation } from '../errors.js';
import { MAX_REVIEW_WORKING_DAYS } from '../case/review-limits.js';
import { agencyStream } from '../streams.js';

/**
 * An agency's settings of the legal review (法制审核, 二(三)6: 规范审核程序、载体、时限): the working days a review has
 * from its request, for every item that sets none of its own. Each change is a signed event; the history is the
 * stream.
 */
export interface ReviewSettingsState {
  /** 0 until the agency sets them (then `REVIEW_WORKING_DAYS` applies). */
  readonly version: number;
  readonly reviewWorkingDays?: number;
}

export interface ReviewSettingsCommand {
  readonly type: 'SetReviewSettings';
  readonly actor: Actor;
  readonly agency: string;
  readonly reviewWorkingDays: number;
  readonly reason: string;
}

export interface ReviewSettingsEvent {
  readonly type: 'ReviewSettingsSet';
  readonly data: { readonly reviewWorkingDays: number; readonly reason: string };
}

/** The agency's review settings: one stream per agency. */
export const reviewSettingsStream = (agency: string): string => agencyStream('reviewsettings', agency, 'current');

export const reviewSettingsDecider: Decider<ReviewSettingsCommand, ReviewSettingsEvent, ReviewSettingsState> = {
  initialState: () => ({ version: 0 }),
  decide(command, state) {
    requireRole(command.actor, ['admin'], 'setting the review time limit');
    requireAgency(command.actor, command.agency);
    const days = command.reviewWorkingDays;
    if (!Number.isInteger(days) || days < 1 || days > MAX_REVIEW_WORKING_DAYS) {
      throw violation(
        'review_deadline_invalid',
        `reviewWorkingDays must be a whole number from 1 to ${MAX_REVIEW_WORKING_DAYS}`,
      );
    }
    // the limit in force already: nothing to record, as for the calendar and the published documents
    if (state.reviewWorkingDays === days) {
      throw conflict('version_unchanged', `the review time limit is ${days} working days already`);
    }
    return [{ type: 'ReviewSettingsSet', data: { reviewWorkingDays: days, reason: command.reason } }];
  },
  evolve: (state, event) => ({ version: state.version + 1, reviewWorkingDays: event.data.reviewWorkingDays }),
};
