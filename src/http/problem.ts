import type { IncomingMessage } from 'node:http';
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import type { Logger } from 'pino';
import {
  IntegrityFault,
  LedgerError,
  NotCaughtUp,
  ReadModelsDamaged,
  VerificationsBusy,
  storageKind,
} from '../errors.js';
import { cursorRefused } from '../app/read-pages.js';
import { PROBLEM_TYPES, problemTypeUri } from './problem-types.js';
import { routeOf } from './metrics.js';
import { RuleViolation } from '../domain/errors.js';

/** RFC 9457 problem details, with the stable `code` clients branch on. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly instance?: string;
  readonly [extension: string]: unknown;
}

/** Titles of codes missing from {@link PROBLEM_TYPES} (a test keeps that from happening). */
const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/**
 * A problem document: `type` is the page describing the code (`/problems/<code>`, served by the service) and
 * `title` the code's own (src/http/problem-types.ts); `instance` is set when it is sent ({@link sendProblem}).
 */
export function problem(status: number, code: string, detail: string, extra: Record<string, unknown> = {}): Problem {
  // Extensions never replace the members RFC 9457 defines (a rule's detail named `status` once did).
  return {
    ...extra,
    type: problemTypeUri(code),
    title: PROBLEM_TYPES[code]?.title ?? TITLES[status] ?? 'Error',
    status,
    detail,
    code,
  };
}

/**
 * Sends a problem. When the request's body has not arrived whole (the answer was given without reading it, or the
 * client was too slow), the connection is closed after the answer instead of waiting for the rest of the body.
 */
export function sendProblem(res: Parameters<RequestHandler>[1], p: Problem): void {
  res.locals.problemCode = p.code; // counted by the metrics middleware
  if (res.req !== undefined && bodyUnread(res.req)) res.setHeader('Connection', 'close');
  const instance = p.instance ?? (res.req === undefined ? undefined : instanceOf(res.req.originalUrl ?? res.req.url));
  const body = instance === undefined ? p : { ...p, instance };
  res.status(p.status).type('application/problem+json').send(JSON.stringify(body));
}

/**
 * The problem's `instance`: the path of the request that met it, without the query (which may hold personal data
 * such as a reader's id), as a URI reference (RFC 3986): a character a path may not hold is percent-encoded, and so
 * is a `%` that begins no escape (`/v1/webhooks/%ZZ` → `/v1/webhooks/%25ZZ`).
 */
export function instanceOf(url: string | undefined): string | undefined {
  const path = url?.split('?')[0];
  if (!path) return undefined;
  return path
    .replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/%]/g, (c) => encodeURIComponent(c))
    .replace(/%(?![0-9A-Fa-f]{2})/g, '%25');
}

/** Whether the request has a body that has not arrived whole (a request without one is complete at its headers). */
function bodyUnread(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  const hasBody = req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
  return hasBody && !req.complete;
}

/** Whether `err` is the client's connection closing under the request (a reset, or a stream closed before its end). */
function clientWentAway(err: unknown, req: Request): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  const closed = code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ECONNABORTED';
  return closed && (req.destroyed || req.socket.destroyed);
}

/** Unknown paths answer with a problem, not Express's HTML page. */
export const notFound: RequestHandler = (req, res) => {
  sendProblem(res, problem(404, 'not_found', `no resource at ${req.method} ${req.path}`));
};

/** Refusals of no credentials at all: a client that did not sign in, not one that presented something refused. */
const UNPRESENTED = new Set(['missing bearer token', 'sign in first']);

/**
 * Warns of refused credentials (a token forged, expired, revoked or of an unknown key; a form without its CSRF
 * token) by reason, route and request id, never the token: the first of each reason at once, then at most one line
 * a minute per reason, saying how many came since, so that an attempt shows in the log without a flood of them
 * flooding it. `ledger_http_errors_total` counts them all by code.
 */
export function refusalWarnings(log: Logger, now: () => number = Date.now) {
  const last = new Map<string, { at: number; since: number }>();
  return (reason: string, context: { readonly route: string; readonly requestId: string }): void => {
    const seen = last.get(reason);
    const at = now();
    if (seen && at - seen.at < 60_000) {
      seen.since += 1;
      return;
    }
    log.warn({ reason, ...context, ...(seen ? { sinceLastWarning: seen.since } : {}) }, 'auth: credentials refused');
    last.set(reason, { at, since: 0 });
  };
}

/** The one place errors become responses. Internal details never reach the client; they are logged by id. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  let damageSaid = false; // the damaged read models' remedy is logged once, each read refused after it briefly
  const credentialsRefused = refusalWarnings(log);
  return (thrown: unknown, req, res, _next) => {
    // a cursor the read models could not place, whichever route passed it on without its own words for it
    const err = cursorRefused(thrown);
    const requestId = String(res.getHeader('x-request-id') ?? '');
    if (res.headersSent) {
      // an answer is under way (or was given, e.g. 408 while the body was being read): it cannot change now
      if (!res.writableEnded) res.destroy();
      return;
    }
    if (err instanceof LedgerError && err.status < 500) {
      if (err.status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
      if ((err.code === 'unauthenticated' && !UNPRESENTED.has(err.message)) || err.code === 'csrf_failed') {
        credentialsRefused(err.code === 'csrf_failed' ? 'csrf_failed' : err.message, {
          route: routeOf(req),
          requestId,
        });
      }
      sendProblem(res, problem(err.status, err.code, err.message, { ...err.details }));
      return;
    }
    if (err instanceof NotCaughtUp || err instanceof VerificationsBusy) {
      // expected under load, not a failure of the service: the client is told when to ask again
      res.setHeader('Retry-After', String(err.retryAfterSeconds));
      sendProblem(res, problem(err.status, err.code, err.message, { ...err.details }));
      return;
    }
    if (clientWentAway(err, req)) {
      // the client closed the connection before its request was read or answered: nothing failed here, and no one
      // is left to answer
      log.info(
        { requestId, method: req.method, route: routeOf(req), code: 'client_closed' },
        'the client closed the connection',
      );
      if (!res.writableEnded) res.destroy();
      return;
    }
    const refused = parserRefusal(err);
    if (refused) {
      sendProblem(res, problem(refused.status, refused.code, clientErrorDetail(err as Error)));
      return;
    }
    const storage = err instanceof LedgerError ? undefined : storageKind((err as { code?: unknown } | null)?.code);
    if (storage) {
      // a store of the service (the data keys, the media, the drafts) could not write: not the request's fault, and
      // nothing was recorded; the client is told to send it again, the operator what to free or fix
      log.error(
        { err, requestId, method: req.method, route: routeOf(req), code: 'store_unavailable' },
        storage === 'full'
          ? 'STORAGE FULL: a store of the service could not write (the disk is full): free space; requests are refused meanwhile'
          : 'STORAGE READ-ONLY: a store of the service could not write (a read-only disk or folder); requests are refused meanwhile',
      );
      res.setHeader('Retry-After', String(STORAGE_RETRY_AFTER_SECONDS));
      sendProblem(
        res,
        problem(
          503,
          'store_unavailable',
          `a store of the service cannot be written (${storageDetail[storage]}): nothing was recorded; send the request again later`,
          { requestId },
        ),
      );
      return;
    }
    const code = err instanceof LedgerError ? err.code : 'internal';
    const serviceStatus = err instanceof LedgerError ? err.status : 500;
    if (err instanceof ReadModelsDamaged) {
      // the log is sound and the read models are its views: said loudly once, with the remedy
      if (damageSaid) log.warn({ requestId, method: req.method, route: routeOf(req), code }, 'read models damaged');
      else
        log.error(
          { err, requestId, method: req.method, route: routeOf(req), code },
          'READ MODELS DAMAGED: SQLite found the read-model file damaged; restart the service (it rebuilds them ' +
            'from the log at start-up) or stop it and run `ledger rebuild`',
        );
      damageSaid = true;
      sendProblem(res, problem(serviceStatus, code, err.message, { requestId }));
      return;
    }
    if (err instanceof IntegrityFault) {
      // stored data failed its check: never served, and said loudly, with where (stream, revision, event id)
      log.error(
        { err, requestId, method: req.method, route: routeOf(req), code, ...err.details },
        'INTEGRITY FAULT: stored data failed its check and was not served; run `ledger check`',
      );
    } else log.error({ err, requestId, method: req.method, route: routeOf(req), code }, 'request failed');
    sendProblem(res, problem(serviceStatus, code, 'the request could not be completed', { requestId }));
  };
}

/** When a client refused for a store that cannot write is told to send its request again. */
const STORAGE_RETRY_AFTER_SECONDS = 30;
const storageDetail = { full: 'its disk is full', 'read-only': 'its disk or folder is read-only' } as const;

/**
 * A path with a segment that is not valid percent-encoding (`/v1/webhooks/%ZZ`: the router cannot decode the
 * parameter) names nothing here: `404 not_found`, as a page or a problem, instead of a `400` blamed on the body.
 */
export const undecodablePath: ErrorRequestHandler = (err: unknown, _req, _res, next) => {
  next(
    err instanceof URIError
      ? new RuleViolation('not_found', 404, 'no such resource: the path is not valid percent-encoding')
      : err,
  );
};

/**
 * What a body the parser refused is told. JSON.parse quotes the text around the fault ("Unexpected token '张',
 * "张三丰 1405"... is not valid JSON"), which may be a party's name or number: a body that is not JSON is told so,
 * with the position only, never what was sent.
 */
function clientErrorDetail(err: Error): string {
  if ((err as { type?: unknown }).type !== 'entity.parse.failed') return err.message;
  const position = /\bposition (\d+)/.exec(err.message)?.[1];
  return `the body is not valid JSON${position === undefined ? '' : ` (at position ${position})`}`;
}

/**
 * A body the parsers refused (body-parser and friends: malformed JSON, too large, a charset or encoding it cannot
 * read, a wrong content type): its status and stable code; undefined for any other error.
 */
export function parserRefusal(err: unknown): { status: number; code: string } | undefined {
  if (err instanceof LedgerError) return undefined;
  const status = httpStatusOf(err);
  if (status === undefined || status >= 500) return undefined;
  return {
    status,
    code: status === 413 ? 'too_large' : status === 415 ? 'unsupported_media_type' : 'invalid_body',
  };
}

function httpStatusOf(err: unknown): number | undefined {
  const status =
    (err as { status?: unknown; statusCode?: unknown } | null)?.status ??
    (err as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : undefined;
}
