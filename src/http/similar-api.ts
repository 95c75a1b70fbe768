import { Router } from 'express';
import type { Principal } from '../app/auth.js';
import type { CaseFileReads } from '../app/case-file-reads.js';
import { MAX_SIMILAR } from '../app/similar-cases.js';
import { authenticate } from './authenticate.js';
import { problem, sendProblem } from './problem.js';
import { limitOf } from './query.js';
import { caseFileRetrievalOf } from './retrieval.js';
import { ID_PATTERN } from '../domain/streams.js';

export interface SimilarApiDependencies {
  readonly files: CaseFileReads;
  readonly verify: (token: string) => Principal;
}

const DEFAULT_LIMIT = 5;

/**
 * Similar cases for officers (类案推送): `GET /v1/cases/{caseId}/similar` lists the decided cases most like one the
 * caller may read, from the agencies the caller may read (its own, and those a supervisor supervises). Reading
 * the case to search from is a retrieval of it and is recorded (`read_similar`), granted or denied, like any read
 * of a case; a case the caller may not read is `404`, as if it did not exist (`CaseFileReads.similar`).
 */
export function similarApi(deps: SimilarApiDependencies): Router {
  const router = Router();

  router.get('/v1/cases/:caseId/similar', authenticate(deps.verify), async (req, res) => {
    const caseId = String(req.params.caseId);
    if (!ID_PATTERN.test(caseId)) {
      sendProblem(res, problem(404, 'not_found', 'no such case'));
      return;
    }
    const limit = limitOf(req.query.limit, { max: MAX_SIMILAR, fallback: DEFAULT_LIMIT });
    const items = await deps.files.similar(caseFileRetrievalOf(req, res, caseId, 'read_similar'), limit);
    res.json({ caseId, items });
  });

  return router;
}
