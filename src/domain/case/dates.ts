import { latestDateAt, localDate } from '../actor.js';
import { violation } from '../errors.js';
import type { RecordAct } from './acts.js';
import type { CaseState } from './state.js';

/** Dates that data members of an act carry (the day a decision was made, a hearing held, ...). */
const DATA_DATES = ['decidedOn', 'heldOn', 'publishedOn', 'closedOn', 'givenOn'] as const;

/**
 * A case is not opened in the future (`openedOn` after the date of the recording, which the service stamps on
 * `CaseOpened` from its clock), and nothing of a case happens before it was opened: neither the act (its local
 * date) nor a date the act's data names.
 */
export function checkDates(act: RecordAct, state: CaseState): void {
  if (act.type === 'CaseOpened') {
    const latest = latestDateAt(act.occurredAt);
    if (act.data.openedOn > latest) {
      throw violation('date_invalid', `a case cannot be opened on ${act.data.openedOn}, after it is recorded`, {
        openedOn: act.data.openedOn,
      });
    }
    return;
  }
  const openedOn = state.openedOn;
  if (openedOn === undefined) return;
  const data = act.data as Partial<Record<(typeof DATA_DATES)[number], unknown>>;
  const dates: [string, string][] = [
    ['occurredAt', localDate(act.occurredAt)],
    ...DATA_DATES.flatMap((member): [string, string][] => {
      const value = data[member];
      return typeof value === 'string' ? [[member, value]] : [];
    }),
  ];
  for (const [member, date] of dates) {
    if (date < openedOn) {
      throw violation('date_invalid', `${act.type} is dated ${date}, before the case was opened on ${openedOn}`, {
        member,
        date,
        openedOn,
      });
    }
  }
}
