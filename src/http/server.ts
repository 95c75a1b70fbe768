import http, { type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { RequestListener } from 'node:http';
import type { HttpServerConfig } from '../config.js';
import { instanceOf, problem } from './problem.js';
import { SECURITY_HEADERS } from './security-headers.js';

/**
 * The HTTP server around the app, with what one client may hold of it bounded: the request head must arrive
 * within `headersTimeoutMs` and fit in `maxHeaderBytes`, a silent connection is closed after `idleTimeoutMs`,
 * at most `maxConnections` are open at once (further ones are closed as they arrive). The body's deadline is the
 * app's (src/http/deadline.ts, per route); Node's own `requestTimeout` is only the backstop, at the longest.
 * What Node itself refuses (a head too large or too slow, malformed HTTP, an HTTP/1.1 request without `Host`, an
 * `Expect` other than `100-continue`) is answered with a problem document, with the app's hardening headers.
 */
export interface LedgerHttpServer extends http.Server {
  /**
   * Begins a stop: `server.close()` takes no new connection, but a connection kept alive would go on carrying new
   * requests until it is cut. From here on, each answer not yet begun closes its connection (`Connection: close`),
   * idle connections are closed, and a request that arrives on a connection still open is refused unprocessed
   * (`503 shutting_down`, nothing recorded): only the requests already in flight are served to their end.
   */
  drain(): void;
}

export function createHttpServer(app: RequestListener, limits: HttpServerConfig): LedgerHttpServer {
  let draining = false;
  /** The answers in flight: those not begun when the stop comes close their connection after them. */
  const inFlight = new Set<ServerResponse>();
  const server = http.createServer({
    maxHeaderSize: limits.maxHeaderBytes,
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.uploadTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    // how often Node checks the header and request deadlines: a fraction of the shortest, at most a second
    connectionsCheckingInterval: Math.max(25, Math.min(1_000, Math.floor(limits.headersTimeoutMs / 4))),
    // Node would answer a bare 400 with no body: the request handler below answers a problem instead
    requireHostHeader: false,
  });
  server.on('request', (req: http.IncomingMessage, res: ServerResponse) => {
    if (draining) {
      refuseWhileStopping(req, res);
      return;
    }
    if (req.httpVersion === '1.1' && req.headers.host === undefined) {
      // RFC 9112 §3.2: a server answers 400 to an HTTP/1.1 request that lacks a Host header
      refuseUnprocessed(req, res, 400, 'invalid_request', 'an HTTP/1.1 request names its host in a Host header');
      return;
    }
    inFlight.add(res);
    res.once('close', () => {
      inFlight.delete(res);
      if (draining) server.closeIdleConnections();
    });
    app(req, res);
  });
  server.timeout = limits.idleTimeoutMs;
  server.maxConnections = limits.maxConnections;
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    answerClientError(err, socket, limits);
  });
  // an Expect other than 100-continue (which Node answers itself): Node would answer a bare 417 with no body
  server.on('checkExpectation', (req: http.IncomingMessage, res: ServerResponse) => {
    refuseUnprocessed(req, res, 417, 'expectation_failed', 'the service meets no expectation but 100-continue');
  });
  return Object.assign(server, {
    drain(): void {
      draining = true;
      for (const res of inFlight) if (!res.headersSent) res.shouldKeepAlive = false;
      server.closeIdleConnections();
    },
  });
}

/** A request on a connection kept open past the stop: not processed, and the connection closed after the answer. */
function refuseWhileStopping(req: http.IncomingMessage, res: ServerResponse): void {
  res.setHeader('Retry-After', '1');
  refuseUnprocessed(
    req,
    res,
    503,
    'shutting_down',
    'the service is stopping: the request was not processed; send it again',
  );
}

/**
 * Answers a request the app never sees with a problem document, and closes its connection after the answer (its
 * body, if any, is not read).
 */
function refuseUnprocessed(
  req: http.IncomingMessage,
  res: ServerResponse,
  status: number,
  code: string,
  detail: string,
): void {
  const instance = instanceOf(req.url);
  const body = JSON.stringify({ ...problem(status, code, detail), ...(instance === undefined ? {} : { instance }) });
  res.shouldKeepAlive = false;
  for (const [name, value] of SECURITY_HEADERS) res.setHeader(name, value);
  res.writeHead(status, { 'Content-Type': 'application/problem+json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function answerClientError(err: NodeJS.ErrnoException, socket: Duplex, limits: HttpServerConfig): void {
  // as Node does: answer only when no response of this connection has started
  const inFlight = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage;
  if (err.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const [status, code, detail] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'headers_too_large', `the request line and headers exceed ${limits.maxHeaderBytes} bytes`]
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'request_timeout', 'the request did not arrive in time']
        : [400, 'invalid_request', 'the request is not well-formed HTTP/1.1'];
  const instance = instanceOf(requestTarget((err as { rawPacket?: unknown }).rawPacket));
  const body = JSON.stringify({ ...problem(status, code, detail), ...(instance === undefined ? {} : { instance }) });
  socket.end(
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? 'Error'}\r\n` +
      'Content-Type: application/problem+json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      SECURITY_HEADERS.map(([name, value]) => `${name}: ${value}\r\n`).join('') +
      'Connection: close\r\n\r\n' +
      body,
  );
  setTimeout(() => socket.destroy(), 1_000).unref();
}

/** The longest request target a transport error's problem names as its `instance`. */
const MAX_INSTANCE_TARGET = 2_048;

/**
 * The origin-form target (`/path?query`) of the request line that begins `raw`, the bytes Node's parser was reading
 * when it refused the request (an error's `rawPacket`), when they begin with a whole request line and the target is
 * at most {@link MAX_INSTANCE_TARGET} characters; undefined otherwise (the head came in several pieces, or the
 * request line is what was wrong).
 */
export function requestTarget(raw: unknown): string | undefined {
  if (!Buffer.isBuffer(raw)) return undefined;
  const end = raw.indexOf('\r\n');
  if (end < 0) return undefined;
  const line = /^[A-Z]{1,20} (\/[\x21-\x7e]*) HTTP\/1\.[01]$/.exec(raw.toString('latin1', 0, end));
  const target = line?.[1];
  return target !== undefined && target.length <= MAX_INSTANCE_TARGET ? target : undefined;
}
