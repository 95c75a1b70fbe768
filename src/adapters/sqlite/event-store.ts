import Database from 'better-sqlite3';
import { DuplicateEventId, InvalidAppend, RevisionConflict, StoreUnavailable } from '../../errors.js';
import { GENESIS_PREV } from '../../ledger/hash.js';
import type { EventEnvelope } from '../../ledger/envelope.js';
import {
  START,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type SubscriptionMessage,
} from '../../ports/event-store.js';
import { EVENT_STORE_DDL, EVENT_STORE_LAYOUT_VERSION } from './schema.js';

export interface SqliteEventStoreOptions {
  /** Database file, or `:memory:` for a throw-away store. */
  readonly path: string;
  /** Most appends committed in one transaction (group commit). Default 512. */
  readonly maxBatch?: number;
  /** Subscriptions also look for commits by other processes this often. Default 500 ms. */
  readonly pollIntervalMs?: number;
  /** How long to wait for another process's write lock. Default 5000 ms. */
  readonly busyTimeoutMs?: number;
}

interface PendingAppend {
  readonly stream: string;
  readonly events: readonly EventEnvelope[];
  readonly expected: ExpectedRevision;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

interface EventRow {
  position: number;
  stream: string;
  revision: number;
  hash: string;
}

interface EnvelopeRow {
  position: number;
  envelope: string;
}

/**
 * The embedded event store: one SQLite file in WAL mode with `synchronous=FULL`, so an append is on disk
 * before its promise resolves. Appends that arrive while a commit is pending are committed together in one
 * transaction (group commit), each inside its own savepoint so one failing append does not fail the others.
 * A stream's expected revision is enforced by a compare-and-set on its head row and by the unique
 * (stream, revision) constraint, inside the write transaction: never by a read followed by a write.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly maxBatch: number;
  private readonly pollIntervalMs: number;
  private readonly stmt;
  private queue: PendingAppend[] = [];
  private scheduled = false;
  private closed = false;
  private waiters = new Set<() => void>();
  private drained: (() => void)[] = [];
  private counters = { commits: 0, appends: 0 };

  constructor(options: SqliteEventStoreOptions) {
    this.maxBatch = options.maxBatch ?? 512;
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.db = new Database(options.path, { timeout: options.busyTimeoutMs ?? 5000 });
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('cache_size = -65536');
    migrate(this.db);
    this.stmt = {
      begin: this.db.prepare('BEGIN IMMEDIATE'),
      commit: this.db.prepare('COMMIT'),
      rollback: this.db.prepare('ROLLBACK'),
      savepoint: this.db.prepare('SAVEPOINT append'),
      release: this.db.prepare('RELEASE append'),
      rollbackTo: this.db.prepare('ROLLBACK TO append'),
      byId: this.db.prepare<[string], EventRow>('SELECT position, stream, revision, hash FROM events WHERE id = ?'),
      head: this.db.prepare<[string], { revision: number; hash: string }>(
        'SELECT revision, hash FROM streams WHERE stream = ?',
      ),
      createStream: this.db.prepare('INSERT INTO streams (stream, revision, hash) VALUES (?, ?, ?)'),
      advanceStream: this.db.prepare(
        'UPDATE streams SET revision = ?, hash = ? WHERE stream = ? AND revision = ? AND hash = ?',
      ),
      insert: this.db.prepare('INSERT INTO events (id, stream, revision, hash, envelope) VALUES (?, ?, ?, ?, ?)'),
      forward: this.db.prepare<[string, number, number], EnvelopeRow>(
        'SELECT position, envelope FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?',
      ),
      backward: this.db.prepare<[string, number, number], EnvelopeRow>(
        'SELECT position, envelope FROM events WHERE stream = ? AND revision <= ? ORDER BY revision DESC LIMIT ?',
      ),
      all: this.db.prepare<[number, number], EnvelopeRow>(
        'SELECT position, envelope FROM events WHERE position > ? ORDER BY position LIMIT ?',
      ),
      headPosition: this.db.prepare<[], { p: number | null }>('SELECT max(position) AS p FROM events'),
    };
  }

  append(stream: string, events: readonly EventEnvelope[], expected: ExpectedRevision): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new StoreUnavailable('the event store is closed'));
    try {
      checkContinuation(stream, events, expected);
    } catch (err) {
      return Promise.reject(err);
    }
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ stream, events, expected, resolve, reject });
      this.schedule();
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

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    return this.stmt.all.all(options.after ?? START, options.limit ?? -1).map(toRecorded);
  }

  async *subscribe(options: SubscribeOptions = {}): AsyncIterable<SubscriptionMessage> {
    const batchSize = options.batchSize ?? 500;
    const signal = options.signal;
    let position = options.after ?? START;
    let live = false;
    while (!this.closed && !signal?.aborted) {
      const rows = this.stmt.all.all(position, batchSize);
      if (rows.length > 0) {
        const events = rows.map(toRecorded);
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

  async ping(): Promise<void> {
    this.assertOpen();
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    if (this.queue.length > 0 || this.scheduled) {
      await new Promise<void>((resolve) => this.drained.push(resolve));
    }
    this.closed = true;
    this.wake();
    this.db.close();
  }

  /** Durable commits so far and the appends they carried: appends / commits is the group-commit factor. */
  get stats(): { readonly commits: number; readonly appends: number } {
    return { ...this.counters };
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreUnavailable('the event store is closed');
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.flush);
  }

  /** Commits up to `maxBatch` queued appends in one durable transaction, then settles their promises. */
  private readonly flush = (): void => {
    this.scheduled = false;
    const batch = this.queue.length <= this.maxBatch ? this.queue : this.queue.slice(0, this.maxBatch);
    this.queue = batch === this.queue ? [] : this.queue.slice(this.maxBatch);
    const outcomes: (AppendResult | Error)[] = [];
    try {
      this.stmt.begin.run();
      for (const pending of batch) {
        this.stmt.savepoint.run();
        try {
          outcomes.push(this.apply(pending));
          this.stmt.release.run();
        } catch (err) {
          this.stmt.rollbackTo.run();
          this.stmt.release.run();
          outcomes.push(this.translate(err, pending));
        }
      }
      this.stmt.commit.run();
      this.counters.commits += 1;
      this.counters.appends += batch.length;
    } catch (err) {
      if (this.db.inTransaction) this.stmt.rollback.run();
      const failure = new StoreUnavailable(`commit failed: ${(err as Error).message}`);
      for (const pending of batch) pending.reject(failure);
      this.afterFlush();
      return;
    }
    let committed = false;
    batch.forEach((pending, i) => {
      const outcome = outcomes[i]!;
      if (outcome instanceof Error) pending.reject(outcome);
      else {
        committed = true;
        pending.resolve(outcome);
      }
    });
    if (committed) this.wake();
    this.afterFlush();
  };

  private afterFlush(): void {
    if (this.queue.length > 0) this.schedule();
    else for (const resolve of this.drained.splice(0)) resolve();
  }

  private apply({ stream, events, expected }: PendingAppend): AppendResult {
    const first = events[0]!;
    const last = events[events.length - 1]!;
    const stored = this.stmt.byId.get(first.id);
    if (stored) return this.replayed(stream, events);

    if (first.revision === 0) {
      const head = this.stmt.head.get(stream);
      if (head) throw new RevisionConflict(stream, describe(expected, first), head.revision);
      this.stmt.createStream.run(stream, last.revision, last.hash);
    } else {
      const moved = this.stmt.advanceStream.run(last.revision, last.hash, stream, first.revision - 1, first.prev);
      if (moved.changes === 0) {
        const head = this.stmt.head.get(stream);
        if (head?.revision === first.revision - 1) {
          throw new InvalidAppend(
            `stream ${stream}: prev of revision ${first.revision} is not the hash of its predecessor`,
          );
        }
        throw new RevisionConflict(stream, describe(expected, first), head?.revision ?? null);
      }
    }
    let firstPosition = 0;
    let position = 0;
    for (const event of events) {
      const info = this.stmt.insert.run(event.id, stream, event.revision, event.hash, JSON.stringify(event));
      position = Number(info.lastInsertRowid);
      if (firstPosition === 0) firstPosition = position;
    }
    return { stream, revision: last.revision, firstPosition, position, hash: last.hash };
  }

  /** The original result of an append whose events are all stored already with the same content. */
  private replayed(stream: string, events: readonly EventEnvelope[]): AppendResult {
    const rows = events.map((event) => {
      const row = this.stmt.byId.get(event.id);
      if (!row || row.hash !== event.hash || row.stream !== stream || row.revision !== event.revision) {
        throw new DuplicateEventId(event.id);
      }
      return row;
    });
    const last = rows[rows.length - 1]!;
    return {
      stream,
      revision: last.revision,
      firstPosition: rows[0]!.position,
      position: last.position,
      hash: last.hash,
    };
  }

  /** Maps a constraint violation to the store-neutral error; the savepoint has been rolled back already. */
  private translate(err: unknown, pending: PendingAppend): Error {
    const code = (err as { code?: unknown }).code;
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
      if ((err as Error).message.includes('events.id')) {
        const taken = pending.events.find((e) => this.stmt.byId.get(e.id) !== undefined);
        return new DuplicateEventId(taken?.id ?? pending.events[0]!.id);
      }
      const head = this.stmt.head.get(pending.stream);
      return new RevisionConflict(pending.stream, String(pending.expected), head?.revision ?? null);
    }
    return err instanceof Error ? err : new Error(String(err));
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

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > EVENT_STORE_LAYOUT_VERSION) {
    throw new Error(`event store layout ${version} is newer than this version of the service understands`);
  }
  if (version < EVENT_STORE_LAYOUT_VERSION) {
    db.exec(EVENT_STORE_DDL);
    db.pragma(`user_version = ${EVENT_STORE_LAYOUT_VERSION}`);
  }
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

function describe(expected: ExpectedRevision, first: EventEnvelope): string {
  if (expected === 'any') return `any (events continue revision ${first.revision - 1})`;
  return String(expected);
}

function toRecorded(row: EnvelopeRow): RecordedEvent {
  return { position: row.position, event: JSON.parse(row.envelope) as EventEnvelope };
}
