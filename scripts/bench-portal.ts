// The portal part of `npm run bench`: the public pages under 64 keep-alive clients on loopback, against a service
// in a child process holding 200 published decisions; the server's own time per page (its latency histogram at
// /metrics) and the bytes a first visit to the home page transfers (the page, its style sheet and scripts), and the
// supervision dashboard's script gzipped; then how long an act takes from its append's acknowledgement to a supervisor's live feed (the SSE the dashboard reads).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { request, start, stop } from './bench-http.js';

const root = path.resolve(import.meta.dirname, '..');
const now = () => process.hrtime.bigint();
const DECISIONS = 200;
const CLIENTS = 64;
/** Acts appended one after another while a supervisor's live feed is open, each timed until the feed shows it. */
const LIVE_ACTS = 100;

export const PORTAL_PAGES = [
  '/',
  '/disclosures',
  '/disclosures?q=%E7%BD%9A',
  '/disclosures/bench/case-7',
  '/officers',
  '/items',
  '/statistics',
  '/verify',
] as const;

export interface PortalBenchResult {
  readonly pages: { route: string; rate: number; p99: number; serverP99: string; failures: number }[];
  readonly firstPage: { html: number; assets: number };
  /** The bytes of the supervision dashboard's script, gzipped. */
  readonly dashboardGzip: number;
  /** Milliseconds from an act's acknowledgement to its arrival on the live feed. */
  readonly live: { acts: number; p50: number; p99: number; max: number };
}

export async function portalBench(options: {
  seconds: number;
  progress: (text: string) => void;
}): Promise<PortalBenchResult> {
  const { seconds, progress } = options;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bench-portal-'));
  const env = { LEDGER_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', PUBLIC_RATE_LIMIT: '0' };
  try {
    const service = await start(['bin/ledger.js', 'serve'], env);
    const port = service.port;
    const token = (sub: string, roles: string) =>
      spawnSync(process.execPath, ['bin/ledger.js', 'token', '--sub', sub, '--agency', 'bench', '--roles', roles], {
        cwd: root,
        env: { ...process.env, ...env },
        encoding: 'utf8',
      }).stdout.trim();
    const json = { 'content-type': 'application/json' };
    const admin = { authorization: `Bearer ${token('head', 'admin')}`, ...json };
    const officer = { authorization: `Bearer ${token('o1', 'officer')}`, ...json };
    progress(`portal: seeding ${DECISIONS} published decisions`);
    for (const id of ['o1', 'o2']) {
      const body = { officerId: id, name: id, agency: 'bench', certificateNo: `C-${id}`, roles: ['officer'] };
      await request(
        port,
        'POST',
        '/v1/officers',
        admin,
        JSON.stringify({ ...body, validFrom: '2018-01-01', validTo: '2099-12-31' }),
      );
    }
    const item = { code: 'P-1', agency: 'bench', name: '未按规定公示', category: 'penalty', legalBasis: '某法第一条' };
    await request(port, 'POST', '/v1/items', admin, JSON.stringify(item));
    const today = new Date().toISOString().slice(0, 10);
    const at = `${today}T00:00:00Z`;
    for (let c = 0; c < DECISIONS; c++) {
      const parties = [{ kind: 'person', name: `张${c}` }];
      const open = {
        caseId: `case-${c}`,
        itemCode: 'P-1',
        title: '案',
        openedOn: today,
        officers: ['o1', 'o2'],
        parties,
      };
      await request(port, 'POST', '/v1/cases', officer, JSON.stringify(open));
      const decision = {
        decisionType: 'fine',
        fineFen: 100_000 + c,
        legalBasis: '某法第一条',
        documentNo: `罚〔2026〕${c}号`,
        decidedOn: today,
      };
      const acts = [
        { type: 'DecisionIssued', occurredAt: at, data: decision },
        { type: 'DecisionDisclosed', occurredAt: at, data: { publishedOn: today } },
      ];
      const res = await request(port, 'POST', `/v1/cases/case-${c}/acts:batch`, officer, JSON.stringify({ acts }));
      if (res.status >= 300) throw new Error(`seeding case-${c}: ${res.status} ${res.body}`);
    }
    // wait for the read models to hold every decision
    for (let tries = 0; tries < 100; tries++) {
      const list = await request(port, 'GET', `/v1/disclosures?limit=200`, {});
      if ((JSON.parse(list.body) as { items: unknown[] }).items.length >= DECISIONS) break;
      await new Promise((r) => setTimeout(r, 100));
    }

    const html = { accept: 'text/html' };
    const home = await request(port, 'GET', '/', html);
    const linked = [...home.body.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) =>
      m[1]!.replace(/&amp;/g, '&'),
    );
    let assets = 0;
    for (const url of linked) assets += Buffer.byteLength((await request(port, 'GET', url, {})).body);
    const firstPage = { html: Buffer.byteLength(home.body), assets };
    const dashboard = await request(port, 'GET', '/assets/dashboard.js', {});
    if (dashboard.status !== 200) throw new Error(`the dashboard script answered ${dashboard.status}`);
    const dashboardGzip = gzipSync(Buffer.from(dashboard.body)).byteLength;

    const pages: PortalBenchResult['pages'] = [];
    for (const route of PORTAL_PAGES) {
      progress(`portal: GET ${route}, ${CLIENTS} clients`);
      const before = histogram(await request(port, 'GET', '/metrics', {}), route);
      const result = await load(port, route, html, seconds);
      const after = histogram(await request(port, 'GET', '/metrics', {}), route);
      pages.push({ route, ...result, serverP99: p99Bound(before, after) });
    }
    progress(`portal: ${LIVE_ACTS} acts, each timed to the supervisor's live feed`);
    const supervisor = { authorization: `Bearer ${token('sup', 'supervisor')}` };
    const live = await liveFeedLag(port, supervisor, officer, today);
    await stop(service);
    return { pages, firstPage, dashboardGzip, live };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function load(port: number, route: string, headers: Record<string, string>, seconds: number) {
  const latencies: number[] = [];
  let failures = 0;
  const deadline = now() + BigInt(Math.round(seconds * 1e9));
  const started = now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (now() < deadline) {
        const t0 = now();
        try {
          const res = await request(port, 'GET', route, headers);
          latencies.push(Number(now() - t0) / 1e6);
          if (res.status !== 200) failures++;
        } catch {
          // a keep-alive socket the server closed as it was reused (idle between the pages): counted, not fatal
          failures++;
        }
      }
    }),
  );
  const elapsed = Number(now() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  const p99 = latencies[Math.min(latencies.length - 1, Math.floor(0.99 * latencies.length))] ?? 0;
  return { rate: latencies.length / elapsed, p99, failures };
}

/**
 * Opens the live feed (`GET /v1/audit/live`, the events the dashboard's `/supervise/live` shows) and opens
 * {@link LIVE_ACTS} cases one after another, each timed from its append's acknowledgement (which names its position)
 * until the feed delivers the event of that position (its `id:`).
 */
async function liveFeedLag(
  port: number,
  supervisor: Record<string, string>,
  officer: Record<string, string>,
  today: string,
): Promise<PortalBenchResult['live']> {
  const arrived = new Map<number, bigint>();
  const waiting = new Map<number, () => void>();
  const feed = http.get({
    host: '127.0.0.1',
    port,
    path: '/v1/audit/live',
    headers: { accept: 'text/event-stream', ...supervisor },
  });
  const opened = new Promise<http.IncomingMessage>((resolve, reject) => {
    feed.on('response', resolve);
    feed.on('error', reject);
  });
  const res = await opened;
  if (res.statusCode !== 200) throw new Error(`the live feed answered ${res.statusCode}`);
  let buffered = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => {
    const at = now();
    buffered += chunk;
    const frames = buffered.split('\n\n');
    buffered = frames.pop()!;
    for (const frame of frames) {
      const id = /^id: ?(\d+)$/m.exec(frame)?.[1];
      if (id === undefined) continue;
      arrived.set(Number(id), at);
      waiting.get(Number(id))?.();
    }
  });
  const lags: number[] = [];
  for (let i = 0; i < LIVE_ACTS; i++) {
    const open = {
      caseId: `live-${i}`,
      itemCode: 'P-1',
      title: '案',
      openedOn: today,
      officers: ['o1', 'o2'],
      parties: [{ kind: 'person', name: '李某' }],
    };
    const ack = await request(port, 'POST', '/v1/cases', officer, JSON.stringify(open));
    const acked = now();
    if (ack.status >= 300) throw new Error(`opening live-${i}: ${ack.status} ${ack.body}`);
    const { position } = JSON.parse(ack.body) as { position: number };
    if (!arrived.has(position)) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`position ${position} never reached the live feed`)), 30_000);
        waiting.set(position, () => {
          clearTimeout(timer);
          resolve();
        });
      });
      waiting.delete(position);
    }
    lags.push(Math.max(0, Number(arrived.get(position)! - acked) / 1e6));
  }
  feed.destroy();
  lags.sort((a, b) => a - b);
  const at = (q: number) => lags[Math.min(lags.length - 1, Math.floor(q * lags.length))]!;
  return { acts: lags.length, p50: at(0.5), p99: at(0.99), max: lags[lags.length - 1]! };
}

/** The cumulative bucket counts (by upper bound) of a page's route pattern in the service's latency histogram. */
function histogram(metrics: { body: string }, route: string): Map<string, number> {
  const pattern =
    route === '/' ? '/' : route.startsWith('/disclosures/') ? '/disclosures/:agency/:caseId' : route.split('?')[0]!;
  const counts = new Map<string, number>();
  const line = /^ledger_http_request_duration_seconds_bucket\{method="GET",route="([^"]*)",le="([^"]+)"\} (\d+)/;
  for (const text of metrics.body.split('\n')) {
    const m = line.exec(text);
    if (m && m[1] === pattern) counts.set(m[2]!, Number(m[3]));
  }
  return counts;
}

/** The smallest bucket bound holding 99% of the requests made between two readings, as `≤ N ms`. */
function p99Bound(before: Map<string, number>, after: Map<string, number>): string {
  const total = (after.get('+Inf') ?? 0) - (before.get('+Inf') ?? 0);
  if (total === 0) return 'n/a';
  for (const [le, count] of after) {
    if (count - (before.get(le) ?? 0) >= 0.99 * total) return le === '+Inf' ? '> 5 s' : `≤ ${Number(le) * 1000} ms`;
  }
  return 'n/a';
}

export function reportPortal(r: PortalBenchResult) {
  console.log(
    `(j) portal public pages, server in a child process, ${CLIENTS} keep-alive clients, ${DECISIONS} decisions`,
  );
  for (const p of r.pages) {
    console.log(
      `  GET ${p.route.padEnd(30)} ${p.rate.toFixed(0).padStart(6)} req/s  client p99 ${p.p99.toFixed(1)} ms  server p99 ${p.serverP99}  (${p.failures} not 200)  (target server p99 < 50 ms)`,
    );
  }
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    `  first page: HTML ${kb(r.firstPage.html)} + style and scripts ${kb(r.firstPage.assets)} = ${kb(r.firstPage.html + r.firstPage.assets)} uncompressed  (target <= 100 KB)`,
  );
  console.log(`  dashboard script: ${kb(r.dashboardGzip)} gzipped  (target <= 150 KB)`);
  console.log(
    `  live feed: act acknowledged -> on a supervisor's feed   p50 ${r.live.p50.toFixed(1)} ms  p99 ${r.live.p99.toFixed(1)} ms  max ${r.live.max.toFixed(1)} ms  (${r.live.acts} acts one after another; target < 2 s)`,
  );
}
