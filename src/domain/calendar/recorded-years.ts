import { requireRole, type Actor } from '../actor.js';
import type { Decider } from '../decider.js';
import { conflict, RuleViolation, violation } from '../errors.js';
import { FIRST_YEAR, LAST_YEAR, scheduleYearDefect, toDayNumber, type ScheduleData } from './working-days.js';

/**
 * The State Council publishes each year's holidays and make-up working days (调休) in late autumn. An admin of the
 * agency that keeps the calendar records a year's schedule as a signed event in one stream, and deadlines use it
 * from then on, without a release:
 * - `CalendarYearRecorded` `{year, holidays, workdays, source, url?, agency}`: the schedule of `year`, replacing the
 *   one shipped with the service (`cn-official-schedule.json`) or recorded before for that year (the notices are
 *   sometimes amended, as for the 2020 Spring Festival).
 * Deadlines already computed keep the basis they were computed on: a decision's disclosure deadline is part of
 * its signed event. The calendar is one for every agency of the service, so one agency keeps it (the deployment
 * names it); a year recorded stays in force whoever keeps the calendar later.
 */
export const CALENDAR_STREAM = 'working-day-calendar';

/** A year's schedule as the notice gives it. */
export interface CalendarYear {
  readonly holidays: readonly { readonly name: string; readonly days: readonly string[] }[];
  /** Make-up working days: weekend days worked in exchange for a longer holiday. */
  readonly workdays: readonly string[];
  /** The notice: its title and number, e.g. 国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕…号）. */
  readonly source: string;
  /** Where the notice is published. */
  readonly url?: string;
}

export interface CalendarYearRecorded {
  readonly type: 'CalendarYearRecorded';
  readonly data: CalendarYear & { readonly year: number; readonly agency: string };
}

export type CalendarEvent = CalendarYearRecorded;

export interface RecordCalendarYear {
  readonly type: 'RecordCalendarYear';
  readonly actor: Actor;
  readonly year: number;
  readonly schedule: CalendarYear;
  /** The agency whose admins keep the calendar, as the deployment names it; undefined: none does. */
  readonly keeper: string | undefined;
}

/**
 * Only an admin of the agency that keeps the calendar records a year of it: every agency's deadlines are counted
 * on it. When the deployment names no such agency, nobody does (secure by default); the schedule the service
 * started with is then the calendar. Refused: `403 calendar_not_yours`, naming the keeper when there is one.
 */
export function requireCalendarKeeper(actor: Actor, keeper: string | undefined): void {
  if (keeper === undefined) {
    throw new RuleViolation(
      'calendar_not_yours',
      403,
      'no agency keeps the working-day calendar of this service, so nobody records a year of it: set ' +
        'CALENDAR_AGENCY to the agency whose admins keep it (until then the shipped schedule, or ' +
        'WORKING_DAY_CALENDAR_FILE, is the calendar)',
    );
  }
  if (actor.agency !== keeper) {
    throw new RuleViolation(
      'calendar_not_yours',
      403,
      `the working-day calendar of this service is kept by agency ${keeper}: only its admins record a year, ` +
        `not those of ${actor.agency}`,
      { keeper },
    );
  }
}

/** The years a schedule may be recorded for: those a schedule file may cover. */
export { FIRST_YEAR, LAST_YEAR };

/** Checks a year's schedule (`scheduleYearDefect`); throws a `calendar_invalid` violation naming the first defect. */
export function checkCalendarYear(year: number, schedule: CalendarYear): void {
  const defect = scheduleYearDefect(year, schedule.holidays, schedule.workdays);
  if (defect) {
    throw violation('calendar_invalid', `${year}: ${defect.message}`, {
      year,
      ...(defect.day === undefined ? {} : { day: defect.day }),
    });
  }
}

/** What each recorded year's schedule says (its holidays, make-up days, notice and link), by year, as JSON. */
export type RecordedSchedules = ReadonlyMap<number, string>;

const scheduleText = ({ holidays, workdays, source, url }: CalendarYear): string =>
  JSON.stringify({
    holidays: holidays.map((h) => ({ name: h.name, days: [...h.days] })),
    workdays: [...workdays],
    source,
    ...(url === undefined ? {} : { url }),
  });

/**
 * Recording a year: an admin of the keeper; a schedule that says what the year's recorded one says already is
 * `409 version_unchanged` (nothing to record, as for the published documents), so a repeated `PUT` signs no copy.
 */
export const calendarDecider: Decider<RecordCalendarYear, CalendarEvent, RecordedSchedules> = {
  initialState: () => new Map(),
  evolve: (state, event) => new Map(state).set(event.data.year, scheduleText(event.data)),
  decide(command, state) {
    requireRole(command.actor, ['admin'], 'recording the working-day calendar');
    requireCalendarKeeper(command.actor, command.keeper);
    checkCalendarYear(command.year, command.schedule);
    if (state.get(command.year) === scheduleText(command.schedule)) {
      throw conflict('version_unchanged', `the schedule recorded for ${command.year} already says this`);
    }
    const { holidays, workdays, source, url } = command.schedule;
    return [
      {
        type: 'CalendarYearRecorded',
        data: {
          year: command.year,
          holidays: holidays.map((h) => ({ name: h.name, days: [...h.days] })),
          workdays: [...workdays],
          source,
          ...(url === undefined ? {} : { url }),
          agency: command.actor.agency,
        },
      },
    ];
  },
};

/** The shipped schedule with the recorded years in place of its own (a recorded year replaces the shipped one whole). */
export function withRecordedYears(shipped: ScheduleData, recorded: ReadonlyMap<number, CalendarYear>): ScheduleData {
  const years: Record<string, ScheduleData['years'][string]> = { ...shipped.years };
  for (const [year, { holidays, workdays }] of recorded) years[String(year)] = { holidays, workdays };
  return { years };
}

/** Something a supervisor should act on before it affects deadlines. */
export interface CalendarWarning {
  readonly code: 'calendar_year_missing';
  /** The year whose schedule is missing. */
  readonly year: number;
  /** The first day the warning applies: 1 December of the year before. */
  readonly since: string;
  readonly message: string;
}

/**
 * From 1 December on, next year's schedule should be recorded (the notice is usually out by then); and this
 * year's, always. Deadlines counted into a year without one fall back to Monday to Friday less the statutory holidays of fixed date (`weekdays_only`). The
 * message names who records it: an admin of `keeper`, the agency that keeps the calendar; without one, nobody
 * can until the deployment names it.
 */
export function calendarWarnings(
  today: string,
  coveredYears: readonly number[],
  keeper: string | undefined,
): CalendarWarning[] {
  const day = toDayNumber(today);
  const year = Number(today.slice(0, 4));
  const covered = new Set(coveredYears);
  const due = [year - 1, year].filter((y) => day >= toDayNumber(`${y}-12-01`)).map((y) => y + 1);
  return due
    .filter((y) => !covered.has(y))
    .map((y) => ({
      code: 'calendar_year_missing' as const,
      year: y,
      since: `${y - 1}-12-01`,
      message:
        `the working-day calendar has no schedule for ${y}: deadlines counted into ${y} use Monday to Friday, less 1 January, 1–2 May and 1–3 October, ` +
        (keeper === undefined
          ? `until the State Council's notice is recorded, which needs CALENDAR_AGENCY set to the agency whose ` +
            `admins keep the calendar (or a WORKING_DAY_CALENDAR_FILE that covers ${y})`
          : `until the State Council's notice is recorded by an admin of ${keeper}, the agency that keeps the ` +
            `calendar (PUT /v1/calendar/${y} or ledger calendar import)`),
    }));
}
