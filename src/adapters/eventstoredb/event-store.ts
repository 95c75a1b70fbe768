import {
  AccessDeniedError,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  InvalidArgumentError,
  MaxAppendSizeExceededError,
  NO_STREAM,
  START as FIRST,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
  isCommandError,
  jsonEvent,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type Direction,
  type JSONType,
  type Position as LogPosition,
  type ReadPosition,
  type ReadRevision,
  type ResolvedEvent,
  type StreamingRead,
} from '@eventstore/db-client';
import { DuplicateEventId, InvalidAppend, LedgerError, RevisionConflict, StoreUnavailable } from '../../errors.js';
import type { EventEnvelope } from '../../ledger/envelope.js';
import {
  START,
  type AgencyReadOptions,
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
import { Lru } from './lru.js';
import { fromPosition, toPosition } from './positions.js';
import { checkContinuation, compareLog, sameId, toStoredRecord, type StoredRecord } from './records.js';
import { agencyStream, parseAgencyStream } from '../../ledger/streams.js';
import { followAll, type FollowOptions } from './subscription.js';

export interface EventStoreDbEventStoreOptions {
  /** `esdb://`, `esdb+discover://`, or the same with `kurrentdb`/`kurrent` (rewritten to `esdb` for the client). */
  readonly connectionString: string;
  /**
   * The deadline of one append attempt, sent to the server (which answers with a timeout when it cannot commit in
   * time); the adapter gives up waiting for an answer a little later. Default 10 s.
   */
  readonly appendDeadlineMs?: number;
  /** Attempts of one append when the outcome of the previous attempt is unknown. Default 5. */
  readonly appendAttempts?: number;
  /** The first pause between attempts (reads, appends, resubscriptions); it doubles up to 2 s. Default 100 ms. */
  readonly retryDelayMs?: number;
  /** How long one read may take before it is abandoned and retried. Default 30 s. */
  readonly readTimeoutMs?: number;
  /** Failed (re)subscriptions in a row, with no event or caught-up mark between, before giving up. Default 10. */
  readonly subscriptionAttempts?: number;
  /** Events read from `$all` per request. Default 512. */
  readonly pageSize?: number;
}

/** The driver's client with access to its channel, which it offers no public way to close. */
interface ClosableClient {
  getChannel(): Promise<{ close(): void }>;
}

/** Thrown when an append attempt got no answer in time: its outcome is unknown. */
class NoAnswer extends Error {}

const READ_ATTEMPTS = 4;
const HEAD_PAGE = 64;

/**
 * The event store on EventStoreDB / KurrentDB, through `@eventstore/db-client`. Only this folder knows the
 * driver: every failure leaves it as one of the port's errors (`RevisionConflict`, `DuplicateEventId`,
 * `InvalidAppend`, `StoreUnavailable`).
 *
 * Each envelope is one JSON event in the stream the application names: event type = envelope type, event id =
 * envelope id, data = the envelope as it was sealed, metadata `{"appendIndex": i}` (its index in the append,
 * for positions: see `positions.ts`). What is read back is the stored JSON, parsed.
 *
 * How the port's rules are kept on a server that knows nothing of chains (docs/architecture.md, "The EventStoreDB
 * adapter"):
 * - expected revision: the events carry their revisions, so the append is always sent with the exact revision
 *   they continue (NO_STREAM for revision 0): `no_stream` and numbers map one to one, and the port's `any` is sent
 *   as that same exact revision, never as the server's ANY. The chain link (`prev`) is checked against the hash of
 *   the event at the previous revision, which never changes once written, so a check before the write and the
 *   server's revision check together refuse exactly what the embedded store refuses.
 * - idempotency: the server recognises a retried append by its event ids at the expected revision and answers
 *   success. Every successful append is then read back: the stored events must be ours, content and all, else
 *   `DuplicateEventId`; the read also gives each event's position. A conflict whose revisions already hold our
 *   event ids is the same retry seen late, answered the same way.
 * - an append whose outcome is unknown (deadline, unavailable, not leader, a dropped connection, no answer) is
 *   sent again with the same ids and expected revision, at most `appendAttempts` times.
 * - EventStoreDB keeps no index of event ids across streams: an id already used in another stream, or earlier in
 *   the same stream, is not detected (the service never makes such ids: they are fresh UUIDv7s or derived from
 *   the stream).
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly appendDeadlineMs: number;
  private readonly appendAttempts: number;
  private readonly retryDelayMs: number;
  private readonly readTimeoutMs: number;
  private readonly subscriptionAttempts: number;
  private readonly pageSize: number;
  /** `stream\nrevision` → hash of that event: immutable once written. */
  private readonly hashes = new Lru<string, string>(20_000);
  /** `stream\nrevision` of the first event of an append → its log position: immutable once written. */
  private readonly appendStarts = new Lru<string, bigint>(100_000);
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly stopAll = new AbortController();
  private closing: Promise<void> | undefined;
  private closed = false;
  private readonly counters = { appendRetries: 0, resubscriptions: 0 };

  constructor(options: EventStoreDbEventStoreOptions) {
    this.client = EventStoreDBClient.connectionString(esdbConnectionString(options.connectionString));
    this.appendDeadlineMs = options.appendDeadlineMs ?? 10_000;
    this.appendAttempts = options.appendAttempts ?? 5;
    this.retryDelayMs = options.retryDelayMs ?? 100;
    this.readTimeoutMs = options.readTimeoutMs ?? 30_000;
    this.subscriptionAttempts = options.subscriptionAttempts ?? 10;
    this.pageSize = options.pageSize ?? 512;
  }

  /** Appends sent again after an unknown outcome, and subscriptions opened again after a failure. */
  get stats(): { readonly appendRetries: number; readonly resubscriptions: number } {
    return { ...this.counters };
  }

  append(stream: string, events: readonly EventEnvelope[], expected: ExpectedRevision): Promise<AppendResult> {
    if (this.closing) return Promise.reject(new StoreUnavailable('the event store is closed'));
    try {
      checkContinuation(stream, events, expected);
    } catch (err) {
      return Promise.reject(err);
    }
    const pending = this.appendChecked(stream, events, expected);
    this.inFlight.add(pending);
    pending.then(
      () => this.inFlight.delete(pending),
      () => this.inFlight.delete(pending),
    );
    return pending;
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    if (options.limit !== undefined && options.limit <= 0) return [];
    const backward = options.direction === 'backward';
    let fromRevision: ReadRevision;
    if (options.fromRevision === undefined) fromRevision = backward ? END : FIRST;
    else if (options.fromRevision < 0) {
      if (backward) return [];
      fromRevision = FIRST;
    } else fromRevision = BigInt(options.fromRevision);
    const records = await this.readStreamRecords(stream, {
      fromRevision,
      direction: backward ? BACKWARDS : FORWARDS,
      ...(options.limit === undefined ? {} : { maxCount: options.limit }),
    });
    const ours = records.filter((r) => r.envelope);
    const newest = ours.reduce<StoredRecord | undefined>((a, r) => (!a || r.revision > a.revision ? r : a), undefined);
    if (newest) this.hashes.set(key(stream, newest.revision), newest.envelope!.hash);
    return this.recorded(ours);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const after = options.after ?? START;
    const limit = options.limit ?? Number.POSITIVE_INFINITY;
    const result: RecordedEvent[] = [];
    if (limit <= 0) return result;
    let from = logPositionAfter(after);
    let seen: LogPosition | undefined;
    while (result.length < limit) {
      const page = await this.readAllRecords(from, FORWARDS, this.pageSize);
      // a forward read includes its starting position: skip what an earlier page returned
      const fresh = seen ? page.filter((r) => compareLog(r.log, seen!) > 0) : page;
      for (const recorded of await this.recorded(fresh.filter((r) => r.envelope))) {
        if (recorded.position > after && result.length < limit) result.push(recorded);
      }
      const last = page[page.length - 1];
      if (!last || page.length < this.pageSize) break;
      from = last.log;
      seen = last.log;
    }
    return result;
  }

  /** `$all` read backwards from its end, in pages, system events skipped. */
  async readRecent(limit: number): Promise<RecordedEvent[]> {
    this.assertOpen();
    const found: StoredRecord[] = [];
    let from: ReadPosition = END;
    while (found.length < limit) {
      const page = await this.readAllRecords(from, BACKWARDS, this.pageSize);
      const fresh = from === END ? page : page.filter((r) => compareLog(r.log, from as LogPosition) < 0);
      for (const r of fresh) if (r.envelope && found.length < limit) found.push(r);
      const last = page[page.length - 1];
      if (!last || page.length < this.pageSize) break;
      from = last.log;
    }
    return this.recorded(found);
  }

  /**
   * A catch-up subscription to `$all` filtered on the server by stream name (a regular expression of the agencies'
   * stream names), read until `limit` events are found or it has caught up. The server skips other streams
   * itself, so the cost follows the agencies' events. It relies on the server's caught-up mark (EventStoreDB 23.10
   * and later, KurrentDB) where the agencies' newest event is not the log's newest; without one, the read ends
   * after `readTimeoutMs` with the events found so far (a prefix of the answer, so a shorter page, never a wrong one).
   */
  async readAgencies(options: AgencyReadOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    const agencies = new Set(options.agencies);
    const result: RecordedEvent[] = [];
    if (agencies.size === 0 || options.limit <= 0) return result;
    const wanted = options.types === undefined ? undefined : new Set(options.types);
    const stop = new AbortController();
    const deadline = setTimeout(() => stop.abort(), this.readTimeoutMs);
    const messages = this.follow({
      after: options.after ?? START,
      batchSize: Math.min(options.limit, this.pageSize),
      signal: stop.signal,
      filter: streamNameFilter({ regex: agencyStreamsPattern([...agencies]) }),
    });
    try {
      for await (const message of messages) {
        if (message.type === 'caughtUp') break;
        for (const recorded of message.events) {
          const agency = parseAgencyStream(recorded.event.stream)?.agency;
          if (agency === undefined || !agencies.has(agency)) continue;
          if (wanted && !wanted.has(recorded.event.type)) continue;
          result.push(recorded);
          if (result.length >= options.limit) return result;
        }
      }
    } finally {
      clearTimeout(deadline);
      stop.abort();
    }
    return result;
  }

  subscribe(options: SubscribeOptions = {}): AsyncIterable<SubscriptionMessage> {
    return this.follow({
      after: options.after ?? START,
      batchSize: Math.max(1, options.batchSize ?? 500),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  }

  private follow(options: Omit<FollowOptions, 'from'>): AsyncIterable<SubscriptionMessage> {
    return followAll(
      {
        client: this.client,
        stopAll: this.stopAll.signal,
        closed: () => this.closed,
        head: () => this.lastRecord(),
        positions: (records) => this.positions(records),
        fail: (err, doing) => this.translate(err, doing),
        retryDelay: (attempt) => this.backoff(attempt),
        onResubscribe: () => (this.counters.resubscriptions += 1),
        attempts: this.subscriptionAttempts,
      },
      { ...options, from: logPositionAfter(options.after) },
    );
  }

  async headPosition(): Promise<Position> {
    this.assertOpen();
    const last = await this.lastRecord();
    if (!last) return START;
    return (await this.positions([last]))[0]!;
  }

  async ping(): Promise<void> {
    this.assertOpen();
    await this.readAllRecords(END, BACKWARDS, 1, Math.min(this.readTimeoutMs, 5_000), 1);
  }

  close(): Promise<void> {
    return (this.closing ??= this.shutDown());
  }

  private async shutDown(): Promise<void> {
    this.stopAll.abort();
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
    this.closed = true;
    await this.client.dispose().catch(() => {});
    // the driver offers no way to close its channel; it is a protected member of the client
    const channel = await (this.client as unknown as ClosableClient).getChannel().catch(() => undefined);
    channel?.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreUnavailable('the event store is closed');
  }

  // ---- appends

  private async appendChecked(
    stream: string,
    events: readonly EventEnvelope[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const first = events[0]!;
    const expectation =
      typeof expected === 'number'
        ? expected
        : expected === 'any'
          ? `any (events continue revision ${first.revision - 1})`
          : String(expected);
    if (first.revision > 0) await this.checkLink(stream, first, expectation);
    const proposed = events.map((event, appendIndex) =>
      jsonEvent({ id: event.id, type: event.type, data: event as unknown as JSONType, metadata: { appendIndex } }),
    );
    const expectedRevision = first.revision === 0 ? NO_STREAM : BigInt(first.revision - 1);
    for (let attempt = 1; ; attempt++) {
      try {
        await this.answered(
          this.client.appendToStream(stream, proposed, { expectedRevision, deadline: this.appendDeadlineMs }),
        );
        return await this.confirm(stream, events);
      } catch (err) {
        if (err instanceof WrongExpectedVersionError) return this.settleConflict(stream, events, expectation, err);
        if (err instanceof LedgerError || !outcomeUnknown(err) || attempt >= this.appendAttempts) {
          throw this.translate(err, `appending to ${stream}`);
        }
        this.counters.appendRetries += 1;
        await sleep(this.backoff(attempt));
      }
    }
  }

  /** Waits for an append's answer a little longer than its deadline; no answer means the outcome is unknown. */
  private answered<T>(pending: Promise<T>): Promise<T> {
    pending.catch(() => {}); // an answer after we stopped waiting is of no interest
    const waitMs = Math.round(this.appendDeadlineMs * 1.5) + 250;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new NoAnswer(`no answer within ${waitMs} ms`)), waitMs);
      pending.then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (err: unknown) => {
          clearTimeout(timer);
          reject(err);
        },
      );
    });
  }

  /**
   * The chain link: the event at the previous revision must be the one these events continue. Events never change,
   * so the check holds until the server's own revision check runs.
   */
  private async checkLink(stream: string, first: EventEnvelope, expectation: string | number): Promise<void> {
    const prevRevision = first.revision - 1;
    let hash = this.hashes.get(key(stream, prevRevision));
    if (hash === undefined) {
      const [prev] = await this.readStreamRecords(stream, {
        fromRevision: BigInt(prevRevision),
        direction: FORWARDS,
        maxCount: 1,
        requiresLeader: true,
      });
      if (!prev?.envelope || prev.revision !== prevRevision) return; // a shorter stream: the server refuses it
      hash = prev.envelope.hash;
      this.hashes.set(key(stream, prevRevision), hash);
    }
    if (hash === first.prev) return;
    const [head] = await this.readStreamRecords(stream, {
      fromRevision: END,
      direction: BACKWARDS,
      maxCount: 1,
      requiresLeader: true,
    });
    if (head?.revision === prevRevision) {
      throw new InvalidAppend(
        `stream ${stream}: prev of revision ${first.revision} is not the hash of its predecessor`,
      );
    }
    throw new RevisionConflict(stream, expectation, head?.revision ?? null);
  }

  /**
   * After the server said yes: reads the events back from the leader, which must be ours (content and all). Events
   * not visible yet are read again a few times; the append itself is not repeated.
   */
  private async confirm(stream: string, events: readonly EventEnvelope[]): Promise<AppendResult> {
    for (let attempt = 1; ; attempt++) {
      const stored = await this.readStreamRecords(stream, {
        fromRevision: BigInt(events[0]!.revision),
        direction: FORWARDS,
        maxCount: events.length,
        requiresLeader: true,
      });
      if (stored.length >= events.length || stored.some((r, i) => !sameId(r.id, events[i]!.id))) {
        return this.replay(stream, events, stored);
      }
      if (attempt >= READ_ATTEMPTS) {
        throw new StoreUnavailable(`appending to ${stream}: acknowledged, but the events cannot be read back yet`);
      }
      await sleep(this.backoff(attempt));
    }
  }

  /** A refused expectation: either another writer got there first, or our own earlier attempt did. */
  private async settleConflict(
    stream: string,
    events: readonly EventEnvelope[],
    expectation: string | number,
    err: WrongExpectedVersionError,
  ): Promise<AppendResult> {
    const stored = await this.readStreamRecords(stream, {
      fromRevision: BigInt(events[0]!.revision),
      direction: FORWARDS,
      maxCount: events.length,
      requiresLeader: true,
    });
    if (stored[0] && sameId(stored[0].id, events[0]!.id)) return this.replay(stream, events, stored);
    const actual = typeof err.actualVersion === 'bigint' ? Number(err.actualVersion) : null;
    throw new RevisionConflict(stream, expectation, actual);
  }

  /** The result of an append whose events are stored: the same events, or `DuplicateEventId`. */
  private async replay(
    stream: string,
    events: readonly EventEnvelope[],
    stored: readonly StoredRecord[],
  ): Promise<AppendResult> {
    events.forEach((event, i) => {
      const record = stored[i];
      if (
        !record?.envelope ||
        !sameId(record.id, event.id) ||
        record.revision !== event.revision ||
        record.envelope.hash !== event.hash
      ) {
        throw new DuplicateEventId(event.id);
      }
    });
    const mine = stored.slice(0, events.length);
    const positions = await this.positions(mine);
    const last = events[events.length - 1]!;
    this.hashes.set(key(stream, last.revision), last.hash);
    return {
      stream,
      revision: last.revision,
      firstPosition: positions[0]!,
      position: positions[positions.length - 1]!,
      hash: last.hash,
    };
  }

  // ---- positions

  /** The port positions of events (see `positions.ts`), looking up the first event of an append when needed. */
  private async positions(records: readonly StoredRecord[]): Promise<Position[]> {
    for (const r of records) if (r.appendIndex === 0) this.appendStarts.set(key(r.stream, r.revision), r.own);
    const positions: Position[] = [];
    for (const r of records) {
      const firstRevision = r.revision - r.appendIndex;
      let start = r.appendIndex === 0 ? r.own : this.appendStarts.get(key(r.stream, firstRevision));
      if (start === undefined) {
        const [head] = await this.readStreamRecords(r.stream, {
          fromRevision: BigInt(firstRevision),
          direction: FORWARDS,
          maxCount: 1,
        });
        if (!head || head.revision !== firstRevision || head.appendIndex !== 0) {
          throw new StoreUnavailable(`the first event of the append holding ${r.stream}@${r.revision} is missing`);
        }
        start = head.own;
        this.appendStarts.set(key(r.stream, firstRevision), start);
      }
      positions.push(toPosition(start, r.appendIndex));
    }
    return positions;
  }

  private async recorded(records: readonly StoredRecord[]): Promise<RecordedEvent[]> {
    const positions = await this.positions(records);
    return records.map((r, i) => ({ position: positions[i]!, event: r.envelope! }));
  }

  // ---- reads

  /** The newest event of the ledger in `$all` (system events skipped), if any. */
  private async lastRecord(): Promise<StoredRecord | undefined> {
    let from: ReadPosition = END;
    for (;;) {
      const page = await this.readAllRecords(from, BACKWARDS, HEAD_PAGE);
      const found = page.find((r) => r.envelope && (from === END || compareLog(r.log, from as LogPosition) < 0));
      if (found) return found;
      const last = page[page.length - 1];
      if (!last || page.length < HEAD_PAGE) return undefined;
      from = last.log;
    }
  }

  private readStreamRecords(
    stream: string,
    options: { fromRevision: ReadRevision; direction: Direction; maxCount?: number; requiresLeader?: boolean },
  ): Promise<StoredRecord[]> {
    return this.withRetries(`reading ${stream}`, async () => {
      try {
        return await this.collect(this.client.readStream(stream, options), this.readTimeoutMs);
      } catch (err) {
        if (err instanceof StreamNotFoundError) return [];
        throw err;
      }
    });
  }

  private readAllRecords(
    fromPosition: ReadPosition,
    direction: Direction,
    maxCount: number,
    timeoutMs = this.readTimeoutMs,
    attempts = READ_ATTEMPTS,
  ): Promise<StoredRecord[]> {
    return this.withRetries(
      'reading $all',
      () => this.collect(this.client.readAll({ fromPosition, direction, maxCount }), timeoutMs),
      attempts,
    );
  }

  private async collect(
    read: StreamingRead<ResolvedEvent | AllStreamResolvedEvent>,
    timeoutMs: number,
  ): Promise<StoredRecord[]> {
    const records: StoredRecord[] = [];
    const timer = setTimeout(() => {
      void read.cancel().catch(() => {});
      read.destroy(new NoAnswer(`a read got no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    try {
      for await (const resolved of read) {
        const record = toStoredRecord(resolved);
        if (record) records.push(record);
      }
    } finally {
      clearTimeout(timer);
    }
    return records;
  }

  /** Reads may be repeated: a failure whose cause may pass (a restart, a new leader) is retried a few times. */
  private async withRetries<T>(doing: string, read: () => Promise<T>, attempts = READ_ATTEMPTS): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await read();
      } catch (err) {
        if (err instanceof LedgerError || !outcomeUnknown(err) || attempt >= attempts) throw this.translate(err, doing);
        await sleep(this.backoff(attempt));
      }
    }
  }

  // ---- errors and pauses

  /** Every failure leaves the adapter as one of the port's errors; the driver's never reach the application. */
  private translate(err: unknown, doing: string): Error {
    if (err instanceof LedgerError) return err;
    if (err instanceof MaxAppendSizeExceededError) {
      return new InvalidAppend(`${doing}: the append is larger than EventStoreDB accepts`);
    }
    if (err instanceof AccessDeniedError) {
      return new StoreUnavailable(`${doing}: EventStoreDB refused access (check the credentials in EVENTSTORE_URL)`);
    }
    if (err instanceof StreamDeletedError)
      return new StoreUnavailable(`${doing}: the stream was deleted in EventStoreDB`);
    if (!(err instanceof Error)) return new StoreUnavailable(`${doing}: EventStoreDB failed (${String(err)})`);
    if (err.name === 'ForeignEvent') return err;
    // the kind of failure only: the driver's message may name hosts, and a StoreUnavailable reaches clients
    const kind = isCommandError(err) ? err.type : err instanceof NoAnswer ? 'no answer' : 'connection failed';
    return new StoreUnavailable(`${doing}: EventStoreDB did not answer (${kind})`);
  }

  private backoff(attempt: number): number {
    return Math.min(2_000, this.retryDelayMs * 2 ** (attempt - 1)) * (0.75 + Math.random() / 2);
  }
}

/** Errors after which an operation may have happened or not, and may be tried again with the same ids. */
function outcomeUnknown(err: unknown): boolean {
  return !(
    err instanceof WrongExpectedVersionError ||
    err instanceof MaxAppendSizeExceededError ||
    err instanceof AccessDeniedError ||
    err instanceof StreamDeletedError ||
    err instanceof InvalidArgumentError ||
    (err instanceof Error && err.name === 'ForeignEvent')
  );
}

/** The client takes `esdb://` and `esdb+discover://`; KurrentDB's schemes name the same protocol. */
export function esdbConnectionString(url: string): string {
  return url.replace(/^(?:kurrentdb|kurrent)(\+discover)?:\/\//i, (_match, discover: string | undefined) => {
    return `esdb${discover ?? ''}://`;
  });
}

/** Where in `$all` to start reading to find the events after a port position (START, or its append's first event). */
/** The names of the agencies' streams, `<category>-<agency>:<id>` with the agency escaped as the names write it. */
function agencyStreamsPattern(agencies: readonly string[]): string {
  const parts = agencies.map((agency) => agencyStream('x', agency, '').slice(2, -1).replace(/[.]/g, '\\.'));
  return `^[^-]+-(${parts.join('|')}):`;
}

function logPositionAfter(after: Position): ReadPosition {
  if (after <= START) return FIRST;
  const { appendLogPosition } = fromPosition(after);
  return { commit: appendLogPosition, prepare: appendLogPosition };
}

function key(stream: string, revision: number): string {
  return `${stream}\n${revision}`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
