import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { loadConfig } from '../../src/config.js';
import { createHttpServer, type LedgerHttpServer } from '../../src/http/server.js';

/**
 * The stop of the HTTP server (`drain`, then `close`, as the service's stop calls them): connections kept alive
 * carry no new request past it, and the requests in flight are answered to their end, each closing its connection.
 */
let server: LedgerHttpServer;
let port: number;
/** Requests the app holds, by path: calling one answers it. */
const held = new Map<string, () => void>();
/** Every request the server received, refused or not, by path. */
const seen: string[] = [];

beforeEach(async () => {
  server = createHttpServer((req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '/';
    // `/held…` is answered when the test says; `/streaming…` sends its head at once and its body then
    if (path.startsWith('/streaming')) res.writeHead(200, { 'content-type': 'text/plain' });
    const answer = () => res.end(`answered ${path}`);
    if (path.startsWith('/held') || path.startsWith('/streaming')) held.set(path, answer);
    else answer();
  }, loadConfig({}).http);
  server.on('request', (req: IncomingMessage) => seen.push(req.url ?? ''));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterEach(async () => {
  server.closeAllConnections();
  if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
  held.clear();
  seen.length = 0;
});

/** A raw connection: what the server sent on it, and whether it ended. */
async function connect() {
  const socket = net.connect(port, '127.0.0.1');
  let received = '';
  let ended = false;
  socket.on('data', (chunk) => (received += chunk.toString('latin1')));
  socket.on('close', () => (ended = true));
  socket.on('error', () => {});
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  return {
    send: (...paths: string[]) =>
      socket.write(paths.map((p) => `GET ${p} HTTP/1.1\r\nHost: localhost\r\n\r\n`).join('')),
    received: () => received,
    ended: () => ended,
  };
}

async function until(what: string, done: () => boolean): Promise<void> {
  for (let i = 0; i < 3_000 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!done()) throw new Error(`never happened: ${what}`);
}

/** Stops as the service does: no new connection, none kept alive for another request. */
function stop(): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.drain();
  });
}

describe('the HTTP server when the service stops', () => {
  it('when a request is in flight, then it is answered in full with Connection: close and its connection ends; an idle connection is closed at once', async () => {
    const busy = await connect();
    const idle = await connect();
    idle.send('/first');
    await until('the idle connection had its answer', () => idle.received().includes('answered /first'));
    expect(idle.received()).toMatch(/connection: keep-alive/i); // before the stop, connections are kept alive
    busy.send('/held-1');
    await until('the app holds the request', () => held.has('/held-1'));
    const stopped = stop();
    await until('the idle connection is closed', idle.ended);
    expect(busy.ended()).toBe(false);
    held.get('/held-1')!();
    await until('the busy connection ends after its answer', busy.ended);
    expect(busy.received()).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(busy.received()).toMatch(/connection: close/i);
    expect(busy.received()).toContain('answered /held-1');
    await stopped; // no connection is left: close() completes without cutting any
  });

  it('when a request comes after the stop on a connection still open, then 503 shutting_down, not processed, and the connection ends', async () => {
    const c = await connect();
    // the first answer began (its head was sent) before the stop, so it keeps its connection open; the second
    // request comes on it after the stop
    c.send('/streaming-1');
    await until('the first answer began', () => held.has('/streaming-1'));
    const stopped = stop();
    c.send('/second');
    await until('the server has the second request', () => seen.includes('/second'));
    held.get('/streaming-1')!();
    await until('the connection ends', c.ended);
    const text = c.received();
    expect(text).toContain('answered /streaming-1');
    expect(text).not.toContain('answered /second');
    const refusal = text.slice(text.indexOf('HTTP/1.1 503'));
    expect(refusal).toMatch(/^HTTP\/1\.1 503 Service Unavailable\r\n/);
    expect(refusal).toMatch(/connection: close/i);
    expect(refusal).toMatch(/retry-after: 1/i);
    const body = JSON.parse(refusal.slice(refusal.indexOf('\r\n\r\n') + 4)) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 503, code: 'shutting_down', instance: '/second' });
    await stopped;
  });
});
