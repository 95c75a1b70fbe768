import type { EventEnvelope } from '../ledger/envelope.js';

/**
 * A global-log position: strictly increasing in commit order, unique per event. `0` is "before the first
 * event". Adapters map their native positions onto it (SQLite: the row sequence).
 */
export type Position = number;
export const START: Position = 0;

/**
 * What the writer believes the stream's current revision is:
 * - `no_stream`: the stream must not exist;
 * - a number: the stream's last event must have exactly this revision;
 * - `any`: no expectation beyond the events themselves, which still carry their revisions and chain links,
 *   so the append succeeds only if they continue the stream as it is.
 */
export type ExpectedRevision = 'no_stream' | 'any' | number;

export interface AppendResult {
  readonly stream: string;
  /** The revision of the last event appended (the next expected revision for a writer). */
  readonly revision: number;
  /** The global position of the first and the last event appended. */
  readonly firstPosition: Position;
  readonly position: Position;
  /** The hash of the last event appended. */
  readonly hash: string;
}

export interface RecordedEvent {
  readonly position: Position;
  readonly event: EventEnvelope;
}

/**
 * An event as the store keeps it, not parsed: its envelope's JSON text and its stream. For a consumer that hands
 * most events on, or looks at few of them, and parses only those it uses (where it uses them).
 */
export interface StoredEvent {
  readonly position: Position;
  readonly stream: string;
  readonly json: string;
}

/**
 * An event as the store files it, for an audit (`ledger check`): the stream and revision its own index files it
 * under, which must be the envelope's, and the envelope's text as stored, not parsed (it may be anything, and the
 * audit says what).
 */
export interface IndexedEvent {
  readonly position: Position;
  readonly stream: string;
  readonly revision: number;
  /** The event's hash as the index keeps it, where it keeps one (the embedded store answers retries with it). */
  readonly hash?: string;
  readonly json: string;
}

export interface ReadStreamOptions {
  /** First revision to return (forward) or the highest (backward). Default: start or end of the stream. */
  readonly fromRevision?: number;
  readonly direction?: 'forward' | 'backward';
  readonly limit?: number;
}

/** A stream's events from a revision on (forward), as one of several read together. */
export interface StreamRead {
  readonly stream: string;
  readonly fromRevision: number;
}

export interface ReadAllOptions {
  /** Return events after this position (exclusive). Default {@link START}. */
  readonly after?: Position;
  readonly limit?: number;
}

/** A read of the events of some agencies' streams (named `<category>-<agency>:<id>`, `src/ledger/streams.ts`). */
export interface AgencyReadOptions {
  /** The agencies whose streams are read; an event of any other stream (and of streams of no agency) is left out. */
  readonly agencies: readonly string[];
  /** Return events after this position (exclusive). Default {@link START}. */
  readonly after?: Position;
  /** Only events of these types; all types when absent. */
  readonly types?: readonly string[];
  readonly limit: number;
}

export interface SubscribeOptions {
  /** Deliver events after this position (exclusive). Default {@link START}. */
  readonly after?: Position;
  /** Most events per delivered batch. */
  readonly batchSize?: number;
  /** Ends the subscription. */
  readonly signal?: AbortSignal;
}

/**
 * Subscription messages: batches of events in global order, and a `caughtUp` mark each time the
 * subscription has delivered everything committed so far and starts waiting for live events.
 */
export type SubscriptionMessage<E = RecordedEvent> =
  | { readonly type: 'events'; readonly events: readonly E[] }
  | { readonly type: 'caughtUp'; readonly position: Position };

/** The head a store records for a stream apart from its events (the embedded store's compare-and-set row). */
export interface StoredStreamHead {
  readonly stream: string;
  readonly revision: number;
  readonly hash: string;
}

/**
 * The event store the application needs. Appends are atomic and durable when the promise resolves.
 *
 * Errors: `RevisionConflict` when the stream is not at the expected revision; `DuplicateEventId` when an
 * event id is stored with different content; an append whose first event id is already stored with the
 * same content is a no-op that returns the original result (a retried append after an ambiguous failure).
 */
export interface EventStore {
  append(stream: string, events: readonly EventEnvelope[], expected: ExpectedRevision): Promise<AppendResult>;
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /**
   * Several streams' events, each from its revision on, in one call (for stores that can: the embedded store reads
   * them in one statement, from one snapshot); the answer lists each read's events in the order of `reads`. Where a
   * store omits it, `readTogether` (`src/app/read-ahead.ts`) reads the streams one by one.
   */
  readStreams?(reads: readonly StreamRead[]): Promise<RecordedEvent[][]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * {@link readAll}, each event as its stored text ({@link StoredEvent}), for stores that keep it as text (the
   * embedded one): a rebuild hands that text to the threads that apply it, which parse it there.
   */
  readAllStored?(options?: ReadAllOptions): Promise<StoredEvent[]>;
  /**
   * The newest `limit` events of the log, newest first: a bounded look back from the head (the data-key check at
   * start-up), at the cost of those events whatever the size of the log. Stores that cannot read backwards omit it.
   */
  readRecent?(limit: number): Promise<RecordedEvent[]>;
  /**
   * The events of some agencies' streams after a position, in global order, at most `limit`: through an index (or
   * a server-side filter), so that the cost follows the agencies' own events, never the size of the whole log.
   */
  readAgencies(options: AgencyReadOptions): Promise<RecordedEvent[]>;
  /** Catch-up then live delivery of the global log. */
  subscribe(options?: SubscribeOptions): AsyncIterable<SubscriptionMessage>;
  /**
   * {@link subscribe}, each event delivered as its stored text ({@link StoredEvent}) rather than parsed, for stores
   * that keep it as text (the embedded one). The projection runner hands that text to its thread, which parses it;
   * where a store omits this, consumers use `subscribe`.
   */
  subscribeStored?(options?: SubscribeOptions): AsyncIterable<SubscriptionMessage<StoredEvent>>;
  /**
   * For stores that index events by stream and revision apart from the envelope (the embedded one's columns): the
   * global log after a position as {@link IndexedEvent}s, at most `limit`, for `ledger check` to compare the index
   * with the envelopes and to name an envelope that cannot be read. Stores whose index is the envelope omit it.
   */
  readAllIndexed?(options?: ReadAllOptions): Promise<IndexedEvent[]>;
  /** The position of the last committed event ({@link START} when empty). */
  headPosition(): Promise<Position>;
  /**
   * For stores that keep each stream's head apart from its events: those heads, in stream-name order, after the
   * stream `after`. `ledger check` compares them with the events. Stores whose head is their last event omit it.
   */
  streamHeads?(options?: { readonly after?: string; readonly limit?: number }): Promise<StoredStreamHead[]>;
  /** Checks the store answers; throws when it does not. */
  ping(): Promise<void>;
  /** Finishes in-flight appends, ends subscriptions, releases resources. Later appends are refused. */
  close(): Promise<void>;
}
