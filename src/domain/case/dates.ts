import { agencyDate, dateAtOffset, latestDateAt, localDate } from '../actor.js';
import { violation } from '../errors.js';
import type { RecordAct } from './acts.js';
import type { CaseState } from './state.js';

/** Dates that data members of an act carry (the day a decision was made, a hearing held, ...). */
const DATA_DATES = ['decidedOn', 'heldOn', 'publishedOn', 'closedOn', 'givenOn'] as const;

/**
 * How far an act's stated time (`occurredAt`) may lie after the service's clock when it is recorded: the clocks of
 * the devices officers enter acts on drift a little; an act stated later than that has not happened yet.
 */
export const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * A case is not opened in the future (`openedOn` after the date of the recording, which the service stamps on
 * `CaseOpened` from its clock), nothing of a case happens before it was opened: neither the act (its day on the
 * agency's clock, given `offsetMinutes`; else in its own offset) nor a date the act's data names, and, given `recordedAt` (when the service records the act), the act is
 * not stated later than that (beyond {@link CLOCK_SKEW_MS}) and no date its data names falls on a day that has
 * not begun yet at that moment: an act is recorded once done, not ahead of it. The days are the agency's, given
 * its offset from UTC (`offsetMinutes`: a decision of a county at UTC+8 dated tomorrow is refused from 00:00 UTC
 * on, when tomorrow has begun at UTC+14 but not at the county); without it, those of UTC+14, where a day begins
 * first.
 */
export function checkDates(act: RecordAct, state: CaseState, recordedAt?: string, offsetMinutes?: number): void {
  const dayAt = (instant: string) =>
    offsetMinutes === undefined ? latestDateAt(instant) : dateAtOffset(instant, offsetMinutes);
  if (act.type === 'CaseOpened') {
    const latest = dayAt(act.occurredAt);
    if (act.data.openedOn > latest) {
      throw violation('date_invalid', `a case cannot be opened on ${act.data.openedOn}, after it is recorded`, {
        member: 'openedOn',
        openedOn: act.data.openedOn,
      });
    }
    return;
  }
  const data = act.data as Partial<Record<(typeof DATA_DATES)[number], unknown>>;
  const dates: [string, string][] = [
    ['occurredAt', localDate(act.occurredAt)],
    ...DATA_DATES.flatMap((member): [string, string][] => {
      const value = data[member];
      return typeof value === 'string' ? [[member, value]] : [];
    }),
  ];
  if (recordedAt !== undefined) {
    if (!(Date.parse(act.occurredAt) <= Date.parse(recordedAt) + CLOCK_SKEW_MS)) {
      throw violation(
        'date_invalid',
        `${act.type} is stated at ${act.occurredAt}, later than it is recorded (${recordedAt}): an act is recorded once done`,
        { member: 'occurredAt', recordedAt },
      );
    }
    // the act's own date is held by its instant, above; the dates its data names by the agency's day
    const latest = latestDateAt(recordedAt);
    const today = dayAt(recordedAt);
    for (const [member, date] of dates) {
      if (date > (member === 'occurredAt' ? latest : today)) {
        throw violation('date_invalid', `${act.type} is dated ${date}, a day that has not begun when it is recorded`, {
          member,
          date,
        });
      }
    }
  }
  // what an act's data dates is done by the act's time: a hearing recorded as held is not held on a later day
  const actDay = agencyDate(act.occurredAt, offsetMinutes);
  for (const [member, date] of dates) {
    if (member !== 'occurredAt' && date > actDay) {
      throw violation(
        'date_invalid',
        `${act.type} at ${act.occurredAt} names ${member} ${date}, a later day: an act states what was done by its time`,
        { member, date },
      );
    }
  }
  checkOrder(act, state, offsetMinutes);
  const openedOn = state.openedOn;
  if (openedOn === undefined) return;
  for (const [member, stated] of dates) {
    // `openedOn` is the agency's day: given the agency's offset, the act's instant is read on its clock (an act
    // written in UTC just after a case was opened at 03:00 in the county is of the same day); without it, the act's
    // own offset gives its day
    const date =
      member === 'occurredAt' && offsetMinutes !== undefined ? dateAtOffset(act.occurredAt, offsetMinutes) : stated;
    if (date < openedOn) {
      throw violation('date_invalid', `${act.type} is dated ${date}, before the case was opened on ${openedOn}`, {
        member,
        date,
        openedOn,
      });
    }
  }
}

/**
 * An act does not come before the act it answers or follows: a legal review before its request, a resolution of a
 * disagreement before the review it settles, a decision published or exempted from publication before the day it was
 * made, a publication withdrawn or updated before the day it was published, a case closed before the day it was
 * decided or published. Compared by instant where both are instants, else by the
 * agency's day. (A major decision after the review that cleared it: the review gate, `checkReviewGate`.)
 */
function checkOrder(act: RecordAct, state: CaseState, offsetMinutes: number | undefined): void {
  const before = (what: string, earlier: string, member: string, details: Record<string, string>) => {
    throw violation('date_invalid', `${act.type} cannot come before ${what} (${earlier})`, { member, ...details });
  };
  switch (act.type) {
    case 'LegalReviewCompleted':
      if (state.requestedAt !== undefined && Date.parse(act.occurredAt) < Date.parse(state.requestedAt))
        before('the request it answers', state.requestedAt, 'occurredAt', { requestedAt: state.requestedAt });
      return;
    case 'ReviewDisagreementResolved': {
      const completedAt = state.review?.completedAt;
      if (completedAt !== undefined && Date.parse(act.occurredAt) < Date.parse(completedAt))
        before('the review opinion it settles', completedAt, 'occurredAt', { completedAt });
      return;
    }
    case 'DisclosureWithdrawn':
    case 'DisclosureUpdated': {
      const publishedOn = state.disclosedOn;
      if (publishedOn !== undefined && agencyDate(act.occurredAt, offsetMinutes) < publishedOn)
        before('the publication it changes', publishedOn, 'occurredAt', { publishedOn });
      return;
    }
    case 'DecisionDisclosed': {
      const decidedOn = state.decision?.decidedOn;
      if (decidedOn !== undefined && act.data.publishedOn < decidedOn)
        before('the decision', decidedOn, 'publishedOn', { decidedOn });
      return;
    }
    case 'DisclosureExempted': {
      const decidedOn = state.decision?.decidedOn;
      if (decidedOn !== undefined && agencyDate(act.occurredAt, offsetMinutes) < decidedOn)
        before('the decision', decidedOn, 'occurredAt', { decidedOn });
      return;
    }
    case 'CaseClosed': {
      const decidedOn = state.decision?.decidedOn;
      if (decidedOn !== undefined && act.data.closedOn < decidedOn)
        before('the decision', decidedOn, 'closedOn', { decidedOn });
      if (state.disclosedOn !== undefined && act.data.closedOn < state.disclosedOn)
        before('the publication of the decision', state.disclosedOn, 'closedOn', { publishedOn: state.disclosedOn });
      return;
    }
    default:
      return;
  }
}
