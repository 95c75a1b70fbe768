import { EVALUATIONS, caseEvaluationsPrefix, type EvaluationDoc } from '../../projections/evaluations.js';
import { weakPoints } from '../domain/case/evaluation-figures.js';
import type { ReadModelStore } from '../ports/read-models.js';
import { caughtUp, type ReadConsistency } from './read-consistency.js';
import { readAll } from './read-pages.js';
import { supervisedScope, type SupervisionQuery } from './supervision-reads.js';

export interface EvaluationReadsDependencies {
  readonly readModels: ReadModelStore;
  readonly runner: ReadConsistency;
}

/** The evaluations of `agency`'s cases closed in `year` (each supervisor's latest of each case). */
export function evaluationsOfYear(readModels: Pick<ReadModelStore, 'query'>, agency: string, year: number) {
  return readAll<EvaluationDoc>(readModels, EVALUATIONS, { where: { agency, closedYear: year } });
}

/** Case-file evaluations (案卷评查) for supervisors: a case's evaluations, and the weak points of a year. */
export class EvaluationReads {
  constructor(private readonly deps: EvaluationReadsDependencies) {}

  /** The evaluations of a case of the supervisor's agencies, by supervisor. */
  async ofCase(query: SupervisionQuery & { readonly caseId: string }): Promise<EvaluationDoc[]> {
    const scope = supervisedScope(query.principal, query.agency);
    await caughtUp(this.deps.runner, query.consistentWith);
    return scope.flatMap((agency) =>
      readAll<EvaluationDoc>(this.deps.readModels, EVALUATIONS, {
        keyPrefix: caseEvaluationsPrefix(agency, query.caseId),
      }),
    );
  }

  /**
   * Where the case files closed in `year` are weakest (全过程记录: 发现行政执法薄弱环节), over the supervisor's
   * agencies (or `agency`): by checklist rule, by item and by officer, lowest-scoring first.
   */
  async weakPoints(query: SupervisionQuery & { readonly year: number }) {
    const scope = supervisedScope(query.principal, query.agency);
    await caughtUp(this.deps.runner, query.consistentWith);
    const evaluations = scope.flatMap((agency) => evaluationsOfYear(this.deps.readModels, agency, query.year));
    return { year: query.year, agencies: scope, ...weakPoints(evaluations) };
  }
}
