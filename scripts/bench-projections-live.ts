// The live measurements of the projections part of `npm run bench`: concurrent writers recording acts on a store
// with no read models (bare appends), the same writers with the projection runner following the store as the
// service runs it (the projections applied on their own thread), and the cost of applying a case's acts as the case
// grows to thousands of acts.
import { PROJECTIONS } from '../projections/index.js';
import { SqliteEventStore } from '../src/adapters/sqlite/event-store.js';
import { SqliteReadModelStore } from '../src/adapters/sqlite/read-model-store.js';
import { systemClock } from '../src/adapters/clock/system-clock.js';
import { InProcessApplier } from '../src/app/projection-applier.js';
import { ProjectionRunner } from '../src/app/projection-runner.js';
import { openThreadedReadModels } from '../src/compose.js';
import { integer } from '../src/config-values.js';
import { DEFAULT_PROJECTION_NICE } from '../src/config.js';
import { uuidv7Generator } from '../src/app/ids.js';
import { CHINA_STANDARD_TIME } from '../src/domain/actor.js';
import { parseAgencyStream } from '../src/domain/streams.js';
import type { Signer } from '../src/ledger/ed25519.js';
import { sealEvents, type EventDraft, type StreamHead } from '../src/ledger/envelope.js';
import type { EventStore, Position, RecordedEvent } from '../src/ports/event-store.js';
import { caseEvents, longCaseActs, registryEvents } from './bench-projections-log.js';

/** How long an append's `waitFor` may take before it counts as not applied. */
export const WAIT_MS = 10_000;

export interface WritersOptions {
  /** Concurrent writers. */
  readonly writers: number;
  readonly seconds: number;
  readonly signer: Signer;
  /** The number of the first case the writers open: past the cases the store already holds. */
  readonly firstCase: number;
  /**
   * The same writers run this long first, untimed (and, live, until the read models have caught up with them), so
   * that the store's and the projection thread's code is compiled before anything is timed. 0: none.
   */
  readonly warmUpSeconds?: number;
}

export interface AppendsResult {
  readonly writers: number;
  /** Events in the store before the writers started (before the warm-up's, when there is one). */
  readonly stored: number;
  readonly seconds: number;
  readonly appends: number;
  readonly rate: number;
  /** The untimed warm-up's appends: after `stored`, before the timed ones. */
  readonly warmUpAppends: number;
}

export interface LiveResult extends AppendsResult {
  /** From an append's acknowledgement until `waitFor` its position resolves, in milliseconds. */
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  /** Appends whose position the runner had not applied within {@link WAIT_MS}. */
  readonly timedOut: number;
  /** Seconds from the writers' stopping until every append's `waitFor` had resolved: how far behind the runner was. */
  readonly behind: number;
  /** The projection thread's priority, as the thread said: `nice 10`, or why it was left unchanged. */
  readonly priority: string;
}

/** The apply+commit cost of a case's acts, in milliseconds per act, at its start, its middle and its end. */
export interface LongCaseResult {
  readonly acts: number;
  /** Acts in each of the windows compared. */
  readonly window: number;
  readonly first: CostSummary;
  readonly middle: CostSummary;
  readonly last: CostSummary;
}

export interface CostSummary {
  readonly median: number;
  readonly mean: number;
}

const now = () => process.hrtime.bigint();
const secondsSince = (from: bigint) => Number(now() - from) / 1e9;

/**
 * `writers` concurrent writers each record the acts of their own cases (the 20 acts of {@link caseEvents}, without
 * its access records), one act per append, sealed with the real key as it goes, for `seconds`; `acknowledged` is
 * told each append's position as its acknowledgement arrives.
 */
async function writeActs(
  store: EventStore,
  o: WritersOptions,
  acknowledged: (position: Position) => void = () => {},
): Promise<Omit<AppendsResult, 'stored' | 'warmUpAppends'> & { readonly nextCase: number }> {
  const newId = uuidv7Generator(systemClock);
  let appends = 0;
  let nextCase = o.firstCase;
  const deadline = now() + BigInt(Math.round(o.seconds * 1e9));
  const started = now();
  await Promise.all(
    Array.from({ length: o.writers }, async () => {
      while (now() < deadline) {
        const acts = caseEvents(nextCase++, newId).filter((e) => parseAgencyStream(e.stream)?.category === 'case');
        let head: StreamHead | null = null;
        for (const { stream, draft } of acts) {
          if (now() >= deadline) break;
          const sealed = sealEvents(stream, head, [draft], o.signer, new Date().toISOString());
          const result = await store.append(stream, sealed, head ? head.revision : 'no_stream');
          acknowledged(result.position);
          head = { revision: result.revision, hash: result.hash };
          appends++;
        }
      }
    }),
  );
  const seconds = secondsSince(started);
  return { writers: o.writers, seconds, appends, rate: appends / seconds, nextCase };
}

/** The warm-up's writers ({@link WritersOptions.warmUpSeconds}): the options for the timed ones, and its appends. */
async function warmUp(
  store: EventStore,
  o: WritersOptions,
  acknowledged?: (position: Position) => void,
): Promise<{ readonly timed: WritersOptions; readonly appends: number }> {
  if (!o.warmUpSeconds) return { timed: o, appends: 0 };
  const done = await writeActs(store, { ...o, seconds: o.warmUpSeconds }, acknowledged);
  return { timed: { ...o, firstCase: done.nextCase }, appends: done.appends };
}

/** The writers on the store in `file` with nothing following it. */
export async function bareAppends(file: string, o: WritersOptions): Promise<AppendsResult> {
  const store = new SqliteEventStore({ path: file });
  try {
    const stored = await store.headPosition();
    const warm = await warmUp(store, o);
    const { nextCase: _, ...timed } = await writeActs(store, warm.timed);
    return { ...timed, stored, warmUpAppends: warm.appends };
  } finally {
    await store.close();
  }
}

/**
 * The runner follows the store in `eventsFile`, whose read models are in `modelsFile`, live as in the service (its
 * default batch size, the projections applied on their own thread, this thread reading), while the writers record
 * acts. Each acknowledged append starts a `waitFor` of its position and the writer goes on at once (a client
 * reading its own write waits, the others do not).
 */
export async function followLive(eventsFile: string, modelsFile: string, o: WritersOptions): Promise<LiveResult> {
  const store = new SqliteEventStore({ path: eventsFile });
  // at the service's nice value (LEDGER_PROJECTION_NICE, as `ledger serve` reads it)
  const nice = integer('LEDGER_PROJECTION_NICE', process.env.LEDGER_PROJECTION_NICE, DEFAULT_PROJECTION_NICE, 0, 19);
  const { store: models, applier } = await openThreadedReadModels(modelsFile, CHINA_STANDARD_TIME, undefined, nice);
  const said = applier.priority;
  const priority = !said ? 'unchanged' : 'nice' in said ? `nice ${said.nice}` : `unchanged: ${said.unchanged}`;
  const live = new AbortController();
  try {
    const runner = new ProjectionRunner(store, models, PROJECTIONS, { applier });
    await runner.start(live.signal);
    const stored = await store.headPosition();
    let warmedTo: Position = 0;
    const warm = await warmUp(store, o, (position) => (warmedTo = Math.max(warmedTo, position)));
    if (!(await runner.waitFor(warmedTo, 10 * WAIT_MS)))
      throw new Error('the read models did not catch up after the warm-up');
    const lags: number[] = [];
    const waits: Promise<void>[] = [];
    let timedOut = 0;
    const { nextCase: _, ...appended } = await writeActs(store, warm.timed, (position) => {
      const acknowledged = now();
      waits.push(
        runner.waitFor(position, WAIT_MS).then((ok) => {
          if (ok) lags.push(Number(now() - acknowledged) / 1e6);
          else timedOut++;
        }),
      );
    });
    const stopped = now();
    await Promise.all(waits);
    const behind = secondsSince(stopped);
    lags.sort((x, y) => x - y);
    const q = (p: number) => lags[Math.min(lags.length - 1, Math.floor(p * lags.length))] ?? NaN;
    return {
      ...appended,
      stored,
      warmUpAppends: warm.appends,
      p50: q(0.5),
      p99: q(0.99),
      max: lags[lags.length - 1] ?? NaN,
      timedOut,
      behind,
      priority,
    };
  } finally {
    live.abort();
    await store.close();
    await applier.close();
    models.close();
  }
}

/**
 * Applies the `acts` acts of one long case ({@link longCaseActs}) to fresh read models in `file`, one act per
 * transaction on this thread, and times each apply+commit. The registry comes first, then 20 ordinary cases warm
 * the code and the connection, so the first acts are not charged for a cold start.
 */
export function longCase(file: string, acts: number, signer: Signer): LongCaseResult {
  const models = new SqliteReadModelStore({ path: file, projections: PROJECTIONS });
  try {
    const applier = new InProcessApplier(models, PROJECTIONS);
    applier.resetSync();
    const newId = uuidv7Generator(systemClock);
    const heads = new Map<string, StreamHead>();
    let position = 0;
    const record = (stream: string, draft: EventDraft): RecordedEvent[] => {
      const head = heads.get(stream) ?? null;
      const [event] = sealEvents(stream, head, [draft], signer, new Date().toISOString());
      heads.set(stream, { revision: event!.revision, hash: event!.hash });
      return [{ position: ++position, event: event! }];
    };
    applier.applySync(registryEvents(newId).flatMap(({ stream, draft }) => record(stream, draft)));
    for (let i = 1; i <= 20; i++) {
      for (const { stream, draft } of caseEvents(i, newId)) applier.applySync(record(stream, draft));
    }
    const costs: number[] = [];
    for (const { stream, draft } of longCaseActs(0, acts, newId)) {
      const batch = record(stream, draft);
      const started = now();
      applier.applySync(batch);
      costs.push(Number(now() - started) / 1e6);
    }
    const window = Math.max(1, Math.min(100, Math.floor(costs.length / 4)));
    return {
      acts: costs.length,
      window,
      first: summary(costs.slice(0, window)),
      middle: summary(costs.slice(Math.floor((costs.length - window) / 2)).slice(0, window)),
      last: summary(costs.slice(-window)),
    };
  } finally {
    models.close();
  }
}

function summary(costs: readonly number[]): CostSummary {
  const sorted = [...costs].sort((x, y) => x - y);
  return {
    median: sorted[Math.floor(sorted.length / 2)] ?? NaN,
    mean: costs.reduce((sum, c) => sum + c, 0) / costs.length,
  };
}
