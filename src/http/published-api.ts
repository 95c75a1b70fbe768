import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Principal } from '../app/auth.js';
import { recordedEvent, type CommandResult } from '../app/command-handler.js';
import type { PublishedReads } from '../app/published-reads.js';
import type { PublishedService, PublishTarget } from '../app/published-service.js';
import { RuleViolation } from '../domain/errors.js';
import { PUBLISHED_KINDS, type PublishedKind } from '../domain/published/kinds.js';
import { agencyStream } from '../domain/streams.js';
import { authenticate, principalOf, requireRoles } from './authenticate.js';
import { jsonBody } from './body.js';
import { consistencyOf } from './consistency.js';
import { oneOf, pagingOf } from './query.js';
import { eventIdFor, ifMatch } from './request.js';
import type { Validate } from './validation.js';
import { ID_PATTERN } from '../domain/streams.js';
import { written } from './written.js';

export interface PublishedApiDependencies {
  readonly published: PublishedService;
  readonly reads: PublishedReads;
  readonly verify: (token: string) => Principal;
  readonly validate: Validate;
  readonly newId: () => string;
  /** The public routes' rate limit (one budget per client address, shared with the other public routes). */
  readonly limited: RequestHandler;
}

/** The schema of each kind's document (`PUT` body). */
const SCHEMAS: Record<PublishedKind, string> = {
  'inspection-list': 'publish-inspection-entry',
  'flow-charts': 'publish-flow-chart',
  'review-charts': 'publish-review-chart',
  'service-guides': 'publish-service-guide',
  'post-boards': 'publish-post-board',
};

const VERSION = /^[1-9][0-9]{0,14}$/;
const STATUSES = new Set(['current', 'withdrawn'] as const);

/**
 * The documents published before enforcement (事前公开), under `/v1/agencies/{agency}/<kind>`: the agency's admin
 * publishes a version (`PUT …/{id}`, the whole document, `note` saying what changed) or withdraws a document
 * (`POST …/{id}/withdrawal`); anyone reads the list, a document with its history, and any past version.
 */
export function publishedApi(deps: PublishedApiDependencies): Router {
  const router = Router();
  const entries = handlers(deps, 'inspection-list');
  router.put('/v1/agencies/:agency/inspection-list/:id', ...entries.publish);
  router.post('/v1/agencies/:agency/inspection-list/:id/withdrawal', ...entries.withdraw);
  router.get('/v1/agencies/:agency/inspection-list', ...entries.list);
  router.get('/v1/agencies/:agency/inspection-list/:id', ...entries.document);
  router.get('/v1/agencies/:agency/inspection-list/:id/versions/:version', ...entries.version);
  const charts = handlers(deps, 'flow-charts');
  router.put('/v1/agencies/:agency/flow-charts/:id', ...charts.publish);
  router.post('/v1/agencies/:agency/flow-charts/:id/withdrawal', ...charts.withdraw);
  router.get('/v1/agencies/:agency/flow-charts', ...charts.list);
  router.get('/v1/agencies/:agency/flow-charts/:id', ...charts.document);
  router.get('/v1/agencies/:agency/flow-charts/:id/versions/:version', ...charts.version);
  const reviewCharts = handlers(deps, 'review-charts');
  router.put('/v1/agencies/:agency/review-charts/:id', ...reviewCharts.publish);
  router.post('/v1/agencies/:agency/review-charts/:id/withdrawal', ...reviewCharts.withdraw);
  router.get('/v1/agencies/:agency/review-charts', ...reviewCharts.list);
  router.get('/v1/agencies/:agency/review-charts/:id', ...reviewCharts.document);
  router.get('/v1/agencies/:agency/review-charts/:id/versions/:version', ...reviewCharts.version);
  const guides = handlers(deps, 'service-guides');
  router.put('/v1/agencies/:agency/service-guides/:id', ...guides.publish);
  router.post('/v1/agencies/:agency/service-guides/:id/withdrawal', ...guides.withdraw);
  router.get('/v1/agencies/:agency/service-guides', ...guides.list);
  router.get('/v1/agencies/:agency/service-guides/:id', ...guides.document);
  router.get('/v1/agencies/:agency/service-guides/:id/versions/:version', ...guides.version);
  const boards = handlers(deps, 'post-boards');
  router.put('/v1/agencies/:agency/post-boards/:id', ...boards.publish);
  router.post('/v1/agencies/:agency/post-boards/:id/withdrawal', ...boards.withdraw);
  router.get('/v1/agencies/:agency/post-boards', ...boards.list);
  router.get('/v1/agencies/:agency/post-boards/:id', ...boards.document);
  router.get('/v1/agencies/:agency/post-boards/:id/versions/:version', ...boards.version);
  return router;
}

/** The handlers of one kind's routes, each a list of middleware ending in the route's own. */
function handlers(deps: PublishedApiDependencies, kind: PublishedKind) {
  const auth = authenticate(deps.verify);
  const readJson = jsonBody();
  const admin = [auth, requireRoles('admin'), readJson];
  const target = (req: Request, res: Response): PublishTarget => {
    const { agency, id } = named(req);
    const stream = agencyStream(PUBLISHED_KINDS[kind].category, agency, id);
    const expectedRevision = ifMatch(req);
    return {
      agency,
      id,
      eventId: eventIdFor(req, principalOf(res), stream, deps.newId),
      ...(expectedRevision === undefined ? {} : { expectedRevision }),
    };
  };
  const answer = (res: Response, to: PublishTarget, result: CommandResult) => {
    const data = recordedEvent(result, `publishing or withdrawing ${kind}`).data as { version: number };
    res.status(result.created ? 201 : 200).set('ETag', `"${result.revision}"`);
    res.json({
      agency: to.agency,
      id: to.id,
      version: data.version,
      ...written(result),
    });
  };

  const publish: RequestHandler = async (req, res) => {
    deps.validate(`urn:evidence-ledger:schema:command:${SCHEMAS[kind]}`, req.body);
    const { note, ...document } = req.body as Record<string, unknown> & { note?: string };
    const to = target(req, res);
    answer(res, to, await deps.published.publish(kind, principalOf(res), to, document, note));
  };
  const withdraw: RequestHandler = async (req, res) => {
    deps.validate('urn:evidence-ledger:schema:command:withdraw-document', req.body);
    const to = target(req, res);
    answer(res, to, await deps.published.withdraw(kind, principalOf(res), to, (req.body as { reason: string }).reason));
  };
  const list: RequestHandler = async (req, res) => {
    const { agency } = named(req, false);
    const status = oneOf(req.query.status, 'status', STATUSES);
    const filter = status === undefined ? {} : { status };
    res.json(await deps.reads.list(kind, agency, filter, pagingOf(req), consistencyOf(req)));
  };
  const document: RequestHandler = async (req, res) => {
    const { agency, id } = named(req);
    const found = await deps.reads.document(kind, agency, id, consistencyOf(req));
    if (!found) throw new RuleViolation('not_found', 404, 'no such published document');
    res.json(found);
  };
  const version: RequestHandler = async (req, res) => {
    const { agency, id } = named(req);
    const number = String(req.params.version);
    const found = VERSION.test(number)
      ? await deps.reads.version(kind, agency, id, Number(number), consistencyOf(req))
      : undefined;
    if (!found) throw new RuleViolation('not_found', 404, 'no such version');
    res.json(found);
  };
  return {
    publish: [...admin, publish],
    withdraw: [...admin, withdraw],
    list: [deps.limited, list],
    document: [deps.limited, document],
    version: [deps.limited, version],
  };
}

/** The agency and document id of the path: identifiers, or there is no such document (`404`). */
function named(req: Request, withId = true): { agency: string; id: string } {
  const agency = String(req.params.agency);
  const id = withId ? String(req.params.id) : '';
  if (!ID_PATTERN.test(agency) || (withId && !ID_PATTERN.test(id)))
    throw new RuleViolation('not_found', 404, 'no such document');
  return { agency, id };
}
