/**
 * Working days of mainland China: Monday to Friday, minus the public holidays, plus the official make-up
 * working days (调休), from the State Council's annual notices (`cn-official-schedule.json`, replaceable by a
 * deployment). Outside the years the data covers, Monday to Friday less the statutory holidays of fixed date
 * (1 January, 1–2 May, 1–3 October), and results say so (`weekdays_only`).
 *
 * Dates are calendar dates `YYYY-MM-DD` in the agency's local time; no clock is read here.
 */
export interface ScheduleData {
  readonly years: Readonly<
    Record<
      string,
      {
        readonly holidays: readonly { readonly name: string; readonly days: readonly string[] }[];
        readonly workdays: readonly string[];
      }
    >
  >;
}

/** Whether a result rests on the official schedule for every day it counted, or fell back to weekdays. */
export type CalendarBasis = 'official_schedule' | 'weekdays_only';

export interface WorkingDayResult {
  readonly date: string;
  readonly basis: CalendarBasis;
}

export interface WorkingDayCalendar {
  isWorkingDay(date: string): boolean;
  /** True when the date's year is covered by the official schedule. */
  covers(date: string): boolean;
  /** The date `count` working days after `from`; `from` itself is not counted. */
  addWorkingDays(from: string, count: number): WorkingDayResult;
  /** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
  workingDaysBetween(from: string, to: string): number;
  readonly coveredYears: readonly number[];
}

/**
 * The statutory holidays whose dates never move (《全国年节及纪念日放假办法》, as revised in 2024, in force from 2025):
 * New Year's Day (1 January), Labour Day (1 and 2 May) and National Day (1 to 3 October), as MM-DD. In a year the
 * official schedule does not cover yet, they are not working days; the holidays of the lunar calendar and the
 * make-up working days (调休) are known only from the year's notice.
 */
const FIXED_HOLIDAYS: ReadonlySet<string> = new Set(['01-01', '05-01', '05-02', '10-01', '10-02', '10-03']);

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function toDayNumber(date: string): number {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`${date} is not a YYYY-MM-DD date`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (fromDayNumber(ms / DAY_MS) !== date) throw new RangeError(`${date} is not a calendar date`);
  return ms / DAY_MS;
}

export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The years a schedule may cover. */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2199;

/** What is wrong with a year's schedule, and the day at fault when it is one day. */
export interface ScheduleDefect {
  readonly message: string;
  readonly day?: string;
}

/**
 * The first defect of a year's schedule, or undefined when it has none. A year's days lie in the year itself or in
 * the December before it (the New Year holiday may begin on 30 or 31 December); no day is both a holiday and a
 * working day, or listed twice; make-up working days are Saturdays or Sundays. The one rule for a schedule file and
 * a recorded year alike.
 */
export function scheduleYearDefect(
  year: number,
  holidays: readonly { readonly name: string; readonly days: readonly string[] }[],
  workdays: readonly string[],
): ScheduleDefect | undefined {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    return { message: `the year must be from ${FIRST_YEAR} to ${LAST_YEAR}` };
  }
  const first = toDayNumber(`${year - 1}-12-01`);
  const last = toDayNumber(`${year}-12-31`);
  const seen = new Set<number>();
  const take = (day: string, what: string): number | ScheduleDefect => {
    let n: number;
    try {
      n = toDayNumber(day);
    } catch {
      return { message: `${day} is not a calendar date`, day };
    }
    if (n < first || n > last) return { message: `${what} ${day} is outside ${year - 1}-12-01 .. ${year}-12-31`, day };
    if (seen.has(n)) return { message: `${day} is listed twice`, day };
    seen.add(n);
    return n;
  };
  for (const holiday of holidays) {
    for (const day of holiday.days) {
      const taken = take(day, `the ${holiday.name} day`);
      if (typeof taken !== 'number') return taken;
    }
  }
  for (const day of workdays) {
    const taken = take(day, 'the working day');
    if (typeof taken !== 'number') return taken;
    const weekday = new Date(taken * DAY_MS).getUTCDay();
    if (weekday !== 0 && weekday !== 6)
      return { message: `the make-up working day ${day} is not a Saturday or Sunday`, day };
  }
  return undefined;
}

/** Checks a schedule file: its shape, and each year as a recorded year is checked; throws naming the first defect. */
export function parseSchedule(json: unknown): ScheduleData {
  const years = (json as { years?: unknown } | null)?.years;
  if (typeof years !== 'object' || years === null) throw new Error('schedule: "years" is missing');
  for (const [year, entry] of Object.entries(years as Record<string, unknown>)) {
    if (!/^\d{4}$/.test(year)) throw new Error(`schedule: "${year}" is not a year`);
    const e = (entry ?? {}) as { holidays?: unknown; workdays?: unknown };
    if (!Array.isArray(e.holidays) || !Array.isArray(e.workdays))
      throw new Error(`schedule ${year}: holidays and workdays are required`);
    for (const holiday of e.holidays as { name?: unknown; days?: unknown }[]) {
      if (typeof holiday?.name !== 'string' || !Array.isArray(holiday.days))
        throw new Error(`schedule ${year}: each holiday needs a "name" and its "days"`);
    }
    const days = [...(e.holidays as { days: unknown[] }[]).flatMap((h) => h.days), ...(e.workdays as unknown[])];
    for (const day of days) {
      if (typeof day !== 'string') throw new Error(`schedule ${year}: a day is not a date`);
      toDayNumber(day);
    }
    const defect = scheduleYearDefect(
      Number(year),
      e.holidays as ScheduleData['years'][string]['holidays'],
      e.workdays as string[],
    );
    if (defect) throw new Error(`schedule ${year}: ${defect.message}`);
  }
  return json as ScheduleData;
}

export function workingDayCalendar(data: ScheduleData): WorkingDayCalendar {
  const holidays = new Set<number>();
  const workdays = new Set<number>();
  for (const entry of Object.values(data.years)) {
    for (const holiday of entry.holidays) for (const day of holiday.days) holidays.add(toDayNumber(day));
    for (const day of entry.workdays) workdays.add(toDayNumber(day));
  }
  const coveredYears = Object.keys(data.years)
    .map(Number)
    .sort((a, b) => a - b);
  const covered = new Set(coveredYears);
  const yearOf = (day: number) => Number(fromDayNumber(day).slice(0, 4));

  const isWorking = (day: number): boolean => {
    if (workdays.has(day)) return true;
    if (holidays.has(day)) return false;
    // a year the schedule does not cover: its statutory holidays of fixed date are known all the same
    if (!covered.has(yearOf(day)) && FIXED_HOLIDAYS.has(fromDayNumber(day).slice(5))) return false;
    const weekday = new Date(day * DAY_MS).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  };

  return {
    coveredYears,
    isWorkingDay: (date) => isWorking(toDayNumber(date)),
    covers: (date) => covered.has(Number(date.slice(0, 4))),
    addWorkingDays(from, count) {
      if (!Number.isInteger(count) || count < 0) throw new RangeError('count must be a non-negative integer');
      let day = toDayNumber(from);
      let basis: CalendarBasis = 'official_schedule';
      for (let counted = 0; counted < count;) {
        day += 1;
        if (!covered.has(yearOf(day))) basis = 'weekdays_only';
        if (isWorking(day)) counted += 1;
      }
      return { date: fromDayNumber(day), basis };
    },
    workingDaysBetween(from, to) {
      let n = 0;
      for (let day = toDayNumber(from) + 1, last = toDayNumber(to); day <= last; day++) if (isWorking(day)) n++;
      return n;
    },
  };
}
