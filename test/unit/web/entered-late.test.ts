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

  it('when an act is stated to the second or the minute of one stamped finer, then it is not marked as before it', () => {
    const at = (t: string) => ({ occurredAt: t });
    // the opening stamped to the millisecond; acts stated in its second, or its minute as the portal's forms do
    const opening = at('2026-03-02T01:30:27.481Z');
    const stated = ['2026-03-02T09:30:27+08:00', '2026-03-02T09:30+08:00', '2026-03-02T09:30:00+08:00'];
    expect(enteredLate([opening, ...stated.map(at)])).toEqual([false, false, false, false]);
    // a second or a minute before is before
    expect(enteredLate([opening, at('2026-03-02T09:30:26+08:00')])).toEqual([false, true]);
    expect(enteredLate([opening, at('2026-03-02T09:29+08:00')])).toEqual([false, true]);
    // a case entered after the fact: its opening is stamped when recorded, its acts dated before it are in order
    const entered = { occurredAt: '2026-12-07T01:00:00.000Z', type: 'CaseOpened' };
    expect(enteredLate([entered, at('2026-03-02T09:30:00+08:00'), at('2026-03-03T09:30:00+08:00')])).toEqual([
      false,
      false,
      false,
    ]);
    // stated to the millisecond: compared to the millisecond
    expect(enteredLate([opening, at('2026-03-02T01:30:27.480Z')])).toEqual([false, true]);
  });
});
