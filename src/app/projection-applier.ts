import { IntegrityFault } from '../errors.js';
import type { EventEnvelope } from '../ledger/envelope.js';
import type { Position, StoredEvent } from '../ports/event-store.js';
import type {
  Change,
  Doc,
  DocReader,
  ProjectedEvent,
  Projection,
  ProjectionChanges,
  QuarantineDoc,
  ReadModelStore,
} from '../ports/read-models.js';

/**
 * An event as the runner hands it to an applier: parsed (a {@link ProjectedEvent}), or as the event store keeps it
 * (its JSON text, with its opened free text if it has any), which the applier parses where it applies it: on the
 * projection thread rather than on the thread that answers HTTP, and copied there as one string.
 */
export type HandedEvent = ProjectedEvent | (StoredEvent & Pick<ProjectedEvent, 'opened'>);

/** The event as projections are given it: parsed when it came as text. */
export function projected(handed: HandedEvent): ProjectedEvent {
  if (!('json' in handed)) return handed;
  const { position, opened } = handed;
  let event: EventEnvelope;
  try {
    event = JSON.parse(handed.json) as EventEnvelope;
  } catch {
    event = null as unknown as EventEnvelope;
  }
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    // as the store says it when it parses the event itself
    throw new IntegrityFault(
      `the event stored at position ${position} is not a JSON object: the store is damaged (run \`ledger check\` to see all it finds)`,
    );
  }
  return opened === undefined ? { position, event } : { position, event, opened };
}

/** What applying one batch stored. */
export interface AppliedBatch {
  /** The stored position afterwards: the batch's last event's. */
  readonly position: Position;
  /** Events of the batch applied (those past the stored position). */
  readonly events: number;
  /** Transactions it took: one, or one per event when the batch was retried event by event. */
  readonly commits: number;
  /** The quarantine documents stored. */
  readonly quarantined: readonly QuarantineDoc[];
  /** When the last event applied was recorded (its `recordedAt`), for the lag figures; absent when none was. */
  readonly recordedAt?: string;
}

/**
 * The write side of the read models: applies batches of the global log with every projection and stores each
 * batch's changes with its last position in one transaction. In this thread ({@link InProcessApplier}) or on a
 * thread of its own with its own connection (`ThreadApplier`): the runner is the same over both.
 */
export interface ProjectionApplier {
  /** Opens (or, after a failure, opens again) the write side; resolves with the stored position. */
  open(): Promise<Position>;
  /** Empties the read models and records the projections' versions; the position is then the start. */
  reset(): Promise<void>;
  /**
   * Applies a batch, in log order, and stores it. `after` is the position the batch follows in the log: a batch
   * whose predecessor is not stored (it failed) is refused rather than applied over the gap. A batch that fails
   * stores nothing and is thrown; the events up to its last are then applied one by one on the next call, each
   * in its own transaction, quarantining what a projection cannot apply.
   */
  apply(batch: readonly HandedEvent[], after?: Position): Promise<AppliedBatch>;
  /** Tells `listener` when the write side fails outside any call (its thread stopped); it is opened again. */
  watch?(listener: (err: Error) => void): void;
  close(): Promise<void>;
}

/** Reading the stored documents failed: the store's failure, never the event's. */
export class StoreReadFailed extends Error {
  /** The store's own code for what failed (`read_models_damaged`, say), carried across the projection thread. */
  readonly code?: string;
  constructor(cause: unknown) {
    super(`reading the read models failed: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'StoreReadFailed';
    const code = (cause as { code?: unknown } | null)?.code;
    if (typeof code === 'string') this.code = code;
  }
}

/** A batch arrived whose predecessor is not stored (it failed): applying it would skip events. */
export class BatchOutOfOrder extends Error {
  constructor(after: Position, stored: Position) {
    super(`a batch following position ${after} arrived while the read models stand at ${stored}`);
    this.name = 'BatchOutOfOrder';
  }
}

/** What {@link Keyed.lookup} answers for a key it holds nothing about. */
const ABSENT: unique symbol = Symbol('absent');

/** What the {@link DocCache} holds for a document the store does not have (a miss remembered). */
const NONE: unique symbol = Symbol('none');

/**
 * Entries by collection, then key: a document's key is looked up as it is, in the map of its collection (a handful
 * of constant names), without a joined string made and hashed for every look-up of every event. Values are never
 * `undefined`, so one `get` answers whether a key is held.
 */
class Keyed<V> {
  readonly #collections = new Map<string, Map<string, V>>();
  /** Entries held, over every collection. */
  size = 0;

  lookup(collection: string, key: string): V | typeof ABSENT {
    const value = this.#collections.get(collection)?.get(key);
    return value === undefined ? ABSENT : value;
  }

  set(collection: string, key: string, value: V): void {
    let entries = this.#collections.get(collection);
    if (entries === undefined) this.#collections.set(collection, (entries = new Map()));
    const before = entries.size;
    entries.set(key, value);
    this.size += entries.size - before;
  }

  *values(): IterableIterator<V> {
    for (const entries of this.#collections.values()) yield* entries.values();
  }
}

/** Documents kept parsed between batches, at most this many in each of the cache's two generations. */
export const CACHED_DOCS = 8192;

/**
 * The stored documents, parsed, that recent batches read or wrote: the registry entries every act looks up, the
 * Merkle tree's range and its partial tiles, the heads paths a new path is walked from, the cases being worked on.
 * Two generations of at most {@link CACHED_DOCS} entries each: an entry read from the older one moves to the newer,
 * and when the newer is full the older is dropped, so what is used stays and memory is bounded. It holds only what
 * is committed (a batch's documents enter it after their commit) and is emptied whenever a commit may not have
 * stored what was handed to it, so it always agrees with the store, whose only writer the applier is.
 */
class DocCache {
  #young = new Keyed<Doc | typeof NONE>();
  #old = new Keyed<Doc | typeof NONE>();

  /** The document as cached (undefined: the store has none), or {@link ABSENT} when the cache does not know. */
  lookup(collection: string, key: string): Doc | undefined | typeof ABSENT {
    const young = this.#young.lookup(collection, key);
    if (young !== ABSENT) return young === NONE ? undefined : young;
    const old = this.#old.lookup(collection, key);
    if (old === ABSENT) return ABSENT;
    this.#set(collection, key, old);
    return old === NONE ? undefined : old;
  }

  set(collection: string, key: string, doc: Doc | undefined): void {
    this.#set(collection, key, doc ?? NONE);
  }

  #set(collection: string, key: string, doc: Doc | typeof NONE): void {
    if (this.#young.size >= CACHED_DOCS && this.#young.lookup(collection, key) === ABSENT) {
      this.#old = this.#young;
      this.#young = new Keyed();
    }
    this.#young.set(collection, key, doc);
  }

  clear(): void {
    this.#young = new Keyed();
    this.#old = new Keyed();
  }
}

/**
 * The documents as they stand: the batch's pending changes over the stored documents. A stored document is read
 * (and parsed) once, then kept in the applier's {@link DocCache} for this batch and later ones: the registry
 * entries every act looks up, a case's summary, a medium not yet referenced (a miss is remembered too). What the
 * store answers before the batch's commit is what it held before the batch (its changes are all pending here until
 * then), so it enters the cache at once; a batch that fails empties the cache. Projections treat documents as
 * values (they build new ones rather than change those they read), so the one parsed copy can be handed out again.
 */
class BatchView implements DocReader {
  /** The batch's last change of each document. */
  readonly pending = new Keyed<Change>();
  constructor(
    private readonly store: ReadModelStore,
    private readonly cache: DocCache,
    private readonly readable?: ReadonlySet<string>,
  ) {}

  get<D extends Doc = Doc>(collection: string, key: string): D | undefined {
    if (this.readable && !this.readable.has(collection)) throw new StoreReadFailed(new NotReadable(collection));
    const change = this.pending.lookup(collection, key);
    if (change !== ABSENT) return (change.doc ?? undefined) as D | undefined;
    const cached = this.cache.lookup(collection, key);
    if (cached !== ABSENT) return cached as D | undefined;
    let doc: D | undefined;
    try {
      doc = this.store.get<D>(collection, key);
    } catch (err) {
      throw new StoreReadFailed(err);
    }
    this.cache.set(collection, key, doc);
    return doc;
  }

  put(change: Change): void {
    // a document that forgets what it replaced still forgets when a later event of the batch writes over it:
    // the batch stores only the last, which replaces the stored document as both did
    const before = change.forget ? ABSENT : this.pending.lookup(change.collection, change.key);
    const forgets = before !== ABSENT && before.forget === true;
    this.pending.set(change.collection, change.key, forgets ? { ...change, forget: true } : change);
  }

  /** The batch is committed: what it wrote is what the store now holds. */
  committed(): void {
    for (const change of this.pending.values()) this.cache.set(change.collection, change.key, change.doc ?? undefined);
  }
}

/** A projection read a collection its applier does not hold (a rebuild's thread applying a part of the projections). */
export class NotReadable extends Error {
  readonly code = 'not_readable';
  constructor(collection: string) {
    super(`collection ${collection} is not among those this applier's projections write`);
    this.name = 'NotReadable';
  }
}

export interface InProcessApplierOptions {
  /**
   * Called after a batch's changes are computed and before they are committed with its position: the crash test
   * kills the process here. Not for production use.
   */
  readonly beforeCommit?: (position: Position) => void;
  /**
   * The collections the projections may read: those of the projections it applies, when it applies a part of
   * them (a rebuild's thread). A read of any other stops the applier (as a failure of the store, never quarantined),
   * since it does not hold those documents and the projection would otherwise take them for missing.
   */
  readonly readable?: ReadonlySet<string>;
}

/**
 * Applies batches on the calling thread, over a store it writes to: for `:memory:` stores, tests and
 * `ledger rebuild`, and inside the projection thread. Synchronous underneath: each promise is settled when the
 * call returns.
 */
export class InProcessApplier implements ProjectionApplier {
  /** The last position of a batch that failed: the events up to it are applied one by one. */
  #suspectUntil: Position = 0;
  readonly #cache = new DocCache();

  constructor(
    private readonly store: ReadModelStore,
    private readonly projections: readonly Projection[],
    private readonly options: InProcessApplierOptions = {},
  ) {}

  async open(): Promise<Position> {
    return this.positionSync();
  }

  async reset(): Promise<void> {
    this.resetSync();
  }

  positionSync(): Position {
    return this.store.position();
  }

  resetSync(): void {
    this.#cache.clear();
    this.store.reset(this.projections);
    this.#suspectUntil = 0;
  }

  async apply(batch: readonly HandedEvent[], after?: Position): Promise<AppliedBatch> {
    return this.applySync(batch, after);
  }

  /** Marks the events up to `position` to be applied one by one (a batch up to it failed elsewhere). */
  suspect(position: Position): void {
    this.#suspectUntil = Math.max(this.#suspectUntil, position);
  }

  async close(): Promise<void> {}

  /** {@link apply}, on this thread's stack. */
  applySync(batch: readonly HandedEvent[], after?: Position): AppliedBatch {
    const stored = this.store.position();
    if (after !== undefined && after > stored) throw new BatchOutOfOrder(after, stored);
    const fresh = batch.filter((r) => r.position > stored).map(projected);
    if (fresh.length === 0) return { position: stored, events: 0, commits: 0, quarantined: [] };
    const last = fresh[fresh.length - 1]!;
    const recordedAt = last.event.recordedAt;
    if (fresh[0]!.position <= this.#suspectUntil) {
      // a projection's changes may be left out of an event's commit: keep nothing that may not have been stored
      this.#cache.clear();
      const quarantined: QuarantineDoc[] = [];
      for (const recorded of fresh) quarantined.push(...this.#applyAlone(recorded));
      if (this.store.position() >= this.#suspectUntil) this.#suspectUntil = 0;
      const position = this.store.position();
      return { position, events: fresh.length, commits: fresh.length, quarantined, recordedAt };
    }
    try {
      const view = new BatchView(this.store, this.#cache, this.options.readable);
      for (const recorded of fresh) {
        for (const projection of this.projections) {
          for (const change of projection.apply(recorded, view)) view.put(change);
        }
      }
      this.options.beforeCommit?.(last.position);
      this.store.commit(view.pending.values(), last.position);
      view.committed();
    } catch (err) {
      this.#cache.clear();
      this.suspect(last.position);
      throw err;
    }
    return { position: last.position, events: fresh.length, commits: 1, quarantined: [], recordedAt };
  }

  /**
   * Applies one event and stores its changes with its position; a projection that cannot apply it (it throws, or
   * the store refuses its documents) is quarantined for it. A store failure, or a critical projection failing,
   * is thrown: nothing of the event is stored.
   */
  #applyAlone(recorded: ProjectedEvent): readonly QuarantineDoc[] {
    const view = new BatchView(this.store, new DocCache(), this.options.readable);
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
    return this.store.commitEvent(recorded, applied, failed);
  }
}

/** An error's name and message, which is what a quarantine keeps (never the event's data). */
function reasonOf(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}
