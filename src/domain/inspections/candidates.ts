import type { DrawInputs } from '../../ledger/draw.js';
import { canonicalInputs } from '../../ledger/draw.js';
import { certificateValidOn, type OfficerState } from '../registry/officers.js';
import type { PlanProfile, TargetSelector } from './plans.js';
import type { SubjectState } from './subjects.js';

/** Does the subject fall under the plan's selector: registered, not retired, and in every list the selector gives. */
export function selects(selector: TargetSelector, subject: SubjectState): boolean {
  if (!subject.exists || subject.retired) return false;
  if (selector.kinds && !selector.kinds.includes(subject.kind!)) return false;
  if (selector.sectors && !selector.sectors.includes(subject.sector!)) return false;
  if (selector.tags && !selector.tags.some((t) => subject.tags?.includes(t))) return false;
  return true;
}

/**
 * The draw's inputs from the registries as they stood at the plan's tree size: the subjects the plan selects, the
 * officers who may inspect (active, with the role `officer`, certified on the plan's first day), and the conflicts
 * of interest declared between them.
 */
export function drawCandidates(
  plan: Pick<PlanProfile, 'targets' | 'startsOn'>,
  subjects: readonly SubjectState[],
  officers: readonly OfficerState[],
): DrawInputs {
  const chosen = subjects.filter((s) => selects(plan.targets, s));
  const inspectors = officers
    .filter((o) => o.roles?.includes('officer') && certificateValidOn(o, plan.startsOn))
    .map((o) => o.officerId!);
  const known = new Set(inspectors);
  const conflicts = chosen.flatMap((s) =>
    s.conflicts.filter((o) => known.has(o)).map((o) => [s.subjectId!, o] as const),
  );
  return canonicalInputs({ subjects: chosen.map((s) => s.subjectId!), officers: inspectors, conflicts });
}
