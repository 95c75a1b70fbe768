// The webhooks part of `npm run bench`: a loopback receiver (allow-listed) answering 204 at once, one subscription,
// the real outbox, router and delivery worker (64 attempts in flight over kept-alive connections) over an embedded
// store: (a) deliveries/s of a backlog of events spread over 500 streams; (b) append→delivery latency (p50/p99,
// from the append's acknowledgement to the receiver reading the request) at a steady 500 appends/s; (c) outbox lag
// flatness (scripts/bench-webhooks-lag.ts): a log already holding 10^6 events (10^5 with --quick) routed into the
// outbox and delivered, the cost per event of the first and the last 10^4 of each. Targets (reported, never
// asserted): >= 2,000 deliveries/s; p99 < 200 ms; routing and delivery costs per event flat from start to end.
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../src/adapters/clock/system-clock.js';
import { SqliteEventStore } from '../src/adapters/sqlite/event-store.js';
import { SqliteWebhookOutbox } from '../src/adapters/sqlite/webhook-outbox.js';
import { HttpWebhookSender } from '../src/adapters/webhook-http/sender.js';
import { AddressPolicy } from '../src/app/webhooks/address-policy.js';
import { DEFAULT_RETRY_SCHEDULE_SECONDS, DeliveryWorker } from '../src/app/webhooks/delivery-worker.js';
import { WebhookKeys } from '../src/app/webhooks/webhook-keys.js';
import { WebhookRouter } from '../src/app/webhooks/webhook-router.js';
import { WebhookService } from '../src/app/webhooks/webhook-service.js';
import { ed25519Signer } from '../src/ledger/ed25519.js';
import { sealEvents, type EventEnvelope } from '../src/ledger/envelope.js';
import { lagBench, reportLag, type LagResult } from './bench-webhooks-lag.js';

const AGENCY = 'bench';
export const STREAMS = 500;

export interface WebhooksBenchResult {
  readonly backlog: { events: number; seconds: number; rate: number };
  readonly steady: { appended: number; delivered: number; p50: number; p99: number; max: number };
  readonly lag: LagResult;
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** The store, outbox, router, worker and a receiver; `received` holds when each event id first arrived. */
export async function setUp(dir: string) {
  const signer = ed25519Signer(generateKeyPairSync('ed25519').privateKey);
  const events = new SqliteEventStore({ path: path.join(dir, 'events.sqlite') });
  const store = new SqliteWebhookOutbox(path.join(dir, 'webhooks.sqlite'));
  const keys = new WebhookKeys(randomBytes(32));
  const policy = new AddressPolicy(['127.0.0.1'], async () => [{ address: '127.0.0.1', family: 4 }]);
  const clock = systemClock;
  // the bench only subscribes: no read of the subscriptions waits for read models here
  const readModels = { get: () => undefined, query: () => ({ items: [] }) };
  const runner = { position: () => 0, waitFor: async () => true };
  const service = new WebhookService({
    events,
    signer,
    clock,
    store,
    keys,
    policy,
    readModels,
    runner,
    delivers: true,
  });
  const heads = new Map<string, EventEnvelope>();
  /** Appends `count` events to `stream` in one append; resolves to the last of them. */
  const append = async (stream: string, count = 1) => {
    const head = heads.get(stream);
    const sealed = sealEvents(
      stream,
      head ? { revision: head.revision, hash: head.hash } : null,
      Array.from({ length: count }, () => ({
        id: randomUUID(),
        type: 'EvidenceCollected',
        schemaVersion: 1,
        occurredAt: '2026-11-26T09:30:00+08:00',
        actor: { sub: 'officer-0001', agency: AGENCY, roles: ['officer'] },
        data: { description: '现场照片三张，证据编号 ZJ-2026-0001' },
        media: [],
      })),
      signer,
      clock.now().toISOString(),
    );
    const last = sealed[sealed.length - 1]!;
    heads.set(stream, last);
    await events.append(stream, sealed, head ? head.revision : 'no_stream');
    return last;
  };
  const received = new Map<string, bigint>();
  /** Arrival times (ms) of the events of the streams, in order, when only they are counted (no ids kept). */
  const arrivals: number[] = [];
  let keepIds = true;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const { type, data } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        type: string;
        data: { id: string };
      };
      if (keepIds) {
        if (!received.has(data.id)) received.set(data.id, process.hrtime.bigint());
      } else if (type === 'EvidenceCollected') arrivals.push(performance.now());
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  await service.create({ sub: 'erp', agency: AGENCY, roles: ['integration'] }, { url }, randomUUID(), randomUUID());
  const stop = new AbortController();
  const worker = new DeliveryWorker({
    store,
    keys,
    policy,
    sender: new HttpWebhookSender({
      connectTimeoutMs: 5_000,
      totalTimeoutMs: 15_000,
      maxResponseBytes: 4_096,
      maxSockets: 64,
    }),
    clock,
    retrySchedule: DEFAULT_RETRY_SCHEDULE_SECONDS,
    random: Math.random,
    concurrency: 64,
    pollMs: 500,
    gone: async () => {},
  });
  const router = new WebhookRouter({ events, store, clock, routed: () => worker.nudge() });
  let routing: Promise<void> = Promise.resolve();
  return {
    append,
    received,
    arrivals,
    router,
    store,
    headPosition: () => events.headPosition(),
    /** Counts arrivals of the streams' events from now on, keeping no ids (for logs of 10^6 events). */
    countOnly() {
      keepIds = false;
    },
    startRouting() {
      routing = router.start(stop.signal);
    },
    startDelivering() {
      return worker.run(stop.signal);
    },
    start() {
      routing = router.start(stop.signal);
      return worker.run(stop.signal);
    },
    async close(running: Promise<void>) {
      stop.abort();
      await Promise.all([running, routing]);
      server.close();
      server.closeAllConnections();
      store.close();
      await events.close();
    },
  };
}

const waitUntil = async (check: () => boolean, timeoutMs: number) => {
  const until = Date.now() + timeoutMs;
  while (!check() && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
};

export async function webhooksBench(options: {
  seconds: number;
  backlog: number;
  /** Events in the log for the lag-flatness part (c). */
  logEvents: number;
  progress: (text: string) => void;
}): Promise<WebhooksBenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bench-webhooks-'));
  try {
    options.progress(`webhooks: appending a backlog of ${options.backlog} events`);
    const a = await setUp(path.join(dir));
    const ids: string[] = [];
    for (let i = 0; i < options.backlog; i++) ids.push((await a.append(`case-${AGENCY}:c-${i % STREAMS}`)).id);
    const started = process.hrtime.bigint();
    const running = a.start();
    await waitUntil(() => a.received.size >= ids.length && ids.every((id) => a.received.has(id)), 600_000);
    const last = [...a.received.values()].reduce((m, t) => (t > m ? t : m), started);
    const seconds = Number(last - started) / 1e9;
    await a.close(running);

    options.progress(`webhooks: 500 appends/s for ${options.seconds} s`);
    const bDir = path.join(dir, 'steady');
    fs.mkdirSync(bDir);
    const b = await setUp(bDir);
    const runningB = b.start();
    const acked = new Map<string, bigint>();
    const end = Date.now() + options.seconds * 1000;
    let n = 0;
    const begin = Date.now();
    while (Date.now() < end) {
      const due = Math.floor(((Date.now() - begin) / 1000) * 500);
      const batch: Promise<void>[] = [];
      for (; n < due && batch.length < STREAMS; n++) {
        batch.push(
          b.append(`case-${AGENCY}:s-${n % STREAMS}`).then((event) => {
            acked.set(event.id, process.hrtime.bigint());
          }),
        );
      }
      await Promise.all(batch);
      await new Promise((r) => setTimeout(r, 2));
    }
    await waitUntil(() => b.received.size >= acked.size && [...acked.keys()].every((id) => b.received.has(id)), 60_000);
    const latencies = [...acked]
      .filter(([id]) => b.received.has(id))
      .map(([id, at]) => Number(b.received.get(id)! - at) / 1e6)
      .sort((x, y) => x - y);
    await b.close(runningB);

    const cDir = path.join(dir, 'lag');
    fs.mkdirSync(cDir);
    const lag = await lagBench(await setUp(cDir), { events: options.logEvents, streams: STREAMS, ...options });
    return {
      backlog: { events: options.backlog, seconds, rate: options.backlog / seconds },
      steady: {
        appended: acked.size,
        delivered: latencies.length,
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        max: latencies[latencies.length - 1] ?? NaN,
      },
      lag,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function reportWebhooks(r: WebhooksBenchResult): void {
  console.log('\n(k) webhooks: one subscription, loopback receiver, 64 attempts in flight');
  console.log(
    `  backlog of ${r.backlog.events} events over ${STREAMS} streams: ${r.backlog.rate.toFixed(0)} deliveries/s ` +
      `(target >= 2,000)`,
  );
  console.log(
    `  500 appends/s: ${r.steady.delivered}/${r.steady.appended} delivered; append→delivery p50 ` +
      `${r.steady.p50.toFixed(1)} ms, p99 ${r.steady.p99.toFixed(1)} ms (target < 200), max ${r.steady.max.toFixed(1)} ms`,
  );
  reportLag(r.lag);
}
