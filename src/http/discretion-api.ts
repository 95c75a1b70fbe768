import { Router, type RequestHandler } from 'express';
import type { Principal } from '../app/auth.js';
import { recordedEvent } from '../app/command-handler.js';
import type { DiscretionReads } from '../app/discretion-reads.js';
import type { RegistryService } from '../app/registry-service.js';
import { benchmarkStream, CIRCUMSTANCES, type BenchmarkProfile } from '../domain/registry/benchmarks.js';
import { authenticate, principalOf, requireRoles } from './authenticate.js';
import { jsonBody } from './body.js';
import { consistencyOf } from './consistency.js';
import { id, oneOf, pagingOf, pathId } from './query.js';
import { eventIdFor, ifMatch } from './request.js';
import { SUPERVISION_TABLES } from './supervision-csv.js';
import { sendList, supervisionQuery } from './supervision-api.js';
import { InvalidQuery, type Validate } from './validation.js';
import { written } from './written.js';

/**
 * The CSV form of `GET /v1/audit/discretion-deviations`: one row per case, each finding's members but the reason
 * (read in the case files), `within` included, so that a proposal inside its range beside a decision outside it
 * reads as such.
 */

export interface DiscretionApiDependencies {
  readonly registry: RegistryService;
  readonly reads: DiscretionReads;
  readonly verify: (token: string) => Principal;
  readonly validate: Validate;
  readonly newId: () => string;
  /** The public routes' rate limit. */
  readonly limited: RequestHandler;
}

/**
 * Discretion benchmarks (裁量基准): set by the agency's admin, published to anyone with every version; the
 * distribution of fines in similar past decisions for the agency's staff; fines outside their range for supervisors.
 */
export function discretionApi({
  registry,
  reads,
  verify,
  validate,
  newId,
  limited,
}: DiscretionApiDependencies): Router {
  const router = Router();
  const auth = authenticate(verify);

  router.post('/v1/benchmarks', auth, requireRoles('admin'), jsonBody(), async (req, res) => {
    validate('urn:evidence-ledger:schema:command:set-benchmark', req.body);
    const { reason, ...profile } = req.body as BenchmarkProfile & { reason?: string };
    const principal = principalOf(res);
    const actor = { sub: principal.sub, agency: principal.agency, roles: [...principal.roles] };
    const eventId = eventIdFor(req, principal, benchmarkStream(principal.agency, profile.itemCode), newId);
    const result = await registry.setBenchmark(actor, profile, reason, eventId, ifMatch(req));
    const { version } = recordedEvent(result, 'SetBenchmark').data as { version: number };
    res.status(result.created ? 201 : 200).set('ETag', `"${result.revision}"`);
    res.json({
      itemCode: profile.itemCode,
      agency: profile.agency,
      version,
      ...written(result),
    });
  });

  router.get('/v1/benchmarks', limited, async (req, res) => {
    const agency = id(req.query.agency, 'agency');
    const paging = pagingOf(req);
    res.json(await reads.benchmarks({ ...(agency === undefined ? {} : { agency }) }, paging, consistencyOf(req)));
  });

  router.get('/v1/benchmarks/:agency/:itemCode', limited, async (req, res) => {
    const agency = pathId(req.params.agency, 'agency');
    const itemCode = pathId(req.params.itemCode, 'itemCode');
    res.json(await reads.history(agency, itemCode, consistencyOf(req)));
  });

  router.get('/v1/fine-distribution', auth, async (req, res) => {
    const query = supervisionQuery(req, res);
    const itemCode = id(req.query.itemCode, 'itemCode');
    const circumstance = oneOf(req.query.circumstance, 'circumstance', CIRCUMSTANCES);
    if (itemCode === undefined || circumstance === undefined) {
      throw new InvalidQuery('itemCode and circumstance are required');
    }
    res.json(await reads.distribution({ ...query, itemCode, circumstance }));
  });

  router.get('/v1/audit/discretion-deviations', auth, requireRoles('supervisor'), async (req, res) => {
    const query = supervisionQuery(req, res);
    const paging = pagingOf(req);
    sendList(req, res, SUPERVISION_TABLES.discretionDeviations, await reads.deviations(query, paging));
  });

  return router;
}
