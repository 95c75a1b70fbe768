import { Router } from 'express';
import type { Principal } from '../app/auth.js';
import { QUARANTINE, type QuarantineDoc, type ReadModelStore } from '../ports/read-models.js';
import { authenticate, requireRoles } from './authenticate.js';
import { awaitConsistency, type ReadConsistency } from './consistency.js';
import { pageOf, pagingOf, single } from './query.js';
import { scopeOf } from './supervision-api.js';

export interface QuarantineApiDependencies {
  readonly readModels: ReadModelStore;
  readonly runner: ReadConsistency;
  readonly verify: (token: string) => Principal;
}

/**
 * `GET /v1/audit/quarantine`: the events of the supervisor's agencies (the agency of the event's actor) that a
 * projection could not apply, oldest first: the views of that projection do not reflect them. Names the event,
 * the projection and the error, never the event's data.
 */
export function quarantineApi({ readModels, runner, verify }: QuarantineApiDependencies): Router {
  const router = Router();
  router.get('/v1/audit/quarantine', authenticate(verify), requireRoles('supervisor'), async (req, res) => {
    const scope = scopeOf(req, res);
    const projection = single(req.query.projection, 'projection');
    const paging = pagingOf(req);
    await awaitConsistency(req, runner);
    const page = pageOf(() =>
      readModels.query<QuarantineDoc>(QUARANTINE, {
        where: { agency: scope, ...(projection === undefined ? {} : { projection }) },
        orderBy: 'position',
        direction: 'asc',
        limit: paging.limit,
        ...(paging.after === undefined ? {} : { after: paging.after }),
      }),
    );
    res.json({
      items: page.items.map((d) => ({
        projection: d.projection,
        position: d.position,
        eventId: d.eventId,
        stream: d.stream,
        type: d.type,
        agency: d.agency,
        recordedAt: d.recordedAt,
        reason: d.reason,
      })),
      ...(page.next === undefined ? {} : { next: page.next }),
    });
  });
  return router;
}
