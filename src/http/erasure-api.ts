import { Router } from 'express';
import type { Principal } from '../app/auth.js';
import { recordedEvent } from '../app/command-handler.js';
import type { ErasureService } from '../app/erasure-service.js';
import type { PersonalReads } from '../app/personal-reads.js';
import { applicationStream } from '../domain/application/application.js';
import { caseStream } from '../domain/case/acts.js';
import type { ErasureData } from '../domain/case/erasure.js';
import { RuleViolation } from '../domain/errors.js';
import { authenticate, principalOf, requireRoles } from './authenticate.js';
import { jsonBody } from './body.js';
import { eventIdFor, ifMatch } from './request.js';
import { retrievalOf } from './retrieval.js';
import { InvalidQuery, type Validate } from './validation.js';
import { consistencyOf } from './consistency.js';
import { ID_PATTERN } from '../domain/streams.js';

export interface ErasureApiDependencies {
  readonly erasure: ErasureService;
  readonly personal: PersonalReads;
  readonly verify: (token: string) => Principal;
  readonly validate: Validate;
  readonly newId: () => string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const POINTER = /^(\/[A-Za-z0-9_~-]{1,64}){1,8}$/;

/**
 * Erasure of a case's personal data, or of an applicant's of an application that opened no case (admin of the
 * agency), and the opening of one sealed field for a party or
 * a court (whoever may read the case; recorded as `read_opening`). docs/privacy.md.
 */
export function erasureApi(deps: ErasureApiDependencies): Router {
  const router = Router();
  const auth = authenticate(deps.verify);

  router.post('/v1/cases/:caseId/erasure', auth, requireRoles('admin'), jsonBody(), async (req, res) => {
    const caseId = caseIdOf(req.params.caseId);
    deps.validate('urn:evidence-ledger:schema:command:erase-case', req.body);
    const principal = principalOf(res);
    const actor = { sub: principal.sub, agency: principal.agency, roles: [...principal.roles] };
    const eventId = eventIdFor(req, principal, caseStream(principal.agency, caseId), deps.newId);
    const result = await deps.erasure.erase(caseId, actor, req.body as ErasureData, {
      eventId,
      expectedRevision: ifMatch(req),
    });
    res.status(result.created ? 201 : 200).set('ETag', `"${result.revision}"`);
    res.json({
      caseId,
      type: 'CaseDataErased',
      eventId: recordedEvent(result, 'EraseCase').id,
      revision: result.revision,
      position: result.position,
      hash: result.hash,
    });
  });

  router.post('/v1/applications/:applicationId/erasure', auth, requireRoles('admin'), jsonBody(), async (req, res) => {
    const applicationId = String(req.params.applicationId);
    if (!UUID.test(applicationId)) throw new RuleViolation('not_found', 404, 'no such application');
    deps.validate('urn:evidence-ledger:schema:command:erase-application', req.body);
    const principal = principalOf(res);
    const actor = { sub: principal.sub, agency: principal.agency, roles: [...principal.roles] };
    const stream = applicationStream(principal.agency, applicationId);
    const eventId = eventIdFor(req, principal, stream, deps.newId);
    const result = await deps.erasure.eraseApplication(applicationId, actor, req.body as ErasureData, {
      eventId,
      expectedRevision: ifMatch(req),
    });
    res.status(result.created ? 201 : 200).set('ETag', `"${result.revision}"`);
    res.json({
      applicationId,
      eventId: recordedEvent(result, 'EraseApplication').id,
      revision: result.revision,
      position: result.position,
      hash: result.hash,
    });
  });

  router.get('/v1/cases/:caseId/openings', auth, async (req, res) => {
    const caseId = caseIdOf(req.params.caseId);
    const eventId = String(req.query.eventId ?? '');
    const path = String(req.query.path ?? '');
    if (!UUID.test(eventId)) throw new InvalidQuery('eventId must be an event id (a UUID)');
    if (!POINTER.test(path)) throw new InvalidQuery('path must be a JSON Pointer into the event data');
    consistencyOf(req); // checked, never waited for: the event is read from the log
    const opening = await deps.personal.opening(retrievalOf(req, res, caseId, 'read_opening'), eventId, path);
    res.set('Cache-Control', 'no-store').json(opening);
  });

  return router;
}

function caseIdOf(raw: unknown): string {
  const caseId = String(raw);
  if (!ID_PATTERN.test(caseId)) throw new RuleViolation('not_found', 404, 'no such case');
  return caseId;
}
