import type { ExpectedHead } from './command-handler.js';
import type { Actor } from '../domain/actor.js';
import {
  CALENDAR_STREAM,
  calendarDecider,
  calendarWarnings,
  requireCalendarKeeper,
  withRecordedYears,
  type CalendarEvent,
  type CalendarWarning,
  type CalendarYear,
  type CalendarYearRecorded,
} from '../domain/calendar/recorded-years.js';
import {
  workingDayCalendar,
  type ScheduleData,
  type WorkingDayCalendar,
  type WorkingDayResult,
} from '../domain/calendar/working-days.js';
import type { EventEnvelope } from '../ledger/envelope.js';
import { handleCommand, type CommandDependencies, type CommandResult } from './command-handler.js';
import { followStream, type FollowOptions } from './follow-log.js';
import { recording, registryCodec } from './registry-codec.js';

/** A year's schedule as the service uses it, and where it comes from. */
export interface CalendarYearView extends CalendarYear {
  readonly year: number;
  /** `recorded`: an admin recorded it (a signed event); `shipped`: the schedule file the service started with. */
  readonly basis: 'recorded' | 'shipped';
  /** The event that recorded it. */
  readonly recorded?: { readonly eventId: string; readonly recordedAt: string; readonly agency: string };
}

export interface WorkingDayCalendarsOptions extends FollowOptions {
  /** The agency whose admins keep the calendar (`CALENDAR_AGENCY`); unset: nobody records a year. */
  readonly keeper?: string;
}

interface Recorded {
  readonly schedule: CalendarYear;
  readonly event: EventEnvelope;
}

/**
 * The working-day calendar deadlines are counted on: the schedule shipped with the service (or the deployment's
 * file), with the years recorded in the `working-day-calendar` stream in place of its own, whichever agency kept
 * the calendar when they were recorded; only the admins of the agency that keeps it now (`keeper`) record more. It
 * is itself a {@link WorkingDayCalendar}, so the deciders and views that count working days see a recorded year as
 * soon as it is recorded here, and within the subscription's delivery delay when another replica recorded it.
 */
export class WorkingDayCalendars implements WorkingDayCalendar {
  readonly #recorded = new Map<number, Recorded>();
  readonly #follow: FollowOptions;
  #current: WorkingDayCalendar;
  /** The agency whose admins keep the calendar; undefined: none does. */
  readonly keeper: string | undefined;

  constructor(
    private readonly deps: CommandDependencies,
    private readonly shipped: ScheduleData,
    options: WorkingDayCalendarsOptions = {},
  ) {
    const { keeper, ...follow } = options;
    this.keeper = keeper;
    this.#follow = follow;
    this.#current = workingDayCalendar(shipped);
  }

  /** Loads the recorded years, then follows the log for new ones until `signal` aborts. */
  async start(signal: AbortSignal): Promise<void> {
    const after = await this.deps.events.headPosition();
    for (const { event } of await this.deps.events.readStream(CALENDAR_STREAM)) this.#apply(event);
    void followStream(this.deps.events, CALENDAR_STREAM, after, signal, (event) => this.#apply(event), this.#follow);
  }

  /**
   * Reads the recorded years from the log again, for a read that must show a year another replica recorded a moment
   * ago (`?consistentWith=`), before the subscription delivers it. The stream holds one event per recorded year.
   */
  async refresh(): Promise<void> {
    for (const { event } of await this.deps.events.readStream(CALENDAR_STREAM)) this.#apply(event);
  }

  /**
   * Refuses (`403 calendar_not_yours`) anyone whose agency does not keep the calendar, before a request's body is
   * read; {@link record} applies the same rule.
   */
  requireKeeper(actor: Actor): void {
    requireCalendarKeeper(actor, this.keeper);
  }

  /** Records a year's schedule (an admin of the agency that keeps the calendar), in force here before the answer. */
  async record(
    actor: Actor,
    year: number,
    schedule: CalendarYear,
    eventId: string,
    expectedRevision?: ExpectedHead,
  ): Promise<CommandResult> {
    const command = { type: 'RecordCalendarYear' as const, actor, year, schedule, keeper: this.keeper };
    const [asked] = calendarDecider.decide(command, calendarDecider.initialState());
    const result = await handleCommand(
      this.deps,
      CALENDAR_STREAM,
      calendarDecider,
      registryCodec<CalendarEvent>(this.deps.clock, actor),
      command,
      { eventId, expectedRevision, sameRequest: recording('CalendarYearRecorded', asked!.data) },
    );
    for (const event of result.events) this.#apply(event);
    return result;
  }

  /** The schedule of `year` in use, or undefined when there is none (working days are then Monday to Friday, less the statutory holidays of fixed date). */
  year(year: number): CalendarYearView | undefined {
    const recorded = this.#recorded.get(year);
    if (recorded) {
      const { event, schedule } = recorded;
      const agency = (event.data as unknown as CalendarYearRecorded['data']).agency;
      return {
        year,
        basis: 'recorded',
        ...schedule,
        recorded: { eventId: event.id, recordedAt: event.recordedAt, agency },
      };
    }
    const entry = this.shipped.years[String(year)];
    if (!entry) return undefined;
    const notices = (entry as { notices?: readonly string[] }).notices ?? [];
    const url = notices.find((n) => /^https:\/\//.test(n));
    return {
      year,
      basis: 'shipped',
      holidays: entry.holidays,
      workdays: entry.workdays,
      source: notices.find((n) => n !== url) ?? 'the schedule file the service started with',
      ...(url === undefined ? {} : { url }),
    };
  }

  /** What a supervisor should act on, on the agency's local date `today`. */
  warnings(today: string): CalendarWarning[] {
    return calendarWarnings(today, this.coveredYears, this.keeper);
  }

  get coveredYears(): readonly number[] {
    return this.#current.coveredYears;
  }

  isWorkingDay(date: string): boolean {
    return this.#current.isWorkingDay(date);
  }

  covers(date: string): boolean {
    return this.#current.covers(date);
  }

  addWorkingDays(from: string, count: number): WorkingDayResult {
    return this.#current.addWorkingDays(from, count);
  }

  workingDaysBetween(from: string, to: string): number {
    return this.#current.workingDaysBetween(from, to);
  }

  #apply(event: EventEnvelope): void {
    if (event.type !== 'CalendarYearRecorded') return;
    const { year, holidays, workdays, source, url } = event.data as unknown as CalendarYearRecorded['data'];
    this.#recorded.set(year, {
      event,
      schedule: { holidays, workdays, source, ...(url === undefined ? {} : { url }) },
    });
    const recorded = new Map([...this.#recorded].map(([y, r]) => [y, r.schedule]));
    this.#current = workingDayCalendar(withRecordedYears(this.shipped, recorded));
  }
}
