// CPU time per event of the read side, apart from the rest of `npm run bench`: a log of realistic signed events
// (the registry, then cases of 22 events, `--window` of them recorded at a time so that a case's events lie apart in
// the log, as scripts/bench-projections-log.ts seeds it) is made in memory, then applied to fresh read models on
// this thread with process.cpuUsage() around the apply and commit only (sealing the log is not counted):
//   rebuild: a bulk-loading store, batches of `ledger rebuild`'s size, `finishBulk` at the end (as `ledger rebuild`);
//   live: a store as the projection thread opens it, batches of `--live-batch` events (a busy service's batches are
//     a few events: what arrived while the last was being applied).
// CPU time (user + system) rather than wall-clock time, because the machine it runs on is shared: other processes
// change how long a run takes but hardly what it costs. Each figure is the best of `--runs` runs.
//   node --import tsx scripts/bench-projections-cpu.ts [--events 30000] [--live-batch 8] [--runs 3] [--window 500]
//     [--store sqlite|json|objects]
// `--store` (default `sqlite`, the service's store) puts the documents elsewhere, to see what the projections cost
// apart from storing them: `json` keeps each changed document as its JSON text in a Map (serialized at each commit,
// parsed at each read, as the SQLite store does, but nothing written), `objects` keeps the documents themselves.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { parseArgs } from 'node:util';
import { PROJECTIONS } from '../projections/index.js';
import { SqliteReadModelStore } from '../src/adapters/sqlite/read-model-store.js';
import { systemClock } from '../src/adapters/clock/system-clock.js';
import { uuidv7Generator } from '../src/app/ids.js';
import { InProcessApplier } from '../src/app/projection-applier.js';
import { REBUILD_BATCH } from '../src/read-models-rebuild.js';
import { ed25519Signer } from '../src/ledger/ed25519.js';
import { sealEvents, type StreamHead } from '../src/ledger/envelope.js';
import type { RecordedEvent } from '../src/ports/event-store.js';
import type { Change, Doc, ReadModelStore } from '../src/ports/read-models.js';
import { caseEvents, EVENTS_PER_CASE, registryEvents, type Append } from './bench-projections-log.js';

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '30000' },
    'live-batch': { type: 'string', default: '8' },
    runs: { type: 'string', default: '3' },
    window: { type: 'string', default: '500' },
    only: { type: 'string' },
    store: { type: 'string', default: 'sqlite' },
  },
});
const EVENTS = Number(args.events);
const LIVE_BATCH = Number(args['live-batch']);
const RUNS = Number(args.runs);
const WINDOW = Number(args.window);
const STORE = args.store!;
if (!['sqlite', 'json', 'objects'].includes(STORE)) throw new Error(`--store: sqlite, json or objects, not ${STORE}`);

/** The log: the registry, then the cases' events, `window` cases taking turns, one event per append. */
function makeLog(target: number, window: number): RecordedEvent[] {
  const signer = ed25519Signer(generateKeyPairSync('ed25519').privateKey);
  const newId = uuidv7Generator(systemClock);
  const heads = new Map<string, StreamHead | null>();
  const log: RecordedEvent[] = [];
  const append = ({ stream, draft }: Append, recordedAt: string) => {
    const head = heads.get(stream) ?? null;
    const [event] = sealEvents(stream, head, [draft], signer, recordedAt);
    heads.set(stream, { revision: event!.revision, hash: event!.hash });
    // as the store hands it out: parsed from its stored JSON
    log.push({ position: log.length + 1, event: JSON.parse(JSON.stringify(event)) });
  };
  for (const entry of registryEvents(newId)) append(entry, '2025-01-02T09:00:00.000+08:00');
  const cases = Math.max(1, Math.ceil((target - log.length) / EVENTS_PER_CASE));
  let opened = 0;
  const active: { events: Append[]; next: number }[] = [];
  while (active.length < Math.min(window, cases)) active.push({ events: caseEvents(opened++, newId), next: 0 });
  while (active.length > 0 && log.length < target) {
    const recordedAt = new Date(Date.UTC(2025, 0, 6) + log.length * 1000).toISOString();
    for (let slot = 0; slot < active.length && log.length < target; slot++) {
      const c = active[slot]!;
      append(c.events[c.next++]!, recordedAt);
      if (c.next === c.events.length) {
        if (opened < cases) active[slot] = { events: caseEvents(opened++, newId), next: 0 };
        else active.splice(slot--, 1);
      }
    }
  }
  return log;
}

/** CPU microseconds (user + system) that `work` takes on this process. */
function cpuMicros(work: () => void): number {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  if (process.env.SPLIT) console.log(`user ${used.user / 1000} ms, system ${used.system / 1000} ms`);
  return used.user + used.system;
}

/**
 * A store that keeps documents in memory and writes nothing (`--store json|objects`): what the projections and the
 * applier cost without SQLite. Only what the applier asks of a store is answered.
 */
class MemoryStore implements Pick<ReadModelStore, 'position' | 'versions' | 'reset' | 'commit' | 'get' | 'close'> {
  #position = 0;
  readonly #collections = new Map<string, Map<string, string | Doc>>();
  constructor(private readonly asJson: boolean) {}
  position(): number {
    return this.#position;
  }
  versions(): Record<string, number> {
    return {};
  }
  reset(): void {
    this.#collections.clear();
    this.#position = 0;
  }
  commit(changes: Iterable<Change>, position: number): void {
    for (const { collection, key, doc } of changes) {
      let docs = this.#collections.get(collection);
      if (!docs) this.#collections.set(collection, (docs = new Map()));
      if (doc === null) docs.delete(key);
      else docs.set(key, this.asJson ? JSON.stringify(doc) : doc);
    }
    this.#position = position;
  }
  get<D extends Doc = Doc>(collection: string, key: string): D | undefined {
    const doc = this.#collections.get(collection)?.get(key);
    return (typeof doc === 'string' ? JSON.parse(doc) : doc) as D | undefined;
  }
  close(): void {}
  finishBulk(): void {}
}

function applyAll(log: readonly RecordedEvent[], batch: number, bulk: boolean, dir: string): number {
  const file = path.join(dir, `models-${bulk ? 'bulk' : 'live'}-${Date.now()}.sqlite`);
  const store =
    STORE === 'sqlite'
      ? new SqliteReadModelStore({ path: file, projections: PROJECTIONS, bulk })
      : new MemoryStore(STORE === 'json');
  // the memory store answers all the applier asks of a store
  const applier = new InProcessApplier(store as ReadModelStore, PROJECTIONS);
  applier.resetSync();
  try {
    return cpuMicros(() => {
      for (let i = 0; i < log.length; i += batch) applier.applySync(log.slice(i, i + batch));
      store.finishBulk();
    });
  } finally {
    store.close();
    if (process.env.KEEP_MODELS && STORE === 'sqlite') fs.copyFileSync(file, process.env.KEEP_MODELS);
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  }
}

function best(run: () => number): number {
  let min = Infinity;
  for (let i = 0; i < RUNS; i++) min = Math.min(min, run());
  return min;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-cpu-'));
try {
  process.stderr.write(`making a log of ${EVENTS.toLocaleString('en')} events (${WINDOW} cases at a time)\n`);
  const log = makeLog(EVENTS, WINDOW);
  const perEvent = (micros: number) => (micros / log.length).toFixed(1);
  if (args.only !== 'live') {
    const rebuild = best(() => applyAll(log, REBUILD_BATCH, true, dir));
    console.log(
      `rebuild (batches of ${REBUILD_BATCH}, ${STORE === 'sqlite' ? 'bulk' : STORE})   ${perEvent(rebuild)} µs CPU per event`,
    );
  }
  if (args.only !== 'rebuild') {
    const live = best(() => applyAll(log, LIVE_BATCH, false, dir));
    console.log(
      `live (batches of ${LIVE_BATCH}, ${STORE === 'sqlite' ? 'WAL, NORMAL' : STORE})      ${perEvent(live)} µs CPU per event`,
    );
  }
  console.log(
    `(${log.length.toLocaleString('en')} events; user + system CPU time, best of ${RUNS}; load ${os.loadavg()[0]!.toFixed(1)})`,
  );
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
