import { CASES, caseKey } from '../../projections/case-files.js';
import { EVALUATIONS, caseEvaluationsPrefix, type EvaluationDoc } from '../../projections/evaluations.js';
import { weakPoints } from '../domain/case/evaluation-figures.js';
import { itemKey, type ItemDoc } from '../../projections/registry.js';
import type { Position } from '../ports/event-store.js';
import type { ReadModelStore } from '../ports/read-models.js';
import type { CaseReads, Retrieval } from './case-reads.js';
import { caughtUp, type ReadConsistency } from './read-consistency.js';
import { readAll } from './read-pages.js';
import { supervisedScope, type SupervisionQuery } from './supervision-reads.js';

export interface EvaluationReadsDependencies {
  readonly readModels: ReadModelStore;
  readonly runner: ReadConsistency;
  /** Retrievals of cases: which agency's case an id means, scope, the access record, `404`/`409`. */
  readonly cases: CaseReads;
}

/** The evaluations of `agency`'s cases closed in `year` (each supervisor's latest of each case). */
export function evaluationsOfYear(readModels: Pick<ReadModelStore, 'query'>, agency: string, year: number) {
  return readAll<EvaluationDoc>(readModels, EVALUATIONS, { where: { agency, closedYear: year } });
}

/** Case-file evaluations (案卷评查) for supervisors: a case's evaluations, and the weak points of a year. */
export class EvaluationReads {
  constructor(private readonly deps: EvaluationReadsDependencies) {}

  /**
   * The evaluations of a case the supervisor may read, by supervisor: a retrieval of the case like any other read
   * of it (`read_evaluations`, recorded on its access trail; `404` for a case the supervisor may not read or that
   * does not exist, the refusal recorded on the supervisor's own trail).
   */
  async ofCase(retrieval: Retrieval & { readonly consistentWith?: Position }): Promise<EvaluationDoc[]> {
    await caughtUp(this.deps.runner, retrieval.consistentWith);
    const { found } = await this.deps.cases.retrieve(retrieval, (agency) =>
      this.deps.readModels.get(CASES, caseKey(agency, retrieval.caseId))
        ? this.ofRetrievedCase(agency, retrieval.caseId)
        : undefined,
    );
    return found;
  }

  /** The evaluations of `agency`'s case `caseId`, for a caller that has just recorded its retrieval of the case. */
  ofRetrievedCase(agency: string, caseId: string): EvaluationDoc[] {
    return readAll<EvaluationDoc>(this.deps.readModels, EVALUATIONS, {
      keyPrefix: caseEvaluationsPrefix(agency, caseId),
    });
  }

  /**
   * Where the case files closed in `year` are weakest (全过程记录: 发现行政执法薄弱环节), over the supervisor's
   * agencies (or `agency`): by checklist rule, by item and by officer, lowest-scoring first.
   */
  async weakPoints(query: SupervisionQuery & { readonly year: number }) {
    const scope = supervisedScope(query.principal, query.agency);
    await caughtUp(this.deps.runner, query.consistentWith);
    const evaluations = scope.flatMap((agency) => evaluationsOfYear(this.deps.readModels, agency, query.year));
    const figures = weakPoints(evaluations);
    // each item by the name the agency's item list gives it, for readers who do not know the codes
    const byItem = figures.byItem.map((i): (typeof figures.byItem)[number] & { itemName?: string } => {
      const name = this.deps.readModels.get<ItemDoc>('items', itemKey(i.agency, i.itemCode))?.name;
      return name === undefined ? i : { ...i, itemName: name };
    });
    return { year: query.year, agencies: scope, ...figures, byItem };
  }
}
