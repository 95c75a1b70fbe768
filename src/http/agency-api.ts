import { Router, type RequestHandler } from 'express';
import type { AgencyProfileBody, AgencyProfiles } from '../app/agency-profiles.js';
import type { Principal } from '../app/auth.js';
import { agencyProfileStream } from '../domain/registry/agency-profile.js';
import { authenticate, principalOf, requireRoles } from './authenticate.js';
import { jsonBody } from './body.js';
import { consistencyOf } from './consistency.js';
import { pagingOf, pathId } from './query.js';
import { eventIdFor, ifMatch } from './request.js';
import { InvalidBody, type Validate } from './validation.js';
import { written } from './written.js';

export interface AgencyApiDependencies {
  readonly profiles: AgencyProfiles;
  readonly verify: (token: string) => Principal;
  readonly validate: Validate;
  readonly newId: () => string;
  /** The public routes' rate limit. */
  readonly limited: RequestHandler;
}

/**
 * The agencies' public profiles (行政执法主体): anyone lists them and reads one with its versions; an agency's admin
 * records its own, the whole profile each time, as a signed `AgencyProfileSet`.
 */
export function agencyApi({ profiles, verify, validate, newId, limited }: AgencyApiDependencies): Router {
  const router = Router();
  const auth = authenticate(verify);

  router.get('/v1/agencies', limited, async (req, res) => {
    res.json(await profiles.list(pagingOf(req), consistencyOf(req)));
  });

  router.get('/v1/agencies/:agency/profile', limited, async (req, res) => {
    consistencyOf(req); // checked, never waited for: the profile comes from the log
    res.json(await profiles.profile(pathId(req.params.agency, 'agency')));
  });

  router.put('/v1/agencies/:agency/profile', auth, requireRoles('admin'), jsonBody(), async (req, res) => {
    const agency = pathId(req.params.agency, 'agency');
    validate('urn:evidence-ledger:schema:command:set-agency-profile', req.body);
    const body = req.body as AgencyProfileBody;
    if (body.agency !== agency) throw new InvalidBody('the body names another agency than the path');
    const principal = principalOf(res);
    const eventId = eventIdFor(req, principal, agencyProfileStream(principal.agency), newId);
    const result = await profiles.set(principal, body, eventId, ifMatch(req));
    res.status(result.created ? 201 : 200).set('ETag', `"${result.revision}"`);
    res.json({ agency, ...written(result) });
  });

  return router;
}
