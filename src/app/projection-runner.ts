import type { EventStore, Position, SubscriptionMessage } from '../ports/event-store.js';
import { QUARANTINE, type Projection, type QuarantineDoc, type ReadModelStore } from '../ports/read-models.js';
import type { BatchOpener } from './free-text-opener.js';
import { InProcessApplier, type AppliedBatch, type HandedEvent, type ProjectionApplier } from './projection-applier.js';

/** Batches handed to the applier and not yet stored: one being applied, one waiting behind it. */
export const BATCHES_IN_FLIGHT = 2;

export interface ProjectionRunnerOptions {
  /** Most events applied per transaction. Default 500. */
  readonly batchSize?: number;
  /** How long to wait before subscribing again after the subscription failed. Default 1000 ms. */
  readonly retryDelayMs?: number;
  /** Told about each failure (the runner retries on its own). */
  readonly onError?: (err: unknown) => void;
  /** Told about each event a projection could not apply, once it is quarantined. */
  readonly onQuarantine?: (doc: QuarantineDoc) => void;
  /**
   * Where batches are applied and stored. Default: on this thread, into `store` ({@link InProcessApplier});
   * the service gives a `ThreadApplier`, which applies them on a thread of its own with its own connection, and
   * `store` is then a connection that only reads.
   */
  readonly applier?: ProjectionApplier;
  /**
   * With the default applier: called after a batch's changes are computed and before they are committed with its
   * position: the crash test kills the process here. Not for production use.
   */
  readonly beforeCommit?: (position: Position) => void;
  /** Called after each batch is stored, with its last position. */
  readonly afterCommit?: (position: Position) => void;
  /**
   * Opens the sealed free text of each batch before it is applied (`freeTextOpener`), for the projections that
   * show or search it. Without it they see `[sealed]` in its place.
   */
  readonly open?: BatchOpener;
  /** Milliseconds since an epoch, for the lag figures. Default `Date.now`. */
  readonly now?: () => number;
  /**
   * How long the reads that wait on this runner wait for it (`READ_WAIT_MS`), given to them as {@link readWaitMs};
   * unset, each read's own default.
   */
  readonly readWaitMs?: number;
}

export interface RunnerStats {
  readonly position: Position;
  readonly eventsApplied: number;
  readonly batches: number;
  /** Milliseconds from an event's recording to its changes being stored: the latest batch's last event. */
  readonly lastLagMs: number;
}

/**
 * Follows the global log from the read models' stored position and has every projection applied to every event in
 * order, a batch at a time, by its {@link ProjectionApplier}: each batch's changes are stored together with its
 * last position in one transaction, so after a crash the runner resumes from the stored position and no event is
 * applied twice or skipped. At most {@link BATCHES_IN_FLIGHT} batches are handed over and not yet stored: the
 * subscription waits for the applier.
 *
 * A batch that fails is tried again event by event. An event a projection cannot apply on its own (the projection
 * throws, or the store refuses the documents it makes) is then quarantined for that projection: recorded in the
 * store's quarantine collection with the event's position, while the other projections apply it and the log
 * keeps flowing. A failure of the store itself, or of the applier's thread, is retried from the stored position:
 * the runner is not live meanwhile.
 */
export class ProjectionRunner {
  #stopped = false;
  #live = false;
  #position: Position;
  #eventsApplied = 0;
  #batches = 0;
  #lastLagMs = 0;
  /** Ends the current subscription when the applier fails outside a call. */
  #interrupt: ((err: Error) => void) | undefined;
  readonly #waiters = new Set<{ readonly position: Position; readonly resolve: (ok: boolean) => void }>();
  readonly #batchSize: number;
  readonly #retryDelayMs: number;
  readonly #onError: (err: unknown) => void;
  readonly #now: () => number;
  readonly #applier: ProjectionApplier;
  /** How long a read waits for this runner to apply a position (`READ_WAIT_MS`), when the service set it. */
  readonly readWaitMs: number | undefined;

  /** `store` is where the read models are read (and, without an `applier` option, written). */
  constructor(
    private readonly events: EventStore,
    private readonly store: ReadModelStore,
    private readonly projections: readonly Projection[],
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.#batchSize = options.batchSize ?? 500;
    this.#retryDelayMs = options.retryDelayMs ?? 1000;
    this.readWaitMs = options.readWaitMs;
    this.#onError = options.onError ?? (() => {});
    this.#now = options.now ?? Date.now;
    this.#applier =
      options.applier ??
      new InProcessApplier(store, projections, options.beforeCommit ? { beforeCommit: options.beforeCommit } : {});
    this.#position = store.position();
    this.#applier.watch?.((err) => {
      if (this.#stopped) return;
      this.#live = false;
      if (this.#interrupt) this.#interrupt(err);
      else this.#onError(err);
    });
  }

  /** Whether the stored models were made by other projection versions (they must then be rebuilt). */
  outdated(): boolean {
    const stored = this.store.versions();
    const wanted = versionsOf(this.projections);
    const names = new Set([...Object.keys(stored), ...Object.keys(wanted)]);
    return [...names].some((name) => stored[name] !== wanted[name]);
  }

  /** Empties the read models, to be rebuilt from the start of the log. */
  async reset(): Promise<void> {
    await this.#applier.reset();
    this.#position = await this.#applier.open();
  }

  position(): Position {
    return this.#position;
  }

  /** Whether the runner has caught up with the log since it started (it then follows it live). */
  live(): boolean {
    return this.#live && !this.#stopped;
  }

  stats(): RunnerStats {
    return {
      position: this.#position,
      eventsApplied: this.#eventsApplied,
      batches: this.#batches,
      lastLagMs: this.#lastLagMs,
    };
  }

  /**
   * Follows the log until `signal` aborts; resolves once the models have caught up with the log (or the signal
   * aborted first). Outdated models are reset first. A failing subscription is retried from the stored position.
   */
  start(signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      const stop = () => {
        this.#stopped = true;
        for (const waiter of this.#waiters) waiter.resolve(false);
        this.#waiters.clear();
        resolve();
      };
      if (signal?.aborted) return stop();
      signal?.addEventListener('abort', stop, { once: true });
      void this.#follow(resolve, signal);
    });
  }

  /** How many events each projection has quarantined, as stored (projections with none are listed with 0). */
  quarantined(): Record<string, number> {
    return Object.fromEntries(
      this.projections.map((p) => [p.name, this.store.count(QUARANTINE, { projection: p.name })]),
    );
  }

  /**
   * Applies the log from the stored position up to `until` (default: the head when called), reading it in
   * batches rather than following it; reports progress after each batch. A batch that fails is tried again at
   * once, event by event (quarantining what fails on its own). For `ledger rebuild` and benchmarks.
   *
   * Events come as the store keeps them where it can ({@link EventStore.readAllStored}), parsed where they are
   * applied; the next batch is read while the applier applies one (on its threads, when it has them).
   */
  async catchUp(options: { until?: Position; onProgress?: (position: Position, head: Position) => void } = {}) {
    const head = options.until ?? (await this.events.headPosition());
    this.#position = await this.#applier.open();
    const read = (after: Position): Promise<HandedEvent[]> =>
      this.events.readAllStored
        ? this.events.readAllStored({ after, limit: this.#batchSize })
        : this.events.readAll({ after, limit: this.#batchSize });
    let batch = this.#position < head ? await read(this.#position) : [];
    for (;;) {
      const part = batch.filter((r) => r.position <= head);
      if (part.length === 0) break;
      const last = part[part.length - 1]!.position;
      const applying = this.#apply(part);
      applying.catch(() => {}); // awaited below, after the next batch is read
      const next = last < head ? read(last) : Promise.resolve([]);
      next.catch(() => {});
      try {
        await applying;
      } catch (err) {
        this.#onError(err);
        this.#advance(await this.#applier.open());
        await this.#apply(part);
      }
      options.onProgress?.(this.#position, head);
      batch = await next;
    }
    return this.#position;
  }

  /**
   * Resolves `true` once every event up to `position` is applied, `false` after `timeoutMs` or when the runner
   * stops first.
   */
  /** The position of the log's last committed event. */
  head(): Promise<Position> {
    return this.events.headPosition();
  }

  waitFor(position: Position, timeoutMs: number): Promise<boolean> {
    if (position <= this.#position) return Promise.resolve(true);
    if (this.#stopped) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      const waiter = {
        position,
        resolve: (ok: boolean) => {
          clearTimeout(timer);
          this.#waiters.delete(waiter);
          resolve(ok);
        },
      };
      const timer = setTimeout(() => waiter.resolve(false), timeoutMs);
      timer.unref();
      this.#waiters.add(waiter);
    });
  }

  async #apply(batch: readonly HandedEvent[], after?: Position): Promise<void> {
    const opened = this.options.open ? await this.options.open(batch) : batch;
    const applied = await this.#applier.apply(opened, after);
    if (applied.events > 0) this.#stored(applied);
  }

  #stored(applied: AppliedBatch): void {
    this.#advance(applied.position);
    this.#eventsApplied += applied.events;
    this.#batches += applied.commits;
    const recordedAt = Date.parse(applied.recordedAt ?? '');
    if (Number.isFinite(recordedAt)) this.#lastLagMs = Math.max(0, this.#now() - recordedAt);
    for (const doc of applied.quarantined) this.options.onQuarantine?.(doc);
    this.options.afterCommit?.(this.#position);
  }

  /**
   * Moves the position forward to what is stored and answers the waiters it reaches. Besides each stored batch, a
   * reopened applier can report a position beyond the last answer: a thread that stored a batch and stopped before
   * its answer arrived.
   */
  #advance(stored: Position): void {
    if (stored <= this.#position) return;
    this.#position = stored;
    for (const waiter of this.#waiters) if (waiter.position <= stored) waiter.resolve(true);
  }

  async #follow(caughtUp: () => void, signal: AbortSignal | undefined): Promise<void> {
    while (!this.#stopped) {
      const round = new AbortController();
      const stop = () => round.abort();
      signal?.addEventListener('abort', stop, { once: true });
      this.#interrupt = (err) => round.abort(err);
      try {
        if (this.outdated()) await this.reset();
        const after = await this.#applier.open();
        this.#advance(after);
        // the events as stored where the store can (the embedded one): the applier parses them, on its thread
        const options = { after, batchSize: this.#batchSize, signal: round.signal };
        const subscription: AsyncIterable<SubscriptionMessage<HandedEvent>> =
          this.events.subscribeStored?.(options) ?? this.events.subscribe(options);
        await this.#consume(subscription, after, caughtUp);
        if (round.signal.aborted && !this.#stopped) throw round.signal.reason;
      } catch (err) {
        this.#live = false; // not ready until caught up again
        if (!this.#stopped) this.#onError(err);
      } finally {
        this.#interrupt = undefined;
        signal?.removeEventListener('abort', stop);
        round.abort(); // ends a read of the subscription still waiting for a commit
      }
      if (!this.#stopped) await delay(this.#retryDelayMs, signal);
    }
  }

  /**
   * Hands the subscription's events to the applier, at most {@link BATCHES_IN_FLIGHT} batches unstored at a time.
   * While a batch is being applied, the events that arrive meanwhile gather into the next one (up to the batch
   * size), which is handed over once the first is stored or it is full: when the applier falls behind, its batches
   * grow and each commit carries more events; when it keeps up, each batch is what arrived while the last was
   * applied, a few events, so the lag stays short.
   */
  async #consume(subscription: AsyncIterable<SubscriptionMessage<HandedEvent>>, after: Position, caughtUp: () => void) {
    const inFlight: Promise<void>[] = [];
    let failure: { err: unknown } | undefined;
    const settle = async (left: number) => {
      while (inFlight.length > left) await inFlight.shift();
      if (failure) throw failure.err;
    };
    let gathered: HandedEvent[] = [];
    const handOver = async () => {
      if (gathered.length === 0) return;
      const batch = gathered;
      gathered = [];
      const follows = after;
      after = batch[batch.length - 1]!.position;
      inFlight.push(this.#apply(batch, follows).catch((err: unknown) => void (failure ??= { err })));
      await settle(BATCHES_IN_FLIGHT - 1);
    };
    const messages = subscription[Symbol.asyncIterator]();
    const read = () => {
      const next = messages.next();
      next.catch(() => {}); // awaited below; a failure after this loop has ended is not unhandled
      return next;
    };
    const STORED = Symbol('stored');
    try {
      let next = read();
      for (;;) {
        // with events gathered behind a batch being applied, hand them over as soon as that batch is stored
        const waiting = gathered.length > 0 && inFlight.length > 0;
        const result = waiting
          ? await Promise.race([next, inFlight[0]!.then((): typeof STORED => STORED)])
          : await next;
        if (result === STORED) {
          await handOver();
          continue;
        }
        if (result.done) break;
        next = read();
        const message = result.value;
        if (message.type === 'events') {
          if (message.events.length === 0) continue;
          if (gathered.length + message.events.length > this.#batchSize) await handOver();
          gathered = gathered.length === 0 ? [...message.events] : gathered.concat(message.events);
          if (inFlight.length === 0 || gathered.length >= this.#batchSize) await handOver();
        } else {
          await handOver();
          await settle(0);
          this.#live = true;
          caughtUp();
        }
      }
      await handOver();
      await settle(0);
    } finally {
      void messages.return?.();
    }
  }
}

export function versionsOf(projections: readonly Projection[]): Record<string, number> {
  return Object.fromEntries(projections.map((p) => [p.name, p.version]));
}

/** Waits `ms`, or less when `signal` aborts; never keeps the process alive. */
function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    timer.unref();
    signal?.addEventListener('abort', done, { once: true });
  });
}
