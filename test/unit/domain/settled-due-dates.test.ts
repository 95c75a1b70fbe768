import { caseDecider } from '../../../src/domain/case/decider.js';
import { settledDisclosureDueBy } from '../../../src/domain/case/rules.js';
import { settledReviewDueBy } from '../../../src/domain/case/review-limits.js';
import { workingDayCalendar } from '../../../src/domain/calendar/working-days.js';
import { fold } from '../../../src/domain/decider.js';
import { act, context, opened, record } from '../../support/domain.js';

/**
 * 2030 as its schedule might be (this test's days): New Year's Day and a day in lieu after it, 2 January, which only
 * the notice can say (1 January is known without it).
 */
const WITH_2030 = workingDayCalendar({
  years: {
    '2029': { holidays: [], workdays: [] },
    '2030': { holidays: [{ name: '元旦', days: ['2030-01-01', '2030-01-02'] }], workdays: [] },
  },
});
/** The same service before the 2030 schedule was recorded. */
const WITHOUT_2030 = workingDayCalendar({ years: { '2029': { holidays: [], workdays: [] } } });

const decision = (decidedOn: string) =>
  act('DecisionIssued', { decisionType: 'warning', legalBasis: 'x', documentNo: 'n', decidedOn });

describe("a decision's last day to publish, counted on weekdays only while a year's schedule was missing", () => {
  it('when the schedule is known later, then the last day is counted again on it; one counted on the schedule stays', () => {
    // Monday 2029-12-24 + 7 working days: 2030-01-03 on weekdays less 1 January, 2030-01-04 once 2 January is off too
    const provisional = {
      decidedOn: '2029-12-24',
      disclosureDueBy: '2030-01-03',
      disclosureWorkingDays: 7,
      calendarBasis: 'weekdays_only',
    };
    expect(settledDisclosureDueBy(provisional, WITHOUT_2030)).toEqual({ date: '2030-01-03', basis: 'weekdays_only' });
    expect(settledDisclosureDueBy(provisional, WITH_2030)).toEqual({ date: '2030-01-04', basis: 'official_schedule' });
    const counted = { ...provisional, calendarBasis: 'official_schedule' };
    expect(settledDisclosureDueBy(counted, WITH_2030)).toEqual({ date: '2030-01-03', basis: 'official_schedule' });
  });

  it('when the decision is published after the schedule is recorded, then its publication is judged by the last day counted again', () => {
    const before = { ...context, calendar: WITHOUT_2030 };
    const after = { ...context, calendar: WITH_2030 };
    const events = record(opened(), { ...decision('2029-12-24'), context: before });
    expect(events.at(-1)!.data).toMatchObject({ disclosureDueBy: '2030-01-03', calendarBasis: 'weekdays_only' });
    const state = fold(caseDecider, events);
    const published = (publishedOn: string) =>
      caseDecider.decide(
        {
          ...act('DecisionDisclosed', { publishedOn }, { occurredAt: '2030-01-07T09:00:00+08:00' }),
          context: after,
        },
        state,
      )[0]!.data;
    // published on 4 January: late by the weekdays-only count (3 January), on time on the schedule now known
    expect(published('2030-01-04')).toMatchObject({ dueBy: '2030-01-04', onTime: true });
    expect(published('2030-01-07')).toMatchObject({ dueBy: '2030-01-04', onTime: false });
    // a decision whose last day was counted on the schedule keeps it, whatever the calendar says later
    const counted = record(opened(), { ...decision('2029-12-03'), context: after });
    expect(counted.at(-1)!.data).toMatchObject({ calendarBasis: 'official_schedule' });
  });
});

describe("a legal review's last day, counted on weekdays only while a year's schedule was missing", () => {
  it('when the schedule is known later, then the last day is counted again on it; one counted on the schedule stays', () => {
    // Monday 2029-12-24 + 7 working days: 2030-01-03 on weekdays less 1 January, 2030-01-04 once 2 January is off too
    const provisional = {
      requestedOn: '2029-12-24',
      workingDays: 7,
      dueBy: '2030-01-03',
      calendarBasis: 'weekdays_only',
    };
    expect(settledReviewDueBy(provisional, WITHOUT_2030)).toEqual({ date: '2030-01-03', basis: 'weekdays_only' });
    expect(settledReviewDueBy(provisional, WITH_2030)).toEqual({ date: '2030-01-04', basis: 'official_schedule' });
    const { calendarBasis: _basis, ...counted } = provisional;
    expect(settledReviewDueBy(counted, WITH_2030)).toEqual({ date: '2030-01-03', basis: 'official_schedule' });
  });

  it('when a review is requested while the schedule is missing, then the request says its last day was counted on weekdays only', () => {
    const request = act(
      'LegalReviewRequested',
      {
        proposed: { decisionType: 'fine', fineFen: 100_000, legalBasis: 'x' },
      },
      { occurredAt: '2029-12-24T09:00:00+08:00' },
    );
    const before = record(opened(), { ...request, context: { ...context, calendar: WITHOUT_2030 } });
    // five working days from Monday 24 December end on the 31st, within the year known: counted on the schedule
    expect(before.at(-1)!.data).toMatchObject({ reviewDueBy: '2029-12-31' });
    expect(before.at(-1)!.data).not.toHaveProperty('reviewCalendarBasis');
    const spanning = record(opened(), {
      ...act(
        'LegalReviewRequested',
        { proposed: { decisionType: 'fine', fineFen: 100_000, legalBasis: 'x' } },
        {
          occurredAt: '2029-12-28T09:00:00+08:00',
        },
      ),
      context: { ...context, calendar: WITHOUT_2030 },
    });
    expect(spanning.at(-1)!.data).toMatchObject({ reviewCalendarBasis: 'weekdays_only' });
  });
});
