// The projections part of `npm run bench` (`--only projections`), every figure from the same run:
//   rebuild: an SQLite event store is seeded with realistic signed events (registry, case acts, access records; the
//   acts of concurrent cases interleaved in the log as in service; scripts/bench-projections-log.ts), then the raw
//   read rate of the log (`readAll` in batches, JSON parse included) and a full rebuild of the read models as
//   `ledger rebuild` makes it (`rebuildReadModels`: in bulk, in its batches, on two threads from 20,000 events on a
//   machine of two cores or more) are measured on it; target: rebuild >= 25% of the raw read. The rebuild is also
//   measured over the log's first 10^4 events (and each tenfold size below the whole log) into fresh files, after
//   the full one: flat = the whole log's rate close to the smallest's.
//   live (scripts/bench-projections-live.ts): 64 writers record acts on a fresh store with nothing following it
//   (bare appends); then the runner follows, as the service runs it (the projections on their own thread), a copy
//   of the log's first 10^4 events and then the whole seeded log, each with its rebuilt read models, while the same
//   writers record acts; for every append, the time from its acknowledgement until `runner.waitFor(position)`
//   resolves. Each of these is timed after the same writers ran as long untimed (live, until the read models had
//   caught up with them), so that nothing is timed while its code is still being compiled. Targets: live on the
//   whole log >= 70% of bare appends; lag p99 < 50 ms; live rate flat across sizes.
//   long case: the acts of one case of 2,000 acts applied one per transaction to fresh read models; the median
//   apply+commit cost of its first, middle and last 100 acts; flat = the last close to 100% of the first.
// Nothing here asserts a timing: the figures are printed.
import path from 'node:path';
import fs from 'node:fs';
import { PROJECTIONS } from '../projections/index.js';
import { SqliteEventStore } from '../src/adapters/sqlite/event-store.js';
import { SqliteReadModelStore } from '../src/adapters/sqlite/read-model-store.js';
import { CHINA_STANDARD_TIME } from '../src/domain/actor.js';
import {
  PARALLEL_REBUILD_FROM,
  parallelRebuild,
  REBUILD_BATCH,
  rebuildReadModels,
} from '../src/read-models-rebuild.js';
import type { Signer } from '../src/ledger/ed25519.js';
import type { EventStore, Position } from '../src/ports/event-store.js';
import { copyLog, EVENTS_PER_CASE, SEED_WINDOW, seed } from './bench-projections-log.js';
import {
  bareAppends,
  followLive,
  longCase,
  WAIT_MS,
  type AppendsResult,
  type LiveResult,
  type LongCaseResult,
} from './bench-projections-live.js';

export interface ProjectionsBenchOptions {
  /** A directory of its own, removed by the caller. */
  readonly dir: string;
  /** Events to seed for the rebuild. */
  readonly events: number;
  /** Length of each live measurement (bare appends, then the runner following each log). */
  readonly seconds: number;
  /** Concurrent writers during the live measurements. Default 64. */
  readonly writers?: number;
  /**
   * The smallest log the rebuild and the live run are measured at, besides the whole seeded one (and, for the
   * rebuild, each tenfold size between); below `events`. Default 10,000.
   */
  readonly smallLog?: number;
  /** Acts of the long case. Default 2,000. */
  readonly caseActs?: number;
  readonly signer: Signer;
  readonly progress: (text: string) => void;
  /**
   * Pause between seeding and reading, and between the rebuilds and the live runs, for the store's checkpoint and
   * the kernel to write back. Default 2000 ms.
   */
  readonly settleMs?: number;
}

export interface RebuildResult {
  /** Events rebuilt: the log's first ones, up to its position. */
  readonly events: number;
  readonly position: Position;
  readonly seconds: number;
  readonly rate: number;
  /** Documents the rebuild made: a check that the seeded events are ones the projections understand. */
  readonly docs: { readonly cases: number; readonly disclosures: number; readonly officers: number };
}

export interface ProjectionsBenchResult {
  readonly seed: {
    readonly events: number;
    readonly cases: number;
    readonly seconds: number;
    readonly rate: number;
    readonly bytes: number;
  };
  readonly raw: { readonly events: number; readonly seconds: number; readonly rate: number };
  /** The rebuild of the log's first `smallLog` events, of each tenfold size after, and of the whole log, last. */
  readonly rebuilds: readonly RebuildResult[];
  /** The writers on a fresh store, nothing following. */
  readonly bare: AppendsResult;
  /** The runner following the copy of the log's first `smallLog` events, then the whole seeded log. */
  readonly live: readonly LiveResult[];
  readonly longCase: LongCaseResult;
  /** The whole part, seeding included. */
  readonly totalSeconds: number;
}

/** Events applied per transaction in the rebuild, as `ledger rebuild` does; the raw read uses the same batches. */
export { REBUILD_BATCH };

const now = () => process.hrtime.bigint();
const secondsSince = (from: bigint) => Number(now() - from) / 1e9;
const n = (v: number) => Math.round(v).toLocaleString('en');

async function rawRead(store: EventStore): Promise<number> {
  let after = 0;
  let events = 0;
  for (;;) {
    const batch = await store.readAll({ after, limit: REBUILD_BATCH });
    if (batch.length === 0) return events;
    events += batch.length;
    after = batch[batch.length - 1]!.position;
  }
}

/**
 * Rebuilds the read models of the log up to `until` (default: all of it) into the fresh file `file`, as
 * `ledger rebuild` does (`rebuildReadModels`: on two threads from {@link PARALLEL_REBUILD_FROM} events).
 */
async function rebuild(
  store: EventStore,
  file: string,
  progress: (text: string) => void,
  until?: Position,
): Promise<RebuildResult> {
  const started = now();
  let tenth = 0;
  const { applied, position } = await rebuildReadModels(store, file, {
    projections: PROJECTIONS,
    parallel: parallelRebuild(CHINA_STANDARD_TIME),
    ...(until === undefined ? {} : { until }),
    onProgress: (position, head) => {
      if (head > 0 && position >= ((tenth + 1) * head) / 10) {
        tenth = Math.floor((10 * position) / head);
        const rate = position / secondsSince(started);
        progress(
          `projections: rebuilt ${n(position)} / ${n(head)} (${n(rate)} events/s, ` +
            `${((head - position) / rate).toFixed(0)} s to go)`,
        );
      }
    },
  });
  const seconds = secondsSince(started);
  const models = new SqliteReadModelStore({ path: file, projections: PROJECTIONS, readonly: true });
  try {
    const docs = {
      cases: models.count('cases'),
      disclosures: models.count('disclosures'),
      officers: models.count('officers'),
    };
    return { events: applied, position, seconds, rate: applied / seconds, docs };
  } finally {
    models.close();
  }
}

export async function projectionsBench(options: ProjectionsBenchOptions): Promise<ProjectionsBenchResult> {
  const { dir, signer, progress } = options;
  const smallLog = options.smallLog ?? 10_000;
  if (!(smallLog < options.events)) throw new Error(`smallLog (${smallLog}) must be below events (${options.events})`);
  const started = now();
  const settle = () => new Promise((resolve) => setTimeout(resolve, options.settleMs ?? 2000));
  const file = path.join(dir, 'events.sqlite');
  const smallFile = path.join(dir, 'small-events.sqlite');
  const modelsFile = (events: number) => path.join(dir, `models-${events}.sqlite`);
  const store = new SqliteEventStore({ path: file });
  let seedResult;
  let raw;
  const rebuilds: RebuildResult[] = [];
  try {
    progress(`projections: seeding ${n(options.events)} signed events`);
    const seedStarted = now();
    const seeded = await seed(store, options.events, signer, progress);
    const seedSeconds = secondsSince(seedStarted);
    const bytes = ['', '-wal'].reduce(
      (sum, s) => sum + (fs.statSync(file + s, { throwIfNoEntry: false })?.size ?? 0),
      0,
    );
    seedResult = { ...seeded, seconds: seedSeconds, rate: seeded.events / seedSeconds, bytes };
    // let the checkpoint thread and the kernel write back the seeding before reading
    await settle();

    progress('projections: raw read of the log');
    const rawStarted = now();
    const read = await rawRead(store);
    const rawSeconds = secondsSince(rawStarted);
    raw = { events: read, seconds: rawSeconds, rate: read / rawSeconds };

    progress('projections: full rebuild');
    rebuilds.push(await rebuild(store, modelsFile(seeded.events), progress));
    // the log's starts after the whole log: each measured with the code warmed up, as the full one mostly is
    for (let size = smallLog; size < seeded.events; size *= 10) {
      progress(`projections: rebuild of the first ${n(size)} events`);
      rebuilds.splice(-1, 0, await rebuild(store, modelsFile(size), progress, size));
    }

    progress(`projections: copying the first ${n(smallLog)} events for the live run on a small log`);
    const small = new SqliteEventStore({ path: smallFile });
    try {
      const copied = await copyLog(store, small, rebuilds[0]!.position);
      if (copied !== rebuilds[0]!.position) throw new Error(`the copy ends at ${copied}, not ${rebuilds[0]!.position}`);
    } finally {
      await small.close();
    }
  } finally {
    await store.close();
  }

  // and the rebuilt files before the writers' synced commits, so that they wait for none of it
  await settle();
  // each after the same writers for as long again, untimed (and, live, until the read models caught up with them)
  const writers = { writers: options.writers ?? 64, seconds: options.seconds, signer, warmUpSeconds: options.seconds };
  progress(`projections: bare appends, ${writers.writers} writers, fresh store`);
  const bare = await bareAppends(path.join(dir, 'bare-events.sqlite'), { ...writers, firstCase: 0 });
  const live: LiveResult[] = [];
  for (const [events, models] of [
    [smallFile, modelsFile(smallLog)],
    [file, modelsFile(seedResult.events)],
  ] as const) {
    progress(`projections: live, ${writers.writers} writers, following ${path.basename(events)}`);
    live.push(await followLive(events, models, { ...writers, firstCase: seedResult.cases }));
  }

  const caseActs = options.caseActs ?? 2000;
  progress(`projections: a case of ${n(caseActs)} acts`);
  const long = longCase(path.join(dir, 'long-case-models.sqlite'), caseActs, signer);
  return {
    seed: seedResult,
    raw,
    rebuilds,
    bare,
    live,
    longCase: long,
    totalSeconds: secondsSince(started),
  };
}

export function reportProjections(r: ProjectionsBenchResult): void {
  const line = (label: string, figures: string) => console.log(`  ${label.padEnd(44)}${figures}`);
  const fmt = (v: number) => n(v).padStart(10);
  const pct = (x: number, y: number) => `${((100 * x) / y).toFixed(0)}%`.padStart(10);
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const us = (v: number) => `${(v * 1000).toFixed(0)} µs`;
  const { seed, raw, rebuilds, bare, live, longCase: c } = r;
  const built = rebuilds[rebuilds.length - 1]!;
  const smallest = rebuilds[0]!;
  const [few, many] = [live[0]!, live[live.length - 1]!];
  console.log(`(g) projections (${PROJECTIONS.length}): read models rebuilt from the log, and followed live`);
  line(
    'seeding: signed, 1 event per append',
    `${fmt(seed.rate)} events/s   ${n(seed.events)} events, ${n(seed.cases)} cases of ${EVENTS_PER_CASE} ` +
      `interleaved ${n(Math.min(seed.cases, SEED_WINDOW))} at a time, ${(seed.bytes / 2 ** 20).toFixed(0)} MiB, ` +
      `${seed.seconds.toFixed(0)} s`,
  );
  line(`raw read: readAll ${REBUILD_BATCH}/batch + JSON`, `${fmt(raw.rate)} events/s   ${raw.seconds.toFixed(1)} s`);
  line(
    `full rebuild: ledger rebuild, ${REBUILD_BATCH}/batch`,
    `${fmt(built.rate)} events/s   ${built.seconds.toFixed(1)} s  ` +
      `(${n(built.docs.cases)} case files, ${n(built.docs.disclosures)} disclosures)`,
  );
  line('rebuild / raw read', `${pct(built.rate, raw.rate)}   (target >= 25%)`);
  for (const part of rebuilds.slice(0, -1)) {
    const threads = part.events >= PARALLEL_REBUILD_FROM ? 2 : 1;
    line(
      `rebuild of the first ${n(part.events)} events`,
      `${fmt(part.rate)} events/s   ${part.seconds.toFixed(1)} s  (${threads} thread${threads > 1 ? 's' : ''})`,
    );
  }
  line(
    `rebuild rate, ${n(built.events)} / ${n(smallest.events)} events`,
    `${pct(built.rate, smallest.rate)}   (flat = close to 100%)`,
  );
  line(
    `bare appends: ${bare.writers} writers, fresh store`,
    `${fmt(bare.rate)} appends/s  ${n(bare.appends)} appends in ${bare.seconds.toFixed(1)} s (1 act per append; ` +
      `after ${n(bare.warmUpAppends)} untimed)`,
  );
  for (const l of live) {
    line(
      `live: ${l.writers} writers, ${n(l.stored)} events stored`,
      `${fmt(l.rate)} appends/s  ${n(l.appends)} appends in ${l.seconds.toFixed(1)} s, every projection ` +
        `following at ${l.priority} (caught up ${l.behind.toFixed(1)} s after the writers stopped; ` +
        `after ${n(l.warmUpAppends)} untimed, caught up)`,
    );
    line(
      `  lag: append ack -> read models`,
      `p50 ${ms(l.p50)}  p99 ${ms(l.p99)}  max ${ms(l.max)}   (target p99 < 50 ms; ` +
        `${l.timedOut} not applied within ${WAIT_MS / 1000} s)`,
    );
  }
  line(`live (${n(many.stored)} stored) / bare appends`, `${pct(many.rate, bare.rate)}   (target >= 70%)`);
  line(
    `live rate, ${n(many.stored)} / ${n(few.stored)} stored`,
    `${pct(many.rate, few.rate)}   (flat = close to 100%)`,
  );
  const acts = (from: number) => `acts ${n(from)}-${n(from + c.window - 1)}`;
  line(
    `a case of ${n(c.acts)} acts: ${acts(1)}`,
    `${us(c.first.median).padStart(10)} per act (median; mean ${us(c.first.mean)}), apply + commit, 1 per transaction`,
  );
  line(
    `a case of ${n(c.acts)} acts: ${acts(Math.floor((c.acts - c.window) / 2) + 1)}`,
    `${us(c.middle.median).padStart(10)} per act (median; mean ${us(c.middle.mean)})`,
  );
  line(
    `a case of ${n(c.acts)} acts: ${acts(c.acts - c.window + 1)}`,
    `${us(c.last.median).padStart(10)} per act (median; mean ${us(c.last.mean)})`,
  );
  line(`case's last / first ${n(c.window)} acts`, `${pct(c.last.median, c.first.median)}   (flat = close to 100%)`);
  line('this part took', `${(r.totalSeconds / 60).toFixed(1).padStart(10)} min`);
}
