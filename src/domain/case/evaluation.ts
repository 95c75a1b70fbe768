import { requireRole, type Actor } from '../actor.js';
import type { Decider } from '../decider.js';
import { conflict, notFound, violation } from '../errors.js';
import { agencyStream } from '../streams.js';
import { APPROVING_CHECKS } from './acts.js';
import type { CaseStatus } from './state.js';

/**
 * Case-file evaluation (案卷评查, 二(二)5): supervisors score closed case files against the points a legal review
 * checks (lawful subject, qualified officers, lawful procedure, facts clear, evidence sufficient, law applied
 * correctly, discretion proper, within authority, documents complete).
 */
export const EVALUATION_POINTS = APPROVING_CHECKS;
export type EvaluationPoint = (typeof EVALUATION_POINTS)[number];

/** Each point is scored in whole numbers from 0 to this; a score below it says why in its comment. */
export const MAX_POINT_SCORE = 10;

export interface PointScore {
  readonly score: number;
  readonly comment?: string;
}
export type EvaluationScores = Readonly<Record<EvaluationPoint, PointScore>>;

/** What the evaluation needs of the case, read from its stream by the application. */
export interface EvaluatedCase {
  readonly caseId: string;
  readonly agency: string;
  readonly status: CaseStatus;
  readonly itemCode: string;
  readonly officers: readonly string[];
  /** Everyone who handled the case (`CaseState.handlers`): none of them may evaluate it. */
  readonly handlers: readonly string[];
  readonly closedOn?: string;
}

export interface EvaluateCaseFile {
  readonly type: 'EvaluateCaseFile';
  readonly actor: Actor;
  /** The agencies the actor supervises besides its own (the token's `supervises`): their case files too. */
  readonly supervises: readonly string[];
  readonly scores: EvaluationScores;
  /** Why an evaluation already recorded by this supervisor is amended; required then. */
  readonly reason?: string;
  /** The case, or undefined when no agency the actor may evaluate has such a case. */
  readonly case: EvaluatedCase | undefined;
}

/** An evaluation as recorded: the scores, and the case's facts it is aggregated by (item, officers, year). */
export interface EvaluationData {
  readonly caseId: string;
  readonly itemCode: string;
  readonly officers: readonly string[];
  readonly closedOn: string;
  readonly evaluator: string;
  /**
   * The evaluator's agency, when it is not the case's: a supervising agency (the county's legal office, say)
   * evaluating the case files of an agency it supervises. Absent, the evaluator is of the case's agency.
   */
  readonly evaluatorAgency?: string;
  readonly scores: EvaluationScores;
  readonly total: number;
  readonly maxTotal: number;
}

export type EvaluationEvent =
  | { readonly type: 'CaseFileEvaluated'; readonly data: EvaluationData }
  | { readonly type: 'CaseFileEvaluationAmended'; readonly data: EvaluationData & { readonly reason: string } };

export interface EvaluationState {
  /** The supervisors who have evaluated the case file ({@link evaluatorOf}), each once (later changes are amendments). */
  readonly evaluators: readonly string[];
  /** Each evaluator's scores as they stand (the evaluation, or its latest amendment). */
  readonly scores: Readonly<Record<string, EvaluationScores>>;
}

/** Whether two evaluations give every point the same score and the same comment (white space around it aside). */
function sameScores(a: EvaluationScores, b: EvaluationScores | undefined): boolean {
  return (
    b !== undefined &&
    EVALUATION_POINTS.every(
      (p) => a[p].score === b[p]?.score && (a[p].comment ?? '').trim() === (b[p]?.comment ?? '').trim(),
    )
  );
}

/**
 * Who recorded an evaluation, as one text: the supervisor's id, and after a space its agency when it is not the
 * case's (ids hold no spaces), since ids are unique within an agency only.
 */
export function evaluatorOf(data: Pick<EvaluationData, 'evaluator' | 'evaluatorAgency'>): string {
  return data.evaluatorAgency === undefined ? data.evaluator : `${data.evaluator} ${data.evaluatorAgency}`;
}

/** A case's evaluations stream (the case stream itself is closed once the case is). */
export function evaluationStream(agency: string, caseId: string): string {
  return agencyStream('evaluation', agency, caseId);
}

/**
 * The points scored below the full mark without a comment saying why, in the points' order: of the scores as sent,
 * those that are whole numbers in range (a form shows these beside its other faults, all at once).
 */
export function uncommentedDeductions(
  scores: Readonly<Partial<Record<EvaluationPoint, { readonly score?: unknown; readonly comment?: unknown }>>>,
): EvaluationPoint[] {
  return EVALUATION_POINTS.filter((point) => {
    const { score, comment } = scores[point] ?? {};
    const deducted = Number.isInteger(score) && (score as number) >= 0 && (score as number) < MAX_POINT_SCORE;
    return deducted && !(typeof comment === 'string' && comment.trim() !== '');
  });
}

function checkScores(scores: EvaluationScores): number {
  let total = 0;
  for (const point of EVALUATION_POINTS) {
    const { score } = scores[point] ?? { score: -1 };
    if (!Number.isInteger(score) || score < 0 || score > MAX_POINT_SCORE) {
      throw violation('score_invalid', `${point} is scored in whole numbers from 0 to ${MAX_POINT_SCORE}`, { point });
    }
    total += score;
  }
  // every deduction without its comment is named at once (`points`, in the points' order; `point` the first)
  const uncommented = uncommentedDeductions(scores);
  if (uncommented.length > 0) {
    throw violation('comment_required', `a deduction on ${uncommented.join(', ')} says why in its comment`, {
      point: uncommented[0]!,
      points: uncommented,
    });
  }
  return total;
}

/**
 * The rules of an evaluation: by a supervisor of the case's agency who did not handle the case, or of an agency
 * that supervises the case's (whose people handle no case of it), only of a closed case, once per supervisor; a
 * supervisor's second evaluation of the same case amends the first and says why, and changes a score or a comment.
 */
export const evaluationDecider: Decider<EvaluateCaseFile, EvaluationEvent, EvaluationState> = {
  initialState: () => ({ evaluators: [], scores: {} }),

  decide(command, state) {
    requireRole(command.actor, ['supervisor'], 'evaluating case files');
    const { actor, case: file, scores, reason, supervises } = command;
    const own = file?.agency === actor.agency;
    if (!file || file.status === 'none' || !(own || supervises.includes(file.agency))) throw notFound('no such case');
    if (file.status !== 'closed' || !file.closedOn) {
      throw conflict('case_not_closed', `case ${file.caseId} is ${file.status}: only closed case files are evaluated`);
    }
    // handlers are the case agency's people: an id of another agency names someone else
    if (own && file.handlers.includes(actor.sub)) {
      throw violation('evaluator_not_independent', `${actor.sub} handled case ${file.caseId} and cannot evaluate it`);
    }
    const total = checkScores(scores);
    const data: EvaluationData = {
      caseId: file.caseId,
      itemCode: file.itemCode,
      officers: file.officers,
      closedOn: file.closedOn,
      evaluator: actor.sub,
      ...(own ? {} : { evaluatorAgency: actor.agency }),
      scores,
      total,
      maxTotal: MAX_POINT_SCORE * EVALUATION_POINTS.length,
    };
    if (!state.evaluators.includes(evaluatorOf(data))) return [{ type: 'CaseFileEvaluated', data }];
    if (!reason?.trim()) {
      throw conflict('evaluation_exists', `${actor.sub} has evaluated case ${file.caseId}: an amendment says why`);
    }
    if (sameScores(scores, state.scores[evaluatorOf(data)])) {
      throw conflict('version_unchanged', `the evaluation of case ${file.caseId} says this already: nothing to amend`);
    }
    return [{ type: 'CaseFileEvaluationAmended', data: { ...data, reason } }];
  },

  evolve(state, event) {
    const evaluator = evaluatorOf(event.data);
    const scores = { ...state.scores, [evaluator]: event.data.scores };
    return {
      evaluators: state.evaluators.includes(evaluator) ? state.evaluators : [...state.evaluators, evaluator],
      scores,
    };
  },
};
