import { enteredLate } from '../../../src/web/pages/case-file.js';

describe('acts entered after acts that took place later', () => {
  it('when acts are entered in the order they took place, then none is marked; one dated before any entered above it is', () => {
    const at = (t: string) => ({ occurredAt: t });
    expect(enteredLate([at('2026-03-02T09:00:00+08:00'), at('2026-03-02T10:00:00+08:00')])).toEqual([false, false]);
    expect(
      enteredLate([
        at('2026-03-02T10:00:00+08:00'),
        // the same instant written in UTC: not before it
        at('2026-03-02T02:00:00Z'),
        at('2026-03-02T09:30:00+08:00'),
        at('2026-03-02T11:00:00+08:00'),
        // before the 11:00 act, though after the first
        at('2026-03-02T10:30:00+08:00'),
      ]),
    ).toEqual([false, false, true, false, true]);
    expect(enteredLate([])).toEqual([]);
  });
});
