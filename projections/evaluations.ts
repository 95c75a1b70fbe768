import type { EvaluationData, EvaluationEvent } from '../src/domain/case/evaluation.js';
import { evaluationStream } from '../src/domain/case/evaluation.js';
import { parseAgencyStream } from '../src/domain/streams.js';
import type { Change, Doc, Projection } from '../src/ports/read-models.js';

/**
 * A supervisor's evaluation of a closed case file (案卷评查) as it stands: the latest scores (an amendment replaces
 * them). Key: {@link evaluationKey}.
 */
export interface EvaluationDoc extends Doc, EvaluationData {
  agency: string;
  /** The year the case was closed in: the yearly statistics and the weak points count by it. */
  closedYear: number;
  eventId: string;
  evaluatedAt: string;
  /** Amendments recorded after the first evaluation, with the latest reason. */
  amendments: number;
  reason?: string;
}

export const EVALUATIONS = 'evaluations';
/**
 * A case's evaluations are the keys starting with `<evaluation stream>/`, one per supervisor: its id, and after
 * an `@` its agency when it is not the case's (escaped, neither part holds an `@`).
 */
export const evaluationKey = (
  agency: string,
  caseId: string,
  evaluator: Pick<EvaluationData, 'evaluator' | 'evaluatorAgency'>,
): string =>
  `${evaluationStream(agency, caseId)}/${encodeURIComponent(evaluator.evaluator)}` +
  (evaluator.evaluatorAgency === undefined ? '' : `@${encodeURIComponent(evaluator.evaluatorAgency)}`);
export const caseEvaluationsPrefix = (agency: string, caseId: string): string => `${evaluationStream(agency, caseId)}/`;

/** Case-file evaluations, from the `evaluation-<agency>:<caseId>` streams. */
export const evaluationsProjection: Projection = {
  name: 'evaluations',
  version: 2,
  collections: [{ name: EVALUATIONS, indexes: ['agency', 'closedYear', 'caseId', 'evaluator'] }],
  apply({ event }, docs): Change[] {
    const stream = parseAgencyStream(event.stream);
    if (stream?.category !== 'evaluation') return [];
    if (event.type !== 'CaseFileEvaluated' && event.type !== 'CaseFileEvaluationAmended') return [];
    const data = event.data as unknown as EvaluationEvent['data'];
    const key = evaluationKey(stream.agency, stream.id, data);
    const before = docs.get<EvaluationDoc>(EVALUATIONS, key);
    const { reason, ...scores } = data as EvaluationData & { reason?: string };
    const doc: EvaluationDoc = {
      ...scores,
      officers: [...scores.officers],
      agency: stream.agency,
      closedYear: Number(scores.closedOn.slice(0, 4)),
      eventId: event.id,
      evaluatedAt: event.recordedAt,
      amendments: before ? before.amendments + 1 : 0,
      ...(reason ? { reason } : {}),
    };
    return [{ collection: EVALUATIONS, key, doc }];
  },
};
