import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Router } from 'express';
import pino from 'pino';
import { createHttpApp } from '../../src/http/app.js';
import type { EventStore } from '../../src/ports/event-store.js';
import { startTestService, type TestService } from '../support/service.js';

let t: TestService;
let officer: string;
let metrics: { status: number; headers: Headers; body: string };
/** name{labels} → value */
let samples: Map<string, number>;

const BUCKETS = ['0.005', '0.01', '0.025', '0.05', '0.1', '0.25', '0.5', '1', '2.5', '5', '+Inf'];
const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cross-origin-resource-policy': 'same-origin',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
};
/** The same on a public route, which pages of any origin may read (CORS). */
const PUBLIC_HEADERS = { ...SECURITY_HEADERS, 'cross-origin-resource-policy': 'cross-origin' };

beforeAll(async () => {
  t = await startTestService();
  officer = t.token('alice', 'county-justice', ['officer']);
  expect((await t.call('GET', '/healthz')).status).toBe(200);
  expect((await t.call('GET', '/healthz')).status).toBe(200);
  expect((await t.call('GET', '/v1/cases/case-7f3a9', { token: officer })).status).toBe(404);
  expect((await t.call('GET', '/v1/cases/case-7f3a9/events')).status).toBe(401);
  expect((await t.call('POST', '/v1/cases/case-7f3a9/acts:batch', { body: { acts: [] } })).status).toBe(401);
  expect((await t.call('GET', '/no/such/path/8c1d2')).status).toBe(404);
  metrics = await t.call('GET', '/metrics');
  samples = new Map(
    metrics.body
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'))
      .map((line) => {
        const at = line.lastIndexOf(' ');
        return [line.slice(0, at), Number(line.slice(at + 1))] as const;
      }),
  );
});
afterAll(() => t.stop());

describe('GET /metrics', () => {
  it('when scraped, then it is the Prometheus text format 0.0.4, every sample well-formed and typed', () => {
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const lines = metrics.body.split('\n');
    expect(lines.at(-1)).toBe('');
    const typed = new Set(lines.filter((l) => l.startsWith('# TYPE ')).map((l) => l.split(' ')[2]));
    for (const line of lines.filter((l) => l !== '' && !l.startsWith('#'))) {
      expect(line).toMatch(/^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="(\\.|[^"\\])*",?)*\})? \S+$/);
      const name = line.split(/[{ ]/)[0]!;
      expect([name, typed.has(name.replace(/_(bucket|sum|count)$/, ''))]).toEqual([name, true]);
    }
    for (const value of samples.values()) expect(Number.isNaN(value)).toBe(false);
  });

  it('when requests were answered, then they are counted by route pattern, never by raw path', () => {
    expect(samples.get('ledger_http_requests_total{method="GET",route="/healthz",status="200"}')).toBe(2);
    expect(samples.get('ledger_http_requests_total{method="GET",route="/v1/cases/:caseId",status="404"}')).toBe(1);
    expect(samples.get('ledger_http_requests_total{method="GET",route="/v1/cases/:caseId/events",status="401"}')).toBe(
      1,
    );
    expect(
      samples.get('ledger_http_requests_total{method="POST",route="/v1/cases/:caseId/acts:batch",status="401"}'),
    ).toBe(1);
    expect(samples.get('ledger_http_requests_total{method="GET",route="unmatched",status="404"}')).toBe(1);
    expect(metrics.body).not.toContain('case-7f3a9');
    expect(metrics.body).not.toContain('8c1d2');
  });

  it('when latencies are observed, then each histogram is cumulative, ends in +Inf and +Inf equals _count', () => {
    const series = [...samples.keys()]
      .filter((k) => k.startsWith('ledger_http_request_duration_seconds_count{'))
      .map((k) => k.slice(k.indexOf('{') + 1, -1));
    expect(series).toContain('method="GET",route="/healthz"');
    for (const labels of series) {
      const bucketKeys = [...samples.keys()].filter((k) =>
        k.startsWith(`ledger_http_request_duration_seconds_bucket{${labels},le=`),
      );
      expect(bucketKeys.map((k) => /le="([^"]+)"/.exec(k)![1])).toEqual(BUCKETS);
      const counts = bucketKeys.map((k) => samples.get(k)!);
      for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeGreaterThanOrEqual(counts[i - 1]!);
      const count = samples.get(`ledger_http_request_duration_seconds_count{${labels}}`)!;
      expect(counts.at(-1)).toBe(count);
      expect(count).toBeGreaterThan(0);
      expect(samples.get(`ledger_http_request_duration_seconds_sum{${labels}}`)).toBeGreaterThan(0);
    }
    expect(samples.get('ledger_http_request_duration_seconds_count{method="GET",route="/healthz"}')).toBe(2);
  });

  it('when problems were answered, then errors are counted by their code', () => {
    expect(samples.get('ledger_http_errors_total{code="not_found"}')).toBe(2);
    expect(samples.get('ledger_http_errors_total{code="unauthenticated"}')).toBe(2);
  });

  it('when the process is measured, then memory and event-loop lag are reported', () => {
    expect(samples.get('process_resident_memory_bytes')).toBeGreaterThan(1_000_000);
    expect(samples.get('nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
  });
});

describe('security headers', () => {
  it.each([
    ['a JSON response', '/healthz', 200, 'application/json'],
    ['a problem response', '/v1/cases/case-7f3a9', 401, 'application/problem+json'],
    ['an unknown path', '/no/such/path', 404, 'application/problem+json'],
    ['the OpenAPI document', '/openapi.json', 200, 'application/json'],
    ['the metrics exposition', '/metrics', 200, 'text/plain'],
  ])('when %s is served, then it carries the hardening headers and no-store', async (_what, route, status, type) => {
    const res = await t.call('GET', route);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain(type);
    // a public route (the OpenAPI document is one) may be read by pages of any origin: only that header differs
    const expected = route === '/openapi.json' ? PUBLIC_HEADERS : SECURITY_HEADERS;
    for (const [name, value] of Object.entries(expected)) {
      expect([name, res.headers.get(name)]).toEqual([name, value]);
    }
    // public answers are revalidated (conditional GET) rather than never stored
    expect(res.headers.get('cache-control')).toBe(route === '/openapi.json' ? 'no-cache' : 'no-store');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('when a route sets its own Cache-Control, then that one is sent', async () => {
    const router = Router();
    router.get('/cached', (_req, res) => {
      res.set('Cache-Control', 'public, max-age=60').json({ ok: true });
    });
    const events = { ping: async () => undefined } as unknown as EventStore;
    const app = createHttpApp({ events, log: pino({ level: 'silent' }), routers: [router] });
    const server = http.createServer(app).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/cached`);
      expect(res.headers.get('cache-control')).toBe('public, max-age=60');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('append metrics', () => {
  it('when events are appended, then they are counted by type', async () => {
    const admin = t.token('head', 'metrics-agency', ['admin']);
    const body = {
      officerId: 'm1',
      name: 'm',
      agency: 'metrics-agency',
      certificateNo: 'C',
      validFrom: '2018-01-01',
      validTo: '2030-12-31',
      roles: ['officer'],
    };
    expect((await t.call('POST', '/v1/officers', { token: admin, body })).status).toBe(201);
    const text = (await t.call('GET', '/metrics')).body as string;
    const registered = /^ledger_events_appended_total\{type="OfficerRegistered"\} (\d+)$/m.exec(text);
    expect(Number(registered?.[1])).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/^ledger_appends_total \d+$/m);
    expect(text).toMatch(/^ledger_append_conflicts_total \d+$/m);
    const commits = Number(/^ledger_store_commits_total (\d+)$/m.exec(text)?.[1]);
    const carried = Number(/^ledger_store_committed_appends_total (\d+)$/m.exec(text)?.[1]);
    expect(commits).toBeGreaterThanOrEqual(1);
    expect(carried).toBeGreaterThanOrEqual(commits);
  });
});

describe('the metrics behind a scraper token', () => {
  it('when METRICS_TOKEN is set, then /metrics answers only its bearer: 401 without it or with another, 200 with it', async () => {
    const token = 'scraper-7f3a9c1d2e4b5a60';
    const guarded = await startTestService({ METRICS_TOKEN: token });
    try {
      const none = await guarded.call('GET', '/metrics');
      expect([none.status, none.body.code, none.headers.get('www-authenticate')]).toEqual([
        401,
        'unauthenticated',
        'Bearer',
      ]);
      expect(JSON.stringify(none.body)).not.toContain('ledger_');
      for (const other of [`${token}x`, token.slice(0, -1), 'Basic abc', `Basic ${token}`]) {
        const res = await guarded.call('GET', '/metrics', {
          headers: { authorization: other.includes(' ') ? other : `Bearer ${other}` },
        });
        expect([other, res.status]).toEqual([other, 401]);
      }
      const ok = await guarded.call('GET', '/metrics', { headers: { authorization: `Bearer ${token}` } });
      expect(ok.status).toBe(200);
      // the scheme's case does not matter (RFC 9110 §11.1)
      expect((await guarded.call('GET', '/metrics', { headers: { authorization: `bearer ${token}` } })).status).toBe(
        200,
      );
      expect(ok.body).toMatch(/^ledger_appends_total \d+$/m);
      // the other operations routes stay open
      expect((await guarded.call('GET', '/readyz')).status).toBe(200);
    } finally {
      await guarded.stop();
    }
  });

  it('when METRICS_TOKEN is too short or holds a space, then the service does not start, naming it', async () => {
    for (const value of ['short', 'a token with spaces in it']) {
      await expect(startTestService({ METRICS_TOKEN: value })).rejects.toThrow(/METRICS_TOKEN/);
    }
  });
});
