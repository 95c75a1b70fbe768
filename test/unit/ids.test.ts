import { uuidv7Generator } from '../../src/app/ids.js';

describe('UUIDv7 event ids', () => {
  it('when generated, then they carry version 7, the RFC 9562 variant and the clock time in the first 48 bits', () => {
    const at = new Date('2026-11-26T08:00:00.123Z');
    const id = uuidv7Generator({ now: () => at })();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at.getTime());
  });

  it('when many are made within one millisecond, or the clock steps back, then they still increase strictly', () => {
    const t = 1_780_000_000_000;
    const times = [t, t, t, t - 5, t - 5, t + 1];
    let i = 0;
    const next = uuidv7Generator({ now: () => new Date(times[Math.min(i++, times.length - 1)]!) });
    const ids = Array.from({ length: 6000 }, next);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
