import {
  INSPECTIONS,
  SUBJECTS,
  subjectKey,
  type InspectionDoc,
  type SubjectDoc,
} from '../../projections/inspections.js';
import { outcomeDueBy, overdueTargets } from '../domain/inspections/outcome-due.js';
import type { ReadModelStore } from '../ports/read-models.js';
import { daysBetween } from './days.js';
import { filledPage, type Paging } from './read-pages.js';

/**
 * The plans of `scope` behind on `asOf`, earliest plan first: drawn plans with targets whose inspection outcome is
 * overdue (the plan's period over, no outcome recorded), each with those targets and their inspectors
 * (`stage: outcomes`); and plans never drawn though their period has begun (`stage: draw`: due by `startsOn`, no
 * target, since none was drawn).
 */
export function overdueInspectionsPage(
  readModels: Pick<ReadModelStore, 'query' | 'get'>,
  scope: readonly string[],
  asOf: string,
  paging: Paging,
) {
  return filledPage(
    readModels,
    INSPECTIONS,
    { where: { agency: [...scope], status: ['drawn', 'planned'] }, orderBy: 'startsOn', direction: 'asc' },
    (doc: InspectionDoc) => {
      if (doc.status === 'planned') {
        // the draw is due before the inspections it names can start
        if (doc.startsOn >= asOf) return undefined;
        return {
          agency: doc.agency,
          planId: doc.planId,
          title: doc.title,
          startsOn: doc.startsOn,
          stage: 'draw' as const,
          dueBy: doc.startsOn,
          daysOverdue: daysBetween(doc.startsOn, asOf),
          drawn: 0,
          targets: [],
        };
      }
      const late = overdueTargets(doc, doc.draw?.targets ?? [], doc.outcomes, asOf);
      if (late.length === 0) return undefined;
      const dueBy = outcomeDueBy(doc);
      const nameOf = (subjectId: string) =>
        readModels.get<SubjectDoc>(SUBJECTS, subjectKey(doc.agency, subjectId))?.name ?? subjectId;
      return {
        agency: doc.agency,
        planId: doc.planId,
        title: doc.title,
        startsOn: doc.startsOn,
        stage: 'outcomes' as const,
        dueBy,
        daysOverdue: daysBetween(dueBy, asOf),
        drawn: doc.draw?.targets.length ?? 0,
        targets: late.map((t) => ({
          subjectId: t.subjectId,
          name: nameOf(t.subjectId),
          inspectors: [...t.inspectors],
        })),
      };
    },
    paging,
  );
}
