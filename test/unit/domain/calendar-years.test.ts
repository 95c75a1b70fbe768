import {
  calendarDecider,
  calendarWarnings,
  withRecordedYears,
  type RecordCalendarYear,
} from '../../../src/domain/calendar/recorded-years.js';
import { workingDayCalendar } from '../../../src/domain/calendar/working-days.js';
import { RuleViolation } from '../../../src/domain/errors.js';

const admin = { sub: 'head', agency: 'county-justice', roles: ['admin' as const] };
const schedule = {
  source: 'a notice',
  holidays: [{ name: '元旦', days: ['2026-12-31', '2027-01-01'] }],
  workdays: ['2027-01-02'],
};
/** The command of `actor` recording `year`, on a service whose calendar `county-justice` keeps. */
const recording = (
  year: number,
  days: RecordCalendarYear['schedule'],
  actor: RecordCalendarYear['actor'] = admin,
): RecordCalendarYear => ({ type: 'RecordCalendarYear', actor, year, schedule: days, keeper: 'county-justice' });

describe('recorded years of the working-day calendar', () => {
  it.each([
    ['2026-11-30', [2026], []],
    ['2026-12-01', [2026], [2027]],
    ['2026-12-31', [2026], [2027]],
    ['2026-12-01', [2026, 2027], []],
    ['2027-01-04', [2026], [2027]], // this year's missing: warned all year
    ['2027-06-30', [2027], []],
  ])(
    'when today is %s and the calendar covers %j, then the missing years warned of are %j',
    (today, covered, missing) => {
      expect(calendarWarnings(today, covered, 'county-justice').map((w) => [w.code, w.year, w.since])).toEqual(
        missing.map((year) => ['calendar_year_missing', year, `${year - 1}-12-01`]),
      );
    },
  );

  it('when a year is recorded, then it replaces the shipped one whole, its December days included', () => {
    const shipped = { years: { 2027: { holidays: [{ name: '春节', days: ['2027-02-08'] }], workdays: [] } } };
    const calendar = workingDayCalendar(withRecordedYears(shipped, new Map([[2027, schedule]])));
    expect(calendar.isWorkingDay('2027-02-08')).toBe(true); // the shipped holiday is gone
    expect(calendar.isWorkingDay('2026-12-31')).toBe(false); // a New Year holiday in the December before
    expect(calendar.isWorkingDay('2027-01-02')).toBe(true); // a Saturday worked
  });

  it('when an admin records a year, then the event carries the schedule and the agency', () => {
    const [event] = calendarDecider.decide(recording(2027, schedule), new Map());
    expect(event).toEqual({
      type: 'CalendarYearRecorded',
      data: { year: 2027, ...schedule, agency: 'county-justice' },
    });
  });

  it('when the schedule is the one recorded for the year already, then 409 version_unchanged; another year, or a changed schedule, is recorded', () => {
    const [recorded] = calendarDecider.decide(recording(2027, schedule), new Map());
    const state = calendarDecider.evolve(calendarDecider.initialState(), recorded!);
    const again = () => calendarDecider.decide(recording(2027, schedule), state);
    expect(again).toThrow(expect.objectContaining({ code: 'version_unchanged', status: 409 }));
    expect(calendarDecider.decide(recording(2028, { ...schedule, holidays: [], workdays: [] }), state)).toHaveLength(1);
    expect(calendarDecider.decide(recording(2027, { ...schedule, source: '更正后的通知' }), state)).toHaveLength(1);
  });

  it.each([
    ['a year out of range', 1999, schedule],
    ['a day before the December of the year before', 2027, { ...schedule, workdays: ['2026-11-28'] }],
    ['an impossible date', 2027, { ...schedule, holidays: [{ name: 'x', days: ['2027-02-30'] }] }],
    [
      'a day listed twice',
      2027,
      { ...schedule, holidays: [...schedule.holidays, { name: 'y', days: ['2027-01-01'] }] },
    ],
  ])('when the schedule has %s, then it is refused as calendar_invalid', (_what, year, bad) => {
    const decide = () => calendarDecider.decide(recording(year, bad), new Map());
    expect(decide).toThrow(RuleViolation);
    expect(decide).toThrow(expect.objectContaining({ code: 'calendar_invalid', status: 422 }));
  });

  describe('who keeps the calendar', () => {
    const harbourAdmin = { sub: 'hana', agency: 'harbour', roles: ['admin' as const] };
    const refusal = (command: RecordCalendarYear): unknown => {
      try {
        calendarDecider.decide(command, new Map());
      } catch (err) {
        return err;
      }
      return undefined;
    };

    it('when an admin of another agency than the keeper records a year, then it is refused naming the keeper', () => {
      const err = refusal(recording(2027, schedule, harbourAdmin));
      expect(err).toBeInstanceOf(RuleViolation);
      expect(err).toMatchObject({ code: 'calendar_not_yours', status: 403, details: { keeper: 'county-justice' } });
      expect((err as Error).message).toMatch(/kept by agency county-justice/);
    });

    it('when no agency keeps the calendar, then even an admin is refused and told to set CALENDAR_AGENCY', () => {
      const err = refusal({ ...recording(2027, schedule), keeper: undefined });
      expect(err).toMatchObject({ code: 'calendar_not_yours', status: 403, details: {} });
      expect((err as Error).message).toMatch(/CALENDAR_AGENCY/);
    });

    it("when someone of the keeper's agency who is not an admin records a year, then the role is required", () => {
      const officer = { ...admin, roles: ['officer' as const] };
      expect(refusal(recording(2027, schedule, officer))).toMatchObject({ code: 'forbidden', status: 403 });
    });

    it('when the warning of a missing year is given, then it names the agency that keeps the calendar', () => {
      const [kept] = calendarWarnings('2026-12-01', [2026], 'county-justice');
      expect(kept!.message).toMatch(/recorded by an admin of county-justice/);
      const [unkept] = calendarWarnings('2026-12-01', [2026], undefined);
      expect(unkept!.message).toMatch(/CALENDAR_AGENCY/);
      expect(unkept!.message).not.toMatch(/PUT \/v1\/calendar/);
    });
  });
});
