import net from 'node:net';
import { startTestService, type TestService } from '../support/service.js';

/**
 * What one client may hold of the server: bodies are read only after authentication, a request must arrive in
 * time, connections are capped, and what Node refuses on its own still gets a problem document. The timeouts are
 * configured small so the tests are quick; every wait below is far longer than the limit it exercises.
 */

interface RawAnswer {
  readonly status: number;
  readonly headers: string;
  readonly body: string;
  /** Whether the server closed the connection (the socket ended) after answering. */
  readonly closed: boolean;
}

/** Opens a connection, sends `head` (and `trickle` a byte at a time), resolves with the first answer when the server closes. */
function rawRequest(port: number, head: string, options: { trickleEveryMs?: number } = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let data = '';
    let timer: NodeJS.Timeout | undefined;
    socket.setEncoding('latin1');
    socket.on('connect', () => {
      socket.write(head);
      if (options.trickleEveryMs !== undefined) {
        timer = setInterval(() => {
          if (socket.writable) socket.write('1');
        }, options.trickleEveryMs);
      }
    });
    socket.on('data', (chunk: string) => (data += chunk));
    socket.on('error', () => {}); // a reset after the answer is what a closed connection looks like here
    socket.on('close', () => {
      clearInterval(timer);
      const split = data.indexOf('\r\n\r\n');
      if (split < 0) {
        reject(new Error(`no answer before the connection closed: ${JSON.stringify(data.slice(0, 200))}`));
        return;
      }
      const headers = data.slice(0, split);
      resolve({ status: Number(headers.split(' ')[1]), headers, body: data.slice(split + 4), closed: true });
    });
  });
}

const contentType = (answer: RawAnswer) => /^content-type: *([^;\r\n]+)/im.exec(answer.headers)?.[1];

describe('HTTP transport limits', () => {
  let t: TestService;
  let port: number;

  beforeAll(async () => {
    t = await startTestService({
      HTTP_HEADERS_TIMEOUT_MS: '300',
      HTTP_REQUEST_TIMEOUT_MS: '300',
      HTTP_UPLOAD_TIMEOUT_MS: '60000',
    });
    port = t.service.port;
  });
  afterAll(() => t.stop());

  it('when an anonymous client sends a JSON body to an authenticated route, then 401 before the body is read', async () => {
    // the service waits 60 s for uploads but here answers without the body: 99,990 bytes are never sent
    const answer = await rawRequest(
      port,
      'POST /v1/cases HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"a":',
    );
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'unauthenticated' });
    expect(answer.headers).toMatch(/^connection: *close/im);
  });

  it('when a JSON body is declared larger than the limit, then 413 too_large at once, unread, and the connection closes', async () => {
    // the body parser alone would read off the declared bytes first, and answer 408 at the request's deadline
    const token = t.token('alice', 'county-justice', ['officer']);
    for (const route of ['/v1/cases', '/v1/cases/x-1/acts']) {
      const answer = await rawRequest(
        port,
        `POST ${route} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 99999999999\r\n` +
          `Authorization: Bearer ${token}\r\n\r\n{"a":`,
      );
      expect([answer.status, JSON.parse(answer.body).code]).toEqual([413, 'too_large']);
      expect(answer.headers).toMatch(/^connection: *close/im);
    }
  });

  it('when a request without a body is refused, then its connection stays open for the next request', async () => {
    const answer = await rawRequest(
      port,
      'GET /v1/cases HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    );
    expect(answer.status).toBe(401);
    expect(answer.body).toMatch(/HTTP\/1\.1 200 /); // the second answer, on the same connection
  });

  it('when a client trickles a body slower than the request timeout, then 408 and the connection closes', async () => {
    const token = t.token('head', 'county-justice', ['admin']);
    const answer = await rawRequest(
      port,
      'POST /v1/officers HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n' +
        `Authorization: Bearer ${token}\r\n\r\n`,
      { trickleEveryMs: 50 },
    );
    expect(answer.status).toBe(408);
    expect(contentType(answer)).toBe('application/problem+json');
    expect(JSON.parse(answer.body)).toMatchObject({ status: 408, code: 'request_timeout' });
    expect(answer.closed).toBe(true);
  });

  it('when a client sends no headers within the headers timeout, then 408 problem+json and the connection closes', async () => {
    const answer = await rawRequest(port, 'GET /healthz HTTP/1.1\r\nHost: x\r\n');
    expect(answer.status).toBe(408);
    expect(contentType(answer)).toBe('application/problem+json');
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'request_timeout' });
  });

  it('when a media upload takes longer than the request timeout, then it is still accepted within the upload timeout', async () => {
    const officer = t.token('alice', 'county-justice', ['officer']);
    const socket = net.connect(port, '127.0.0.1');
    const chunks = ['slow ', 'photo ', 'bytes'];
    const length = chunks.join('').length;
    let data = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (data += chunk));
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      `POST /v1/media HTTP/1.1\r\nHost: x\r\nContent-Type: image/jpeg\r\nContent-Length: ${length}\r\n` +
        `Authorization: Bearer ${officer}\r\nConnection: close\r\n\r\n`,
    );
    for (const chunk of chunks) {
      await new Promise((resolve) => setTimeout(resolve, 400)); // 1.2 s in all: four times the request timeout
      socket.write(chunk);
    }
    await new Promise((resolve) => socket.once('close', resolve));
    expect(data).toMatch(/^HTTP\/1\.1 201 /);
  });

  it('when a request carries two Authorization headers, then 400', async () => {
    const token = t.token('alice', 'county-justice', ['officer']);
    const answer = await rawRequest(
      port,
      'GET /v1/cases HTTP/1.1\r\nHost: x\r\nConnection: close\r\n' +
        `Authorization: Bearer ${token}\r\nAuthorization: Bearer ${token}\r\n\r\n`,
    );
    expect(answer.status).toBe(400);
    expect(contentType(answer)).toBe('application/problem+json');
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'ambiguous_header', header: 'authorization' });
  });

  it('when a 14 KB token is sent, then a problem+json answer with a stable code', async () => {
    const answer = await rawRequest(
      port,
      `GET /v1/cases HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer ${'a'.repeat(14 * 1024)}\r\n\r\n`,
    );
    expect([401, 431]).toContain(answer.status);
    expect(contentType(answer)).toBe('application/problem+json');
    expect(['unauthenticated', 'headers_too_large']).toContain(JSON.parse(answer.body).code);
  });

  it('when the request head exceeds the header limit, then 431 problem+json, not a bare status line', async () => {
    const answer = await rawRequest(
      port,
      `GET /v1/cases HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${'a'.repeat(20 * 1024)}\r\n\r\n`,
    );
    expect(answer.status).toBe(431);
    expect(contentType(answer)).toBe('application/problem+json');
    expect(JSON.parse(answer.body)).toMatchObject({ status: 431, code: 'headers_too_large', instance: '/v1/cases' });
  });

  it('when a header line is not HTTP, then 400 invalid_request naming the path (without its query) as the instance', async () => {
    const answer = await rawRequest(port, 'GET /v1/cases/c-1?reader=r-9 HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n');
    expect(answer.status).toBe(400);
    expect(contentType(answer)).toBe('application/problem+json');
    const body = JSON.parse(answer.body);
    expect(body).toMatchObject({ status: 400, code: 'invalid_request', instance: '/v1/cases/c-1' });
    expect(answer.body).not.toContain('r-9');
  });

  it('when an HTTP/1.1 request has no Host header, then 400 invalid_request as a problem, with the hardening headers', async () => {
    const answer = await rawRequest(port, 'GET /v1/officers HTTP/1.1\r\nConnection: keep-alive\r\n\r\n');
    expect(answer.status).toBe(400);
    expect(contentType(answer)).toBe('application/problem+json');
    expect(JSON.parse(answer.body)).toMatchObject({ status: 400, code: 'invalid_request', instance: '/v1/officers' });
    expect(answer.headers).toMatch(/^x-content-type-options: nosniff$/im);
    expect(answer.headers).toMatch(/^connection: close$/im);
  });

  it("when an HTTP/1.0 request has no Host header, then it is served (Host is HTTP/1.1's)", async () => {
    const answer = await rawRequest(port, 'GET /healthz HTTP/1.0\r\n\r\n');
    expect(answer.status).toBe(200);
  });

  it('when a request expects anything but 100-continue, then 417 expectation_failed as a problem, unprocessed', async () => {
    const agency = 'county-justice';
    const admin = t.token(`head-${agency}`, agency, ['admin']);
    // a registration the service records when it is sent without the Expect header (below)
    const registration = (officerId: string) =>
      JSON.stringify({
        officerId,
        name: `执法人员${officerId}`,
        agency,
        certificateNo: `${agency}-${officerId}`,
        validFrom: '2018-01-01',
        validTo: '2030-12-31',
        roles: ['officer'],
      });
    const send = (body: string, expect: string) =>
      rawRequest(
        port,
        `POST /v1/officers HTTP/1.1\r\nHost: x\r\n${expect}Authorization: Bearer ${admin}\r\n` +
          `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    const before = await t.service.events.headPosition();
    const answer = await send(registration('o-417'), 'Expect: something-else\r\n');
    expect(answer.status).toBe(417);
    expect(contentType(answer)).toBe('application/problem+json');
    expect(JSON.parse(answer.body)).toMatchObject({
      status: 417,
      code: 'expectation_failed',
      instance: '/v1/officers',
    });
    expect(answer.headers).toMatch(/^x-content-type-options: nosniff$/im);
    expect(await t.service.events.headPosition()).toBe(before);
    // the same without the expectation is recorded, so the refusal above is what kept the log as it was
    expect((await send(registration('o-417'), '')).status).toBe(201);
    expect(await t.service.events.headPosition()).toBeGreaterThan(before);
  });

  it('when a request expects 100-continue, then it is told to continue and is served', async () => {
    const answer = await rawRequest(
      port,
      'GET /healthz HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n',
    );
    expect(answer.status).toBe(100);
    expect(answer.body).toMatch(/^HTTP\/1\.1 200 /);
  });

  it('when a malformed head is refused by Node, then the problem carries the hardening headers too', async () => {
    const answer = await rawRequest(port, 'GET /v1/cases HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n');
    expect(answer.status).toBe(400);
    expect(answer.headers).toMatch(/^x-content-type-options: nosniff$/im);
  });

  it('when the request line itself is not HTTP, then 400 invalid_request without an instance', async () => {
    const answer = await rawRequest(port, 'not a request line\r\n\r\n');
    expect(answer.status).toBe(400);
    expect(contentType(answer)).toBe('application/problem+json');
    const body = JSON.parse(answer.body);
    expect(body).toMatchObject({ status: 400, code: 'invalid_request' });
    expect(body).not.toHaveProperty('instance');
  });
});

describe('the connection cap', () => {
  let t: TestService;
  afterAll(() => t.stop());

  it('when connections exceed the cap, then further ones are refused', async () => {
    t = await startTestService({ HTTP_MAX_CONNECTIONS: '2' });
    const port = t.service.port;
    const open = async () => {
      const socket = net.connect(port, '127.0.0.1');
      socket.setEncoding('latin1');
      socket.on('error', () => {});
      const answered = new Promise<string>((resolve) => {
        let data = '';
        socket.on('data', (chunk: string) => {
          data += chunk;
          if (data.includes('\r\n\r\n')) resolve(data);
        });
        socket.on('close', () => resolve(data));
      });
      socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'); // keep-alive: the connection stays open
      return { socket, first: await answered };
    };
    const held = [await open(), await open()];
    for (const { first } of held) expect(first).toMatch(/^HTTP\/1\.1 200 /);

    const refused = await open();
    expect(refused.first).toBe('');
    expect(refused.socket.destroyed || refused.socket.readableEnded).toBe(true);

    held[0]!.socket.destroy();
    let again = await open();
    for (let attempt = 0; attempt < 50 && again.first === ''; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100)); // until the server has seen the close
      again = await open();
    }
    expect(again.first).toMatch(/^HTTP\/1\.1 200 /);
    for (const s of [...held, again]) s.socket.destroy();
  });
});
