import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import type { EventStore } from '../ports/event-store.js';
import { healthApi } from './health.js';
import { httpMetrics, metricsAccess, routeOf } from './metrics.js';
import { buildOpenApi, semanticsTable } from './openapi.js';
import { errorHandler, notFound, undecodablePath } from './problem.js';
import { securityHeaders } from './security-headers.js';
import { requestDeadline, type RequestDeadlines } from './deadline.js';
import { singleAuthorization } from './authenticate.js';
import { problemsApi } from './problems-api.js';
import { httpSemantics } from './semantics.js';

export interface HttpDependencies {
  readonly events: EventStore;
  /** `PUBLIC_URL`: the origin absolute links are made from (src/http/public-origin.ts). */
  readonly publicOrigin?: string;
  /** The media store, for readiness. */
  readonly blobs?: { ping(): Promise<void> };
  readonly log: Logger;
  /** The projection runner, for readiness. */
  readonly projections?: { live(): boolean; position(): number; failure?(): string | undefined };
  /** The read models' store, for readiness: not ready once a read found it damaged. */
  readonly readModels?: { damaged?(): boolean };
  /** The API's route modules, each built from its own dependencies by the composition root. */
  readonly routers?: readonly RequestHandler[];
  /** More metrics lines for `/metrics` (Prometheus text), gathered when it is scraped. */
  readonly collectMetrics?: () => readonly string[];
  /** How long a request may take to arrive whole once its headers are in; default 30 s, 1 h for uploads. */
  readonly deadlines?: RequestDeadlines;
  /** The JSON Schemas the OpenAPI document is generated from; default: the repository's `schemas/`. */
  readonly schemaDir?: string;
  /**
   * When the data the public routes serve last changed (their `Last-Modified`): when the read models last committed,
   * or the service started. Default: when the app was made.
   */
  readonly changedAt?: () => Date;
  /** The web portal's answers to a browser: its 404 page, and its pages for errors a reader can act on. */
  readonly pages?: { readonly notFound: RequestHandler; readonly errors: ErrorRequestHandler };
  /**
   * Express's `trust proxy` (`TRUST_PROXY`): whose `X-Forwarded-Proto`/`-For`/`-Host` are believed, so that
   * `req.secure` says whether the client's request came over HTTPS and `req.ip` is the client's. Default: none.
   */
  readonly trustProxy?: false | number | readonly string[];
  /**
   * The public routes' rate limit, for what the app serves itself (`/problems`, `/openapi.json`) and for the refusals
   * it makes before any public route runs (`400` for an unknown query parameter, `405`, `406`). Default: none.
   */
  readonly limited?: RequestHandler;
  /** The bearer token `/metrics` asks of a scraper (`METRICS_TOKEN`); public without it. */
  readonly metricsToken?: string;
}

const SCHEMA_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));

/** The HTTP API, composed from route modules that receive their dependencies. */
export function createHttpApp(deps: HttpDependencies): Express {
  // built at its first request (reading and embedding every schema costs tens of milliseconds at each start)
  let openApi: string | undefined;
  const metrics = httpMetrics(deps.collectMetrics ? { collect: deps.collectMetrics } : {});
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  const trust = deps.trustProxy ?? false;
  app.set('trust proxy', Array.isArray(trust) ? [...trust] : trust);
  if (deps.publicOrigin !== undefined) app.locals.publicOrigin = deps.publicOrigin;
  app.use(securityHeaders);
  app.use(requestLog(deps.log));
  app.use(requestDeadline(deps.deadlines ?? { requestTimeoutMs: 30_000, uploadTimeoutMs: 3_600_000 }));
  app.use(metrics.middleware);
  app.use(singleAuthorization);
  const madeAt = new Date();
  app.use(
    httpSemantics(semanticsTable, {
      changedAt: deps.changedAt ?? (() => madeAt),
      ...(deps.limited ? { limited: deps.limited } : {}),
    }),
  );
  app.get('/metrics', metricsAccess(deps.metricsToken), metrics.expose);
  app.get('/openapi.json', deps.limited ?? ((_req, _res, next) => next()), (_req, res) => {
    openApi ??= JSON.stringify(buildOpenApi(deps.schemaDir ?? SCHEMA_DIR));
    res.type('application/json').send(openApi);
  });
  app.use(healthApi(deps));
  app.use(problemsApi(deps.limited));
  // no body parser here: each route reads its body after authenticating the caller (src/http/body.ts)
  for (const router of deps.routers ?? []) app.use(router);
  if (deps.pages) app.use(deps.pages.notFound);
  app.use(notFound);
  app.use(undecodablePath);
  if (deps.pages) app.use(deps.pages.errors);
  app.use(errorHandler(deps.log));
  return app;
}

/**
 * Gives every request an id and logs method, route, status and duration: never bodies or tokens, nor the path
 * itself, whose ids a client chooses (a case id may be a person's id number): the route's pattern
 * (`/v1/cases/:caseId`, as the metrics label it) and the request id, which the case's access record carries.
 */
function requestLog(log: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const incoming = req.get('x-request-id');
    const requestId = incoming && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    res.setHeader('x-request-id', requestId);
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.info(
        { requestId, method: req.method, route: routeOf(req), status: res.statusCode, ms: Math.round(ms * 10) / 10 },
        'request',
      );
    });
    next();
  };
}
