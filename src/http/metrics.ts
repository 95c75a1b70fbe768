import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { Unauthenticated } from '../app/auth.js';

/** Upper bounds of the latency histogram, in seconds; `+Inf` follows. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] as const;
const STARTED = 'metricsStartedAt';

/** One method of one route pattern: requests by status and the latency histogram. */
interface Series {
  /** `method="GET",route="/v1/cases/:caseId"`, escaped once. */
  readonly labels: string;
  readonly byStatus: Map<number, number>;
  /** Non-cumulative counts per bucket, the last one for `+Inf`; made cumulative when rendered. */
  readonly buckets: Float64Array;
  sum: number;
  count: number;
}

export interface HttpMetrics {
  /** Observes every response when it finishes: register it before the routes. */
  readonly middleware: RequestHandler;
  /** `GET /metrics`: the Prometheus text exposition format 0.0.4. */
  readonly expose: RequestHandler;
}

/**
 * Request metrics of one app, in memory. Labels are bounded: the route is the Express route pattern
 * (`/v1/cases/:caseId`, never a raw path with ids) or `unmatched`, and the error code is the problem's stable `code`.
 * A response that never finishes (the client went away) is not counted.
 */
export function httpMetrics(options: { collect?: () => readonly string[] } = {}): HttpMetrics {
  const series = new Map<string, Map<string, Series>>(); // route → method → series
  const errors = new Map<string, number>(); // problem code → count

  function seriesOf(method: string, route: string): Series {
    let byMethod = series.get(route);
    if (!byMethod) series.set(route, (byMethod = new Map()));
    let s = byMethod.get(method);
    if (!s) {
      s = {
        labels: `method="${escape(method)}",route="${escape(route)}"`,
        byStatus: new Map(),
        buckets: new Float64Array(BUCKETS.length + 1),
        sum: 0,
        count: 0,
      };
      byMethod.set(method, s);
    }
    return s;
  }

  // One listener shared by every response: nothing is allocated per request but the start time.
  function onFinish(this: Response): void {
    const seconds = Number(process.hrtime.bigint() - (this.locals[STARTED] as bigint)) / 1e9;
    const s = seriesOf(this.req.method, routeOf(this.req));
    s.byStatus.set(this.statusCode, (s.byStatus.get(this.statusCode) ?? 0) + 1);
    let i = 0;
    while (i < BUCKETS.length && seconds > BUCKETS[i]!) i++;
    s.buckets[i]!++;
    s.sum += seconds;
    s.count++;
    const code = this.locals.problemCode as unknown;
    if (typeof code === 'string') errors.set(code, (errors.get(code) ?? 0) + 1);
  }

  const middleware: RequestHandler = (_req, res, next) => {
    res.locals[STARTED] = process.hrtime.bigint();
    res.once('finish', onFinish);
    next();
  };

  const expose: RequestHandler = async (_req, res) => {
    const lag = await eventLoopLag();
    const all = [...series.values()].flatMap((byMethod) => [...byMethod.values()]);
    const lines = [
      '# HELP ledger_http_requests_total HTTP responses, by method, route pattern and status.',
      '# TYPE ledger_http_requests_total counter',
    ];
    for (const s of all) {
      for (const [status, n] of s.byStatus)
        lines.push(`ledger_http_requests_total{${s.labels},status="${status}"} ${n}`);
    }
    lines.push(
      '# HELP ledger_http_request_duration_seconds Time from a request reaching the app to its response finishing.',
      '# TYPE ledger_http_request_duration_seconds histogram',
    );
    for (const s of all) {
      let cumulative = 0;
      for (let i = 0; i <= BUCKETS.length; i++) {
        cumulative += s.buckets[i]!;
        const le = i < BUCKETS.length ? String(BUCKETS[i]) : '+Inf';
        lines.push(`ledger_http_request_duration_seconds_bucket{${s.labels},le="${le}"} ${cumulative}`);
      }
      lines.push(`ledger_http_request_duration_seconds_sum{${s.labels}} ${s.sum}`);
      lines.push(`ledger_http_request_duration_seconds_count{${s.labels}} ${s.count}`);
    }
    lines.push(
      '# HELP ledger_http_errors_total Problem responses, by their code.',
      '# TYPE ledger_http_errors_total counter',
    );
    for (const [code, n] of errors) lines.push(`ledger_http_errors_total{code="${escape(code)}"} ${n}`);
    lines.push(
      '# HELP process_resident_memory_bytes Resident memory size in bytes.',
      '# TYPE process_resident_memory_bytes gauge',
      `process_resident_memory_bytes ${process.memoryUsage.rss()}`,
      '# HELP nodejs_eventloop_lag_seconds Delay of a callback scheduled when the metrics were asked for.',
      '# TYPE nodejs_eventloop_lag_seconds gauge',
      `nodejs_eventloop_lag_seconds ${lag}`,
    );
    res.setHeader('Content-Type', 'text/plain; version=0.0.4; charset=utf-8');
    if (options.collect) lines.push(...options.collect());
    res.end(lines.join('\n') + '\n');
  };

  return { middleware, expose };
}

/**
 * The matched route's pattern without its escapes (`/v1/cases/:caseId/acts:batch`); `unmatched` when no route took
 * the request (unknown paths, and bodies the JSON parser refused before routing).
 */
export function routeOf(req: Request): string {
  const path = (req.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? req.baseUrl + path.replace(/\\(.)/g, '$1') : 'unmatched';
}

/** Label values escape backslash, double quote and line feed. */
function escape(value: string): string {
  return value.replace(/[\\"\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

function eventLoopLag(): Promise<number> {
  const start = process.hrtime.bigint();
  return new Promise((resolve) => setImmediate(() => resolve(Number(process.hrtime.bigint() - start) / 1e9)));
}

/**
 * `GET /metrics` for a scraper holding `token` (`METRICS_TOKEN`): `Authorization: Bearer <token>`, compared in
 * constant time; anything else is `401 unauthenticated`. Without a token, the metrics are public.
 */
export function metricsAccess(token: string | undefined): RequestHandler {
  if (token === undefined) return (_req, _res, next) => next();
  const expected = createHash('sha256').update(token).digest();
  return (req, _res, next) => {
    const given = /^Bearer +([\x21-\x7e]+)$/i.exec(req.get('authorization') ?? '')?.[1];
    const digest = createHash('sha256')
      .update(given ?? '')
      .digest();
    if (given === undefined || !timingSafeEqual(digest, expected)) {
      throw new Unauthenticated('the metrics need the scraper token (METRICS_TOKEN) as a bearer token');
    }
    next();
  };
}
