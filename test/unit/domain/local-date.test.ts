import fc from 'fast-check';
import { dateAtOffset, latestDateAt, parseUtcOffset } from '../../../src/domain/actor.js';

/** The date at an offset as `Date` computes it: what the quicker reading of a date-time's own date must give. */
const byDate = (at: string, offsetMinutes: number) =>
  new Date(Date.parse(at) + offsetMinutes * 60_000).toISOString().slice(0, 10);

const two = (n: number) => String(n).padStart(2, '0');

describe('local dates', () => {
  it('when an instant is read at an offset, then the date is the one its clocks show', () => {
    const at = new Date('2026-11-30T17:00:00Z');
    expect([dateAtOffset(at, 480), dateAtOffset(at, 0), dateAtOffset(at, -720)]).toEqual([
      '2026-12-01',
      '2026-11-30',
      '2026-11-30',
    ]);
    expect(dateAtOffset('2026-11-30T15:59:59Z', 480)).toBe('2026-11-30');
    // a date-time in another offset: its own date while the time of day, moved, stays within the day
    expect(
      [
        ['2026-11-27T15:59:59Z', 480],
        ['2026-11-27T16:00:00Z', 480],
        ['2026-12-01T08:00:00+08:00', 0],
        ['2026-12-01T07:59:59.999+08:00', 0],
        ['2026-11-27T16:59:59-03:30', 210],
        ['2026-11-27T17:00:00-03:30', 210],
      ].map(([at, offset]) => dateAtOffset(at as string, offset as number)),
    ).toEqual(['2026-11-27', '2026-11-28', '2026-12-01', '2026-11-30', '2026-11-27', '2026-11-28']);
    expect(latestDateAt('2026-11-30T10:00:00Z')).toBe('2026-12-01');
  });

  it('when an offset is written ±HH:MM within -12:00..+14:00, then it is read as minutes east of UTC', () => {
    expect(['+08:00', '-03:30', '+05:45', '+14:00', '-12:00', '+00:00'].map(parseUtcOffset)).toEqual([
      480, -210, 345, 840, -720, 0,
    ]);
    for (const bad of ['8', '+8:00', '+08', '+0800', '+08:60', '+14:01', '-12:30', 'Z', ' +08:00']) {
      expect([bad, parseUtcOffset(bad)]).toEqual([bad, undefined]);
    }
  });

  it('when a date-time is read at the offset it is written in or at another, then the date is the one Date gives, day overflows included', () => {
    const offsets = fc.integer({ min: -12 * 4, max: 14 * 4 }).map((q) => q * 15);
    fc.assert(
      fc.property(
        fc.record({
          year: fc.integer({ min: 1990, max: 2100 }),
          month: fc.integer({ min: 1, max: 12 }),
          day: fc.integer({ min: 1, max: 31 }),
          hour: fc.integer({ min: 0, max: 24 }),
          minute: fc.integer({ min: 0, max: 59 }),
          second: fc.option(fc.integer({ min: 0, max: 60 })),
          millis: fc.option(fc.integer({ min: 0, max: 999 })),
          offset: offsets,
          readAt: fc.oneof(offsets, fc.constant(480)),
          same: fc.boolean(),
        }),
        (f) => {
          const sign = f.offset < 0 ? '-' : '+';
          const zone =
            f.offset === 0 && f.same
              ? 'Z'
              : `${sign}${two(Math.floor(Math.abs(f.offset) / 60))}:${two(Math.abs(f.offset) % 60)}`;
          const time =
            `${two(f.hour)}:${two(f.minute)}` +
            (f.second === null
              ? ''
              : `:${two(f.second)}${f.millis === null ? '' : `.${String(f.millis).padStart(3, '0')}`}`);
          const at = `${f.year}-${two(f.month)}-${two(f.day)}T${time}${zone}`;
          const offset = f.same ? f.offset : f.readAt;
          if (Number.isNaN(Date.parse(at))) {
            expect(() => dateAtOffset(at, offset)).toThrow(RangeError);
          } else {
            expect(dateAtOffset(at, offset)).toBe(byDate(at, offset));
          }
        },
      ),
      { numRuns: 2_000 },
    );
    // the cases where Date carries the day over, read at their own offset
    for (const at of ['2025-02-30T10:00:00+08:00', '2025-01-06T24:00:00+08:00', '2025-01-31T23:59:60+08:00']) {
      if (!Number.isNaN(Date.parse(at))) expect(dateAtOffset(at, 480)).toBe(byDate(at, 480));
    }
  });
});
