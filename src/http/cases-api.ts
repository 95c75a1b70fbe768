import { Router, type Request, type Response } from 'express';
import type { Principal } from '../app/auth.js';
import { EVENTS_PAGE_DEFAULT, EVENTS_PAGE_MAX, type CaseEvents } from '../app/case-events.js';
import type { CaseFileReads } from '../app/case-file-reads.js';
import { recordedEvent } from '../app/command-handler.js';
import type { ActRequest, CaseService } from '../app/case-service.js';
import type { ActSignature } from '../app/signed-acts.js';
import { idempotentCaseId } from '../app/idempotency.js';
import type { RegistryReader } from '../app/registry-reader.js';
import { caseStream, type ActType } from '../domain/case/acts.js';
import { CASE_STATUSES } from '../domain/case/state.js';
import { RuleViolation, violation } from '../domain/errors.js';
import type { Clock } from '../ports/clock.js';
import { consistencyOf } from './consistency.js';
import { date, limitOf, oneOf, pagingOf, revisionCursor, revisionCursorOf, single } from './query.js';
import { caseFileRetrievalOf, listingOf, retrievalOf } from './retrieval.js';
import { jsonBody } from './body.js';
import { authenticate, principalOf, requireRoles } from './authenticate.js';
import { eventIdFor, idempotencyKey, ifMatch, sendRevisionJson } from './request.js';
import { InvalidBody, type Validate } from './validation.js';
import { ID_PATTERN } from '../domain/streams.js';

export interface CasesApiDependencies {
  readonly cases: CaseService;
  readonly registry: RegistryReader;
  readonly caseEvents: CaseEvents;
  readonly verify: (token: string) => Principal;
  readonly validate: Validate;
  readonly newId: () => string;
  readonly clock: Clock;
  /** Case files: one case's, and the list of those the caller may read. */
  readonly files: CaseFileReads;
}

/** Opening cases, recording acts, and reading case files and their signed events. */
export function casesApi(deps: CasesApiDependencies): Router {
  const { cases, validate, newId } = deps;
  const router = Router();
  const auth = authenticate(deps.verify);
  const readJson = jsonBody();

  router.post('/v1/cases', auth, requireRoles('officer'), readJson, async (req, res) => {
    validate('urn:evidence-ledger:schema:command:open-case', req.body);
    const body = req.body as Omit<ActRequest<'CaseOpened'>['data'], 'caseId'> & { caseId?: string };
    const key = idempotencyKey(req);
    // without a caseId, a keyed request names its case by the key, so that its retry finds the case it opened
    const caseId = body.caseId ?? (key === undefined ? newId() : idempotentCaseId(principalOf(res), key));
    const act: ActRequest<'CaseOpened'> = {
      type: 'CaseOpened',
      occurredAt: deps.clock.now().toISOString(),
      data: { ...body, caseId },
      media: [],
    };
    await write(req, res, caseId, act, 'CaseOpened');
  });

  router.post(
    '/v1/cases/:caseId/acts',
    auth,
    requireRoles('officer', 'reviewer', 'admin'),
    readJson,
    async (req, res) => {
      const caseId = checkCaseId(req);
      validate('urn:evidence-ledger:schema:command:record-act', req.body);
      const body = req.body as ActBody;
      await write(req, res, caseId, toActRequest(body), body.type, signatureOf(body));
    },
  );

  router.post(
    '/v1/cases/:caseId/acts\\:batch',
    auth,
    requireRoles('officer', 'reviewer', 'admin'),
    readJson,
    async (req, res) => {
      const caseId = checkCaseId(req);
      validate('urn:evidence-ledger:schema:command:record-acts-batch', req.body);
      const body = req.body as { acts: ActBody[] };
      if (body.acts.some((act) => act.actorSig !== undefined)) {
        throw violation('actor_signature_unsupported', 'a signed act is recorded alone: POST /v1/cases/{caseId}/acts');
      }
      const acts = body.acts.map(toActRequest);
      const principal = principalOf(res);
      const expectedRevision = ifMatch(req);
      const result = await cases.recordAll(caseId, actorOf(principal), acts, {
        eventId: eventIdFor(req, principal, caseStream(principal.agency, caseId), newId),
        ...(expectedRevision === undefined ? {} : { expectedRevision }),
      });
      res.status(result.created ? 201 : 200).set('ETag', `"${result.revision}"`);
      res.json({
        caseId,
        revision: result.revision,
        position: result.position,
        hash: result.hash,
        events: result.events.map((e) => ({ eventId: e.id, type: e.type, revision: e.revision, hash: e.hash })),
      });
    },
  );

  router.get('/v1/cases', auth, async (req, res) => {
    const q = req.query;
    const agency = single(q.agency, 'agency');
    const status = oneOf(q.status, 'status', CASE_STATUSES);
    const itemCode = single(q.itemCode, 'itemCode');
    const from = date(q.from, 'from');
    const to = date(q.to, 'to');
    const consistentWith = consistencyOf(req);
    const paging = pagingOf(req);
    const query = {
      principal: principalOf(res),
      ...listingOf(req, res),
      ...(agency === undefined ? {} : { agency }),
      ...(status === undefined ? {} : { status }),
      ...(itemCode === undefined ? {} : { itemCode }),
      ...(from === undefined ? {} : { from }),
      ...(to === undefined ? {} : { to }),
      ...(consistentWith === undefined ? {} : { consistentWith }),
    };
    res.json(await deps.files.list(query, paging));
  });

  router.get('/v1/cases/:caseId', auth, async (req, res) => {
    const caseId = checkCaseId(req);
    const file = await deps.files.file(caseFileRetrievalOf(req, res, caseId, 'read_case'));
    sendRevisionJson(req, res, file.revision, file);
  });

  router.get('/v1/cases/:caseId/events', auth, async (req, res) => {
    const caseId = checkCaseId(req);
    const limit = limitOf(req.query.limit, { max: EVENTS_PAGE_MAX, fallback: EVENTS_PAGE_DEFAULT });
    const from = revisionCursorOf(req.query.cursor);
    // never waited for (the events come from the log, which holds every acknowledged write), but checked
    const consistentWith = consistencyOf(req);
    const retrieval = retrievalOf(req, res, caseId, 'read_events');
    const page = await deps.caseEvents.page(retrieval, {
      from,
      limit,
      ...(consistentWith === undefined ? {} : { consistentWith }),
    });
    const body = {
      caseId,
      agency: page.agency,
      events: page.events,
      ...(page.next === undefined ? {} : { next: revisionCursor(page.next) }),
    };
    const last = page.events[page.events.length - 1];
    if (last) sendRevisionJson(req, res, last.revision, body);
    else res.json(body);
  });

  function toActRequest(body: ActBody): ActRequest {
    return {
      type: body.type,
      occurredAt: body.occurredAt,
      data: body.data,
      media: body.media ?? [],
      ...(body.officers ? { officers: body.officers } : {}),
    } as ActRequest;
  }

  async function write(
    req: Request,
    res: Response,
    caseId: string,
    act: ActRequest,
    type: ActType,
    signed?: { id: string } & ActSignature,
  ) {
    const principal = principalOf(res);
    const actor = actorOf(principal);
    const expectedRevision = ifMatch(req);
    // a signed act names its own id, which the signature covers: a retry of the same body finds the same event
    const eventId = signed ? signed.id : eventIdFor(req, principal, caseStream(principal.agency, caseId), newId);
    const result = await cases.record(caseId, actor, act, {
      eventId,
      ...(expectedRevision === undefined ? {} : { expectedRevision }),
      ...(signed ? { signed: { actorSig: signed.actorSig, ...(signed.salts ? { salts: signed.salts } : {}) } } : {}),
    });
    res.status(result.created ? 201 : 200);
    res.set('ETag', `"${result.revision}"`).set('Location', `/v1/cases/${encodeURIComponent(caseId)}`);
    res.json({
      caseId,
      type,
      eventId: recordedEvent(result, type).id,
      revision: result.revision,
      position: result.position,
      hash: result.hash,
    });
  }

  return router;
}

interface ActBody {
  type: ActType;
  occurredAt: string;
  officers?: string[];
  data: never;
  media?: string[];
  id?: string;
  actorSig?: ActSignature['actorSig'];
  salts?: Record<string, string>;
}

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The officer's signature of a signed act, with the id it covers: a UUIDv7 (RFC 9562), else `400 invalid_body`. */
function signatureOf(body: ActBody): ({ id: string } & ActSignature) | undefined {
  if (body.actorSig === undefined || body.id === undefined) return undefined;
  if (!UUID_V7.test(body.id)) throw new InvalidBody('/id: not a UUIDv7', { pointer: '/id' });
  return { id: body.id, actorSig: body.actorSig, ...(body.salts ? { salts: body.salts } : {}) };
}

function actorOf(principal: Principal) {
  return { sub: principal.sub, agency: principal.agency, roles: [...principal.roles] };
}

function checkCaseId(req: Request): string {
  const caseId = String(req.params.caseId);
  if (!ID_PATTERN.test(caseId)) throw new RuleViolation('not_found', 404, 'no such case');
  return caseId;
}
