import {
  INSPECTIONS,
  SUBJECTS,
  inspectionKey,
  subjectKey,
  type InspectionDoc,
  type SubjectDoc,
} from '../../projections/inspections.js';
import type { Position } from '../ports/event-store.js';
import type { ReadModelStore } from '../ports/read-models.js';
import { caughtUp, type ReadConsistency } from './read-consistency.js';
import { pageOf, type Paging } from './read-pages.js';

export interface InspectionReadsDependencies {
  readonly readModels: ReadModelStore;
  readonly runner: ReadConsistency;
}

/** The public directory of regulated subjects (检查对象名录). */
export function subjectView(s: SubjectDoc) {
  return {
    subjectId: s.subjectId,
    agency: s.agency,
    name: s.name,
    kind: s.kind,
    sector: s.sector,
    tags: s.tags,
    retired: s.retired,
  };
}

/** A plan in the public list: what it inspects, when, and how far it has come. */
export function planSummary(d: InspectionDoc) {
  return {
    planId: d.planId,
    agency: d.agency,
    entryId: d.entryId,
    title: d.title,
    startsOn: d.startsOn,
    endsOn: d.endsOn,
    drawAtSize: d.drawAtSize,
    status: d.status,
    targets: d.draw?.targets.length ?? 0,
    outcomes: d.outcomes.length,
  };
}

/**
 * What anyone may read of "double random, one public" (双随机、一公开): the subjects, the plans, and each plan in
 * full — its parameters, the seed's provenance, the draw's inputs and result, and the outcomes recorded.
 */
export class InspectionReads {
  constructor(private readonly deps: InspectionReadsDependencies) {}

  async subjects(filter: { agency?: string; sector?: string }, paging: Paging, consistentWith?: Position) {
    await caughtUp(this.deps.runner, consistentWith);
    const where = { ...filter, retired: false };
    const page = pageOf(() => this.deps.readModels.query<SubjectDoc>(SUBJECTS, { where, ...paging }));
    return { items: page.items.map(subjectView), ...(page.next === undefined ? {} : { next: page.next }) };
  }

  async plans(filter: { agency?: string; status?: string }, paging: Paging, consistentWith?: Position) {
    await caughtUp(this.deps.runner, consistentWith);
    const page = pageOf(() =>
      this.deps.readModels.query<InspectionDoc>(INSPECTIONS, {
        where: { ...filter },
        orderBy: 'startsOn',
        direction: 'desc',
        ...paging,
      }),
    );
    return { items: page.items.map(planSummary), ...(page.next === undefined ? {} : { next: page.next }) };
  }

  /** One plan in full; undefined when the agency has no such plan. */
  async plan(agency: string, planId: string, consistentWith?: Position) {
    await caughtUp(this.deps.runner, consistentWith);
    const d = this.deps.readModels.get<InspectionDoc>(INSPECTIONS, inspectionKey(agency, planId));
    if (!d) return undefined;
    const nameOf = (subjectId: string) =>
      this.deps.readModels.get<SubjectDoc>(SUBJECTS, subjectKey(agency, subjectId))?.name ?? subjectId;
    const outcomeOf = (subjectId: string) => d.outcomes.find((o) => o.subjectId === subjectId);
    return {
      ...planSummary(d),
      targetsSelector: d.targets,
      sample: d.sample,
      inspectorsPerTarget: d.inspectorsPerTarget,
      treeSizeAtPlan: d.treeSizeAtPlan,
      ...(d.entryVersion === undefined ? {} : { entryVersion: d.entryVersion }),
      planEventId: d.planEventId,
      ...(d.draw
        ? {
            draw: {
              eventId: d.draw.eventId,
              recordedAt: d.draw.recordedAt,
              size: d.draw.size,
              rootHash: d.draw.rootHash,
              checkpointSize: d.draw.checkpointSize,
              seed: d.draw.seed,
              inputsDigest: d.draw.inputsDigest,
              inputs: d.draw.inputs,
              targets: d.draw.targets.map((t) => {
                const outcome = outcomeOf(t.subjectId);
                return {
                  subjectId: t.subjectId,
                  name: nameOf(t.subjectId),
                  inspectors: t.inspectors,
                  ...(outcome
                    ? {
                        outcome: {
                          outcome: outcome.outcome,
                          summary: outcome.summary,
                          inspectedOn: outcome.inspectedOn,
                          ...(outcome.caseId === undefined ? {} : { caseId: outcome.caseId }),
                          eventId: outcome.eventId,
                        },
                      }
                    : {}),
                };
              }),
            },
          }
        : {}),
    };
  }
}
