import { Router } from 'express';
import type { RegistryService } from '../app/registry-service.js';
import type { ItemProfile } from '../domain/registry/items.js';
import type { OfficerProfile } from '../domain/registry/officers.js';
import { itemStream } from '../domain/registry/items.js';
import { officerStream } from '../domain/registry/officers.js';
import { jsonBody } from './body.js';
import { authenticate, principalOf, requireRoles } from './authenticate.js';
import type { Principal } from '../app/auth.js';
import { eventIdFor } from './request.js';
import type { Validate } from './validation.js';

export interface RegistryApiDependencies {
  readonly registry: RegistryService;
  readonly verify: (token: string) => Principal;
  readonly validate: Validate;
  readonly newId: () => string;
}

/** Registering officers and enforcement items: the agency's admin. */
export function registryApi({ registry, verify, validate, newId }: RegistryApiDependencies): Router {
  const router = Router();
  const auth = authenticate(verify);
  const readJson = jsonBody();

  router.post('/v1/officers', auth, requireRoles('admin'), readJson, async (req, res) => {
    validate('urn:evidence-ledger:schema:command:register-officer', req.body);
    const profile = req.body as OfficerProfile;
    const principal = principalOf(res);
    const eventId = eventIdFor(req, principal, officerStream(principal.agency, profile.officerId), newId);
    const result = await registry.registerOfficer(principal, profile, eventId);
    res.status(result.created ? 201 : 200).set('ETag', `"${result.revision}"`);
    res.json({ officerId: profile.officerId, revision: result.revision, position: result.position, hash: result.hash });
  });

  router.post('/v1/items', auth, requireRoles('admin'), readJson, async (req, res) => {
    validate('urn:evidence-ledger:schema:command:register-item', req.body);
    const profile = req.body as ItemProfile;
    const principal = principalOf(res);
    const eventId = eventIdFor(req, principal, itemStream(principal.agency, profile.code), newId);
    const result = await registry.registerItem(principal, profile, eventId);
    res.status(result.created ? 201 : 200).set('ETag', `"${result.revision}"`);
    res.json({
      code: profile.code,
      agency: profile.agency,
      revision: result.revision,
      position: result.position,
      hash: result.hash,
    });
  });

  return router;
}
