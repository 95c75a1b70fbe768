import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { IntegrityFault, InvalidAppend, StoreUnavailable } from '../../errors.js';
import { GENESIS_PREV } from '../../ledger/hash.js';
import type { EventEnvelope } from '../../ledger/envelope.js';
import {
  START,
  type AgencyReadOptions,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type IndexedEvent,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type StoredEvent,
  type StoredStreamHead,
  type StreamRead,
  type SubscriptionMessage,
} from '../../ports/event-store.js';
import { agencyStream } from '../../ledger/streams.js';
import { createPrivateFile } from './private-file.js';
import { configure, migrate } from './schema.js';
import { SqliteWriter, toError, type WireAppend, type WireOutcome } from './writer.js';

export interface SqliteEventStoreOptions {
  /** Database file, or `:memory:` for a throw-away store (which implies the inline writer). */
  readonly path: string;
  /**
   * Where commits run: `thread` (default) on a worker thread, so that a commit and its fsync overlap with the
   * signing and request handling of the main thread; `inline` on the main thread.
   */
  readonly writer?: 'thread' | 'inline';
  /** A busy writer is sent queued appends at the end of each tick, or as soon as this many wait. Default 32. */
  readonly eagerBatch?: number;
  /** Subscriptions also look for commits by other processes this often. Default 500 ms. */
  readonly pollIntervalMs?: number;
  /** How long to wait for another connection's write lock. Default 5000 ms. */
  readonly busyTimeoutMs?: number;
  /** With the thread writer: how often the checkpoint thread copies the log into the database. Default 250 ms. */
  readonly checkpointIntervalMs?: number;
  /**
   * With the thread writer: the checkpoint thread starts once the write-ahead log may hold this many bytes (the
   * log file's size at open plus the events appended since), so that a store that is opened, read or barely
   * written pays for no third thread. Default 4 MiB (SQLite's own default checkpoint size: 1,000 pages).
   */
  readonly checkpointAfterBytes?: number;
}

/** {@link SqliteEventStoreOptions.checkpointAfterBytes}'s default. */
export const CHECKPOINT_AFTER_BYTES = 4 * 1024 * 1024;

interface PendingAppend {
  readonly wire: WireAppend;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

/** One agency's events after a position, of some types (a JSON array) or all (NULL), through `events_by_agency`. */
export const AGENCY_READ = `SELECT position, envelope FROM events WHERE agency = @agency AND position > @after
  AND (@types IS NULL OR json_extract(envelope, '$.type') IN (SELECT value FROM json_each(@types)))
  ORDER BY position LIMIT @limit`;

interface AgencyRow {
  agency: string;
  after: number;
  types: string | null;
  limit: number;
}

interface EnvelopeRow {
  position: number;
  envelope: string;
}

interface StoredRow extends EnvelopeRow {
  stream: string;
}

/** The most streams one statement of `readStreams` reads; more are read in several. */
const STREAMS_PER_READ = 8;

/**
 * The embedded event store: one SQLite file in WAL mode with `synchronous=FULL`, so an append is on disk
 * before its promise resolves. Appends queued while a commit runs are committed together (group commit) by
 * the {@link SqliteWriter}; reads and subscriptions use this thread's own connection.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly eagerBatch: number;
  private readonly pollIntervalMs: number;
  private readonly stmt;
  /** `readStreams`' statements by the number of streams they read. */
  private readonly together = new Map<number, Database.Statement<unknown[], EnvelopeRow & { i: number }>>();
  private readonly worker: Worker | undefined;
  /** Started once the log may hold {@link SqliteEventStoreOptions.checkpointAfterBytes}; see {@link logGrew}. */
  private checkpointer: Worker | undefined;
  private readonly checkpointing: { readonly path: string; readonly intervalMs: number; bytesLeft: number };
  private readonly inline: SqliteWriter | undefined;
  private readonly threadsExited: Promise<void>[] = [];
  private queue: PendingAppend[] = [];
  private readonly inFlight = new Map<number, PendingAppend>();
  private seq = 0;
  private scheduled = false;
  private closing: Promise<void> | undefined;
  private closed = false;
  private failure: Error | undefined;
  private readonly waiters = new Set<() => void>();
  private readonly drained: (() => void)[] = [];
  private readonly counters = { commits: 0, appends: 0 };

  constructor(options: SqliteEventStoreOptions) {
    const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
    this.eagerBatch = options.eagerBatch ?? 32;
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    createPrivateFile(options.path);
    this.db = new Database(options.path, { timeout: busyTimeoutMs });
    try {
      configure(this.db);
      migrate(this.db);
    } catch (err) {
      // a file this version cannot open (a newer layout) is let go, not held until the process ends
      this.db.close();
      throw err;
    }
    this.stmt = {
      forward: this.db.prepare<[string, number, number], EnvelopeRow>(
        'SELECT position, envelope FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?',
      ),
      backward: this.db.prepare<[string, number, number], EnvelopeRow>(
        'SELECT position, envelope FROM events WHERE stream = ? AND revision <= ? ORDER BY revision DESC LIMIT ?',
      ),
      all: this.db.prepare<[number, number], EnvelopeRow>(
        'SELECT position, envelope FROM events WHERE position > ? ORDER BY position LIMIT ?',
      ),
      recent: this.db.prepare<[number], EnvelopeRow>(
        'SELECT position, envelope FROM events ORDER BY position DESC LIMIT ?',
      ),
      indexed: this.db.prepare<[number, number], IndexedEvent>(
        'SELECT position, stream, revision, hash, envelope AS json FROM events WHERE position > ? ORDER BY position LIMIT ?',
      ),
      stored: this.db.prepare<[number, number], StoredRow>(
        'SELECT position, stream, envelope FROM events WHERE position > ? ORDER BY position LIMIT ?',
      ),
      agency: this.db.prepare<[AgencyRow], EnvelopeRow>(AGENCY_READ),
      headPosition: this.db.prepare<[], { p: number | null }>('SELECT max(position) AS p FROM events'),
      heads: this.db.prepare<[string, number], StoredStreamHead>(
        'SELECT stream, revision, hash FROM streams WHERE stream > ? ORDER BY stream LIMIT ?',
      ),
      ping: this.db.prepare('SELECT 1'),
    };

    this.checkpointing = {
      path: options.path,
      intervalMs: options.checkpointIntervalMs ?? 250,
      bytesLeft: (options.checkpointAfterBytes ?? CHECKPOINT_AFTER_BYTES) - walBytes(options.path),
    };
    if (options.writer === 'inline' || options.path === ':memory:') {
      this.inline = new SqliteWriter(options.path, busyTimeoutMs, { db: this.db });
      return;
    }
    this.worker = this.watch(startThread('writer-worker', { path: options.path, busyTimeoutMs }));
    this.worker.on('message', (message: { type: 'outcomes'; outcomes: WireOutcome[] }) =>
      this.settle(message.outcomes),
    );
    this.logGrew(0);
  }

  /** Whether the checkpoint thread runs (it starts once the log may have grown past its threshold). */
  get checkpointThreadStarted(): boolean {
    return this.checkpointer !== undefined;
  }

  /** A store thread's failure, or its stop before the store's, fails the store. */
  private watch(thread: Worker): Worker {
    this.threadsExited.push(
      new Promise<void>((resolve) => {
        thread.on('error', (err) => this.fail(new StoreUnavailable(`a store thread failed: ${err.message}`)));
        thread.once('exit', () => {
          if (!this.closing) this.fail(new StoreUnavailable('a store thread stopped'));
          resolve();
        });
      }),
    );
    return thread;
  }

  /**
   * `bytes` more were sent to the writer: once the write-ahead log may hold the threshold, the checkpoint thread
   * starts (the writer itself checkpoints only past `WRITER_CHECKPOINT_PAGES`, a bound for a thread behind).
   */
  private logGrew(bytes: number): void {
    if (this.checkpointer || !this.worker) return;
    this.checkpointing.bytesLeft -= bytes;
    if (this.checkpointing.bytesLeft > 0) return;
    const { path: file, intervalMs } = this.checkpointing;
    this.checkpointer = this.watch(startThread('checkpointer-worker', { path: file, intervalMs }));
  }

  append(stream: string, events: readonly EventEnvelope[], expected: ExpectedRevision): Promise<AppendResult> {
    if (this.closing || this.failure) {
      return Promise.reject(this.failure ?? new StoreUnavailable('the event store is closed'));
    }
    let wire: WireAppend;
    try {
      checkContinuation(stream, events, expected);
      wire = {
        seq: ++this.seq,
        stream,
        expected,
        events: events.map((e) => ({
          id: e.id,
          revision: e.revision,
          hash: e.hash,
          prev: e.prev,
          json: JSON.stringify(e),
        })),
      };
    } catch (err) {
      return Promise.reject(err);
    }
    if (!this.checkpointer) this.logGrew(wire.events.reduce((sum, e) => sum + e.json.length, 0));
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ wire, resolve, reject });
      // an idle writer gets the append at once; a busy one gets a group at the end of the tick, or earlier
      // once `eagerBatch` are waiting, so that a commit overlaps with the sealing of the next appends
      if (this.worker && (this.inFlight.size === 0 || this.queue.length >= this.eagerBatch)) this.dispatch();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(this.dispatch);
      }
    });
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const limit = options.limit ?? -1;
    const rows =
      options.direction === 'backward'
        ? this.stmt.backward.all(stream, options.fromRevision ?? Number.MAX_SAFE_INTEGER, limit)
        : this.stmt.forward.all(stream, options.fromRevision ?? 0, limit);
    return rows.map(toRecorded);
  }

  /**
   * One statement (a `UNION ALL` of the streams' index reads, so one read transaction and one look at the log) per
   * {@link STREAMS_PER_READ} streams: an act reads its case and the registry entries it depends on for the price of
   * about one read.
   */
  async readStreams(reads: readonly StreamRead[]): Promise<RecordedEvent[][]> {
    this.assertOpen();
    const out: RecordedEvent[][] = reads.map(() => []);
    for (let start = 0; start < reads.length; start += STREAMS_PER_READ) {
      const part = reads.slice(start, start + STREAMS_PER_READ);
      const rows = this.statementFor(part.length).all(...part.flatMap((r) => [r.stream, r.fromRevision]));
      // each arm reads its stream in revision order (its index); the order of the rows across arms is SQLite's
      rows.sort((a, b) => a.i - b.i || a.position - b.position);
      for (const row of rows) out[start + row.i]!.push(toRecorded(row));
    }
    return out;
  }

  private statementFor(count: number): Database.Statement<unknown[], EnvelopeRow & { i: number }> {
    let statement = this.together.get(count);
    if (!statement) {
      const arms = Array.from(
        { length: count },
        (_, i) => `SELECT ${i} AS i, position, envelope FROM events WHERE stream = ? AND revision >= ?`,
      );
      statement = this.db.prepare<unknown[], EnvelopeRow & { i: number }>(arms.join(' UNION ALL '));
      this.together.set(count, statement);
    }
    return statement;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    return this.stmt.all.all(options.after ?? START, options.limit ?? -1).map(toRecorded);
  }

  async readAllStored(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    return this.stmt.stored
      .all(options.after ?? START, options.limit ?? -1)
      .map((row) => ({ position: row.position, stream: row.stream, json: row.envelope }));
  }

  async readAllIndexed(options: ReadAllOptions = {}): Promise<IndexedEvent[]> {
    this.assertOpen();
    return this.stmt.indexed.all(options.after ?? START, options.limit ?? -1);
  }

  async readRecent(limit: number): Promise<RecordedEvent[]> {
    this.assertOpen();
    return limit <= 0 ? [] : this.stmt.recent.all(limit).map(toRecorded);
  }

  /**
   * One indexed read per agency (`events_by_agency`), each of at most `limit` events, merged in position order: the
   * cost is that of the agencies' events after `after` (with `types`, of those examined until `limit` match).
   */
  async readAgencies(options: AgencyReadOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    const after = options.after ?? START;
    const types = options.types === undefined ? null : JSON.stringify(options.types);
    const rows = [...new Set(options.agencies)].flatMap((agency) =>
      this.stmt.agency.all({ agency: agencyPart(agency), after, types, limit: options.limit }),
    );
    return rows
      .sort((a, b) => a.position - b.position)
      .slice(0, Math.max(0, options.limit))
      .map(toRecorded);
  }

  subscribe(options: SubscribeOptions = {}): AsyncIterable<SubscriptionMessage> {
    return this.follow(options, (after, limit) => this.stmt.all.all(after, limit).map(toRecorded));
  }

  /** {@link subscribe} without parsing: each event's stored JSON text, as the projection runner hands it on. */
  subscribeStored(options: SubscribeOptions = {}): AsyncIterable<SubscriptionMessage<StoredEvent>> {
    return this.follow(options, (after, limit) =>
      this.stmt.stored
        .all(after, limit)
        .map((row) => ({ position: row.position, stream: row.stream, json: row.envelope })),
    );
  }

  /** Reads pages after the position with `read`, then waits for the next commit (or the poll interval). */
  private async *follow<E extends { readonly position: Position }>(
    options: SubscribeOptions,
    read: (after: Position, limit: number) => E[],
  ): AsyncIterable<SubscriptionMessage<E>> {
    const batchSize = options.batchSize ?? 500;
    const signal = options.signal;
    let position = options.after ?? START;
    let live = false;
    while (!this.closed && !signal?.aborted) {
      const events = read(position, batchSize);
      if (events.length > 0) {
        position = events[events.length - 1]!.position;
        live = false;
        yield { type: 'events', events };
        continue;
      }
      if (!live) {
        live = true;
        yield { type: 'caughtUp', position };
        continue; // read again: commits may have landed while the consumer held the message
      }
      await this.nextCommit(signal);
    }
  }

  async headPosition(): Promise<Position> {
    this.assertOpen();
    return this.stmt.headPosition.get()?.p ?? START;
  }

  async streamHeads(options: { readonly after?: string; readonly limit?: number } = {}): Promise<StoredStreamHead[]> {
    this.assertOpen();
    return this.stmt.heads.all(options.after ?? '', options.limit ?? -1);
  }

  async ping(): Promise<void> {
    this.assertOpen();
    if (this.failure) throw this.failure;
    this.stmt.ping.get();
  }

  /** Durable commits so far and the appends they carried: appends / commits is the group-commit factor. */
  get stats(): { readonly commits: number; readonly appends: number } {
    return { ...this.counters };
  }

  close(): Promise<void> {
    return (this.closing ??= this.shutDown());
  }

  private async shutDown(): Promise<void> {
    if (this.queue.length > 0 || this.inFlight.size > 0 || this.scheduled) {
      await new Promise<void>((resolve) => this.drained.push(resolve));
    }
    if (this.worker) {
      this.worker.postMessage({ type: 'close' });
      this.checkpointer?.postMessage({ type: 'close' });
      await Promise.all(this.threadsExited);
    }
    this.closed = true;
    this.wake();
    this.db.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreUnavailable('the event store is closed');
  }

  /** Hands every queued append to the writer. */
  private readonly dispatch = (): void => {
    this.scheduled = false;
    if (this.queue.length === 0) return;
    const batch = this.queue;
    this.queue = [];
    for (const pending of batch) this.inFlight.set(pending.wire.seq, pending);
    const appends = batch.map((p) => p.wire);
    if (this.worker) this.worker.postMessage({ type: 'append', appends });
    else this.settle(this.inline!.commit(appends));
  };

  private settle(outcomes: readonly WireOutcome[]): void {
    this.counters.commits += 1;
    this.counters.appends += outcomes.length;
    let committed = false;
    for (const outcome of outcomes) {
      const pending = this.inFlight.get(outcome.seq);
      if (!pending) continue;
      this.inFlight.delete(outcome.seq);
      if (outcome.ok) {
        committed = true;
        pending.resolve(outcome.result);
      } else pending.reject(toError(outcome.error));
    }
    if (committed) this.wake();
    this.checkDrained();
  }

  /** The writer is gone: everything not yet acknowledged is refused, and so is everything after. */
  private fail(error: Error): void {
    this.failure ??= error;
    for (const pending of [...this.inFlight.values(), ...this.queue]) pending.reject(error);
    this.inFlight.clear();
    this.queue = [];
    this.checkDrained();
  }

  private checkDrained(): void {
    if (this.queue.length === 0 && this.inFlight.size === 0 && !this.scheduled) {
      for (const resolve of this.drained.splice(0)) resolve();
    }
  }

  private nextCommit(signal: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, this.pollIntervalMs);
      signal?.addEventListener('abort', done, { once: true });
      this.waiters.add(done);
    });
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}

/** The size of the database's write-ahead log file (0 when there is none). */
function walBytes(file: string): number {
  if (file === ':memory:') return 0;
  try {
    return fs.statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
}

/**
 * Starts one of the store's threads, the module `name` beside this one: `.ts` when this module runs from the sources
 * (the bootstrap then gives the thread the TypeScript loader), `.js` when it runs compiled in dist/.
 */
function startThread(name: string, data: Record<string, unknown>): Worker {
  return new Worker(new URL('../../thread-bootstrap.mjs', import.meta.url), {
    workerData: { ...data, entry: new URL(`./${name}${path.extname(import.meta.url)}`, import.meta.url).href },
  });
}

/** Refuses, before anything is queued, events that cannot be the continuation they claim to be. */
function checkContinuation(stream: string, events: readonly EventEnvelope[], expected: ExpectedRevision): void {
  const first = events[0];
  if (!first) throw new InvalidAppend('an append needs at least one event');
  if (expected === 'no_stream' && first.revision !== 0) {
    throw new InvalidAppend(`no_stream append must start at revision 0, not ${first.revision}`);
  }
  if (typeof expected === 'number' && first.revision !== expected + 1) {
    throw new InvalidAppend(`expected revision ${expected} but the first event has revision ${first.revision}`);
  }
  if (first.revision === 0 && first.prev !== GENESIS_PREV) {
    throw new InvalidAppend('the first event of a stream must have prev = 64 zeros');
  }
  const ids = new Set<string>();
  events.forEach((event, i) => {
    if (event.stream !== stream) throw new InvalidAppend(`event ${event.id} belongs to stream ${event.stream}`);
    if (ids.has(event.id)) throw new InvalidAppend(`event id ${event.id} appears twice in one append`);
    ids.add(event.id);
    const before = events[i - 1];
    if (before && (event.revision !== before.revision + 1 || event.prev !== before.hash)) {
      throw new InvalidAppend(`event ${event.id} does not continue the event before it`);
    }
  });
}

/** An agency as its streams' names write it (escaped), as the `agency` column holds it. */
function agencyPart(agency: string): string {
  const name = agencyStream('x', agency, '');
  return name.slice(2, -1);
}

/**
 * The stored event, parsed. An envelope that is not a JSON object (a damaged file) is an {@link IntegrityFault}
 * naming its position, never a bare error of whatever reads a member of it first.
 */
function toRecorded(row: EnvelopeRow): RecordedEvent {
  let event: unknown;
  try {
    event = JSON.parse(row.envelope);
  } catch {
    throw unreadable(row.position, 'is not JSON');
  }
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    throw unreadable(row.position, 'is not a JSON object');
  }
  return { position: row.position, event: event as EventEnvelope };
}

function unreadable(position: number, what: string): IntegrityFault {
  return new IntegrityFault(
    `the event stored at position ${position} ${what}: the store is damaged (run \`ledger check\` to see all it finds)`,
  );
}
