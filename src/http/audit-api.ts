import { Router, type Request, type RequestHandler, type Response } from 'express';
import { bearerToken, type Principal } from '../app/auth.js';
import type { LiveEvent, LiveEvents } from '../app/live-events.js';
import type { Position } from '../ports/event-store.js';
import { authenticate, principalOf, requireRoles } from './authenticate.js';
import { position } from './query.js';
import { InvalidBody } from './validation.js';

export interface AuditApiDependencies {
  /** The supervisors' live view of the log. */
  readonly live: LiveEvents;
  readonly verify: (token: string) => Principal;
  /** Ends every live stream when the service shuts down. */
  readonly shutdown: AbortSignal;
  readonly heartbeatMs?: number;
}

/**
 * `GET /v1/audit/live`: Server-Sent Events of every new event of the supervisor's agencies (its own and those
 * it supervises), in global order, as unnamed messages (`EventSource.onmessage` receives them). Each message's `id`
 * is the global position, so a client that reconnects with `Last-Event-ID` (or opens the stream with `?after=`)
 * resumes exactly after the last event it saw; when both are given, `Last-Event-ID` wins, since a browser sends it
 * on reconnecting to the URL it was first given. Messages carry ids, types, times and hashes,
 * never the event data (it may hold personal data): the event itself is read with `GET /v1/cases/{id}/events`.
 */
export function auditApi({ live, verify, shutdown, heartbeatMs = 15_000 }: AuditApiDependencies): Router {
  const router = Router();
  router.get(
    '/v1/audit/live',
    authenticate(verify),
    requireRoles('supervisor'),
    (req, res, next) => {
      // the token the stream was opened with, checked again as it goes: revoked or expired, the stream ends
      const token = bearerToken(req.get('authorization'));
      res.locals.stillValid = () => {
        try {
          verify(token);
          return true;
        } catch {
          return false;
        }
      };
      next();
    },
    liveStream({ live, shutdown, heartbeatMs }),
  );
  return router;
}

/**
 * The live stream itself, for the principal an earlier handler established (`res.locals.principal`, a supervisor):
 * the API's route above, and the portal's `GET /supervise/live`, which a browser reaches with its session.
 */
export function liveStream({
  live,
  shutdown,
  heartbeatMs = 15_000,
}: Omit<AuditApiDependencies, 'verify'>): RequestHandler {
  return async (req, res) => {
    const principal = principalOf(res);
    const resume = resumeAfter(req);
    const after = await live.startAfter(resume?.after, resume?.from);

    const stop = new AbortController();
    const end = () => stop.abort();
    req.on('close', end);
    shutdown.addEventListener('abort', end, { once: true });

    res.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.flushHeaders();
    await send(res, `retry: 2000\n: resuming after position ${after}\n\n`);
    // set by the handler that authenticated the request: whether its token or session still stands
    const stillValid = res.locals.stillValid as (() => boolean) | undefined;
    const expired = () => {
      if (stillValid === undefined || stillValid()) return false;
      // said once, then the stream ends; a client that reconnects is asked to sign in again (401)
      const why = {
        code: 'unauthenticated',
        detail: 'the token or session this stream was opened with no longer stands',
      };
      void send(res, `event: expired\ndata: ${JSON.stringify(why)}\n\n`);
      stop.abort();
      return true;
    };
    const heartbeat = setInterval(() => {
      if (!expired()) void send(res, ': keep-alive\n\n');
    }, heartbeatMs);
    try {
      for await (const event of live.follow(principal, after, stop.signal)) {
        if (expired()) break;
        await send(res, frame(event));
        if (stop.signal.aborted) break;
      }
    } finally {
      clearInterval(heartbeat);
      shutdown.removeEventListener('abort', end);
      res.end();
    }
  };
}

/**
 * `Last-Event-ID` (or, without it, `?after=`): the position of the last event a client saw, to resume after it. A
 * malformed header is `400 invalid_body`, a malformed `?after=` `400 invalid_query`, each naming what was wrong.
 */
function resumeAfter(req: Request): { after: Position; from: 'after' | 'Last-Event-ID' } | undefined {
  const header = req.get('last-event-id');
  if (header === undefined) {
    const after = position(req.query.after, 'after');
    return after === undefined ? undefined : { after, from: 'after' };
  }
  if (!/^\d{1,15}$/.test(header)) throw new InvalidBody('Last-Event-ID must be a position given by this stream');
  return { after: Number(header), from: 'Last-Event-ID' };
}

/**
 * One event as an unnamed SSE message (no `event:` field), so that it is dispatched as `message` and a plain
 * `EventSource.onmessage` receives it; `id:` is the position, which the browser sends back as `Last-Event-ID`.
 */
function frame(event: LiveEvent): string {
  return `id: ${event.position}\ndata: ${JSON.stringify(event)}\n\n`;
}

/** Writes, waiting for the socket to drain when its buffer is full (a slow client slows only its own stream). */
function send(res: Response, chunk: string): Promise<void> {
  if (res.writableEnded || res.destroyed) return Promise.resolve();
  if (res.write(chunk)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });
}
