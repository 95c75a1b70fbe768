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

/** Reads and checks a working-day schedule file; throws one line naming the file and the defect. */
export function loadSchedule(file: string): ScheduleData {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const { code, message } = err as NodeJS.ErrnoException;
    throw new Error(`cannot read ${file} (${code ?? message}): give a readable schedule file`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // the parser's message quotes the file's text, which may be anything (and span lines): not repeated here
    throw new Error(`${file} is not JSON: give a schedule file in the format of cn-official-schedule.json`);
  }
  try {
    return parseSchedule(json);
  } catch (err) {
    throw new Error(`${file}: ${(err as Error).message}`);
  }
}

/** The calendar of a schedule file alone (the service adds the years recorded in the log: `WorkingDayCalendars`). */
export function loadWorkingDayCalendar(file: string): WorkingDayCalendar {
  return workingDayCalendar(loadSchedule(file));
}
