import type { Position, RecordedEvent } from './event-store.js';

/**
 * Read models: JSON documents in named collections, derived from the global log by projections and stored with
 * the position of the last event applied.
 *
 * A projection is pure: given the documents as they stand (read through a {@link DocReader}) and one event, it
 * returns the documents that event changes. The runner applies every projection to every event in log order and
 * stores a batch of changes together with the batch's last position in one transaction, so a crash never applies
 * an event twice or skips one.
 */
export type Doc = Record<string, unknown>;

/** A scalar a query compares with a document member. */
export type Scalar = string | number | boolean | null;

export interface CollectionSpec {
  /** `[a-z][a-z0-9_]*`: also the table name in SQL stores. */
  readonly name: string;
  /** Members (dotted paths such as `decision.decidedOn`) that queries filter or sort on. */
  readonly indexes?: readonly string[];
  /** The text a full-text search over the collection matches, for searched collections. */
  readonly text?: (doc: Doc) => string;
}

/** Reads documents as they stand, including the changes of earlier events in the same batch. */
export interface DocReader {
  get<D extends Doc = Doc>(collection: string, key: string): D | undefined;
}

/** A document written (`doc`) or deleted (`doc: null`). */
export interface Change {
  readonly collection: string;
  readonly key: string;
  readonly doc: Doc | null;
  /**
   * The document it replaces (or deletes) held personal data now being forgotten (an erasure, docs/privacy.md): the
   * store keeps no copy of the replaced content it can avoid keeping, its full-text index included, even where that
   * costs more than an ordinary write.
   */
  readonly forget?: boolean;
}

/**
 * An event as projections are given it: as recorded, and, when it holds sealed free text (docs/privacy.md), that
 * text opened by whoever hands the event over (`opened`: JSON Pointer into `event.data` → the clear value, or
 * `[erased]` once the case's data key is destroyed). Projections that show or search the text copy it from there and
 * forget it when the case's erasure is recorded; the rest keep the sealed values.
 */
export interface ProjectedEvent extends RecordedEvent {
  readonly opened?: Readonly<Record<string, unknown>>;
}

export interface Projection {
  /** `[a-z][a-z0-9_-]*`, unique among projections. */
  readonly name: string;
  /** Bumped whenever the documents the projection makes change shape or meaning: stored models are then rebuilt. */
  readonly version: number;
  /** The collections it writes (it may read others' documents, which are applied first when listed earlier). */
  readonly collections: readonly CollectionSpec[];
  /** The documents `event` changes, given the documents as they stand. Pure and deterministic. */
  apply(recorded: ProjectedEvent, docs: DocReader): readonly Change[];
  /**
   * True when skipping an event would make the model wrong rather than incomplete (the Merkle tree: a missing
   * leaf changes every later root). An event such a projection cannot apply stops the runner instead of being
   * quarantined.
   */
  readonly critical?: boolean;
}

/**
 * The collection every store keeps beside the projections' own: the events a projection could not apply, one
 * document per event and projection (key `<position>/<projection>`), indexed by `agency`, `position` and
 * `projection`. Emptied with the rest by {@link ReadModelStore.reset}.
 */
export const QUARANTINE = 'quarantine';

/** An event one projection could not apply: that projection's documents do not reflect it. */
export interface QuarantineDoc extends Doc {
  readonly projection: string;
  readonly position: Position;
  readonly eventId: string;
  readonly stream: string;
  readonly type: string;
  /** The agency of the event's actor. */
  readonly agency: string;
  readonly recordedAt: string;
  /** Why: the error's name and message (never the event's data). */
  readonly reason: string;
}

/** The changes one projection makes for one event. */
export interface ProjectionChanges {
  readonly projection: Projection;
  readonly changes: readonly Change[];
}

/**
 * A page of a collection. `where` members equal the given value (or one of the given values); `range` bounds one
 * member inclusively; `contains` matches the searched text; results are sorted by `orderBy` (then by key) and continue after the opaque `after` cursor.
 * Every member named must be one of the collection's `indexes`. `keyPrefix` keeps the documents whose key starts
 * with it, `keyFrom` those whose key is at least it, `keyBefore` those whose key is less (without an `orderBy`,
 * they come in key order: how a projection keeps the rows of one parent in order, by what their keys start with).
 */
export interface Query {
  readonly where?: Readonly<Record<string, Scalar | readonly Scalar[]>>;
  readonly keyPrefix?: string;
  readonly keyFrom?: string;
  readonly keyBefore?: string;
  readonly range?: { readonly member: string; readonly from?: Scalar; readonly to?: Scalar };
  /**
   * Keeps the documents whose searched text (the collection's {@link CollectionSpec.text}) contains every one of
   * these strings, ignoring the case of ASCII letters: a filter, which leaves the order to `orderBy`.
   */
  readonly contains?: readonly string[];
  readonly orderBy?: string;
  readonly direction?: 'asc' | 'desc';
  readonly after?: string;
  readonly limit: number;
}

export interface Page<D> {
  readonly items: D[];
  /** The cursor of the next page, when there may be one. */
  readonly next?: string;
}

export interface SearchHit<D> {
  readonly key: string;
  readonly doc: D;
  /** Lower is closer (BM25 as SQLite FTS5 computes it). */
  readonly rank: number;
}

/** The cursor a query could not read (tampered or from another query). */
export class InvalidCursor extends Error {
  readonly code = 'invalid_cursor';
  constructor() {
    super('the cursor is not one this query returned');
    this.name = 'InvalidCursor';
  }
}

/**
 * Where read models live. Synchronous: read models are always kept in an embedded database next to the service,
 * whichever event store holds the log, because they are disposable and rebuilt from it.
 */
export interface ReadModelStore {
  /** The position of the last event whose changes are stored ({@link START} when none). */
  position(): Position;
  /** The projection versions the stored models were made by. */
  versions(): Readonly<Record<string, number>>;
  /** Empties every collection and the position, and records the versions of `projections`. */
  reset(projections: readonly Projection[]): void;
  /** Stores changes and the position of the last event they come from, atomically. */
  commit(changes: Iterable<Change>, position: Position): void;
  /**
   * Stores one event's changes projection by projection, the quarantine documents of the projections that could
   * not apply it (`failed`), and its position, atomically. A projection whose documents the store cannot keep
   * (a document it cannot serialize or index) is quarantined too, its changes left out; for a
   * {@link Projection.critical} projection that is an error instead. Any other failure of the store is thrown and
   * nothing is stored. Returns the quarantine documents stored.
   */
  commitEvent(
    recorded: RecordedEvent,
    applied: readonly ProjectionChanges[],
    failed: readonly { readonly projection: string; readonly reason: string }[],
  ): readonly QuarantineDoc[];
  get<D extends Doc = Doc>(collection: string, key: string): D | undefined;
  query<D extends Doc = Doc>(collection: string, query: Query): Page<D>;
  /** Documents whose text matches the FTS5 query `match`, closest first, filtered like {@link Query.where}. */
  search<D extends Doc = Doc>(
    collection: string,
    match: string,
    options: { readonly where?: Query['where']; readonly limit: number },
  ): SearchHit<D>[];
  /** Number of documents in a collection, or of those `where` selects (as in {@link Query.where}). */
  count(collection: string, where?: Query['where']): number;
  /** Every document of a collection with its key, in key order, after the key `after`: for comparing stores. */
  entries(
    collection: string,
    options: { readonly after?: string; readonly limit: number },
  ): { key: string; doc: Doc }[];
  close(): void;
  /**
   * Whether a read found the store damaged (then answered `ReadModelsDamaged`): it stays so until the read models
   * are made again. A store that cannot tell leaves it out.
   */
  damaged?(): boolean;
}
