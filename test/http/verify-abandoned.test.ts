import net from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { seedAgency, startTestService, type TestService } from '../support/service.js';

/**
 * A client that closes its connection while `POST /v1/verify` reads its bundle: nothing failed in the service, so it
 * is logged as the client's going away (info, `client_closed`), never as an internal error, and the slot is freed.
 */
const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString('utf8').split('\n')) if (line) lines.push(JSON.parse(line));
    done();
  },
});

let t: TestService;
let bundle: Buffer;

beforeAll(async () => {
  t = await startTestService({}, { log: pino({ level: 'info' }, sink) });
  const { officer } = await seedAgency(t, 'county-justice');
  const opened = await t.call('POST', '/v1/cases', {
    token: officer,
    body: {
      caseId: 'ab-1',
      itemCode: 'P-001',
      title: '案',
      openedOn: new Date().toISOString().slice(0, 10),
      officers: ['alice', 'bob'],
      parties: [{ kind: 'organization', name: '某公司' }],
    },
  });
  expect(opened.status).toBe(201);
  const res = await fetch(`${t.url}/v1/cases/ab-1/bundle`, { headers: { authorization: `Bearer ${officer}` } });
  expect(res.status).toBe(200);
  bundle = Buffer.from(await res.arrayBuffer());
}, 60_000);
afterAll(() => t?.stop());

/** Sends the head of a verify request and the first `cut` bytes of the bundle, then resets the connection. */
function abandon(cut: number): Promise<void> {
  const { port } = new URL(t.url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), '127.0.0.1', () => {
      socket.write(
        `POST /v1/verify HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-tar\r\nContent-Length: ${bundle.length}\r\n\r\n`,
      );
      socket.write(bundle.subarray(0, cut), () => setTimeout(() => socket.resetAndDestroy(), 200));
    });
    socket.on('close', () => resolve());
    socket.on('error', () => resolve());
  });
}

describe('a verification the client abandons', () => {
  it('when the client resets the connection mid-upload, then it is logged as the client closing, not as an error, and verifying goes on', async () => {
    for (const cut of [0, 600, Math.floor(bundle.length / 2)]) await abandon(cut);
    // the service answers the next verification: no slot was left taken
    const after = await fetch(`${t.url}/v1/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-tar' },
      body: bundle,
    });
    expect(after.status).toBe(200);
    expect(((await after.json()) as { valid: boolean }).valid).toBe(true);
    // each abandoned request is logged once the service sees the reset, which a busy machine may see late
    const closed = () => lines.filter((l) => l.code === 'client_closed').length;
    for (let waited = 0; closed() < 3 && waited < 30_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    expect(closed()).toBe(3);
    const failures = lines.filter((l) => (l.level as number) >= 50);
    expect(failures.map((l) => [l.msg, l.code])).toEqual([]);
  });
});
