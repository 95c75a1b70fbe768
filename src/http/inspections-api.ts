import { Router, type Request, type RequestHandler } from 'express';
import type { Principal } from '../app/auth.js';
import type { InspectionReads } from '../app/inspection-reads.js';
import type { InspectionService } from '../app/inspection-service.js';
import { recordedEvent } from '../app/command-handler.js';
import { RuleViolation } from '../domain/errors.js';
import { planStream, type OutcomeRecord, type PlanProfile } from '../domain/inspections/plans.js';
import { subjectStream, type SubjectProfile } from '../domain/inspections/subjects.js';
import type { DrawnTarget } from '../ledger/draw.js';
import { authenticate, principalOf, requireRoles } from './authenticate.js';
import { jsonBody } from './body.js';
import { consistencyOf } from './consistency.js';
import { id, oneOf, pagingOf } from './query.js';
import { eventIdFor, ifMatch } from './request.js';
import type { Validate } from './validation.js';
import { ID_PATTERN } from '../domain/streams.js';
import { written } from './written.js';

export interface InspectionsApiDependencies {
  readonly inspections: InspectionService;
  readonly reads: InspectionReads;
  readonly verify: (token: string) => Principal;
  readonly validate: Validate;
  readonly newId: () => string;
  /** The public routes' rate limit. */
  readonly limited: RequestHandler;
}

export const PLAN_STATUSES = new Set(['planned', 'drawn']);

/** A path segment that names an id, else `404 not_found` (it names nothing there can be). */
function pathId(req: Request, name: string): string {
  const value = String(req.params[name]);
  if (!ID_PATTERN.test(value)) throw new RuleViolation('not_found', 404, `no such ${name}`);
  return value;
}

/**
 * "Double random, one public" (双随机、一公开): the agency head registers regulated subjects, plans inspections and
 * records their draws; officers declare conflicts of interest and record outcomes; anyone reads the directory, the
 * plans and each plan's draw and outcomes (rate-limited, `?consistentWith=`).
 */
export function inspectionsApi(deps: InspectionsApiDependencies): Router {
  const { inspections, reads, verify, validate, newId, limited } = deps;
  const router = Router();
  const auth = authenticate(verify);
  const readJson = jsonBody();

  router.post('/v1/subjects', auth, requireRoles('admin'), readJson, async (req, res) => {
    validate('urn:evidence-ledger:schema:command:register-subject', req.body);
    const profile = req.body as SubjectProfile;
    const principal = principalOf(res);
    const eventId = eventIdFor(req, principal, subjectStream(principal.agency, profile.subjectId), newId);
    const result = await inspections.registerSubject(principal, profile, eventId, ifMatch(req));
    res.status(result.created ? 201 : 200).set('ETag', `"${result.revision}"`);
    res.json({ subjectId: profile.subjectId, ...written(result) });
  });

  router.post('/v1/subjects/:subjectId/amendments', auth, requireRoles('admin'), readJson, async (req, res) => {
    const subjectId = pathId(req, 'subjectId');
    validate('urn:evidence-ledger:schema:command:amend-subject', req.body);
    const principal = principalOf(res);
    const eventId = eventIdFor(req, principal, subjectStream(principal.agency, subjectId), newId);
    const body = req.body as Parameters<InspectionService['amendSubject']>[2];
    const result = await inspections.amendSubject(principal, subjectId, body, eventId, ifMatch(req));
    res.status(result.created ? 201 : 200).set('ETag', `"${result.revision}"`);
    res.json({ subjectId, ...written(result) });
  });

  router.post('/v1/subjects/:subjectId/retirement', auth, requireRoles('admin'), readJson, async (req, res) => {
    const subjectId = pathId(req, 'subjectId');
    validate('urn:evidence-ledger:schema:command:retire-subject', req.body);
    const principal = principalOf(res);
    const eventId = eventIdFor(req, principal, subjectStream(principal.agency, subjectId), newId);
    const result = await inspections.retireSubject(
      principal,
      subjectId,
      req.body as { reason: string },
      eventId,
      ifMatch(req),
    );
    res.status(result.created ? 201 : 200).set('ETag', `"${result.revision}"`);
    res.json({ subjectId, ...written(result) });
  });

  router.post(
    '/v1/subjects/:subjectId/conflicts',
    auth,
    requireRoles('officer', 'reviewer', 'admin'),
    readJson,
    async (req, res) => {
      const subjectId = pathId(req, 'subjectId');
      validate('urn:evidence-ledger:schema:command:declare-conflict', req.body);
      const principal = principalOf(res);
      const eventId = eventIdFor(req, principal, subjectStream(principal.agency, subjectId), newId);
      const body = req.body as { officerId: string; reason: string };
      const result = await inspections.declareConflict(principal, subjectId, body, eventId, ifMatch(req));
      res.status(result.created ? 201 : 200).set('ETag', `"${result.revision}"`);
      res.json({ subjectId, officerId: body.officerId, ...written(result) });
    },
  );

  router.post(
    '/v1/subjects/:subjectId/conflicts/:officerId/withdrawal',
    auth,
    requireRoles('admin'),
    readJson,
    async (req, res) => {
      const subjectId = pathId(req, 'subjectId');
      const officerId = pathId(req, 'officerId');
      validate('urn:evidence-ledger:schema:command:withdraw-conflict', req.body);
      const principal = principalOf(res);
      const eventId = eventIdFor(req, principal, subjectStream(principal.agency, subjectId), newId);
      const body = req.body as { reason: string };
      const result = await inspections.withdrawConflict(principal, subjectId, officerId, body, eventId, ifMatch(req));
      res.status(result.created ? 201 : 200).set('ETag', `"${result.revision}"`);
      res.json({ subjectId, officerId, ...written(result) });
    },
  );

  router.post('/v1/inspections', auth, requireRoles('admin'), readJson, async (req, res) => {
    validate('urn:evidence-ledger:schema:command:plan-inspection', req.body);
    const profile = req.body as PlanProfile;
    const principal = principalOf(res);
    const eventId = eventIdFor(req, principal, planStream(principal.agency, profile.planId), newId);
    const result = await inspections.plan(principal, profile, eventId, ifMatch(req));
    const { treeSizeAtPlan } = recordedEvent(result, 'PlanInspection').data as { treeSizeAtPlan: number };
    res.status(result.created ? 201 : 200).set('ETag', `"${result.revision}"`);
    res.json({ planId: profile.planId, treeSizeAtPlan, ...written(result) });
  });

  router.post('/v1/inspections/:planId/draw', auth, requireRoles('admin'), readJson, async (req, res) => {
    const planId = pathId(req, 'planId');
    validate('urn:evidence-ledger:schema:command:record-draw', req.body);
    const principal = principalOf(res);
    const eventId = eventIdFor(req, principal, planStream(principal.agency, planId), newId);
    const claimed = req.body as { seed?: string; targets?: DrawnTarget[] };
    const result = await inspections.draw(principal, planId, claimed, eventId, ifMatch(req));
    // the draw is the last event: inputs too many for its own event are recorded in parts before it
    const drawn = result.events.at(-1) ?? recordedEvent(result, 'RecordDraw');
    const { seed, targets } = drawn.data as { seed: string; targets: DrawnTarget[] };
    res.status(result.created ? 201 : 200).set('ETag', `"${result.revision}"`);
    res.json({ planId, seed, targets, ...written(result) });
  });

  router.post(
    '/v1/inspections/:planId/outcomes',
    auth,
    requireRoles('officer', 'admin'),
    readJson,
    async (req, res) => {
      const planId = pathId(req, 'planId');
      validate('urn:evidence-ledger:schema:command:record-outcome', req.body);
      const principal = principalOf(res);
      const eventId = eventIdFor(req, principal, planStream(principal.agency, planId), newId);
      const record = req.body as OutcomeRecord;
      const result = await inspections.outcome(principal, planId, record, eventId, ifMatch(req));
      res.status(result.created ? 201 : 200).set('ETag', `"${result.revision}"`);
      res.json({ planId, subjectId: record.subjectId, ...written(result) });
    },
  );

  router.get('/v1/subjects', limited, async (req, res) => {
    const agency = id(req.query.agency, 'agency');
    const sector = id(req.query.sector, 'sector');
    const filter = { ...(agency === undefined ? {} : { agency }), ...(sector === undefined ? {} : { sector }) };
    res.json(await reads.subjects(filter, pagingOf(req), consistencyOf(req)));
  });

  router.get('/v1/inspections', limited, async (req, res) => {
    const agency = id(req.query.agency, 'agency');
    const status = oneOf(req.query.status, 'status', PLAN_STATUSES);
    const filter = { ...(agency === undefined ? {} : { agency }), ...(status === undefined ? {} : { status }) };
    res.json(await reads.plans(filter, pagingOf(req), consistencyOf(req)));
  });

  router.get('/v1/inspections/:agency/:planId', limited, async (req, res) => {
    const plan = await reads.plan(pathId(req, 'agency'), pathId(req, 'planId'), consistencyOf(req));
    if (!plan) throw new RuleViolation('not_found', 404, 'no such inspection plan');
    res.json(plan);
  });

  return router;
}
