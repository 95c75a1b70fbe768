import http from 'node:http';
import https from 'node:https';
import type { LookupFunction, Socket } from 'node:net';
import type { WebhookRequest, WebhookResponse, WebhookSender } from '../../ports/webhook-sender.js';

export interface HttpWebhookSenderOptions {
  /** Most time to establish the connection (TCP and TLS). */
  readonly connectTimeoutMs: number;
  /** Most time for the whole attempt, from connecting to the end of the response. */
  readonly totalTimeoutMs: number;
  /** Most response bytes read (and discarded) before the connection is closed. */
  readonly maxResponseBytes: number;
  /**
   * Most connections to one receiver, open and kept alive (the worker's concurrency: every attempt in flight may
   * go to the same receiver, and each finds a kept connection for its next attempt).
   */
  readonly maxSockets: number;
}

/** How a request fails on a kept-alive connection that the receiver closed while it was idle. */
const CLOSED_WHILE_IDLE = new Set(['ECONNRESET', 'EPIPE']);

/**
 * Sends webhook deliveries with node:http(s): connections to the pinned address (the lookup answers with it, so TLS
 * still checks the certificate against the URL's host name), kept alive between attempts, no redirects followed (a 3xx
 * is an answer like any other non-2xx), the response body read up to a bound and thrown away, both timeouts
 * enforced by destroying the request.
 */
export class HttpWebhookSender implements WebhookSender {
  // keep-alive: a receiver's connections are reused; a reused connection goes to an address checked when it was made
  readonly #agents;

  constructor(private readonly options: HttpWebhookSenderOptions) {
    const pool = { keepAlive: true, maxSockets: options.maxSockets, maxFreeSockets: options.maxSockets };
    this.#agents = {
      http: new http.Agent({ ...pool, timeout: 30_000 }),
      https: new https.Agent({ ...pool, timeout: 30_000 }),
    };
  }

  /** Closes the kept-alive connections. */
  close(): void {
    this.#agents.http.destroy();
    this.#agents.https.destroy();
  }

  /**
   * Sends one delivery. A kept-alive connection the receiver closed while idle fails the next request sent on it
   * (ECONNRESET, "socket hang up", EPIPE) before any answer: that request is sent once more at once, on a fresh
   * connection, and only what comes of that counts (the receiver dedupes by `webhook-id`, should it have read the
   * first). Both tries share the attempt's total time; each has its own time to connect.
   */
  send({ url, address, headers, body }: WebhookRequest): Promise<WebhookResponse> {
    const pinned: LookupFunction = (_host, opts, callback) => {
      if ((opts as { all?: boolean }).all) callback(null, [{ address: address.address, family: address.family }]);
      else callback(null, address.address, address.family);
    };
    const secure = url.protocol === 'https:';
    const client = secure ? https : http;
    return new Promise<WebhookResponse>((resolve) => {
      let settled = false;
      let req: http.ClientRequest | undefined;
      let connect: NodeJS.Timeout | undefined;
      /** `keep`: the answer was read to its end, so its connection may serve the next attempt. */
      const finish = (result: WebhookResponse, keep = false) => {
        if (settled) return;
        settled = true;
        clearTimeout(total);
        clearTimeout(connect);
        if (!keep) req?.destroy();
        resolve(result);
      };
      const total = setTimeout(
        () => finish({ error: 'timeout', message: `no complete answer within ${this.options.totalTimeoutMs} ms` }),
        this.options.totalTimeoutMs,
      );
      /** `fresh`: on a connection of its own (a one-off agent), never a kept-alive one. */
      const attempt = (fresh: boolean) => {
        clearTimeout(connect);
        connect = setTimeout(
          () => finish({ error: 'timeout', message: `not connected within ${this.options.connectTimeoutMs} ms` }),
          this.options.connectTimeoutMs,
        );
        const current = client.request(url, {
          method: 'POST',
          lookup: pinned,
          agent: fresh ? false : secure ? this.#agents.https : this.#agents.http,
          headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        });
        req = current;
        /** Bytes the connection had read before this request: more at a failure means the answer had begun. */
        let readBefore = 0;
        let connection: Socket | undefined;
        current.on('socket', (socket) => {
          connection = socket;
          readBefore = socket.bytesRead;
          const connected = () => clearTimeout(connect);
          if (!socket.connecting)
            connected(); // a kept-alive connection
          else if (secure) socket.once('secureConnect', connected);
          else socket.once('connect', connected);
        });
        current.on('error', (err: NodeJS.ErrnoException) => {
          if (settled || req !== current) return;
          const unanswered = current.reusedSocket && connection?.bytesRead === readBefore;
          if (!fresh && unanswered && CLOSED_WHILE_IDLE.has(err.code ?? '')) {
            current.destroy();
            attempt(true);
            return;
          }
          finish({
            error: ['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH'].includes(err.code ?? '') ? 'connect' : 'network',
            message: err.code ?? err.message,
          });
        });
        current.on('response', (res) => {
          let read = 0;
          res.on('data', (chunk: Buffer) => {
            read += chunk.length;
            if (read > this.options.maxResponseBytes) finish({ status: res.statusCode ?? 0 });
          });
          res.on('end', () => finish({ status: res.statusCode ?? 0 }, true));
          res.on('error', () => finish({ status: res.statusCode ?? 0 }));
        });
        current.end(body);
      };
      attempt(false);
    });
  }
}
