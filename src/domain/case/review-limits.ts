import type { WorkingDayCalendar, WorkingDayResult } from '../calendar/working-days.js';
import type { ItemState } from '../registry/items.js';

/**
 * The time limit of a legal review (规范审核…时限, 二(三)6): the working days a reviewer has from the request to the
 * opinion. Pure: the day of the request and the calendar come in.
 */

/**
 * Working days a legal review has from its request where neither the item's entry (`reviewWorkingDays`) nor the
 * agency's review settings (`ReviewSettingsSet`) set its own.
 */
export const REVIEW_WORKING_DAYS = 5;
/** No item sets a review time limit past this many working days. */
export const MAX_REVIEW_WORKING_DAYS = 60;

/**
 * The last day to complete a review requested on `requestedOn` (YYYY-MM-DD), counted on the calendar: the item's
 * own limit, else the agency's (`agencyWorkingDays`, its review settings), else `REVIEW_WORKING_DAYS`.
 */
export function reviewDeadline(
  item: Pick<ItemState, 'reviewWorkingDays'>,
  requestedOn: string,
  calendar: WorkingDayCalendar,
  agencyWorkingDays?: number,
): { workingDays: number } & WorkingDayResult {
  const workingDays = item.reviewWorkingDays ?? agencyWorkingDays ?? REVIEW_WORKING_DAYS;
  return { workingDays, ...calendar.addWorkingDays(requestedOn, workingDays) };
}

/**
 * The last day of a review's time limit as it stands on `calendar`: the day recorded with the request, unless it was
 * counted on weekdays only (`calendarBasis: weekdays_only`: the schedule of a year it spans was not known when the
 * review was requested), in which case it is counted again from the request's day on the calendar as it is now.
 */
export function settledReviewDueBy(
  limit: {
    readonly requestedOn: string;
    readonly workingDays: number;
    readonly dueBy: string;
    readonly calendarBasis?: string;
  },
  calendar: WorkingDayCalendar,
): WorkingDayResult {
  if (limit.calendarBasis !== 'weekdays_only') return { date: limit.dueBy, basis: 'official_schedule' };
  return calendar.addWorkingDays(limit.requestedOn, limit.workingDays);
}

export type ReviewTimeliness = 'onTime' | 'late' | 'overdue' | 'pending';

/**
 * Where a review stands on `asOf`: completed by `asOf`, `onTime` on or before its last day and `late` after it, or
 * when the service recorded the completion (`recordedOn`, the agency's day of its `recordedAt`) after the last day,
 * since the day it states is then the reviewer's word and nothing in the ledger shows it was done in time (the
 * overdue view's `recorded_late`); not completed by `asOf`, `overdue` once the last day has passed (`dueBy < asOf`)
 * and `pending` before. A completion stated or recorded after `asOf` had not happened as of `asOf`, so a view of a
 * past day is reproducible. The same rule as a publication's (`disclosureStanding`, rules.ts).
 */
export function reviewTimeliness(
  review: { dueBy: string; completedOn?: string; recordedOn?: string },
  asOf: string,
): ReviewTimeliness {
  const { dueBy, completedOn, recordedOn } = review;
  const known = recordedOn === undefined || recordedOn <= asOf;
  if (completedOn !== undefined && completedOn <= asOf && known) {
    return completedOn <= dueBy && (recordedOn === undefined || recordedOn <= dueBy) ? 'onTime' : 'late';
  }
  return dueBy < asOf ? 'overdue' : 'pending';
}
