import { outcomeDueBy, overdueTargets } from '../../../src/domain/inspections/outcome-due.js';

const plan = { endsOn: '2026-03-31' };
const targets = [
  { subjectId: 'S-001', inspectors: ['bob', 'chen'] },
  { subjectId: 'S-002', inspectors: ['alice', 'dora'] },
];

describe('when an inspection outcome is due (抽查结果录入期限)', () => {
  it("when the plan's period has not ended, then no target is overdue, the last day included", () => {
    expect(outcomeDueBy(plan)).toBe('2026-03-31');
    expect(overdueTargets(plan, targets, [], '2026-03-31')).toEqual([]);
  });

  it('when the period has ended, then the targets without an outcome are overdue, and those with one are not', () => {
    expect(overdueTargets(plan, targets, [], '2026-04-01')).toEqual(targets);
    expect(overdueTargets(plan, targets, [{ subjectId: 'S-001' }], '2026-04-01')).toEqual([targets[1]]);
    expect(overdueTargets(plan, targets, [{ subjectId: 'S-001' }, { subjectId: 'S-002' }], '2027-01-01')).toEqual([]);
  });
});
