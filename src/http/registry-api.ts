import { Router, type RequestHandler } from 'express';
import type { ItemAmendment, OfficerAmendment, OfficerStatusChange, RegistryService } from '../app/registry-service.js';
import type { OfficerKeyRequest } from '../app/officer-key-material.js';
import type { ItemProfile } from '../domain/registry/items.js';
import type { OfficerProfile } from '../domain/registry/officers.js';
import { itemStream } from '../domain/registry/items.js';
import { officerStream } from '../domain/registry/officers.js';
import { notFound } from '../domain/errors.js';
import { jsonBody } from './body.js';
import { consistencyOf } from './consistency.js';
import { authenticate, principalOf, requireRoles } from './authenticate.js';
import type { Principal } from '../app/auth.js';
import { pathId } from './query.js';
import { eventIdFor, ifMatch } from './request.js';
import { InvalidBody, type Validate } from './validation.js';
import { reviewSettingsStream } from '../domain/registry/review-settings.js';
import { statisticsPublicationStream } from '../domain/registry/statistics-publication.js';
import { written } from './written.js';

/** A key id in a path: 64 lowercase hex (docs/integrity.md §5); anything else names no key (`404 not_found`). */
function keyIdParam(value: unknown): string {
  if (typeof value !== 'string' || !/^[0-9a-f]{64}$/.test(value)) throw notFound('no such key');
  return value;
}

export interface RegistryApiDependencies {
  readonly registry: RegistryService;
  readonly verify: (token: string) => Principal;
  readonly validate: Validate;
  readonly newId: () => string;
  /** The public routes' rate limit. */
  readonly limited: RequestHandler;
  /** Today in an agency's calendar (the service clock at its UTC offset): a publication is recorded by then. */
  readonly today: (agency: string) => string;
}

/** Registering and amending officers and enforcement items: the agency's admin. */
export function registryApi({ registry, verify, validate, newId, limited, today }: RegistryApiDependencies): Router {
  const router = Router();
  const auth = authenticate(verify);
  const readJson = jsonBody();

  router.post('/v1/officers', auth, requireRoles('admin'), readJson, async (req, res) => {
    validate('urn:evidence-ledger:schema:command:register-officer', req.body);
    const profile = req.body as OfficerProfile;
    const principal = principalOf(res);
    const eventId = eventIdFor(req, principal, officerStream(principal.agency, profile.officerId), newId);
    const result = await registry.registerOfficer(principal, profile, eventId, ifMatch(req));
    res.status(result.created ? 201 : 200).set('ETag', `"${result.revision}"`);
    res.json({ officerId: profile.officerId, ...written(result) });
  });

  router.post('/v1/items', auth, requireRoles('admin'), readJson, async (req, res) => {
    validate('urn:evidence-ledger:schema:command:register-item', req.body);
    const profile = req.body as ItemProfile;
    const principal = principalOf(res);
    const eventId = eventIdFor(req, principal, itemStream(principal.agency, profile.code), newId);
    const result = await registry.registerItem(principal, profile, eventId, ifMatch(req));
    res.status(result.created ? 201 : 200).set('ETag', `"${result.revision}"`);
    res.json({ code: profile.code, agency: profile.agency, ...written(result) });
  });

  router.post('/v1/officers/:officerId/amendments', auth, requireRoles('admin'), readJson, async (req, res) => {
    const officerId = pathId(req.params.officerId, 'officerId');
    validate('urn:evidence-ledger:schema:command:amend-officer', req.body);
    const principal = principalOf(res);
    const eventId = eventIdFor(req, principal, officerStream(principal.agency, officerId), newId);
    const result = await registry.amendOfficer(
      principal,
      officerId,
      req.body as OfficerAmendment,
      eventId,
      ifMatch(req),
    );
    res.status(result.created ? 201 : 200).set('ETag', `"${result.revision}"`);
    res.json({ officerId, ...written(result) });
  });

  // 暂停、恢复执法资格，离岗: each a signed event with its reason
  const statusChange =
    (change: OfficerStatusChange): RequestHandler =>
    async (req, res) => {
      const officerId = pathId(req.params.officerId, 'officerId');
      validate(`urn:evidence-ledger:schema:command:officer-${change}`, req.body);
      const principal = principalOf(res);
      const eventId = eventIdFor(req, principal, officerStream(principal.agency, officerId), newId);
      const body = req.body as { reason: string };
      const result = await registry.changeOfficerStatus(principal, officerId, change, body, eventId, ifMatch(req));
      res.status(result.created ? 201 : 200).set('ETag', `"${result.revision}"`);
      res.json({ officerId, ...written(result) });
    };
  const admin = [auth, requireRoles('admin'), readJson];
  router.post('/v1/officers/:officerId/suspension', ...admin, statusChange('suspension'));
  router.post('/v1/officers/:officerId/reinstatement', ...admin, statusChange('reinstatement'));
  router.post('/v1/officers/:officerId/retirement', ...admin, statusChange('retirement'));

  router.post('/v1/officers/:officerId/keys', auth, requireRoles('admin'), readJson, async (req, res) => {
    const officerId = pathId(req.params.officerId, 'officerId');
    validate('urn:evidence-ledger:schema:command:register-officer-key', req.body);
    const principal = principalOf(res);
    const eventId = eventIdFor(req, principal, officerStream(principal.agency, officerId), newId);
    const body = req.body as OfficerKeyRequest;
    const result = await registry.registerOfficerKey(principal, officerId, body, eventId, ifMatch(req));
    res.status(result.created ? 201 : 200).set('ETag', `"${result.revision}"`);
    res.json({ officerId, keyId: result.keyId, ...written(result) });
  });

  router.post(
    '/v1/officers/:officerId/keys/:keyId/revocation',
    auth,
    requireRoles('admin'),
    readJson,
    async (req, res) => {
      const officerId = pathId(req.params.officerId, 'officerId');
      const keyId = keyIdParam(req.params.keyId);
      validate('urn:evidence-ledger:schema:command:revoke-officer-key', req.body);
      const principal = principalOf(res);
      const eventId = eventIdFor(req, principal, officerStream(principal.agency, officerId), newId);
      const body = { keyId, ...(req.body as { reason: string; revokedFrom: string }) };
      const result = await registry.revokeOfficerKey(principal, officerId, body, eventId, ifMatch(req));
      res.status(result.created ? 201 : 200).set('ETag', `"${result.revision}"`);
      res.json({ officerId, keyId, ...written(result) });
    },
  );

  router.post('/v1/items/:code/amendments', auth, requireRoles('admin'), readJson, async (req, res) => {
    const code = pathId(req.params.code, 'code');
    validate('urn:evidence-ledger:schema:command:amend-item', req.body);
    const principal = principalOf(res);
    const eventId = eventIdFor(req, principal, itemStream(principal.agency, code), newId);
    const result = await registry.amendItem(principal, code, req.body as ItemAmendment, eventId, ifMatch(req));
    res.status(result.created ? 201 : 200).set('ETag', `"${result.revision}"`);
    res.json({ code, agency: principal.agency, ...written(result) });
  });

  router.post('/v1/items/:code/retirement', auth, requireRoles('admin'), readJson, async (req, res) => {
    const code = pathId(req.params.code, 'code');
    validate('urn:evidence-ledger:schema:command:retire-item', req.body);
    const principal = principalOf(res);
    const eventId = eventIdFor(req, principal, itemStream(principal.agency, code), newId);
    const result = await registry.retireItem(principal, code, req.body as { reason: string }, eventId, ifMatch(req));
    res.status(result.created ? 201 : 200).set('ETag', `"${result.revision}"`);
    res.json({ code, agency: principal.agency, ...written(result) });
  });

  router.get('/v1/agencies/:agency/statistics/:year/publication', limited, async (req, res) => {
    consistencyOf(req); // checked, never waited for: the record comes from the log
    res.json(await registry.statisticsPublication(pathId(req.params.agency, 'agency'), statisticsYear(req)));
  });

  router.put(
    '/v1/agencies/:agency/statistics/:year/publication',
    auth,
    requireRoles('admin'),
    readJson,
    async (req, res) => {
      const agency = pathId(req.params.agency, 'agency');
      const year = statisticsYear(req);
      validate('urn:evidence-ledger:schema:command:record-statistics-publication', req.body);
      const body = req.body as { agency: string; publishedOn: string; url?: string };
      if (body.agency !== agency) throw new InvalidBody('the body names another agency than the path');
      const principal = principalOf(res);
      const eventId = eventIdFor(req, principal, statisticsPublicationStream(principal.agency, year), newId);
      const result = await registry.recordStatisticsPublication(
        principal,
        { ...body, year, today: today(principal.agency) },
        eventId,
      );
      res.status(result.created ? 201 : 200).set('ETag', `"${result.revision}"`);
      res.json({ agency, year, ...written(result) });
    },
  );

  router.get('/v1/agencies/:agency/review-settings', limited, async (req, res) => {
    consistencyOf(req); // checked, never waited for: the settings come from the log
    res.json(await registry.reviewSettings(pathId(req.params.agency, 'agency')));
  });

  router.put('/v1/agencies/:agency/review-settings', auth, requireRoles('admin'), readJson, async (req, res) => {
    const agency = pathId(req.params.agency, 'agency');
    validate('urn:evidence-ledger:schema:command:set-review-settings', req.body);
    const body = req.body as { agency: string; reviewWorkingDays: number; reason: string };
    if (body.agency !== agency) throw new InvalidBody('the body names another agency than the path');
    const principal = principalOf(res);
    const eventId = eventIdFor(req, principal, reviewSettingsStream(principal.agency), newId);
    const result = await registry.setReviewSettings(principal, body, eventId, ifMatch(req));
    res.status(result.created ? 201 : 200).set('ETag', `"${result.revision}"`);
    res.json({ agency, ...written(result) });
  });

  return router;
}

/** The year of a statistics route: four digits, 2000 to 9998 (its deadline falls in the next year). */
function statisticsYear(req: { params: Record<string, unknown> }): number {
  const text = String(req.params.year);
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || year < 2000 || year > 9998) throw notFound('no such year');
  return year;
}
