import Database from 'better-sqlite3';
import { DuplicateEventId, IntegrityFault, InvalidAppend, RevisionConflict, StoreUnavailable } from '../../errors.js';
import type { AppendResult, ExpectedRevision } from '../../ports/event-store.js';
import { configure, migrate } from './schema.js';

/** One append as it travels to the writer: the envelope already serialised, its chain fields alongside. */
export interface WireAppend {
  readonly seq: number;
  readonly stream: string;
  readonly expected: ExpectedRevision;
  readonly events: readonly WireEvent[];
}

export interface WireEvent {
  readonly id: string;
  readonly revision: number;
  readonly hash: string;
  readonly prev: string;
  readonly json: string;
}

export type WireError =
  | {
      readonly kind: 'revision_conflict';
      readonly stream: string;
      readonly expected: string | number;
      readonly actual: number | null;
    }
  | { readonly kind: 'duplicate_event_id'; readonly eventId: string }
  | { readonly kind: 'invalid_append'; readonly message: string }
  | { readonly kind: 'integrity_fault'; readonly message: string; readonly stream: string }
  | { readonly kind: 'unavailable'; readonly message: string };

export type WireOutcome =
  | { readonly seq: number; readonly ok: true; readonly result: AppendResult }
  | { readonly seq: number; readonly ok: false; readonly error: WireError };

export function toError(error: WireError): Error {
  switch (error.kind) {
    case 'revision_conflict':
      return new RevisionConflict(error.stream, error.expected, error.actual);
    case 'duplicate_event_id':
      return new DuplicateEventId(error.eventId);
    case 'invalid_append':
      return new InvalidAppend(error.message);
    case 'integrity_fault':
      return new IntegrityFault(error.message, { stream: error.stream });
    case 'unavailable':
      return new StoreUnavailable(error.message);
  }
}

interface EventRow {
  position: number;
  stream: string;
  revision: number;
  hash: string;
}

/**
 * The write side of the embedded store. {@link commit} writes a group of appends in one durable transaction,
 * each inside its own savepoint so that one refused append does not refuse the others. A stream's expected
 * revision is enforced by a compare-and-set on its head row and the unique (stream, revision) constraint,
 * inside the write transaction: never by a read followed by a write. Runs in a worker thread or inline.
 */
export class SqliteWriter {
  private readonly db: Database.Database;
  private readonly stmt;

  /**
   * @param checkpointPages the write-ahead log size (pages) at which a commit also checkpoints; raise it when a
   *   checkpoint thread does that work. Without it, SQLite's default applies.
   */
  constructor(path: string, busyTimeoutMs: number, options: { db?: Database.Database; checkpointPages?: number } = {}) {
    this.db = options.db ?? new Database(path, { timeout: busyTimeoutMs });
    if (!options.db) {
      configure(this.db);
      migrate(this.db);
    }
    if (options.checkpointPages !== undefined) this.db.pragma(`wal_autocheckpoint = ${options.checkpointPages}`);
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
      lastEvent: this.db.prepare<[string], { revision: number; hash: string }>(
        'SELECT revision, hash FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1',
      ),
      createStream: this.db.prepare('INSERT INTO streams (stream, revision, hash) VALUES (?, ?, ?)'),
      advanceStream: this.db.prepare(
        'UPDATE streams SET revision = ?, hash = ? WHERE stream = ? AND revision = ? AND hash = ?',
      ),
      insert: this.db.prepare('INSERT INTO events (id, stream, revision, hash, envelope) VALUES (?, ?, ?, ?, ?)'),
    };
  }

  /** Commits the group; returns one outcome per append, in order. A failed commit fails every append. */
  commit(appends: readonly WireAppend[]): WireOutcome[] {
    const outcomes: WireOutcome[] = [];
    try {
      this.stmt.begin.run();
      for (const append of appends) {
        this.stmt.savepoint.run();
        try {
          outcomes.push({ seq: append.seq, ok: true, result: this.apply(append) });
          this.stmt.release.run();
        } catch (err) {
          this.stmt.rollbackTo.run();
          this.stmt.release.run();
          outcomes.push({ seq: append.seq, ok: false, error: this.describe(err, append) });
        }
      }
      this.stmt.commit.run();
      return outcomes;
    } catch (err) {
      if (this.db.inTransaction) this.stmt.rollback.run();
      const error: WireError = { kind: 'unavailable', message: `commit failed: ${(err as Error).message}` };
      return appends.map((a) => ({ seq: a.seq, ok: false, error }));
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private apply({ stream, events, expected }: WireAppend): AppendResult {
    const first = events[0]!;
    const last = events[events.length - 1]!;
    if (this.stmt.byId.get(first.id)) return this.replayed(stream, events);

    if (first.revision === 0) {
      const head = this.stmt.head.get(stream);
      if (head) throw new RevisionConflict(stream, expectation(expected, first.revision), head.revision);
      this.stmt.createStream.run(stream, last.revision, last.hash);
    } else {
      const moved = this.stmt.advanceStream.run(last.revision, last.hash, stream, first.revision - 1, first.prev);
      if (moved.changes === 0) {
        const head = this.stmt.head.get(stream);
        this.checkHead(stream, head);
        if (head?.revision === first.revision - 1) {
          throw new InvalidAppend(
            `stream ${stream}: prev of revision ${first.revision} is not the hash of its predecessor`,
          );
        }
        throw new RevisionConflict(stream, expectation(expected, first.revision), head?.revision ?? null);
      }
    }
    let firstPosition = 0;
    let position = 0;
    for (const event of events) {
      position = Number(this.stmt.insert.run(event.id, stream, event.revision, event.hash, event.json).lastInsertRowid);
      if (firstPosition === 0) firstPosition = position;
    }
    return { stream, revision: last.revision, firstPosition, position, hash: last.hash };
  }

  /**
   * After a refused compare-and-set: the head row must be the stream's last stored event. A head row edited, or
   * left behind when the stream's last events were deleted, is an integrity fault, not a conflict to retry.
   */
  private checkHead(stream: string, head: { revision: number; hash: string } | undefined): void {
    const last = this.stmt.lastEvent.get(stream);
    if (!head && !last) return;
    if (head && last && head.revision === last.revision && head.hash === last.hash) return;
    const recorded = head ? `revision ${head.revision}, hash ${head.hash.slice(0, 16)}…` : 'none';
    const stored = last ? `revision ${last.revision}, hash ${last.hash.slice(0, 16)}…` : 'none';
    throw new IntegrityFault(
      `stream ${stream}: the head the store records (${recorded}) is not its last stored event (${stored})`,
      { stream },
    );
  }

  /** The original result of an append whose events are all stored already with the same content. */
  private replayed(stream: string, events: readonly WireEvent[]): AppendResult {
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

  /** Maps what went wrong to the store-neutral error; the savepoint has been rolled back already. */
  private describe(err: unknown, append: WireAppend): WireError {
    if (err instanceof RevisionConflict) {
      return { kind: 'revision_conflict', stream: err.stream, expected: err.expected, actual: err.actual };
    }
    if (err instanceof DuplicateEventId) return { kind: 'duplicate_event_id', eventId: err.eventId };
    if (err instanceof InvalidAppend) return { kind: 'invalid_append', message: err.message };
    if (err instanceof IntegrityFault) return { kind: 'integrity_fault', message: err.message, stream: append.stream };
    const code = (err as { code?: unknown }).code;
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
      if ((err as Error).message.includes('events.id')) {
        const taken = append.events.find((e) => this.stmt.byId.get(e.id) !== undefined);
        return { kind: 'duplicate_event_id', eventId: taken?.id ?? append.events[0]!.id };
      }
      const head = this.stmt.head.get(append.stream);
      return {
        kind: 'revision_conflict',
        stream: append.stream,
        expected: String(append.expected),
        actual: head?.revision ?? null,
      };
    }
    return { kind: 'unavailable', message: (err as Error).message };
  }
}

function expectation(expected: ExpectedRevision, firstRevision: number): string | number {
  if (typeof expected === 'number') return expected;
  return expected === 'any' ? `any (events continue revision ${firstRevision - 1})` : String(expected);
}
