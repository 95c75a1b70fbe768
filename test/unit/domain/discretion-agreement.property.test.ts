import fc from 'fast-check';
import { PROJECTIONS } from '../../../projections/index.js';
import type { RecordedCaseEvent } from '../../../src/domain/case/acts.js';
import { caseDecider, type CaseCommand } from '../../../src/domain/case/decider.js';
import { withinBenchmark } from '../../../src/domain/case/rules.js';
import { fold } from '../../../src/domain/decider.js';
import { RuleViolation } from '../../../src/domain/errors.js';
import { CIRCUMSTANCES, type BenchmarkState, type Circumstance } from '../../../src/domain/registry/benchmarks.js';
import { act, actors, CHECKS_PASSED, context, opened, record } from '../../support/domain.js';
import { MemoryDocs, StreamWriter } from '../../support/projection-spec.js';

/**
 * "Within the benchmark" is one predicate (`withinBenchmark` in src/domain/case/rules.ts): the decider refuses a
 * fine outside its range without a reason and records the finding; the case file flags the case from what was
 * recorded. Fed random benchmarks and random proposals and decisions, the decider's verdicts, the predicate and the
 * case file's flag must agree after every act.
 */

const FINE_LIMIT = 999_999; // below P-001's major-decision amount: no review gate in the way
const range = fc
  .tuple(fc.integer({ min: 0, max: FINE_LIMIT }), fc.integer({ min: 0, max: FINE_LIMIT }))
  .map(([a, b]) => ({ minFen: Math.min(a, b), maxFen: Math.max(a, b) }));
const benchmarkArb = fc
  .subarray([...CIRCUMSTANCES], { minLength: 1 })
  .chain((graded) =>
    fc.tuple(fc.constant(graded), fc.array(range, { minLength: graded.length, maxLength: graded.length })),
  )
  .map(([graded, ranges]): BenchmarkState => ({
    exists: true,
    agency: 'county-justice',
    itemCode: 'P-001',
    version: 1,
    basis: 'b',
    circumstances: graded.map((circumstance, i) => ({ circumstance, description: 'd', ...ranges[i]! })),
  }));
const fineArb = fc.record({
  fineFen: fc.integer({ min: 1, max: FINE_LIMIT }),
  circumstance: fc.option(fc.constantFrom(...CIRCUMSTANCES), { nil: undefined }),
  reason: fc.boolean(),
  decide: fc.boolean(),
});

function terms(f: { fineFen: number; circumstance: Circumstance | undefined; reason: boolean }) {
  return {
    decisionType: 'fine' as const,
    fineFen: f.fineFen,
    legalBasis: 'b',
    ...(f.circumstance ? { circumstance: f.circumstance } : {}),
    ...(f.reason ? { deviationReason: '情节特殊' } : {}),
  };
}

describe('the decider, the benchmark predicate and the case file agree on fines outside their range', () => {
  it('when random fines are proposed and decided against a random benchmark, then verdicts and flags agree', () => {
    fc.assert(
      fc.property(benchmarkArb, fc.array(fineArb, { minLength: 1, maxLength: 6 }), (benchmark, fines) => {
        const graded = { ...context, benchmark: () => benchmark };
        const events: RecordedCaseEvent[] = record(opened());
        const writer = new StreamWriter();
        const docs = new MemoryDocs(PROJECTIONS).apply(writer.caseEvents('2019-042', events));
        let proposalOutside = false;
        let decisionOutside = false;
        for (const f of fines) {
          if (fold(caseDecider, events).status !== 'open') break;
          if (!f.decide && fold(caseDecider, events).reviewPending) {
            // a revised proposal follows the reviewer's return of the pending one (one review pending at a time)
            const returned = act(
              'LegalReviewCompleted',
              { outcome: 'returned', opinion: '退回补充', checks: CHECKS_PASSED },
              { actor: actors.rita },
            );
            const back = caseDecider.decide({ ...returned, context: graded }, fold(caseDecider, events));
            events.push(...back);
            docs.apply(writer.caseEvents('2019-042', back));
          }
          const state = fold(caseDecider, events);
          if (state.status !== 'open') break;
          const data = terms(f);
          const command: CaseCommand = f.decide
            ? act(
                'DecisionIssued',
                { ...data, documentNo: 'n', decidedOn: '2019-09-27' },
                { occurredAt: '2019-09-27T10:00:00+08:00' },
              )
            : act('LegalReviewRequested', { proposed: data });
          let produced: RecordedCaseEvent[] | undefined;
          let refused: string | undefined;
          try {
            produced = caseDecider.decide({ ...command, context: graded }, state);
          } catch (err) {
            if (!(err instanceof RuleViolation)) throw err;
            refused = err.code;
          }
          const graded_ = f.circumstance && benchmark.circumstances.find((c) => c.circumstance === f.circumstance);
          const expected = !f.circumstance
            ? 'circumstance_required'
            : !graded_
              ? 'circumstance_unknown'
              : !withinBenchmark(graded_, f.fineFen) && !f.reason
                ? 'benchmark_reason_required'
                : undefined;
          expect(refused).toBe(expected);
          if (!produced) continue;
          events.push(...produced);
          docs.apply(writer.caseEvents('2019-042', produced));
          const outside = !withinBenchmark(graded_ as { minFen: number; maxFen: number }, f.fineFen);
          if (f.decide) decisionOutside = outside;
          else proposalOutside = outside;
          const file = docs.file('county-justice', '2019-042')!;
          expect(file.audit.discretionOutside).toBe(proposalOutside || decisionOutside);
          const finding = (produced[0]!.data as { discretion?: { within: boolean } }).discretion;
          expect(finding?.within).toBe(!outside);
        }
      }),
      { numRuns: 150 },
    );
  });
});
