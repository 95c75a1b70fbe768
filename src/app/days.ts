import { fromDayNumber, toDayNumber } from '../domain/calendar/working-days.js';

/** The calendar date `days` after `day` (before it when negative); dates are `YYYY-MM-DD`. */
export const addDays = (day: string, days: number): string => fromDayNumber(toDayNumber(day) + days);

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => toDayNumber(to) - toDayNumber(from);
