import { averageScore, scoresByItem, weakPoints } from '../../../src/domain/case/evaluation-figures.js';
import {
  evaluationDecider,
  EVALUATION_POINTS,
  type EvaluateCaseFile,
  type EvaluatedCase,
  type EvaluationData,
  type EvaluationScores,
} from '../../../src/domain/case/evaluation.js';
import { yearlyStatistics } from '../../../src/domain/statistics.js';
import type { Actor } from '../../../src/domain/actor.js';
import { specification } from '../../support/decider-spec.js';

const sam: Actor = { sub: 'sam', agency: 'county-justice', roles: ['supervisor'] };
const FULL = Object.fromEntries(EVALUATION_POINTS.map((p) => [p, { score: 10 }])) as unknown as EvaluationScores;
const scores = (changes: Partial<Record<keyof EvaluationScores, { score: number; comment?: string }>> = {}) =>
  ({ ...FULL, ...changes }) as EvaluationScores;
const CLOSED: EvaluatedCase = {
  caseId: '2019-042',
  agency: 'county-justice',
  status: 'closed',
  itemCode: 'P-001',
  officers: ['alice', 'bob'],
  handlers: ['alice', 'bob', 'carl'],
  closedOn: '2019-10-08',
};
const evaluating = (extra: Partial<EvaluateCaseFile> = {}): EvaluateCaseFile => ({
  type: 'EvaluateCaseFile',
  actor: sam,
  supervises: [],
  scores: FULL,
  case: CLOSED,
  ...extra,
});
const spec = specification(evaluationDecider);
const first = evaluationDecider.decide(evaluating(), evaluationDecider.initialState());

describe('case-file evaluation (案卷评查): supervisors score closed case files', () => {
  it('when a supervisor of the agency scores a closed case file, then the scores are recorded with the case facts', () => {
    spec
      .given([])
      .when(evaluating({ scores: scores({ factsClear: { score: 6, comment: '事实认定依据不足' } }) }))
      .then([
        {
          type: 'CaseFileEvaluated',
          data: {
            caseId: '2019-042',
            itemCode: 'P-001',
            officers: ['alice', 'bob'],
            evaluator: 'sam',
            total: 86,
            maxTotal: 90,
          },
        },
      ]);
  });
  it('when the case is not closed, then case_not_closed', () => {
    spec
      .given([])
      .when(evaluating({ case: { ...CLOSED, status: 'disclosed', closedOn: undefined } as EvaluatedCase }))
      .thenFails('case_not_closed', 409);
  });
  it('when the case is of another agency or does not exist, then not_found', () => {
    spec
      .given([])
      .when(evaluating({ case: { ...CLOSED, agency: 'city-market' } }))
      .thenFails('not_found', 404);
    spec
      .given([])
      .when(evaluating({ case: undefined }))
      .thenFails('not_found', 404);
  });
  it("when a supervisor of an agency supervising the case's scores it, then the evaluation names its agency, and independence is not asked of an id of another agency", () => {
    // the county's legal office (county-legal) supervises the justice bureau; its "alice" is not the bureau's alice
    const legal = { sub: 'alice', agency: 'county-legal', roles: ['supervisor'] };
    spec
      .given([])
      .when(evaluating({ actor: legal, supervises: ['county-justice'] }))
      .then([{ type: 'CaseFileEvaluated', data: { evaluator: 'alice', evaluatorAgency: 'county-legal', total: 90 } }]);
    const theirs = evaluationDecider.decide(
      evaluating({ actor: legal, supervises: ['county-justice'] }),
      evaluationDecider.initialState(),
    );
    // the bureau's own alice handled the case; the legal office's alice is another evaluator, once
    spec
      .given(theirs)
      .when(evaluating({ actor: legal, supervises: ['county-justice'] }))
      .thenFails('evaluation_exists', 409);
    spec
      .given(theirs)
      .when(evaluating({ actor: { ...sam, sub: 'alice' } }))
      .thenFails('evaluator_not_independent', 422);
    const own = evaluationDecider.decide(
      evaluating(),
      theirs.reduce(evaluationDecider.evolve, evaluationDecider.initialState()),
    );
    expect(own).toMatchObject([{ type: 'CaseFileEvaluated', data: { evaluator: 'sam' } }]);
    expect(own[0]!.data).not.toHaveProperty('evaluatorAgency');
    // an agency it does not supervise is not found, like any other agency's case
    spec
      .given([])
      .when(evaluating({ actor: legal, supervises: ['city-market'] }))
      .thenFails('not_found', 404);
  });
  it('when an officer, not a supervisor, evaluates, then forbidden', () => {
    spec
      .given([])
      .when(evaluating({ actor: { ...sam, roles: ['officer'] } }))
      .thenFails('forbidden', 403);
  });
  it('when the supervisor handled the case, then evaluator_not_independent', () => {
    spec
      .given([])
      .when(evaluating({ actor: { ...sam, sub: 'alice' } }))
      .thenFails('evaluator_not_independent', 422);
  });
  it('when the supervisor carried out or recorded an act of the case without being one of its officers, then evaluator_not_independent', () => {
    spec
      .given([])
      .when(evaluating({ actor: { ...sam, sub: 'carl' } }))
      .thenFails('evaluator_not_independent', 422);
  });
  it('when a point scores below full without a comment, or out of range, then it is refused', () => {
    spec
      .given([])
      .when(evaluating({ scores: scores({ factsClear: { score: 6 } }) }))
      .thenFails('comment_required', 422);
    // every deduction without a comment is named at once, in the points' order
    const several = spec
      .given([])
      .when(
        evaluating({
          scores: scores({
            documentsComplete: { score: 9 },
            factsClear: { score: 6 },
            evidenceSufficient: { score: 0 },
          }),
        }),
      )
      .thenFails('comment_required', 422);
    expect(several.details).toEqual({
      point: 'factsClear',
      points: ['factsClear', 'evidenceSufficient', 'documentsComplete'],
    });
    spec
      .given([])
      .when(evaluating({ scores: scores({ factsClear: { score: 11 } }) }))
      .thenFails('score_invalid', 422);
    spec
      .given([])
      .when(evaluating({ scores: scores({ factsClear: { score: 2.5, comment: 'x' } }) }))
      .thenFails('score_invalid', 422);
  });
  it('when the same supervisor evaluates again, then it must say why, and the second evaluation is an amendment', () => {
    spec.given(first).when(evaluating()).thenFails('evaluation_exists', 409);
    const lower = scores({ factsClear: { score: 8, comment: '证据链不完整' } });
    spec
      .given(first)
      .when(evaluating({ reason: '复核后调整', scores: lower }))
      .then([{ type: 'CaseFileEvaluationAmended', data: { reason: '复核后调整' } }]);
  });
  it('when an amendment gives every point the score and comment it has, then 409 version_unchanged: nothing to amend', () => {
    spec
      .given(first)
      .when(evaluating({ reason: '复核' }))
      .thenFails('version_unchanged', 409);
    // against the latest amendment, not the first evaluation
    const lower = scores({ factsClear: { score: 8, comment: '证据链不完整' } });
    const [amended] = evaluationDecider.decide(
      evaluating({ reason: '复核后调整', scores: lower }),
      first.reduce(evaluationDecider.evolve, evaluationDecider.initialState()),
    );
    spec
      .given([...first, amended!])
      .when(evaluating({ reason: '再次复核', scores: scores({ factsClear: { score: 8, comment: ' 证据链不完整 ' } }) }))
      .thenFails('version_unchanged', 409);
    // back to full marks is a change
    spec
      .given([...first, amended!])
      .when(evaluating({ reason: '再次复核' }))
      .then([{ type: 'CaseFileEvaluationAmended', data: { reason: '再次复核' } }]);
  });
  it('when another supervisor evaluates the same case, then it is a first evaluation of their own', () => {
    spec
      .given(first)
      .when(evaluating({ actor: { ...sam, sub: 'sue' } }))
      .then([{ type: 'CaseFileEvaluated', data: { evaluator: 'sue' } }]);
  });
});

const evaluation = (over: Partial<EvaluationData>): EvaluationData => ({
  caseId: '2019-042',
  itemCode: 'P-001',
  officers: ['alice', 'bob'],
  closedOn: '2019-10-08',
  evaluator: 'sam',
  scores: FULL,
  total: 90,
  maxTotal: 90,
  ...over,
});

describe('scores by item', () => {
  it('when several evaluations of an item are grouped, then the average total is to one decimal', () => {
    const grouped = scoresByItem([
      evaluation({ total: 84 }),
      evaluation({ caseId: '2019-050', total: 85 }),
      evaluation({ caseId: '2019-051', total: 90 }),
    ]);
    expect(grouped).toEqual({ 'P-001': { evaluations: 3, points: 259, maxPoints: 270, averageScore: 86.3 } });
    expect(averageScore(0, 0)).toBe(0);
  });
});

describe('the weak points and the yearly statistics aggregate evaluations by rule, item and officer', () => {
  const evaluations = [
    evaluation({ scores: scores({ documentsComplete: { score: 4, comment: '送达回证缺失' } }), total: 84 }),
    evaluation({ caseId: '2019-043', itemCode: 'P-002', officers: ['bob', 'chen'] }),
    evaluation({
      caseId: '2018-001',
      closedOn: '2018-12-30',
      scores: scores({ factsClear: { score: 0, comment: '无' } }),
    }),
  ];
  const ofAgency = (agency: string, list: typeof evaluations) => list.map((e) => ({ ...e, agency }));
  it('when evaluations are aggregated, then the weakest rule, item and officer come first', () => {
    const weak = weakPoints(ofAgency('county-justice', evaluations.slice(0, 2)));
    expect(weak.byRule.documentsComplete).toEqual({
      evaluations: 2,
      points: 14,
      maxPoints: 20,
      deductions: 1,
      percent: 70,
    });
    expect(weak.byRule.factsClear).toMatchObject({ points: 20, deductions: 0, percent: 100 });
    expect(weak.byItem.map((i) => i.itemCode)).toEqual(['P-001', 'P-002']);
    expect(weak.byItem[0]).toMatchObject({ points: 84, maxPoints: 90, deductions: 1, percent: 93 });
    expect(weak.byOfficer.map((o) => o.officerId)).toEqual(['alice', 'bob', 'chen']);
    expect(weak.byOfficer[1]).toMatchObject({ evaluations: 2, points: 174, maxPoints: 180 });
    expect(weak).toMatchObject({ evaluations: 2, cases: 2 });
    expect(weak.byItem[0]!.agency).toBe('county-justice');
  });
  it("when two agencies use the same item code, officer id and case id, then neither's figures are counted as the other's", () => {
    const perfect = evaluation({ caseId: 'dup-1' });
    const weak = weakPoints([
      { ...perfect, agency: 'cj' },
      {
        ...evaluation({ caseId: 'dup-1', scores: scores({ factsClear: { score: 2, comment: '事实不清' } }) }),
        agency: 'cm',
      },
    ]);
    expect(weak).toMatchObject({ evaluations: 2, cases: 2 });
    expect(weak.byItem.map((i) => [i.agency, i.itemCode, i.evaluations, i.percent])).toEqual([
      ['cm', 'P-001', 1, 91],
      ['cj', 'P-001', 1, 100],
    ]);
    expect(weak.byOfficer.map((o) => [o.agency, o.officerId, o.evaluations])).toEqual(
      perfect.officers.flatMap((id) => [['cm', id, 1]]).concat(perfect.officers.map((id) => ['cj', id, 1])),
    );
  });
  it('when the yearly statistics are computed, then only evaluations of cases closed in the year count', () => {
    const stats = yearlyStatistics({
      agency: 'county-justice',
      year: 2019,
      cases: [],
      asOf: '2020-01-10',
      evaluations,
    });
    expect(stats.caseFileEvaluations).toMatchObject({ evaluations: 2, cases: 2 });
    expect(stats.caseFileEvaluations.byRule.documentsComplete).toEqual({ points: 14, maxPoints: 20, deductions: 1 });
    expect(stats.caseFileEvaluations.byRule.factsClear).toEqual({ points: 20, maxPoints: 20, deductions: 0 });
    // by item: P-001's one evaluation of 2019 (84 of 90), P-002's (90 of 90); the 2018 one is not counted
    expect(stats.caseFileEvaluations.byItem).toEqual({
      'P-001': { evaluations: 1, points: 84, maxPoints: 90, averageScore: 84 },
      'P-002': { evaluations: 1, points: 90, maxPoints: 90, averageScore: 90 },
    });
    const none = yearlyStatistics({ agency: 'county-justice', year: 2019, cases: [], asOf: '2020-01-10' });
    expect(none.caseFileEvaluations.evaluations).toBe(0);
    // as of a day before those cases were closed, their evaluations do not count yet
    const before = yearlyStatistics({
      agency: 'county-justice',
      year: 2019,
      cases: [],
      asOf: '2019-10-07',
      evaluations,
    });
    expect(before.caseFileEvaluations).toMatchObject({ evaluations: 0, cases: 0 });
  });
});
