import {
  BENCHMARK_VERSIONS,
  BENCHMARKS,
  benchmarkKey,
  type BenchmarkDoc,
  type BenchmarkVersionDoc,
  type PublicBenchmark,
} from '../../projections/benchmarks.js';
import { CASES, type CaseSummaryDoc, type DiscretionEntry } from '../../projections/case-files.js';
import type { AccessLog } from './access-log.js';
import { recordSupervisionListing } from './listing-record.js';
import { fineDistribution, type FineDistribution } from '../domain/case/fine-distribution.js';
import { CIRCUMSTANCES, type Circumstance } from '../domain/registry/benchmarks.js';
import type { Position } from '../ports/event-store.js';
import type { ReadModelStore } from '../ports/read-models.js';
import type { Principal } from './auth.js';
import { caughtUp, type ReadConsistency } from './read-consistency.js';
import { filledPage, pageOf, readAll, type Paging } from './read-pages.js';
import { notFound } from '../domain/errors.js';
import { supervisedScope, type SupervisionQuery } from './supervision-reads.js';

export interface DiscretionReadsDependencies {
  readonly readModels: ReadModelStore;
  readonly runner: ReadConsistency;
  /** Where the deviations listed are recorded, on the supervisor's own trail (`list_supervision`). */
  readonly access: Pick<AccessLog, 'listed'>;
}

/** A benchmark as the public reads it: who set it (an admin's account) stays in the signed event. */
function publicBenchmark(doc: BenchmarkDoc): PublicBenchmark {
  const { setBy: _setBy, ...rest } = doc;
  return rest;
}

/**
 * A case whose proposed or decided fine is outside its benchmark's range, as the supervision view shows it: the
 * finding without the written reason, which is sealed with the case's personal data (docs/privacy.md) and read in
 * the case file, a retrieval recorded like any other. A fine outside its range always has one (the rules refuse it
 * without), so the view says no more by leaving it out; a reason recorded in clear before sealing is left out too.
 */
export function deviationView(doc: CaseSummaryDoc) {
  const { proposal, decision } = doc.discretion ?? {};
  return {
    caseId: doc.caseId,
    agency: doc.agency,
    itemCode: doc.itemCode,
    status: doc.status,
    lastActivityOn: doc.lastActivityOn,
    ...(proposal?.within === false ? { proposal: withoutReason(proposal) } : {}),
    ...(decision?.within === false ? { decision: withoutReason(decision) } : {}),
  };
}

function withoutReason(entry: DiscretionEntry): Omit<DiscretionEntry, 'deviationReason'> {
  const { deviationReason: _sealed, ...finding } = entry;
  return finding;
}

/**
 * Discretion benchmarks (裁量基准): the public list and each item's versions; the distribution of fines in
 * similar past decisions, for the agency's own staff; and the supervisors' view of fines outside their range.
 */
export class DiscretionReads {
  constructor(private readonly deps: DiscretionReadsDependencies) {}

  /** The benchmarks in force (their current versions), of `agency` or of every agency, in key order. */
  async benchmarks(filter: { readonly agency?: string }, paging: Paging, consistentWith?: Position) {
    await caughtUp(this.deps.runner, consistentWith);
    const page = pageOf(() =>
      this.deps.readModels.query<BenchmarkDoc>(BENCHMARKS, {
        ...(filter.agency === undefined ? {} : { where: { agency: filter.agency } }),
        limit: paging.limit,
        ...(paging.after === undefined ? {} : { after: paging.after }),
      }),
    );
    return { items: page.items.map(publicBenchmark), ...(page.next === undefined ? {} : { next: page.next }) };
  }

  /** An item's benchmark in force and every version of it, oldest first; `404` when it has none. */
  async history(agency: string, itemCode: string, consistentWith?: Position) {
    await caughtUp(this.deps.runner, consistentWith);
    const key = benchmarkKey(agency, itemCode);
    const current = this.deps.readModels.get<BenchmarkDoc>(BENCHMARKS, key);
    if (!current) throw notFound(`no discretion benchmark for item ${itemCode} of agency ${agency}`);
    const versions = readAll<BenchmarkVersionDoc>(this.deps.readModels, BENCHMARK_VERSIONS, { keyPrefix: `${key}/` });
    return { current: publicBenchmark(current), versions: versions.map(publicBenchmark) };
  }

  /**
   * The fines of the decisions already made on cases of the item that name the same circumstance, in the
   * principal's agency (or `agency`, one it supervises).
   */
  async distribution(query: {
    readonly principal: Principal;
    readonly agency?: string;
    readonly itemCode: string;
    readonly circumstance: Circumstance;
    readonly consistentWith?: Position;
  }): Promise<{ agency: string; itemCode: string; circumstance: Circumstance } & FineDistribution> {
    const agency = supervisedScope(query.principal, query.agency ?? query.principal.agency)[0]!;
    await caughtUp(this.deps.runner, query.consistentWith);
    const { itemCode, circumstance } = query;
    const docs = readAll<CaseSummaryDoc>(this.deps.readModels, CASES, {
      where: { agency, itemCode, 'decision.circumstance': circumstance },
    });
    const fines = docs.flatMap((d) => (d.decision?.decisionType === 'fine' ? [d.decision.fineFen] : []));
    return { agency, itemCode, circumstance, ...fineDistribution(fines) };
  }

  /**
   * What the proposal and review screens show: the item's benchmark (when it has one) and, for each circumstance
   * it grades (every circumstance when none), the distribution of the fines already decided.
   */
  async similarFines(query: { readonly principal: Principal; readonly agency: string; readonly itemCode: string }) {
    const benchmark = this.deps.readModels.get<BenchmarkDoc>(BENCHMARKS, benchmarkKey(query.agency, query.itemCode));
    const graded = benchmark ? benchmark.circumstances.map((c) => c.circumstance) : [...CIRCUMSTANCES];
    const rows = await Promise.all(
      graded.map(async (circumstance) => {
        const range = benchmark?.circumstances.find((c) => c.circumstance === circumstance);
        const d = await this.distribution({ ...query, circumstance });
        return { ...d, ...(range ? { range: { minFen: range.minFen, maxFen: range.maxFen } } : {}) };
      }),
    );
    return { ...(benchmark ? { benchmark: publicBenchmark(benchmark) } : {}), rows };
  }

  /**
   * Cases whose latest proposed fine or whose decided fine lies outside the benchmark, latest activity first,
   * without the written reasons (read in each case's file).
   */
  async deviations(query: SupervisionQuery, paging: Paging) {
    const scope = supervisedScope(query.principal, query.agency);
    await caughtUp(this.deps.runner, query.consistentWith);
    const page = filledPage(
      this.deps.readModels,
      CASES,
      { where: { agency: scope, 'audit.discretionOutside': true }, orderBy: 'lastActivityOn', direction: 'desc' },
      deviationView,
      paging,
    );
    await recordSupervisionListing(this.deps.access, query, 'discretion-deviations', page.items);
    return page;
  }
}
