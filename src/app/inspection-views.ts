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
 * The drawn plans of `scope` with targets whose inspection outcome is overdue on `asOf` (the plan's period over,
 * no outcome recorded), earliest plan first, each with those targets and their inspectors.
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
    { where: { agency: [...scope], status: 'drawn' }, orderBy: 'startsOn', direction: 'asc' },
    (doc: InspectionDoc) => {
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
