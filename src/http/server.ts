import http, { type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { RequestListener } from 'node:http';
import type { HttpServerConfig } from '../config.js';
import { problem } from './problem.js';

/**
 * The HTTP server around the app, with what one client may hold of it bounded: the request head must arrive
 * within `headersTimeoutMs` and fit in `maxHeaderBytes`, a silent connection is closed after `idleTimeoutMs`,
 * at most `maxConnections` are open at once (further ones are closed as they arrive). The body's deadline is the
 * app's (src/http/deadline.ts, per route); Node's own `requestTimeout` is only the backstop, at the longest.
 * What Node itself refuses (a head too large or too slow, malformed HTTP) is answered with a problem document.
 */
export function createHttpServer(app: RequestListener, limits: HttpServerConfig): http.Server {
  const server = http.createServer({
    maxHeaderSize: limits.maxHeaderBytes,
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.uploadTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    // how often Node checks the header and request deadlines: a fraction of the shortest, at most a second
    connectionsCheckingInterval: Math.max(25, Math.min(1_000, Math.floor(limits.headersTimeoutMs / 4))),
  });
  server.on('request', app);
  server.timeout = limits.idleTimeoutMs;
  server.maxConnections = limits.maxConnections;
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    answerClientError(err, socket, limits);
  });
  return server;
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
  const body = JSON.stringify(problem(status, code, detail));
  socket.end(
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? 'Error'}\r\n` +
      'Content-Type: application/problem+json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
  setTimeout(() => socket.destroy(), 1_000).unref();
}
