import fs from 'node:fs';
import {
  parseSchedule,
  workingDayCalendar,
  type ScheduleData,
  type WorkingDayCalendar,
} from '../../domain/calendar/working-days.js';

/** The schedule shipped with the service: the State Council's notices, 2019 onwards. */
export const DEFAULT_SCHEDULE_FILE = new URL('../../domain/calendar/cn-official-schedule.json', import.meta.url)
  .pathname;

/** Reads and checks a working-day schedule file; throws naming the defect. */
export function loadSchedule(file: string): ScheduleData {
  return parseSchedule(JSON.parse(fs.readFileSync(file, 'utf8')));
}

/** The calendar of a schedule file alone (the service adds the years recorded in the log: `WorkingDayCalendars`). */
export function loadWorkingDayCalendar(file: string): WorkingDayCalendar {
  return workingDayCalendar(loadSchedule(file));
}
