import { type EventStore, type Position, type RecordedEvent } from '../ports/event-store.js';
import {
  QUARANTINE,
  type Change,
  type Doc,
  type DocReader,
  type Projection,
  type ProjectionChanges,
  type QuarantineDoc,
  type ReadModelStore,
} from '../ports/read-models.js';

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
   * Called after a batch's changes are computed and before they are committed with its position: the crash test
   * kills the process here. Not for production use.
   */
  readonly beforeCommit?: (position: Position) => void;
  /** Called after each batch is stored, with its last position. */
  readonly afterCommit?: (position: Position) => void;
  /** Milliseconds since an epoch, for the lag figures. Default `Date.now`. */
  readonly now?: () => number;
}

/** Reading the stored documents failed: the store's failure, never the event's. */
class StoreReadFailed extends Error {
  constructor(cause: unknown) {
    super(`reading the read models failed: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'StoreReadFailed';
  }
}

/** The documents as they stand: the batch's pending changes over the stored documents. */
class BatchView implements DocReader {
  readonly pending = new Map<string, Change>();
  constructor(private readonly store: ReadModelStore) {}

  get<D extends Doc = Doc>(collection: string, key: string): D | undefined {
    const change = this.pending.get(`${collection}\u0000${key}`);
    if (change) return (change.doc ?? undefined) as D | undefined;
    try {
      return this.store.get<D>(collection, key);
    } catch (err) {
      throw new StoreReadFailed(err);
    }
  }

  put(change: Change): void {
    this.pending.set(`${change.collection}\u0000${change.key}`, change);
  }
}

export interface RunnerStats {
  readonly position: Position;
  readonly eventsApplied: number;
  readonly batches: number;
  /** Milliseconds from an event's recording to its changes being stored: the latest batch's last event. */
  readonly lastLagMs: number;
}

/**
 * Follows the global log from the read-model store's position and applies every projection to every event in
 * order. Each batch of events is applied in memory and its changes stored together with its last position in one
 * transaction: after a crash the runner resumes from the stored position, so no event is applied twice or skipped.
 *
 * A batch that fails is tried again event by event. An event a projection cannot apply on its own (the projection
 * throws, or the store refuses the documents it makes) is then quarantined for that projection: recorded in the
 * store's quarantine collection with the event's position, while the other projections apply it and the log
 * keeps flowing. A failure of the store itself is thrown again, and retried: the runner is not live meanwhile.
 */
export class ProjectionRunner {
  #stopped = false;
  #live = false;
  #eventsApplied = 0;
  #batches = 0;
  #lastLagMs = 0;
  readonly #waiters = new Set<{ readonly position: Position; readonly resolve: (ok: boolean) => void }>();
  readonly #batchSize: number;
  readonly #retryDelayMs: number;
  readonly #onError: (err: unknown) => void;
  readonly #now: () => number;
  /** The last position of a batch that failed: the events up to it are applied one by one. */
  #suspectUntil: Position = 0;

  constructor(
    private readonly events: EventStore,
    private readonly store: ReadModelStore,
    private readonly projections: readonly Projection[],
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.#batchSize = options.batchSize ?? 500;
    this.#retryDelayMs = options.retryDelayMs ?? 1000;
    this.#onError = options.onError ?? (() => {});
    this.#now = options.now ?? Date.now;
  }

  /** Whether the stored models were made by other projection versions (they must then be rebuilt). */
  outdated(): boolean {
    const stored = this.store.versions();
    const wanted = versionsOf(this.projections);
    const names = new Set([...Object.keys(stored), ...Object.keys(wanted)]);
    return [...names].some((name) => stored[name] !== wanted[name]);
  }

  /** Empties the read models, to be rebuilt from the start of the log. */
  reset(): void {
    this.store.reset(this.projections);
  }

  position(): Position {
    return this.store.position();
  }

  /** Whether the runner has caught up with the log since it started (it then follows it live). */
  live(): boolean {
    return this.#live && !this.#stopped;
  }

  stats(): RunnerStats {
    return {
      position: this.store.position(),
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
    if (this.outdated()) this.reset();
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
   */
  async catchUp(options: { until?: Position; onProgress?: (position: Position, head: Position) => void } = {}) {
    const head = options.until ?? (await this.events.headPosition());
    while (this.store.position() < head) {
      const batch = await this.events.readAll({ after: this.store.position(), limit: this.#batchSize });
      if (batch.length === 0) break;
      const part = batch.filter((r) => r.position <= head);
      try {
        this.applyBatch(part);
      } catch (err) {
        this.#onError(err);
        this.applyBatch(part);
      }
      options.onProgress?.(this.store.position(), head);
    }
    return this.store.position();
  }

  /**
   * Resolves `true` once every event up to `position` is applied, `false` after `timeoutMs` or when the runner
   * stops first.
   */
  waitFor(position: Position, timeoutMs: number): Promise<boolean> {
    if (position <= this.store.position()) return Promise.resolve(true);
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

  /**
   * Applies one batch of events, in log order, and stores the changes with the batch's last position. When it
   * fails, the events up to its last are applied one by one on the next call ({@link ProjectionRunner}).
   */
  applyBatch(batch: readonly RecordedEvent[]): void {
    const fresh = batch.filter((r) => r.position > this.store.position());
    if (fresh.length === 0) return;
    if (fresh[0]!.position <= this.#suspectUntil) {
      for (const recorded of fresh) this.#applyAlone(recorded);
      if (this.store.position() >= this.#suspectUntil) this.#suspectUntil = 0;
      return;
    }
    const last = fresh[fresh.length - 1]!;
    try {
      const view = new BatchView(this.store);
      for (const recorded of fresh) {
        for (const projection of this.projections) {
          for (const change of projection.apply(recorded, view)) view.put(change);
        }
      }
      this.options.beforeCommit?.(last.position);
      this.store.commit(view.pending.values(), last.position);
    } catch (err) {
      this.#suspectUntil = last.position;
      throw err;
    }
    this.#stored(fresh.length, last);
  }

  /**
   * Applies one event and stores its changes with its position; a projection that cannot apply it (it throws, or
   * the store refuses its documents) is quarantined for it. A store failure, or a critical projection failing,
   * is thrown: nothing of the event is stored.
   */
  #applyAlone(recorded: RecordedEvent): void {
    const view = new BatchView(this.store);
    const applied: ProjectionChanges[] = [];
    const failed: { projection: string; reason: string }[] = [];
    for (const projection of this.projections) {
      let changes: readonly Change[];
      try {
        changes = projection.apply(recorded, view);
      } catch (err) {
        if (err instanceof StoreReadFailed || projection.critical) throw err;
        failed.push({ projection: projection.name, reason: reasonOf(err) });
        continue;
      }
      for (const change of changes) view.put(change);
      applied.push({ projection, changes });
    }
    this.options.beforeCommit?.(recorded.position);
    const quarantined = this.store.commitEvent(recorded, applied, failed);
    for (const doc of quarantined) this.options.onQuarantine?.(doc);
    this.#stored(1, recorded);
  }

  #stored(events: number, last: RecordedEvent): void {
    this.#eventsApplied += events;
    this.#batches += 1;
    const recordedAt = Date.parse(last.event.recordedAt);
    if (Number.isFinite(recordedAt)) this.#lastLagMs = Math.max(0, this.#now() - recordedAt);
    for (const waiter of this.#waiters) if (waiter.position <= last.position) waiter.resolve(true);
    this.options.afterCommit?.(last.position);
  }

  async #follow(caughtUp: () => void, signal: AbortSignal | undefined): Promise<void> {
    while (!this.#stopped) {
      try {
        const after = this.store.position();
        const subscription = this.events.subscribe({
          after,
          batchSize: this.#batchSize,
          ...(signal ? { signal } : {}),
        });
        for await (const message of subscription) {
          if (message.type === 'events') this.applyBatch(message.events);
          else {
            this.#live = true;
            caughtUp();
          }
        }
      } catch (err) {
        this.#live = false; // not ready until caught up again
        this.#onError(err);
      }
      if (!this.#stopped) await delay(this.#retryDelayMs, signal);
    }
  }
}

/** An error's name and message, which is what a quarantine keeps (never the event's data). */
function reasonOf(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
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
