import { EVALUATION_POINTS, type EvaluationData, type EvaluationPoint } from './evaluation.js';

/** Scores summed over a group of evaluations: points given out of the points possible, and the deductions. */
export interface ScoreTally {
  /** Evaluations counted. */
  evaluations: number;
  points: number;
  maxPoints: number;
  /** Points scored below full, each with its comment. */
  deductions: number;
  /** `points / maxPoints` in whole percent, rounded down (100 when nothing was scored). */
  percent: number;
}

export interface EvaluationFigures {
  /** Evaluations counted (each supervisor's latest of each case) and the case files they cover. */
  readonly evaluations: number;
  readonly cases: number;
  /** Per point of the checklist. */
  readonly byRule: Record<EvaluationPoint, ScoreTally>;
}

/**
 * The weak points (薄弱环节): groups by checklist rule, item and officer, the lowest-scoring first. Items and officers
 * are an agency's own (ids are unique within an agency only), so each group names its agency.
 */
export interface WeakPoints extends EvaluationFigures {
  readonly byItem: (ScoreTally & { agency: string; itemCode: string })[];
  readonly byOfficer: (ScoreTally & { agency: string; officerId: string })[];
}

/** An evaluation with the agency of its case, where evaluations of several agencies are counted together. */
export type AgencyEvaluation = EvaluationData & { readonly agency: string };

const empty = (): ScoreTally => ({ evaluations: 0, points: 0, maxPoints: 0, deductions: 0, percent: 100 });

function add(tally: ScoreTally, evaluation: EvaluationData, points: readonly EvaluationPoint[]): void {
  tally.evaluations += 1;
  for (const point of points) {
    const { score } = evaluation.scores[point];
    tally.points += score;
    tally.maxPoints += evaluation.maxTotal / EVALUATION_POINTS.length;
    if (score * EVALUATION_POINTS.length < evaluation.maxTotal) tally.deductions += 1;
  }
  tally.percent = tally.maxPoints === 0 ? 100 : Math.floor((tally.points * 100) / tally.maxPoints);
}

/**
 * The figures of a set of evaluations (one per supervisor and case: the latest, amendments replacing the first):
 * per checklist rule, points given of points possible and how many were deducted.
 */
export function evaluationFigures(
  evaluations: readonly (EvaluationData & { readonly agency?: string })[],
): EvaluationFigures {
  const byRule = Object.fromEntries(EVALUATION_POINTS.map((p) => [p, empty()])) as Record<EvaluationPoint, ScoreTally>;
  for (const evaluation of evaluations) {
    for (const point of EVALUATION_POINTS) add(byRule[point], evaluation, [point]);
  }
  // case ids are unique within an agency only
  const cases = new Set(evaluations.map((e) => `${e.agency ?? ''}\u0000${e.caseId}`)).size;
  return { evaluations: evaluations.length, cases, byRule };
}

const weakestFirst = (a: ScoreTally & { key: string }, b: ScoreTally & { key: string }) =>
  a.percent - b.percent || b.deductions - a.deductions || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * Where the case files are weakest: the figures by rule, and by enforcement item and by handling officer of an
 * agency (every officer of an evaluated case is counted with its whole evaluation), lowest percentage first, then
 * most deductions, then by agency and id.
 */
export function weakPoints(evaluations: readonly AgencyEvaluation[]): WeakPoints {
  const items = new Map<string, ScoreTally & { agency: string; id: string }>();
  const officers = new Map<string, ScoreTally & { agency: string; id: string }>();
  const tally = (map: typeof items, agency: string, id: string, e: EvaluationData) => {
    const key = `${agency}\u0000${id}`;
    const t = map.get(key) ?? { ...empty(), agency, id };
    add(t, e, EVALUATION_POINTS);
    map.set(key, t);
  };
  for (const e of evaluations) {
    tally(items, e.agency, e.itemCode, e);
    for (const officerId of new Set(e.officers)) tally(officers, e.agency, officerId, e);
  }
  const sorted = (map: typeof items) => [...map].map(([key, t]) => ({ ...t, key })).sort(weakestFirst);
  return {
    ...evaluationFigures(evaluations),
    byItem: sorted(items).map(({ key: _key, id, ...t }) => ({ ...t, itemCode: id })),
    byOfficer: sorted(officers).map(({ key: _key, id, ...t }) => ({ ...t, officerId: id })),
  };
}

/** An item's evaluations in the yearly statistics: how many, the total scores given and possible, and the average. */
export interface ItemScores {
  evaluations: number;
  /** The evaluations' totals summed. */
  points: number;
  /** The totals possible summed. */
  maxPoints: number;
  /** `points / evaluations`, to one decimal: the average total score of an evaluation of the item. */
  averageScore: number;
}

/** `points / evaluations` rounded to one decimal (0 when nothing was evaluated). */
export const averageScore = (points: number, evaluations: number): number =>
  evaluations === 0 ? 0 : Math.round((points * 10) / evaluations) / 10;

/**
 * The evaluations grouped by `keyOf` (by default the enforcement item's code): how many of each, their totals and
 * the average total, keyed in ascending order.
 */
export function scoresByItem<E extends EvaluationData>(
  evaluations: readonly E[],
  keyOf: (e: E) => string = (e) => e.itemCode,
): Record<string, ItemScores> {
  const groups = new Map<string, ItemScores>();
  for (const e of evaluations) {
    const g = groups.get(keyOf(e)) ?? { evaluations: 0, points: 0, maxPoints: 0, averageScore: 0 };
    g.evaluations += 1;
    g.points += e.total;
    g.maxPoints += e.maxTotal;
    g.averageScore = averageScore(g.points, g.evaluations);
    groups.set(keyOf(e), g);
  }
  return Object.fromEntries([...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
