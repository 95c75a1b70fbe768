import { listingOf } from './retrieval.js';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Logger } from 'pino';
import type { ApplicationFilingReads } from '../app/application-filing-reads.js';
import type { ApplicationReads } from '../app/application-reads.js';
import type { ApplicationService } from '../app/application-service.js';
import type { Principal } from '../app/auth.js';
import { applicationStream, type ApplicationRequest } from '../domain/application/application.js';
import { notFound } from '../domain/errors.js';
import { ID_PATTERN } from '../domain/streams.js';
import type { BlobStore } from '../ports/blob-store.js';
import { readApplicationUpload, type ApplicationUpload } from './application-upload.js';
import { authenticate, principalOf, requireRoles } from './authenticate.js';
import { jsonBody, UnsupportedMediaType } from './body.js';
import { consistencyOf } from './consistency.js';
import { asOfDay, oneOf, pagingOf } from './query.js';
import { refuseFormat, sendMedium, type MediumSource } from './media-api.js';
import { eventIdFor, idempotencyKey, ifMatch, purpose, requestId } from './request.js';
import { sendList, supervisionQuery } from './supervision-api.js';
import { SUPERVISION_TABLES } from './supervision-csv.js';
import { InvalidBody, type Validate } from './validation.js';
import { written } from './written.js';

export interface ApplicationsApiDependencies {
  readonly applications: ApplicationService;
  readonly reads: ApplicationReads;
  /** The applications as filed, for the officers deciding them; each read recorded. */
  readonly filings: ApplicationFilingReads;
  readonly log: Logger;
  readonly blobs: Pick<BlobStore, 'put'>;
  readonly verify: (token: string) => Principal;
  readonly validate: Validate;
  readonly newId: () => string;
  /** The public routes' rate limit. */
  readonly limited: RequestHandler;
}

export const FILE_APPLICATION = 'urn:evidence-ledger:schema:command:file-application';
const ACCEPT = 'urn:evidence-ledger:schema:command:accept-application';
const REJECT = 'urn:evidence-ledger:schema:command:reject-application';
/** The header that carries an applicant's lookup code (never the URL, which logs and referrers keep). */
export const LOOKUP_CODE_HEADER = 'x-lookup-code';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const readJson = jsonBody();

/** The application id of the path; anything else names no application (`404 not_found`, as an unknown one). */
function applicationIdOf(req: Request): string {
  const applicationId = String(req.params.applicationId);
  if (!UUID.test(applicationId)) throw notFound('no such application');
  return applicationId;
}

/**
 * An application's attachments as `sendMedium` finds them: the application named by the request's path, of the
 * reader's agency.
 */
export function attachmentSource(
  filings: ApplicationFilingReads,
  applicationOf: (req: Request) => string,
): MediumSource {
  return {
    open: (retrieval, req) => filings.attachment({ ...retrieval, applicationId: applicationOf(req) }),
    bytes: (opened, range) => filings.bytes(opened, range),
  };
}

/**
 * Reads a filing: `multipart/form-data` with the application as JSON in the part `application` and files in
 * `attachment` parts, or the application alone as `application/json`. Checked against the schema.
 */
async function filingOf(
  req: Request,
  res: Response,
  deps: Pick<ApplicationsApiDependencies, 'blobs' | 'validate'>,
): Promise<{ agency: string; application: ApplicationRequest; stored: ApplicationUpload['stored'] }> {
  const upload = await readApplicationUpload(req, res, deps.blobs);
  let body: unknown;
  if (upload) {
    const text = upload.fields.application;
    if (typeof text !== 'string') throw new InvalidBody('the form has no single part "application"');
    try {
      body = JSON.parse(text);
    } catch {
      throw new InvalidBody('the part "application" is not JSON');
    }
  } else {
    if (!req.is('application/json')) {
      res.setHeader('Accept-Post', 'multipart/form-data, application/json');
      throw new UnsupportedMediaType('send multipart/form-data (with attachments) or application/json');
    }
    await new Promise<void>((resolve, reject) =>
      readJson(req, res, (err?: unknown) => (err ? reject(err) : resolve())),
    );
    body = req.body;
  }
  deps.validate(FILE_APPLICATION, body);
  const { agency, ...rest } = body as { agency: string } & Omit<ApplicationRequest, 'attachments'>;
  return {
    agency,
    application: { ...rest, attachments: upload?.attachments ?? [] },
    stored: upload?.stored ?? new Map(),
  };
}

/**
 * Online applications (网上受理): the public files one and follows its progress with the lookup code of its receipt;
 * the agency's officers see their queue and accept (opening the case) or refuse it; supervisors see those not
 * accepted or refused in time.
 */
export function applicationsApi(deps: ApplicationsApiDependencies): Router {
  const { applications, reads, verify, validate, newId, limited } = deps;
  const router = Router();
  const auth = authenticate(verify);

  router.post('/v1/applications', limited, async (req, res) => {
    const { agency, application, stored } = await filingOf(req, res, deps);
    // a retry under the same Idempotency-Key finds the filing (its own namespace: the portal's form keys are others)
    const key = idempotencyKey(req);
    const receipt = await applications.file(agency, application, stored, key === undefined ? undefined : `api:${key}`, {
      refuseOther: true,
    });
    res.status(receipt.replayed ? 200 : 201).set('Cache-Control', 'no-store');
    res.set('Location', `/v1/applications/${encodeURIComponent(agency)}/${receipt.applicationId}/progress`);
    res.json(receipt);
  });

  router.get('/v1/applications/:agency/:applicationId/progress', limited, async (req, res) => {
    const agency = String(req.params.agency);
    if (!ID_PATTERN.test(agency)) throw notFound('no such application');
    const applicationId = applicationIdOf(req);
    const code = req.get(LOOKUP_CODE_HEADER);
    if (code === undefined || code.length > 64) throw new InvalidBody(`${LOOKUP_CODE_HEADER} is required`);
    const consistentWith = consistencyOf(req);
    const view = await reads.progress({
      agency,
      applicationId,
      code,
      ...(consistentWith === undefined ? {} : { consistentWith }),
    });
    res.set('Cache-Control', 'no-store').json(view);
  });

  router.get('/v1/applications', auth, requireRoles('officer'), async (req, res) => {
    const pending = oneOf(req.query.pending, 'pending', ['true', 'false']);
    const consistentWith = consistencyOf(req);
    const answer = await reads.queue(
      {
        principal: principalOf(res),
        ...listingOf(req, res),
        ...(pending === undefined ? {} : { pending: pending === 'true' }),
        ...(consistentWith === undefined ? {} : { consistentWith }),
      },
      pagingOf(req),
    );
    res.set('Cache-Control', 'private, no-store').json(answer);
  });

  // read by the officers deciding it and by the supervisors of its agency, who read its case files too
  router.get('/v1/applications/:applicationId', auth, requireRoles('officer', 'supervisor'), async (req, res) => {
    const applicationId = applicationIdOf(req);
    const why = purpose(req);
    const view = await deps.filings.filing({
      principal: principalOf(res),
      applicationId,
      requestId: requestId(res),
      ...(why === undefined ? {} : { purpose: why }),
    });
    res.set('Cache-Control', 'private, no-store').json(view);
  });

  router.get(
    '/v1/applications/:applicationId/attachments/:sha256',
    refuseFormat,
    auth,
    requireRoles('officer', 'supervisor'),
    sendMedium({ reads: attachmentSource(deps.filings, applicationIdOf), log: deps.log }),
  );

  router.post(
    '/v1/applications/:applicationId/acceptance',
    auth,
    requireRoles('officer'),
    readJson,
    async (req, res) => {
      const applicationId = applicationIdOf(req);
      validate(ACCEPT, req.body);
      const result = await applications.accept(principalOf(res), applicationId, req.body as { officers: string[] });
      res.status(201).set('ETag', `"${result.revision}"`);
      res.json({
        applicationId,
        caseId: result.caseId,
        ...written(result),
      });
    },
  );

  router.post(
    '/v1/applications/:applicationId/rejection',
    auth,
    requireRoles('officer'),
    readJson,
    async (req, res) => {
      const applicationId = applicationIdOf(req);
      validate(REJECT, req.body);
      const principal = principalOf(res);
      const eventId = eventIdFor(req, principal, applicationStream(principal.agency, applicationId), newId);
      const body = req.body as { reason: string; legalBasis: string };
      const result = await applications.reject(principal, applicationId, body, eventId, ifMatch(req));
      res.status(result.created ? 201 : 200).set('ETag', `"${result.revision}"`);
      res.json({ applicationId, ...written(result) });
    },
  );

  router.get('/v1/audit/overdue-applications', auth, requireRoles('supervisor'), async (req, res) => {
    const query = supervisionQuery(req, res);
    const asOf = asOfDay(req.query.asOf);
    const answer = await reads.overdue({ ...query, ...(asOf === undefined ? {} : { asOf }) }, pagingOf(req));
    sendList(req, res, SUPERVISION_TABLES.overdueApplications, answer);
  });

  return router;
}
