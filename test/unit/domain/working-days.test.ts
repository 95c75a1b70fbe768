import fs from 'node:fs';
import path from 'node:path';
import { parseSchedule, workingDayCalendar } from '../../../src/domain/calendar/working-days.js';

const file = path.resolve(__dirname, '../../../src/domain/calendar/cn-official-schedule.json');
const calendar = workingDayCalendar(parseSchedule(JSON.parse(fs.readFileSync(file, 'utf8'))));

// Every expected date below was counted by hand on the State Council's published schedule for that year.
describe('the working-day calendar', () => {
  it.each([
    // Fri 2019-09-27: Sun 9-29 (make-up) 1, Mon 9-30 2, 1–7 Oct off, 10-8..10-11 3–6, Sat 10-12 (make-up) 7
    ['2019-09-27', 7, '2019-10-12'],
    // Thu 2019-01-31: Fri 2-1 1, Sat 2-2 and Sun 2-3 (make-up) 2–3, 4–10 Feb off, 2-11..2-14 4–7
    ['2019-01-31', 7, '2019-02-14'],
    // Fri 2019-09-20, 20 days: 9-23..9-27 1–5, Sun 9-29 6, 9-30 7, 10-8..10-11 8–11, Sat 10-12 12, 10-14..10-18 13–17, 10-21..10-23 18–20
    ['2019-09-20', 20, '2019-10-23'],
    // Thu 2020-01-23: Spring Festival extended to Sun 2-2 (the Sat 2-1 make-up day cancelled), 2-3..2-7 1–5, 2-10 6, 2-11 7
    ['2020-01-23', 7, '2020-02-11'],
    // Tue 2025-09-30: 1–8 Oct off, Thu 10-9 1, Fri 10-10 2, Sat 10-11 (make-up) 3, 10-13..10-16 4–7
    ['2025-09-30', 7, '2025-10-16'],
    // a decision on a holiday: Tue 2019-10-01, the 20 days start on 10-8
    ['2019-10-01', 1, '2019-10-08'],
  ])('when a decision falls on %s, then %i working days later is %s', (from, days, due) => {
    expect(calendar.addWorkingDays(from, days)).toEqual({ date: due, basis: 'official_schedule' });
  });

  it.each([
    ['2019-09-29', true], // Sunday make-up working day
    ['2019-10-12', true], // Saturday make-up working day
    ['2019-10-01', false],
    ['2019-10-07', false], // Monday, still the holiday
    ['2019-10-08', true],
    ['2020-02-01', false], // make-up day cancelled by the extension notice
    ['2020-01-19', true], // make-up day that stood
    ['2024-02-18', true], // Sunday make-up working day after the Spring Festival
  ])('when asked about %s, then it is a working day: %s', (date, working) => {
    expect(calendar.isWorkingDay(date)).toBe(working);
  });

  it('when the count runs outside the covered years, then it uses Monday to Friday and says so', () => {
    expect(calendar.addWorkingDays('2030-01-07', 7)).toEqual({ date: '2030-01-16', basis: 'weekdays_only' });
    const year = Math.max(...calendar.coveredYears);
    const crossing = calendar.addWorkingDays(`${year}-12-28`, 7);
    expect(crossing.basis).toBe('weekdays_only');
    expect(calendar.covers(`${year}-06-01`)).toBe(true);
    expect(calendar.covers(`${year + 1}-06-01`)).toBe(false);
  });

  it('when a year is not covered, then its statutory holidays of fixed date are still not working days', () => {
    // 2027 (no notice yet): Friday 1 January and Friday 1 October are off; Monday 3 May (the holiday fell on the
    // weekend; any day in lieu comes with the notice) and Monday 4 January are working days
    const days = ['2027-01-01', '2027-01-04', '2027-05-03', '2027-10-01', '2027-10-04'];
    expect(days.map((d) => calendar.isWorkingDay(d))).toEqual([false, true, true, false, true]);
    // a decision of Friday 2026-12-04, 20 working days: 1 January 2027 is not one of them
    expect(calendar.addWorkingDays('2026-12-04', 20)).toEqual({ date: '2027-01-04', basis: 'weekdays_only' });
    // the covered years keep their notices' days (1 May 2019 was a holiday, 5 May a make-up working Sunday)
    expect(calendar.isWorkingDay('2019-05-01')).toBe(false);
  });

  it('when counting working days between two dates, then the first is not counted and the last is', () => {
    expect(calendar.workingDaysBetween('2019-09-27', '2019-10-12')).toBe(7);
    expect(calendar.workingDaysBetween('2019-09-27', '2019-10-11')).toBe(6);
    expect(calendar.workingDaysBetween('2019-10-12', '2019-09-27')).toBe(0);
  });

  it('ships the official schedule for 2019 through 2026, make-up days all on weekends, each year naming its notice', () => {
    const data = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(calendar.coveredYears).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    for (const [year, entry] of Object.entries<any>(data.years)) {
      expect(entry.notices.join(' ')).toContain(`${year}年`);
      for (const day of entry.workdays) expect([0, 6]).toContain(new Date(`${day}T00:00:00Z`).getUTCDay());
    }
  });

  it.each([
    [{}, /years/],
    [{ years: { '19': { holidays: [], workdays: [] } } }, /not a year/],
    [{ years: { '2019': { holidays: [{ name: 'x', days: ['2019-02-30'] }], workdays: [] } } }, /not a calendar date/],
    [{ years: { '2019': { holidays: [], workdays: ['tomorrow'] } } }, /not a YYYY-MM-DD/],
    [{ years: { '2019': { workdays: [] } } }, /required/],
    // the checks a recorded year passes (checkCalendarYear), applied to a file's years too
    [
      { years: { '2027': { holidays: [{ name: '元旦', days: ['2026-01-01'] }], workdays: [] } } },
      /schedule 2027: the 元旦 day 2026-01-01 is outside 2026-12-01 \.\. 2027-12-31/,
    ],
    [
      { years: { '2027': { holidays: [{ name: '春节', days: ['2027-02-06'] }], workdays: ['2027-02-06'] } } },
      /schedule 2027: 2027-02-06 is listed twice/,
    ],
    [{ years: { '0001': { holidays: [], workdays: [] } } }, /schedule 0001: the year must be from 2000 to 2199/],
    [{ years: { '2027': { holidays: [], workdays: ['2027-02-08'] } } }, /2027-02-08 is not a Saturday or Sunday/],
    [{ years: { '2027': { holidays: [{ days: ['2027-01-01'] }], workdays: [] } } }, /needs a "name"/],
  ])('when a replacement schedule file is malformed (%j), then loading it fails with a reason', (json, reason) => {
    expect(() => parseSchedule(json)).toThrow(reason);
  });

  it('when a date is not a real date, then counting refuses it', () => {
    expect(() => calendar.addWorkingDays('2019-13-01', 1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2019-10-01', -1)).toThrow(RangeError);
  });
});
