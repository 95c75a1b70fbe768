import { Router, type RequestHandler } from 'express';
import type { Principal } from '../app/auth.js';
import type { CatalogueAdjustment, ReviewCatalogueService } from '../app/review-catalogue.js';
import { reviewCatalogueStream } from '../domain/registry/review-catalogue.js';
import { authenticate, principalOf, requireRoles } from './authenticate.js';
import { jsonBody } from './body.js';
import { pathId } from './query.js';
import { eventIdFor, ifMatch } from './request.js';
import { InvalidBody, type Validate } from './validation.js';
import { written } from './written.js';

export interface ReviewCatalogueApiDependencies {
  readonly catalogues: ReviewCatalogueService;
  readonly verify: (token: string) => Principal;
  readonly validate: Validate;
  readonly newId: () => string;
  /** The public routes' rate limit. */
  readonly limited: RequestHandler;
}

/** The agency's review catalogue (重大执法决定法制审核目录清单): public to read, adjusted by the agency's admin. */
export function reviewCatalogueApi({ catalogues, verify, validate, newId, limited }: ReviewCatalogueApiDependencies) {
  const router = Router();

  router.get('/v1/agencies/:agency/review-catalogue', limited, async (req, res) => {
    res.json(await catalogues.catalogue(pathId(req.params.agency, 'agency')));
  });

  router.put(
    '/v1/agencies/:agency/review-catalogue',
    authenticate(verify),
    requireRoles('admin'),
    jsonBody(),
    async (req, res) => {
      const agency = pathId(req.params.agency, 'agency');
      validate('urn:evidence-ledger:schema:command:adjust-review-catalogue', req.body);
      const body = req.body as CatalogueAdjustment;
      if (body.agency !== agency) throw new InvalidBody('the body names another agency than the path');
      const principal = principalOf(res);
      const eventId = eventIdFor(req, principal, reviewCatalogueStream(principal.agency), newId);
      const result = await catalogues.adjust(principal, body, eventId, ifMatch(req));
      res.status(result.created ? 201 : 200).set('ETag', `"${result.revision}"`);
      res.json({
        agency,
        version: result.revision + 1,
        ...written(result),
      });
    },
  );

  return router;
}
