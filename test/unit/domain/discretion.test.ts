import { caseDecider, type CaseContext } from '../../../src/domain/case/decider.js';
import { fineDistribution } from '../../../src/domain/case/fine-distribution.js';
import { withinBenchmark } from '../../../src/domain/case/rules.js';
import { fold } from '../../../src/domain/decider.js';
import {
  benchmarkDecider,
  type BenchmarkProfile,
  type BenchmarkState,
  type SetBenchmark,
} from '../../../src/domain/registry/benchmarks.js';
import { specification } from '../../support/decider-spec.js';
import { act, actors, CHECKS_PASSED, context, items, opened, record } from '../../support/domain.js';

const PROFILE: BenchmarkProfile = {
  itemCode: 'P-001',
  agency: 'county-justice',
  basis: '县司法局行政处罚裁量基准（2019）',
  circumstances: [
    { circumstance: 'minor', description: '首次违法且及时改正', minFen: 0, maxFen: 100_000 },
    { circumstance: 'ordinary', description: '一般情节', minFen: 100_000, maxFen: 300_000 },
    { circumstance: 'serious', description: '多次违法', minFen: 300_000, maxFen: 800_000 },
  ],
};
const setting = (extra: Partial<SetBenchmark> = {}): SetBenchmark => ({
  type: 'SetBenchmark',
  actor: actors.head,
  profile: PROFILE,
  item: items['P-001'],
  ...extra,
});
const benchmarks = specification(benchmarkDecider);

describe('discretion benchmarks (裁量基准) as registry data', () => {
  it('when an admin sets the first benchmark of an item on the list, then version 1 is recorded', () => {
    benchmarks
      .given([])
      .when(setting())
      .then([{ type: 'DiscretionBenchmarkSet', data: { ...PROFILE, version: 1 } }]);
  });
  it('when a benchmark is changed, then the change says why and is the next version', () => {
    const first = benchmarkDecider.decide(setting(), benchmarkDecider.initialState());
    const revised = { ...PROFILE, basis: '县司法局行政处罚裁量基准（2020）' };
    benchmarks
      .given(first)
      .when(setting({ profile: revised }))
      .thenFails('reason_required', 422);
    benchmarks
      .given(first)
      .when(setting({ profile: revised, reason: '上位法修订' }))
      .then([{ type: 'DiscretionBenchmarkSet', data: { version: 2, reason: '上位法修订' } }]);
  });
  it('when the benchmark in force is given again (another reason alone), then 409 version_unchanged', () => {
    const first = benchmarkDecider.decide(setting(), benchmarkDecider.initialState());
    const reordered = { ...PROFILE, circumstances: PROFILE.circumstances.map((c) => ({ ...c })) };
    benchmarks
      .given(first)
      .when(setting({ profile: reordered, reason: '重复提交' }))
      .thenFails('version_unchanged', 409);
  });
  it('when a range is reversed or a circumstance graded twice, then benchmark_invalid', () => {
    const reversed = { ...PROFILE, circumstances: [{ ...PROFILE.circumstances[0]!, minFen: 5, maxFen: 4 }] };
    benchmarks
      .given([])
      .when(setting({ profile: reversed }))
      .thenFails('benchmark_invalid', 422);
    const twice = { ...PROFILE, circumstances: [PROFILE.circumstances[0]!, PROFILE.circumstances[0]!] };
    benchmarks
      .given([])
      .when(setting({ profile: twice }))
      .thenFails('benchmark_invalid', 422);
  });
  it('when the item is not on the list or is retired, then not_found', () => {
    benchmarks
      .given([])
      .when(setting({ item: undefined }))
      .thenFails('not_found', 404);
    benchmarks
      .given([])
      .when(setting({ item: { ...items['P-001']!, retired: true } }))
      .thenFails('not_found', 404);
  });
  it('when an officer, or an admin of another agency, sets one, then it is refused', () => {
    benchmarks
      .given([])
      .when(setting({ actor: actors.alice }))
      .thenFails('forbidden', 403);
    const other = { ...actors.head, agency: 'city-market' };
    benchmarks
      .given([])
      .when(setting({ actor: other }))
      .thenFails('forbidden', 403);
  });
});

const benchmark: BenchmarkState = fold(
  benchmarkDecider,
  benchmarkDecider.decide(setting(), benchmarkDecider.initialState()),
);
const graded: CaseContext = { ...context, benchmark: (code) => (code === 'P-001' ? benchmark : undefined) };
const withBenchmark = <C extends { context: CaseContext }>(command: C): C => ({ ...command, context: graded });
const proposal = (fineFen: number, more: object = {}) =>
  withBenchmark(
    act('LegalReviewRequested', {
      proposed: { decisionType: 'fine', fineFen, legalBasis: '《律师法》第五十条', ...more },
    }),
  );
const decision = (fineFen: number, more: object = {}) =>
  withBenchmark(
    act(
      'DecisionIssued',
      {
        decisionType: 'fine',
        fineFen,
        legalBasis: '《律师法》第五十条',
        documentNo: '县司罚〔2019〕42号',
        decidedOn: '2019-09-27',
        ...more,
      },
      { occurredAt: '2019-09-27T10:00:00+08:00' },
    ),
  );
const cases = specification(caseDecider);
const open = () => record(opened());

describe('a proposed or decided fine names its circumstance and stays in its range, or says why (裁量基准)', () => {
  it('when a fine within the range names its circumstance, then the finding is recorded within the range', () => {
    cases
      .given(open())
      .when(proposal(200_000, { circumstance: 'ordinary' }))
      .then([
        {
          type: 'LegalReviewRequested',
          data: {
            discretion: {
              circumstance: 'ordinary',
              benchmarkVersion: 1,
              minFen: 100_000,
              maxFen: 300_000,
              within: true,
            },
          },
        },
      ]);
  });
  it('when a fine of an item with a benchmark names no circumstance, then circumstance_required', () => {
    cases.given(open()).when(proposal(200_000)).thenFails('circumstance_required', 422);
    cases.given(open()).when(decision(200_000)).thenFails('circumstance_required', 422);
  });
  it('when a fine is proposed with no amount, then fine_amount_required, even where the range starts at 0', () => {
    cases
      .given(open())
      .when(proposal(0, { circumstance: 'minor' }))
      .thenFails('fine_amount_required', 422);
  });
  it('when the circumstance is not one the benchmark grades, then circumstance_unknown', () => {
    cases
      .given(open())
      .when(proposal(200_000, { circumstance: 'very_serious' }))
      .thenFails('circumstance_unknown', 422);
  });
  it('when a fine outside its range gives no written reason, then benchmark_reason_required and nothing is recorded', () => {
    cases
      .given(open())
      .when(proposal(900_000, { circumstance: 'serious' }))
      .thenFails('benchmark_reason_required', 422);
    cases
      .given(open())
      .when(proposal(900_000, { circumstance: 'serious', deviationReason: '  ' }))
      .thenFails('benchmark_reason_required', 422);
    cases
      .given(open())
      .when(decision(50, { circumstance: 'ordinary' }))
      .thenFails('benchmark_reason_required', 422);
  });
  it('when a fine outside its range gives a written reason, then it is recorded and flagged outside the range', () => {
    const [event] = cases
      .given(open())
      .when(decision(900_000, { circumstance: 'serious', deviationReason: '拒不改正，从重处罚' }))
      .then([{ type: 'DecisionIssued', data: { deviationReason: '拒不改正，从重处罚' } }]);
    expect(event!.data).toMatchObject({ discretion: { circumstance: 'serious', within: false, maxFen: 800_000 } });
  });
  it('when the decision is not a fine, or the item has no benchmark, then nothing is graded', () => {
    const warning = withBenchmark(
      act('LegalReviewRequested', { proposed: { decisionType: 'warning', legalBasis: '《律师法》第五十条' } }),
    );
    const [event] = cases
      .given(open())
      .when(warning)
      .then([{ type: 'LegalReviewRequested' }]);
    expect(event!.data).not.toHaveProperty('discretion');
    const ungraded = act('LegalReviewRequested', {
      proposed: { decisionType: 'fine', fineFen: 10, legalBasis: '《律师法》第五十条' },
    });
    const [plain] = cases
      .given(open())
      .when(ungraded)
      .then([{ type: 'LegalReviewRequested' }]);
    expect(plain!.data).not.toHaveProperty('discretion');
  });
  it('when a reviewer reviews a flagged proposal, then the review keeps the circumstance, and the reason stays in the request alone', () => {
    const events = record(opened(), proposal(900_000, { circumstance: 'serious', deviationReason: '拒不改正' }));
    const review = act(
      'LegalReviewCompleted',
      { outcome: 'approved', opinion: '同意', checks: CHECKS_PASSED },
      { actor: actors.rita },
    );
    const [event] = cases
      .given(events)
      .when(review)
      .then([{ type: 'LegalReviewCompleted' }]);
    expect(event!.data).toMatchObject({ proposal: { circumstance: 'serious' } });
    // the reason is sealed in the request (docs/privacy.md): the rules never read it, nor copy it into the review
    expect((event!.data as { proposal: object }).proposal).not.toHaveProperty('deviationReason');
  });
});

describe('the benchmark predicate and the distribution of past fines', () => {
  it('when a fine is on either end of the range, then it is within it; one fen beyond, it is not', () => {
    const range = { minFen: 100, maxFen: 200 };
    expect([99, 100, 200, 201].map((fen) => withinBenchmark(range, fen))).toEqual([false, true, true, false]);
  });
  it('when past fines are summed up, then count, least, lower median, greatest and bins cover every fine', () => {
    const d = fineDistribution([500, 100, 300, 200]);
    expect(d).toMatchObject({ count: 4, minFen: 100, medianFen: 200, maxFen: 500 });
    expect(d.bins.reduce((n, b) => n + b.count, 0)).toBe(4);
    expect(d.bins[0]!.fromFen).toBe(100);
    expect(d.bins.at(-1)!.toFen).toBe(500);
    expect(fineDistribution([])).toEqual({ count: 0, bins: [] });
    expect(fineDistribution([7, 7])).toMatchObject({
      count: 2,
      medianFen: 7,
      bins: [{ fromFen: 7, toFen: 7, count: 2 }],
    });
  });
});
