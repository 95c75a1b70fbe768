import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the receiver does with a request: answer a status, hang (never answer), or answer later. */
export type Behaviour =
  | { readonly status: number; readonly headers?: Record<string, string>; readonly body?: string }
  | { readonly hang: true }
  /** Closes the connection without answering (as a receiver closing an idle kept-alive connection does). */
  | { readonly drop: true }
  | { readonly slowMs: number; readonly status: number }
  /** Answers once `after` settles (the test decides when). */
  | { readonly after: Promise<unknown>; readonly status: number };

export interface Received {
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
  /** Requests that came on the same connection before this one (0: a new connection). */
  readonly before: number;
}

/**
 * A webhook receiver on loopback for tests: records every request it reads in full, answers as `behave` says
 * (2xx by default), and can go away (close, refusing connections from then on).
 */
export class WebhookReceiver {
  readonly received: Received[] = [];
  behave: (received: Received, index: number) => Behaviour = () => ({ status: 204 });
  readonly #server: http.Server;
  readonly #open = new Set<http.ServerResponse>();
  readonly #served = new WeakMap<object, number>();

  private constructor(server: http.Server) {
    this.#server = server;
  }

  static async start(): Promise<WebhookReceiver> {
    const server = http.createServer();
    const receiver = new WebhookReceiver(server);
    server.on('request', (req, res) => receiver.#handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get port(): number {
    return (this.#server.address() as AddressInfo).port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hook`;
  }

  /** The ledger events received, in order, from the payloads' `data`. */
  events(): { id: string; stream: string; type: string; revision: number; actor: { agency: string } }[] {
    return this.received.map((r) => (JSON.parse(r.body) as { data: never }).data);
  }

  #handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const before = this.#served.get(req.socket) ?? 0;
      this.#served.set(req.socket, before + 1);
      const received = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), before };
      const index = this.received.length;
      this.received.push(received);
      const behaviour = this.behave(received, index);
      if ('hang' in behaviour) {
        this.#open.add(res);
        return;
      }
      if ('drop' in behaviour) {
        req.socket.destroy();
        return;
      }
      const answer = () => {
        res.writeHead(behaviour.status, 'headers' in behaviour ? behaviour.headers : {});
        res.end('body' in behaviour ? behaviour.body : undefined);
      };
      if ('slowMs' in behaviour) setTimeout(answer, behaviour.slowMs);
      else if ('after' in behaviour) void behaviour.after.then(answer, answer);
      else answer();
    });
  }

  /** Goes away: stops listening and drops every connection. */
  async close(): Promise<void> {
    for (const res of this.#open) res.destroy();
    await new Promise<void>((resolve) => {
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
    });
  }
}

/** Polls `check` until it is true (at most `timeoutMs`, generous: no timing is asserted). */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
