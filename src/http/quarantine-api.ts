import { Router } from 'express';
import type { Principal } from '../app/auth.js';
import type { SupervisionReads } from '../app/supervision-reads.js';
import { authenticate, requireRoles } from './authenticate.js';
import { pagingOf, single } from './query.js';
import { sendList, supervisionQuery } from './supervision-api.js';
import { SUPERVISION_TABLES } from './supervision-csv.js';

export interface QuarantineApiDependencies {
  readonly reads: SupervisionReads;
  readonly verify: (token: string) => Principal;
}

/**
 * `GET /v1/audit/quarantine`: the events of the supervisor's agencies (the agency of the event's actor) that a
 * projection could not apply, oldest first: the views of that projection do not reflect them. Names the event,
 * the projection and the error, never the event's data.
 */
export function quarantineApi({ reads, verify }: QuarantineApiDependencies): Router {
  const router = Router();
  router.get('/v1/audit/quarantine', authenticate(verify), requireRoles('supervisor'), async (req, res) => {
    const query = supervisionQuery(req, res);
    const projection = single(req.query.projection, 'projection');
    const paging = pagingOf(req);
    const answer = await reads.quarantine({ ...query, ...(projection === undefined ? {} : { projection }) }, paging);
    sendList(req, res, SUPERVISION_TABLES.quarantine, answer);
  });
  return router;
}
