import { Router, type Request } from 'express';
import type { Principal } from '../app/auth.js';
import { recordedEvent } from '../app/command-handler.js';
import type { EvaluationReads } from '../app/evaluation-reads.js';
import { evaluatorOf, type EvaluationService } from '../app/evaluation-service.js';
import type { EvaluationScores } from '../domain/case/evaluation.js';
import { evaluationStream } from '../domain/case/evaluation.js';
import { RuleViolation } from '../domain/errors.js';
import { authenticate, principalOf, requireRoles } from './authenticate.js';
import { jsonBody } from './body.js';
import { caseFileRetrievalOf } from './retrieval.js';
import { id } from './query.js';
import { eventIdFor, ifMatch } from './request.js';
import { sendList, supervisionQuery, wantsCsv, yearOf } from './supervision-api.js';
import { SUPERVISION_TABLES, weakPointsRows } from './supervision-csv.js';
import type { Validate } from './validation.js';
import { ID_PATTERN } from '../domain/streams.js';
import { written } from './written.js';

export interface EvaluationApiDependencies {
  readonly evaluations: EvaluationService;
  readonly reads: EvaluationReads;
  readonly verify: (token: string) => Principal;
  readonly validate: Validate;
  readonly newId: () => string;
}

function caseIdOf(req: Request): string {
  const caseId = String(req.params.caseId);
  if (!ID_PATTERN.test(caseId)) throw new RuleViolation('not_found', 404, 'no such case');
  return caseId;
}

/**
 * Case-file evaluations (案卷评查) by supervisors: scoring a closed case file of their own agency or of one they
 * supervise (`?agency=` names which, where the id is not unique among them), reading a case's
 * evaluations, and the weak points of a year (by checklist rule, item and officer).
 */
export function evaluationApi({ evaluations, reads, verify, validate, newId }: EvaluationApiDependencies): Router {
  const router = Router();
  const guard = [authenticate(verify), requireRoles('supervisor')];

  router.post('/v1/cases/:caseId/evaluations', ...guard, jsonBody(), async (req, res) => {
    const caseId = caseIdOf(req);
    validate('urn:evidence-ledger:schema:command:evaluate-case-file', req.body);
    const body = req.body as { scores: EvaluationScores; reason?: string };
    const principal = principalOf(res);
    const agency = await evaluations.agencyOf(principal, caseId, id(req.query.agency, 'agency'));
    const actor = evaluatorOf(principal);
    const eventId = eventIdFor(req, principal, evaluationStream(agency, caseId), newId);
    const result = await evaluations.evaluate({ agency, caseId }, actor, body, eventId, ifMatch(req));
    const recorded = recordedEvent(result, 'EvaluateCaseFile');
    res.status(result.created ? 201 : 200).set('ETag', `"${result.revision}"`);
    res.json({
      caseId,
      agency,
      type: recorded.type,
      total: (recorded.data as { total: number }).total,
      ...written(result),
    });
  });

  router.get('/v1/cases/:caseId/evaluations', ...guard, async (req, res) => {
    const caseId = caseIdOf(req);
    res.json({ caseId, items: await reads.ofCase(caseFileRetrievalOf(req, res, caseId, 'read_evaluations')) });
  });

  router.get('/v1/audit/evaluation-weak-points', ...guard, async (req, res) => {
    const query = supervisionQuery(req, res);
    const answer = await reads.weakPoints({ ...query, year: yearOf(req.query.year) });
    // as CSV, the rules' figures are rows beside the items' and the officers'
    sendList(req, res, SUPERVISION_TABLES.evaluationWeakPoints, wantsCsv(req) ? weakPointsRows(answer) : answer);
  });

  return router;
}
