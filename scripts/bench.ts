// npm run bench [-- --quick] [-- --seconds N] [-- --only store|http|projections|integrity|startup|portal|webhooks|suites]
//
// Measures, in one run on this machine:
//   (a) raw limits: Ed25519 signatures/s, canonicalize+hash+sign/s, SQLite durable single-row inserts/s and
//       batched inserts/s (WAL, synchronous=FULL, rows the size of a sealed event);
//   (b) ours: signed appends/s through the EventStore port (SQLite adapter) with 1 and 64 concurrent writers on
//       distinct streams;
//   (c) the ratios of (b) to (a);
//   (d) the peer @event-driven-io/emmett-sqlite appending the same sealed events (installed apart by
//       `npm run bench:setup`; without it, one line says it was not run);
//   (e) append rate with 10^3 .. 10^6 events already in the store (10^5 with --quick);
//   (f) HTTP: express hello-world req/s (the framework's ceiling here), POST .../acts acts/s with p50/p99 latency
//       with 64 clients, each after an untimed warm-up of the same load, and a streamed media upload's MiB/s against
//       raw SHA-256 + file write, with server memory;
//   (g) projections (scripts/bench-projections.ts): a store seeded with 10^6 realistic signed events (10^5 with
//       --quick), its raw read rate and a full rebuild of the read models, and the rebuild of the log's first 10^4
//       (and 10^5) events; 64 writers appending acts on a fresh store with nothing following (bare appends), then
//       with every projection following live a copy of the log's first 10^4 events and the whole log: append rate
//       and lag (p50/p99/max from an append's acknowledgement to the read models having applied it); the
//       apply+commit cost of a case's first, middle and last 100 acts in a case of 2,000 acts;
//   (h) integrity (scripts/bench-integrity.ts): an evidence bundle of 20,000 events (2,000 with --quick) verified
//       with 1 thread and with every core, against raw Ed25519 verify/s; inclusion and consistency proof latency at
//       10^6 leaves (10^5 with --quick); the cost of a checkpoint at 10^3 .. 10^6 leaves;
//   (i) start-up (scripts/bench-startup.ts): the service from process start to /readyz 200 and a worker thread's
//       start, the TypeScript sources through tsx against the compiled dist/;
//   (j) portal (scripts/bench-portal.ts): the public pages with 200 published decisions, 64 clients: req/s, client
//       p99 and the server's own p99 (its latency histogram), and the bytes of a first visit to the home page;
//   (k) webhooks (scripts/bench-webhooks.ts): deliveries/s of a backlog to a loopback receiver, and p50/p99 from
//       an append to its delivery at 500 appends/s (targets: >= 2,000 deliveries/s, p99 < 200 ms); a log of 10^6
//       events (10^5 with --quick) routed into the outbox and delivered, the cost per event of the first and the
//       last 10^4 of each (target: flat).
// Targets (reported, never asserted): 64 writers >= 12,000 appends/s and >= 65% of the canonicalize+hash+sign
// limit; append rate flat across store sizes; rebuild >= 25% of the raw read rate; 64 writers with the projections
// following >= 70% of bare appends; projection lag p99 < 50 ms; rebuild rate, live rate and a case's per-act cost
// flat (from 10^4 to 10^6 events, from a case's first acts to its 2,000th); bundle verification >= 70% of raw
// Ed25519 verify/s with 1 thread, more with every core; checkpoint cost flat; public pages' server p99 < 50 ms,
// first page <= 100 KB.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '../src/adapters/sqlite/event-store.js';
import { systemClock } from '../src/adapters/clock/system-clock.js';
import { uuidv7Generator } from '../src/app/ids.js';
import { ed25519Signer, type Signer } from '../src/ledger/ed25519.js';
import {
  eventSigningInput,
  sealEvents,
  type EventDraft,
  type EventEnvelope,
  type StreamHead,
} from '../src/ledger/envelope.js';
import type { EventStore } from '../src/ports/event-store.js';
import { httpBench, WARM_UP_SECONDS, type HttpBenchResult } from './bench-http.js';
import { projectionsBench, reportProjections } from './bench-projections.js';
import { integrityBench, reportIntegrity } from './bench-integrity.js';
import { reportStartup, startupBench } from './bench-startup.js';
import { portalBench, reportPortal } from './bench-portal.js';
import { reportWebhooks, webhooksBench } from './bench-webhooks.js';
import { reportSuites, suitesBench } from './bench-suites.js';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    seconds: { type: 'string', default: '3' },
    only: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (args.help) {
  console.log(
    'Usage: npm run bench [-- --quick] [-- --seconds N] [-- --only store|http|projections|integrity|startup|portal|webhooks|suites]\n' +
      '  --quick      stop the store-size series at 10^5 events; upload 256 MiB instead of 1 GiB;\n' +
      '               seed 10^5 events instead of 10^6 for the projections (rebuilds at 10^4 and the\n' +
      '               whole log, live runs on 10^4 events and the whole log); a bundle of 2,000 events\n' +
      '               instead of 20,000 and proofs at 10^5 leaves instead of 10^6; webhooks: a backlog of\n' +
      '               2,000 events instead of 20,000 and an outbox-lag log of 10^5 events instead of 10^6\n' +
      '  --seconds N  length of each throughput measurement (and of each projections live run) [3]\n' +
      '  --only X     run only the store part (a-e), the HTTP part (f), the projections part (g), the\n' +
      '               integrity part (h), the start-up part (i), the portal part (j), webhooks (k) or the\n' +
      '               crypto suites side by side (l)',
  );
  process.exit(0);
}
if (
  args.only !== undefined &&
  !['store', 'http', 'projections', 'integrity', 'startup', 'portal', 'webhooks', 'suites'].includes(args.only)
) {
  console.error(
    `--only must be store, http, projections, integrity, startup, portal, webhooks or suites, not ${args.only}`,
  );
  process.exit(2);
}
const SECONDS = Number(args.seconds);
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bench-'));
const signer: Signer = ed25519Signer(generateKeyPairSync('ed25519').privateKey);
const RECORDED_AT = '2026-11-26T08:00:00.000+08:00';

const newId = uuidv7Generator(systemClock);

function draft(): EventDraft {
  return {
    id: newId(),
    type: 'OnSiteInspectionRecorded',
    schemaVersion: 1,
    occurredAt: '2026-11-26T09:30:00+08:00',
    actor: { sub: 'officer-0001', agency: 'county-justice', roles: ['officer'] },
    data: {
      location: '城关镇人民路 18 号',
      findings: '现场检查发现未按规定公示许可证件，已当场告知当事人陈述、申辩权利。',
      credentialsShown: true,
      partyNotified: true,
      officers: ['officer-0001', 'officer-0002'],
    },
    media: [{ sha256: 'a'.repeat(64), size: 1_048_576, contentType: 'video/mp4' }],
  };
}

const now = () => process.hrtime.bigint();
const seconds = (from: bigint) => Number(now() - from) / 1e9;

/** Runs `step` repeatedly for `duration` seconds; returns operations per second. */
function rate(duration: number, step: () => number): number {
  let ops = 0;
  const start = now();
  const end = start + BigInt(Math.round(duration * 1e9));
  while (now() < end) ops += step();
  return ops / seconds(start);
}

function progress(text: string): void {
  process.stderr.write(`  ${text}\n`);
}

// ---------------------------------------------------------------- (a) raw limits
function rawLimits() {
  progress('raw limits: Ed25519 sign');
  const message = eventSigningInput('f'.repeat(64));
  const sign = rate(SECONDS / 2, () => (signer.sign(message), 1));
  progress('raw limits: canonicalize + hash + sign');
  const seal = rate(SECONDS / 2, () => (sealEvents('bench', null, [draft()], signer, RECORDED_AT), 1));

  const row = JSON.stringify(sealEvents('bench', null, [draft()], signer, RECORDED_AT)[0]);
  const db = new Database(path.join(workDir, 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, k TEXT UNIQUE, v TEXT)');
  const insert = db.prepare('INSERT INTO t (k, v) VALUES (?, ?)');
  progress('raw limits: SQLite durable single-row inserts');
  const single = rate(SECONDS / 2, () => (insert.run(randomUUID(), row), 1));
  const many = db.transaction((n: number) => {
    for (let i = 0; i < n; i++) insert.run(randomUUID(), row);
  });
  progress('raw limits: SQLite batched inserts (512 per transaction)');
  const batched = rate(SECONDS / 2, () => (many(512), 512));
  db.close();
  return { sign, seal, single, batched };
}

// ---------------------------------------------------------------- (b) ours
async function appendRate(store: EventStore, writers: number, duration: number): Promise<number> {
  let events = 0;
  const deadline = now() + BigInt(Math.round(duration * 1e9));
  const start = now();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      const stream = `case-${randomUUID()}`;
      let head: StreamHead | null = null;
      while (now() < deadline) {
        const sealed = sealEvents(stream, head, [draft()], signer, RECORDED_AT);
        const result = await store.append(stream, sealed, head ? head.revision : 'no_stream');
        head = { revision: result.revision, hash: result.hash };
        events++;
      }
    }),
  );
  return events / seconds(start);
}

async function ours() {
  const store = new SqliteEventStore({ path: path.join(workDir, 'ours.sqlite') });
  progress('ours: 1 writer');
  const one = await appendRate(store, 1, SECONDS);
  const before = store.stats;
  progress('ours: 64 writers');
  const sixtyFour = await appendRate(store, 64, SECONDS);
  const after = store.stats;
  await store.close();
  const groupSize = (after.appends - before.appends) / Math.max(1, after.commits - before.commits);
  return { one, sixtyFour, groupSize };
}

// ---------------------------------------------------------------- (d) the peer
/** Where `npm run bench:setup` installs the peer, outside the project's dependencies (scripts/bench-setup.mjs). */
const PEER_DIR = fileURLToPath(new URL('../bench-peer/', import.meta.url));

async function emmett(): Promise<{ one: number | string; sixtyFour: number | string }> {
  let getSQLiteEventStore: (o: { fileName: string }) => {
    appendToStream(stream: string, events: { type: string; data: EventEnvelope }[]): Promise<unknown>;
  };
  let entry: string;
  try {
    entry = createRequire(path.join(PEER_DIR, 'package.json')).resolve('@event-driven-io/emmett-sqlite');
  } catch {
    const why = 'not run: the peer is not installed (`npm run bench:setup` installs it into bench-peer/)';
    return { one: why, sixtyFour: why };
  }
  try {
    ({ getSQLiteEventStore } = (await import(pathToFileURL(entry).href)) as unknown as {
      getSQLiteEventStore: typeof getSQLiteEventStore;
    });
  } catch (err) {
    const why = `not run: @event-driven-io/emmett-sqlite could not be loaded (${(err as Error).message.split('\n')[0]})`;
    return { one: why, sixtyFour: why };
  }
  const run = async (writers: number): Promise<number | string> => {
    const store = getSQLiteEventStore({ fileName: path.join(workDir, `emmett-${writers}.sqlite`) });
    let events = 0;
    let failure: string | undefined;
    const deadline = now() + BigInt(Math.round(SECONDS * 1e9));
    const start = now();
    // the peer's driver reports its own errors on the console; count them instead of printing them
    const { log: consoleLog, error: consoleError } = console;
    let reported = 0;
    console.log = console.error = () => void reported++;
    await Promise.allSettled(
      Array.from({ length: writers }, async () => {
        const stream = `case-${randomUUID()}`;
        let head: StreamHead | null = null;
        while (now() < deadline && failure === undefined) {
          const [sealed]: EventEnvelope[] = sealEvents(stream, head, [draft()], signer, RECORDED_AT);
          try {
            await store.appendToStream(stream, [{ type: sealed!.type, data: sealed! }]);
          } catch (err) {
            failure ??= (err as Error).message.split('\n')[0];
            return;
          }
          head = { revision: sealed!.revision, hash: sealed!.hash };
          events++;
        }
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    console.log = consoleLog;
    console.error = consoleError;
    if (failure !== undefined) return `failed after ${events} events: ${failure} (${reported} driver errors)`;
    return events / seconds(start);
  };
  progress('peer emmett-sqlite: 1 writer');
  const one = await run(1);
  progress('peer emmett-sqlite: 64 writers');
  const sixtyFour = await run(64);
  return { one, sixtyFour };
}

// ---------------------------------------------------------------- (e) store size
async function sizeSeries(maxExponent: number) {
  const store = new SqliteEventStore({ path: path.join(workDir, 'sizes.sqlite') });
  const rows: { size: number; rate: number }[] = [];
  let filled = 0;
  for (let exponent = 3; exponent <= maxExponent; exponent++) {
    const target = 10 ** exponent;
    const started = now();
    while (filled < target) {
      // prefill with 100-event appends on fresh streams, 64 at a time
      const batch = Array.from({ length: Math.min(64, Math.ceil((target - filled) / 100)) }, () => {
        const stream = `fill-${randomUUID()}`;
        const drafts = Array.from({ length: 100 }, draft);
        return store.append(stream, sealEvents(stream, null, drafts, signer, RECORDED_AT), 'no_stream');
      });
      await Promise.all(batch);
      const before = filled;
      filled += batch.length * 100;
      if (Math.floor(filled / 100_000) > Math.floor(before / 100_000)) {
        const rate = Math.round(filled / seconds(started));
        progress(
          `store size: filling ${filled.toLocaleString('en')} / ${target.toLocaleString('en')} (${rate.toLocaleString('en')} events/s)`,
        );
      }
    }
    if (exponent >= 5)
      progress(`store size: filled to ${filled.toLocaleString('en')} events in ${seconds(started).toFixed(0)} s`);
    // let the checkpoint thread and the kernel write back the fill before measuring appends
    await new Promise((resolve) => setTimeout(resolve, 2000));
    progress(`store size 10^${exponent}: measuring`);
    rows.push({ size: await store.headPosition(), rate: await appendRate(store, 64, SECONDS / 1.5) });
    filled = await store.headPosition();
  }
  await store.close();
  return rows;
}

// ---------------------------------------------------------------- report
const fmt = (n: number) => Math.round(n).toLocaleString('en').padStart(10);
const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(0)}%`.padStart(10);
const show = (v: number | string) => (typeof v === 'number' ? `${fmt(v)} events/s` : v);

async function mainBench() {
  const sqliteVersion = (new Database(':memory:').prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  console.log('Evidence Ledger benchmark');
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; node ${process.version}; SQLite ${sqliteVersion}; data in ${os.tmpdir()}; load average ${os.loadavg()[0]!.toFixed(1)}`,
  );
  console.log(`each measurement ${SECONDS} s\n`);

  const part = (name: string) => args.only === undefined || args.only === name;
  if (part('store')) await storeBench();
  if (part('http'))
    reportHttp(await httpBench({ seconds: SECONDS, mediaBytes: (args.quick ? 256 : 1024) * 2 ** 20, progress }));
  if (part('projections')) {
    const dir = fs.mkdtempSync(path.join(workDir, 'projections-'));
    reportProjections(
      await projectionsBench({ dir, events: args.quick ? 100_000 : 1_000_000, seconds: SECONDS, signer, progress }),
    );
  }
  if (part('integrity')) {
    const dir = fs.mkdtempSync(path.join(workDir, 'integrity-'));
    reportIntegrity(
      await integrityBench({
        dir,
        events: args.quick ? 2_000 : 20_000,
        leaves: args.quick ? 100_000 : 1_000_000,
        signer,
        progress,
      }),
    );
  }
  if (part('startup')) {
    const dir = fs.mkdtempSync(path.join(workDir, 'startup-'));
    reportStartup(await startupBench({ dir, runs: 3, progress }));
  }
  if (part('portal')) reportPortal(await portalBench({ seconds: SECONDS, progress }));
  if (part('suites')) reportSuites(suitesBench({ seconds: args.quick ? 0.5 : SECONDS, events: 50 }));
  if (part('webhooks'))
    reportWebhooks(
      await webhooksBench({
        seconds: SECONDS,
        backlog: args.quick ? 2_000 : 20_000,
        logEvents: args.quick ? 100_000 : 1_000_000,
        progress,
      }),
    );
}

async function storeBench() {
  const raw = rawLimits();
  const our = await ours();
  const sizes = await sizeSeries(args.quick ? 5 : 6);
  const peer = await emmett();

  console.log('(a) raw limits of this machine');
  console.log(`  Ed25519 sign                          ${fmt(raw.sign)} /s`);
  console.log(`  canonicalize + SHA-256 + sign         ${fmt(raw.seal)} /s`);
  console.log(`  SQLite durable single-row insert      ${fmt(raw.single)} /s`);
  console.log(`  SQLite batched insert (512/txn)       ${fmt(raw.batched)} /s`);
  console.log('(b) ours: signed appends through the EventStore port (SQLite, synchronous=FULL)');
  console.log(`  1 writer                              ${fmt(our.one)} /s`);
  console.log(
    `  64 writers, distinct streams          ${fmt(our.sixtyFour)} /s   (${our.groupSize.toFixed(1)} appends per commit)`,
  );
  console.log('(c) ratios');
  console.log(
    `  64 writers / sign-limit               ${pct(our.sixtyFour, raw.seal)}   (target >= 65%, and >= 12,000/s)`,
  );
  console.log(`  1 writer / durable single insert      ${pct(our.one, raw.single)}`);
  console.log(`  64 writers / batched insert           ${pct(our.sixtyFour, raw.batched)}`);
  console.log('(d) peer: @event-driven-io/emmett-sqlite, same sealed events');
  if (typeof peer.one === 'string' && peer.one === peer.sixtyFour) console.log(`  ${peer.one}`);
  else {
    console.log(`  1 writer                              ${show(peer.one)}`);
    console.log(`  64 writers                            ${show(peer.sixtyFour)}`);
  }
  console.log('(e) append rate (64 writers) by events already stored');
  for (const row of sizes)
    console.log(`  ${row.size.toLocaleString('en').padStart(12)} events stored     ${fmt(row.rate)} /s`);
  const first = sizes[0]!.rate;
  const last = sizes[sizes.length - 1]!.rate;
  console.log(`  largest / smallest                    ${pct(last, first)}   (flat = close to 100%)`);
}

function reportHttp(r: HttpBenchResult) {
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  console.log(
    `(f) HTTP, server in a child process, 64 keep-alive clients on loopback, each server loaded ${WARM_UP_SECONDS} s before it is timed`,
  );
  console.log(
    `  express hello-world                   ${fmt(r.hello.rate)} req/s   p50 ${ms(r.hello.p50)}  p99 ${ms(r.hello.p99)}`,
  );
  console.log(
    `  POST /v1/cases/{id}/acts (64 cases)   ${fmt(r.acts.rate)} acts/s  p50 ${ms(r.acts.p50)}  p99 ${ms(r.acts.p99)}  (${r.acts.failures} not 201)`,
  );
  console.log(`  acts / hello-world                    ${pct(r.acts.rate, r.hello.rate)}   (target >= 50%)`);
  console.log(`  raw SHA-256 + file write              ${fmt(r.rawMediaMBps)} MiB/s`);
  console.log(
    `  POST /v1/media (${(r.media.bytes / 2 ** 20).toFixed(0)} MiB, streamed)      ${fmt(r.media.MBps)} MiB/s   server RSS growth ${r.media.rssGrowthMB.toFixed(0)} MiB`,
  );
  console.log(
    `  media / raw                           ${pct(r.media.MBps, r.rawMediaMBps)}   (target >= 50%, memory flat)`,
  );
}

try {
  await mainBench();
} finally {
  fs.rmSync(workDir, { recursive: true, force: true });
}
