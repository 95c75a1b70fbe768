import { Router, type Request } from 'express';
import type { Principal } from '../app/auth.js';
import { recordedEvent } from '../app/command-handler.js';
import type { EvaluationReads } from '../app/evaluation-reads.js';
import type { EvaluationService } from '../app/evaluation-service.js';
import type { EvaluationScores } from '../domain/case/evaluation.js';
import { evaluationStream } from '../domain/case/evaluation.js';
import { RuleViolation } from '../domain/errors.js';
import { authenticate, principalOf, requireRoles } from './authenticate.js';
import { jsonBody } from './body.js';
import { caseFileRetrievalOf } from './retrieval.js';
import { single } from './query.js';
import { eventIdFor, ifMatch } from './request.js';
import { sendList, supervisionQuery, wantsCsv } from './supervision-api.js';
import { SUPERVISION_TABLES, weakPointsRows } from './supervision-csv.js';
import { InvalidQuery, type Validate } from './validation.js';
import { ID_PATTERN } from '../domain/streams.js';

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
 * Case-file evaluations (案卷评查) by supervisors: scoring a closed case file of their own agency, reading a case's
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
    const actor = { sub: principal.sub, agency: principal.agency, roles: [...principal.roles] };
    const eventId = eventIdFor(req, principal, evaluationStream(principal.agency, caseId), newId);
    const result = await evaluations.evaluate(caseId, actor, body, eventId, ifMatch(req));
    const recorded = recordedEvent(result, 'EvaluateCaseFile');
    res.status(result.created ? 201 : 200).set('ETag', `"${result.revision}"`);
    res.json({
      caseId,
      type: recorded.type,
      total: (recorded.data as { total: number }).total,
      revision: result.revision,
      position: result.position,
      hash: result.hash,
    });
  });

  router.get('/v1/cases/:caseId/evaluations', ...guard, async (req, res) => {
    const caseId = caseIdOf(req);
    res.json({ caseId, items: await reads.ofCase(caseFileRetrievalOf(req, res, caseId, 'read_evaluations')) });
  });

  router.get('/v1/audit/evaluation-weak-points', ...guard, async (req, res) => {
    const query = supervisionQuery(req, res);
    const year = single(req.query.year, 'year');
    if (year === undefined || !/^\d{4}$/.test(year) || Number(year) < 1949) {
      throw new InvalidQuery('year must be a year, YYYY, from 1949');
    }
    const answer = await reads.weakPoints({ ...query, year: Number(year) });
    // as CSV, the rules' figures are rows beside the items' and the officers'
    sendList(req, res, SUPERVISION_TABLES.evaluationWeakPoints, wantsCsv(req) ? weakPointsRows(answer) : answer);
  });

  return router;
}
