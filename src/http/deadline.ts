import type { Request, RequestHandler } from 'express';
import { LedgerError } from '../errors.js';
import { problem, sendProblem } from './problem.js';

/** A client did not send its whole request in time. */
export class RequestTimedOut extends LedgerError {
  readonly code = 'request_timeout';
  readonly status = 408;
}

export interface RequestDeadlines {
  /** Time to send the rest of a request once its headers have arrived. */
  readonly requestTimeoutMs: number;
  /** The same for the upload routes, {@link isUpload}. */
  readonly uploadTimeoutMs: number;
}

/** The routes whose request bodies may take long: a media upload, a bundle sent for verification. */
export function isUpload(req: Pick<Request, 'method' | 'path'>): boolean {
  return req.method === 'POST' && (req.path === '/v1/media' || req.path === '/v1/verify');
}

/**
 * Gives each request a deadline for arriving whole: a client still sending its body when it passes gets
 * `408 request_timeout` and its connection is closed, so a trickled body holds a connection for seconds, not
 * hours. Responses may take longer (a bundle download, a live stream): only the request's arrival is timed.
 */
export function requestDeadline(deadlines: RequestDeadlines): RequestHandler {
  return (req, res, next) => {
    const ms = isUpload(req) ? deadlines.uploadTimeoutMs : deadlines.requestTimeoutMs;
    const timer = setTimeout(() => {
      if (req.complete) return;
      if (res.headersSent) {
        req.socket.destroy();
        return;
      }
      const late = new RequestTimedOut(`the request did not arrive whole within ${ms} ms`, { timeoutMs: ms });
      sendProblem(res, problem(late.status, late.code, late.message, { ...late.details }));
    }, ms);
    timer.unref();
    const clear = () => clearTimeout(timer);
    res.once('finish', clear);
    res.once('close', clear);
    next();
  };
}
