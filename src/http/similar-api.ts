import { Router } from 'express';
import { caseKey, caseText, CASES, type CaseFileDoc } from '../../projections/case-files.js';
import type { Principal } from '../app/auth.js';
import { readableAgencies, type CaseReads } from '../app/case-reads.js';
import { MAX_SIMILAR, similarCases } from '../app/similar-cases.js';
import type { ReadModelStore } from '../ports/read-models.js';
import { authenticate, principalOf } from './authenticate.js';
import { awaitConsistency, type ReadConsistency } from './consistency.js';
import { problem, sendProblem } from './problem.js';
import { limitOf } from './query.js';
import { retrievalOf } from './retrieval.js';

export interface SimilarApiDependencies {
  readonly readModels: ReadModelStore;
  readonly runner: ReadConsistency;
  readonly reads: CaseReads;
  readonly verify: (token: string) => Principal;
}

const CASE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const DEFAULT_LIMIT = 5;

/**
 * Similar cases for officers (类案推送): `GET /v1/cases/{caseId}/similar` lists the decided cases most like one the
 * caller may read, from the agencies the caller may read (its own, and those a supervisor supervises). Reading
 * the case to search from is a retrieval of it and is recorded (`read_similar`), granted or denied, like any read
 * of a case; a case the caller may not read is `404`, as if it did not exist.
 */
export function similarApi(deps: SimilarApiDependencies): Router {
  const router = Router();

  router.get('/v1/cases/:caseId/similar', authenticate(deps.verify), async (req, res) => {
    const caseId = String(req.params.caseId);
    if (!CASE_ID.test(caseId)) {
      sendProblem(res, problem(404, 'not_found', 'no such case'));
      return;
    }
    const limit = limitOf(req.query.limit, { max: MAX_SIMILAR, fallback: DEFAULT_LIMIT });
    await awaitConsistency(req, deps.runner);
    const { found: doc } = await deps.reads.retrieve(retrievalOf(req, res, caseId, 'read_similar'), (agency) =>
      deps.readModels.get<CaseFileDoc>(CASES, caseKey(agency, caseId)),
    );
    const scope = readableAgencies(principalOf(res));
    const items = similarCases(deps.readModels, doc, { scope, limit, text: caseText(doc) });
    res.json({ caseId, items });
  });

  return router;
}
