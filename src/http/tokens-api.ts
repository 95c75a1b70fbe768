import { Router } from 'express';
import { REVOCATION_STREAM } from '../domain/tokens/revocations.js';
import type { Principal } from '../app/auth.js';
import { recordedEvent } from '../app/command-handler.js';
import type { TokenRevocations } from '../app/token-revocations.js';
import { authenticate, principalOf, requireRoles } from './authenticate.js';
import { jsonBody } from './body.js';
import { eventIdFor, ifMatch } from './request.js';
import type { Validate } from './validation.js';

export interface TokensApiDependencies {
  readonly revocations: Pick<TokenRevocations, 'revokeToken' | 'revokeSubject'>;
  readonly verify: (token: string) => Principal;
  readonly validate: Validate;
  readonly newId: () => string;
}

type RevokeBody = { jti: string; reason?: string } | { sub: string; before: string; reason?: string };

/** Revoking bearer tokens of the admin's own agency: one by its `jti`, or all of a subject's issued before a time. */
export function tokensApi({ revocations, verify, validate, newId }: TokensApiDependencies): Router {
  const router = Router();

  router.post('/v1/tokens/revocations', authenticate(verify), requireRoles('admin'), jsonBody(), async (req, res) => {
    validate('urn:evidence-ledger:schema:command:revoke-tokens', req.body);
    const body = req.body as RevokeBody;
    const principal = principalOf(res);
    const actor = { sub: principal.sub, agency: principal.agency, roles: [...principal.roles] };
    const eventId = eventIdFor(req, principal, REVOCATION_STREAM, newId);
    const result =
      'jti' in body
        ? await revocations.revokeToken(actor, body.jti, body.reason, eventId, ifMatch(req))
        : await revocations.revokeSubject(actor, body, eventId, ifMatch(req));
    const event = recordedEvent(result, 'jti' in body ? 'RevokeToken' : 'RevokeSubjectTokens');
    res.status(result.created ? 201 : 200).set('ETag', `"${result.revision}"`);
    res.json({
      eventId: event.id,
      type: event.type,
      revision: event.revision,
      position: result.position,
      hash: event.hash,
    });
  });

  return router;
}
