import { createHash } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { InvalidQuery, LedgerError, MethodNotAllowed, NotAcceptable } from '../errors.js';
import { preferredType } from './accept.js';
import { oneOf } from './query.js';
import { noneMatchHas } from './request.js';

/** What the service knows of one route, from the OpenAPI document's operations (src/http/openapi.ts). */
export interface RouteSemantics {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** An OpenAPI path template: `/v1/cases/{caseId}`. */
  readonly path: string;
  /** The media types its successful answers come in; `*` + `/*` when any (a stored medium). */
  readonly produces: readonly string[];
  /** Public (no token): answers cross-origin reads (CORS) and conditional GETs. */
  readonly public: boolean;
  /** The query parameters it takes; any other is `400 invalid_query` (`format` is taken everywhere, below). */
  readonly query: readonly string[];
}

/** What a browser script may read of a public answer (besides the CORS-safelisted headers). */
const EXPOSED = 'ETag, Last-Modified, Link, RateLimit, RateLimit-Policy, Retry-After, X-Request-Id';
/**
 * What a cross-origin script may send with a public GET: a conditional one, one with its own request id, and an
 * application's progress asked with the receipt's lookup code (the one public route that takes a header of its own).
 */
const ALLOWED_REQUEST_HEADERS = 'Cache-Control, If-Modified-Since, If-None-Match, X-Lookup-Code, X-Request-Id';
const PREFLIGHT_MAX_AGE_SECONDS = 600;
/** The methods a public path answers other origins for: its public GET (and HEAD), and the preflight of one. */
const CROSS_ORIGIN_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

interface PathEntry {
  readonly template: string;
  readonly pattern: RegExp;
  readonly routes: readonly RouteSemantics[];
  readonly allow: string;
  /** It has a public GET: that GET, its HEAD and their preflight answer other origins (not its other methods). */
  readonly public: boolean;
  /** It has a public route (a GET, `POST /v1/verify`…): a method it does not take is refused under the public limit. */
  readonly limited: boolean;
}

export interface SemanticsOptions {
  /**
   * When what the public routes serve last changed (the read models of this replica, or its start): their
   * `Last-Modified`, taken as the request arrives so that it never claims more than the answer holds.
   */
  readonly changedAt: () => Date;
  /**
   * The public routes' rate limit (`PUBLIC_RATE_LIMIT`): what a refusal made here, before a public route runs (`400`,
   * `405`, `406`), is counted against and labelled with (`RateLimit`, `RateLimit-Policy`), as the route's own answers
   * are. Default: none.
   */
  readonly limited?: RequestHandler;
}

/**
 * HTTP semantics every route shares, decided from the route table before any route runs: a known path asked with
 * another method is `405 method_not_allowed` with `Allow` (`OPTIONS` answers `204` with it); an `Accept` header
 * that admits none of the route's media types (no header, `*` + `/*` and q-values work as RFC 9110 says), or
 * `?format=csv` (`?format=json`) on a route without CSV (JSON), is `406 not_acceptable`, and any other `?format=`, or
 * one given twice, `400 invalid_query`; a public route answers any origin's GETs and HEADs and their preflight (CORS,
 * without credentials; the other methods of its path send no CORS headers) and conditional GETs (`ETag` from the
 * answer's bytes, `Last-Modified`, `304` on `If-None-Match` / `If-Modified-Since`).
 */
export function httpSemantics(routes: readonly RouteSemantics[], options: SemanticsOptions): RequestHandler {
  const lookup = pathLookup(pathEntries(routes));
  const { limited } = options;
  return (req, res, next) => {
    const path = lookup(req.path);
    // a path with a segment that is not valid percent-encoding names nothing, whatever the method: it goes on, as an
    // unknown path does, to its 404 (`undecodablePath`, src/http/problem.ts), not to a 405 or a 204 with Allow
    if (!path || !decodable(req.path)) {
      next();
      return;
    }
    // only the public reads and their preflight: a write on the same path (`POST /v1/officers`) takes a token, and a
    // page of another origin has no business reading its answer, nor its refusal
    if (path.public && CROSS_ORIGIN_METHODS.has(req.method)) {
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Access-Control-Expose-Headers', EXPOSED);
      res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    }
    if (req.method === 'OPTIONS') {
      res.setHeader('Allow', path.allow);
      if (path.public && req.get('access-control-request-method') !== undefined) {
        res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD');
        res.setHeader('Access-Control-Allow-Headers', ALLOWED_REQUEST_HEADERS);
        res.setHeader('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE_SECONDS));
      }
      res.status(204).end();
      return;
    }
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    const route = path.routes.find((r) => r.method === method);
    const refusal = refusalOf(req, res, path, route);
    if (refusal === undefined) {
      if (route!.public && method === 'GET') conditional(req, res, options.changedAt());
      next();
      return;
    }
    // a refusal of what a public route would have answered takes the public rate limit as that answer would: a
    // client cannot spend requests on refusals without being counted (the limit's own 429 goes first)
    if (limited !== undefined && (route === undefined ? path.limited : route.public)) {
      limited(req, res, (err?: unknown) => next(err ?? refusal));
      return;
    }
    next(refusal);
  };
}

/** Why the request is refused before its route runs (405, 400, 406), if it is. */
function refusalOf(
  req: Request,
  res: Response,
  path: PathEntry,
  route: RouteSemantics | undefined,
): LedgerError | undefined {
  try {
    if (!route) {
      res.setHeader('Allow', path.allow);
      throw new MethodNotAllowed(`${req.method} is not allowed on this path; it takes ${path.allow}`, {
        allow: path.allow.split(', '),
      });
    }
    checkQuery(req, route.query);
    checkAcceptable(req, route.produces);
    return undefined;
  } catch (err) {
    if (err instanceof LedgerError) return err;
    throw err;
  }
}

function decodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

function pathEntries(routes: readonly RouteSemantics[]): PathEntry[] {
  const byPath = new Map<string, RouteSemantics[]>();
  for (const route of routes) byPath.set(route.path, [...(byPath.get(route.path) ?? []), route]);
  return [...byPath].map(([path, list]) => {
    const methods = list.map((r) => r.method);
    const allow = [...methods, ...(methods.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ');
    return {
      template: path,
      pattern: templatePattern(path),
      routes: list,
      allow,
      public: list.some((r) => r.public && r.method === 'GET'),
      limited: list.some((r) => r.public),
    };
  });
}

/**
 * The first entry whose pattern matches a path, as a scan of them all in order finds it, looking only at the entries
 * that can match: those whose first two segments are the path's (ASCII, without case) and those with a parameter
 * there.
 */
function pathLookup(entries: readonly PathEntry[]): (path: string) => PathEntry | undefined {
  const keyOf = (path: string) => {
    const parts = path.split('/', 3);
    return `${parts[1] ?? ''}/${parts[2] ?? ''}`.toLowerCase();
  };
  const literal = (e: PathEntry) => !keyOf(e.template).includes('{');
  const anywhere = entries.filter((e) => !literal(e));
  const byKey = new Map<string, PathEntry[]>();
  for (const key of new Set(entries.filter(literal).map((e) => keyOf(e.template)))) {
    byKey.set(
      key,
      entries.filter((e) => !literal(e) || keyOf(e.template) === key),
    );
  }
  return (path) => (byKey.get(keyOf(path)) ?? anywhere).find((e) => e.pattern.test(path));
}

/** `/v1/cases/{caseId}/acts:batch` → a pattern matching one path segment per parameter, as Express routes do. */
function templatePattern(template: string): RegExp {
  const source = template
    .split(/(\{\w+\})/)
    .map((part) => (/^\{\w+\}$/.test(part) ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}/?$`, 'i');
}

/**
 * A query parameter the route does not take is refused rather than ignored: a misspelt filter (`?asof=` for
 * `?asOf=`) would otherwise answer as if none were given, which a client cannot tell from a true answer.
 * `format` goes with every route (`checkAcceptable`).
 */
function checkQuery(req: Request, accepted: readonly string[]): void {
  const unknown = Object.keys(req.query as Record<string, unknown>).filter(
    (name) => name !== 'format' && !accepted.includes(name),
  );
  if (unknown.length === 0) return;
  const takes = accepted.includes('format') ? [...accepted] : [...accepted, 'format'];
  throw new InvalidQuery(`unknown query parameter ${unknown.join(', ')}: this route takes ${takes.join(', ')}`, {
    unknown,
    accepted: takes,
  });
}

/** What `?format=` asks for, as the media type an `Accept` header would name; no other value is one. */
const FORMATS = new Map([
  ['json', 'application/json'],
  ['csv', 'text/csv'],
]);

function checkAcceptable(req: Request, produces: readonly string[]): void {
  // `?format=csv` asks for CSV as `Accept: text/csv` does, `?format=json` for JSON (the supervision views take
  // both): a route that has not that type refuses it alike, rather than answering another to a client that asked.
  // Any other `?format=` (`xml`, `CSV`, empty, given twice) asks for nothing this service knows: `400 invalid_query`
  // on every route, rather than an answer in a format the client may not have meant
  const format = oneOf(req.query.format, 'format', FORMATS.keys());
  const asked = format === undefined ? undefined : FORMATS.get(format);
  if (asked !== undefined && produces.length > 0 && !produces.some((t) => t === asked || t === '*/*')) {
    const detail = `this route answers with ${produces.join(' or ')}, not the ${asked} ?format=${format} asks for`;
    throw new NotAcceptable(detail, { available: [...produces] });
  }
  const accept = req.get('accept');
  if (accept === undefined || accept.trim() === '' || produces.length === 0 || produces.includes('*/*')) return;
  if (preferredType(req, produces) === false) {
    throw new NotAcceptable(`this route answers with ${produces.join(' or ')}, which the Accept header refuses`, {
      available: [...produces],
    });
  }
}

/**
 * Makes the answer of a public GET cacheable with revalidation: `Cache-Control: no-cache`, and, as it is sent, an
 * `ETag` over its bytes and `Last-Modified`; then `304` when the request's `If-None-Match` names that tag, or, without
 * it, `If-Modified-Since` is not before `Last-Modified` (RFC 9110 §13.2.2). Evaluated here rather than by Express's
 * `fresh`, which ignores the conditions of a request carrying `Cache-Control: no-cache`, as fetch() sends them.
 */
function conditional(req: Request, res: Response, changedAt: Date): void {
  res.setHeader('Cache-Control', 'no-cache');
  const send = res.send.bind(res);
  res.send = (body?: unknown) => {
    if (res.statusCode === 200 && !res.getHeader('ETag') && (typeof body === 'string' || Buffer.isBuffer(body))) {
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
      const lastModified = changedAt.toUTCString();
      res.setHeader('ETag', etag);
      res.setHeader('Last-Modified', lastModified);
      if (notModified(req, etag, lastModified)) res.status(304); // Express sends a 304 without its body
    }
    return send(body);
  };
}

function notModified(req: Request, etag: string, lastModified: string): boolean {
  const noneMatch = req.get('if-none-match');
  if (noneMatch !== undefined) return noneMatchHas(noneMatch, etag);
  const since = Date.parse(req.get('if-modified-since') ?? '');
  return !Number.isNaN(since) && Date.parse(lastModified) <= since;
}
