import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteEventStore } from '../../src/adapters/sqlite/event-store.js';
import { WorkingDayCalendars } from '../../src/app/working-day-calendars.js';
import { CALENDAR_STREAM } from '../../src/domain/calendar/recorded-years.js';
import type { Clock } from '../../src/ports/clock.js';
import { testSigner } from '../support/events.js';

const clock: Clock = { now: () => new Date('2026-12-02T02:00:00Z') };
const admin = { sub: 'head', agency: 'county-justice', roles: ['admin' as const] };
const SHIPPED = { years: { 2026: { holidays: [], workdays: [] } } };
/** This test's 2027: New Year's Day and a day in lieu on Monday 4 January, which only the notice can say. */
const YEAR_2027 = {
  source: 'a notice',
  holidays: [{ name: '元旦', days: ['2027-01-01', '2027-01-04'] }],
  workdays: [],
};
const YEAR_2028 = { source: 'a notice', holidays: [{ name: '元旦', days: ['2028-01-01'] }], workdays: [] };

async function eventually(check: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
}

describe('the working-day calendar on two replicas of one log', () => {
  // the three tests share one log, so its folder lives as long as the file's tests do: a folder removed after the
  // first test left the later ones with a store whose threads open new connections to a file no longer there
  let dir = '';
  let stores: SqliteEventStore[] = [];
  const stop = new AbortController();
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-calendars-'));
    const file = path.join(dir, 'events.sqlite');
    stores = [0, 1].map(() => new SqliteEventStore({ path: file, pollIntervalMs: 20 }));
  });
  afterAll(async () => {
    stop.abort();
    for (const store of stores) await store.close();
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  });

  it('when one replica records a year, then the other counts deadlines on it without a restart', async () => {
    const signer = testSigner();
    const keeper = { keeper: 'county-justice' };
    const [here, there] = stores.map((events) => new WorkingDayCalendars({ events, signer, clock }, SHIPPED, keeper));
    await here!.start(stop.signal);
    await there!.start(stop.signal);
    // before the notice: weekdays less 1 January (a statutory holiday of fixed date)
    expect(there!.addWorkingDays('2026-12-31', 1)).toEqual({ date: '2027-01-04', basis: 'weekdays_only' });

    const result = await here!.record(admin, 2027, YEAR_2027, '0193a000-0000-7000-8000-000000000001');
    expect(here!.year(2027)?.basis).toBe('recorded');
    await eventually(() => there!.covers('2027-01-01'));

    expect(there!.addWorkingDays('2026-12-31', 1)).toEqual({ date: '2027-01-05', basis: 'official_schedule' });
    expect(there!.year(2027)).toMatchObject({ basis: 'recorded', recorded: { eventId: result.events[0]!.id } });
    // a replica started afterwards reads it from the stream, even when the calendar is now kept by another
    // agency, or by none: what was recorded stays recorded
    for (const options of [{ keeper: 'harbour' }, {}]) {
      const later = new WorkingDayCalendars({ events: stores[1]!, signer, clock }, SHIPPED, options);
      await later.start(stop.signal);
      expect(later.coveredYears).toEqual([2026, 2027]);
      expect(later.year(2027)).toMatchObject({ basis: 'recorded', recorded: { agency: 'county-justice' } });
    }
  });

  it('when a replica that does not follow the log is refreshed, then it reads a year another recorded after its start', async () => {
    const events = stores[0]!;
    const idle = new AbortController();
    idle.abort(); // started with its follower stopped: only `refresh` can bring it a new year
    const behind = new WorkingDayCalendars({ events, signer: testSigner(), clock }, SHIPPED, {
      keeper: 'county-justice',
    });
    await behind.start(idle.signal);
    const writer = new WorkingDayCalendars({ events, signer: testSigner(), clock }, SHIPPED, {
      keeper: 'county-justice',
    });
    await writer.start(idle.signal);
    await writer.record(admin, 2028, YEAR_2028, '0193a000-0000-7000-8000-000000000003');
    expect(behind.year(2028)).toBeUndefined();
    await behind.refresh();
    expect(behind.year(2028)).toMatchObject({ basis: 'recorded', holidays: YEAR_2028.holidays });
  });

  it('when the calendar is kept by another agency, then a replica refuses to record a year and records nothing', async () => {
    const events = stores[0]!;
    const harbour = new WorkingDayCalendars({ events, signer: testSigner(), clock }, SHIPPED, { keeper: 'harbour' });
    const before = (await events.readStream(CALENDAR_STREAM)).length;
    await expect(harbour.record(admin, 2028, YEAR_2028, '0193a000-0000-7000-8000-000000000002')).rejects.toMatchObject({
      code: 'calendar_not_yours',
      status: 403,
    });
    expect((await events.readStream(CALENDAR_STREAM)).length).toBe(before);
  });
});
