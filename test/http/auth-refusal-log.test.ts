import pino from 'pino';
import { refusalWarnings } from '../../src/http/problem.js';
import { startTestService, type TestService } from '../support/service.js';

/** Refused credentials show in the service's log, without the token and without one line per refusal. */
const lines: { level: number; msg: string; [k: string]: unknown }[] = [];
let t: TestService;

beforeAll(async () => {
  const log = pino({ level: 'warn' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  t = await startTestService({}, { log });
}, 120_000);
afterAll(() => t?.stop());

const warned = () => lines.filter((l) => l.msg === 'auth: credentials refused');

describe('refused credentials in the log', () => {
  it('when forged tokens come in a burst, then one warning names the reason and the route, never the token', async () => {
    const valid = t.token('alice', 'county-justice', ['officer']);
    const [head, body] = valid.split('.');
    const forged = `${head}.${body}.${'A'.repeat(86)}`; // the right key id, a signature of nothing
    for (let i = 0; i < 5; i++) {
      const res = await t.call('GET', '/v1/cases/c-1', { token: forged });
      expect([res.status, res.body.code]).toEqual([401, 'unauthenticated']);
    }
    expect(warned().map((l) => [l.reason, l.route])).toEqual([['invalid signature', '/v1/cases/:caseId']]);
    expect(JSON.stringify(lines)).not.toContain(body!);
  });

  it('when no token is sent at all, then nothing is warned (a client not signed in is no attempt)', async () => {
    const before = warned().length;
    expect((await t.call('GET', '/v1/cases/c-1')).status).toBe(401);
    expect(warned().length).toBe(before);
  });
});

describe('refusalWarnings', () => {
  it('when the same reason repeats within a minute, then it is warned once; after the minute, once more with the count since', () => {
    const said: Record<string, unknown>[] = [];
    const log = { warn: (fields: Record<string, unknown>) => void said.push(fields) } as unknown as pino.Logger;
    let now = 0;
    const refused = refusalWarnings(log, () => now);
    const at = { route: '/v1/cases', requestId: 'r' };
    refused('token expired', at);
    now = 30_000;
    refused('token expired', at);
    refused('unknown key id', at); // another reason: said at once
    refused('token expired', at);
    now = 61_000;
    refused('token expired', at);
    expect(said.map((s) => [s.reason, s.sinceLastWarning])).toEqual([
      ['token expired', undefined],
      ['unknown key id', undefined],
      ['token expired', 2],
    ]);
  });
});
