import type { DrawnTarget } from '../../ledger/draw.js';

/**
 * When a drawn target's inspection outcome is due: by the last day of the plan's inspection period (`endsOn`, the
 * period the random-inspection list's frequency gives the plan). On any later day, a target without an outcome
 * recorded is overdue.
 */
export function outcomeDueBy(plan: { readonly endsOn: string }): string {
  return plan.endsOn;
}

/** The drawn targets whose outcome is overdue on `asOf`: none recorded and the plan's period over. */
export function overdueTargets(
  plan: { readonly endsOn: string },
  targets: readonly DrawnTarget[],
  recorded: readonly { readonly subjectId: string }[],
  asOf: string,
): DrawnTarget[] {
  if (asOf <= outcomeDueBy(plan)) return [];
  const done = new Set(recorded.map((o) => o.subjectId));
  return targets.filter((t) => !done.has(t.subjectId));
}
