import { dateAtOffset, latestDateAt, parseUtcOffset } from '../../../src/domain/actor.js';

describe('local dates', () => {
  it('when an instant is read at an offset, then the date is the one its clocks show', () => {
    const at = new Date('2026-11-30T17:00:00Z');
    expect([dateAtOffset(at, 480), dateAtOffset(at, 0), dateAtOffset(at, -720)]).toEqual([
      '2026-12-01',
      '2026-11-30',
      '2026-11-30',
    ]);
    expect(dateAtOffset('2026-11-30T15:59:59Z', 480)).toBe('2026-11-30');
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
});
