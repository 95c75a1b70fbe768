import type { AllStreamResolvedEvent, Position as LogPosition, ResolvedEvent } from '@eventstore/db-client';
import { InvalidAppend } from '../../errors.js';
import { GENESIS_PREV } from '../../ledger/hash.js';
import type { EventEnvelope } from '../../ledger/envelope.js';
import type { ExpectedRevision } from '../../ports/event-store.js';
import { MAX_EVENTS_PER_APPEND } from './positions.js';

/** One event as EventStoreDB returned it, with what the adapter needs of it. */
export interface StoredRecord {
  readonly stream: string;
  readonly revision: number;
  readonly id: string;
  /** The event's `$all` position as the server reported it (for paging and resuming). */
  readonly log: LogPosition;
  /**
   * The log position of the event's own record. For events written over gRPC (self-committed records) servers
   * report it as the commit position; as the prepare position, older servers (the gRPC code of 20.x–21.x) give
   * the position of the append's first record, later ones the event's own again.
   */
  readonly own: bigint;
  /** The event's index within the append that wrote it (the `appendIndex` metadata; 0 when absent). */
  readonly appendIndex: number;
  /** The envelope; `undefined` for system events (stream or type starting with `$`). */
  readonly envelope: EventEnvelope | undefined;
}

/** An event in the ledger's part of the log that is not an envelope written by this adapter. */
export class ForeignEvent extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ForeignEvent';
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function sameId(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export function isSystem(stream: string, type: string): boolean {
  return stream.startsWith('$') || type.startsWith('$');
}

/**
 * Reads an event returned by the client. A system event is kept (its position matters when paging) without an
 * envelope; any other event must be a JSON envelope whose id, stream and revision are those of its record, else
 * it is refused loudly: the ledger's database holds the ledger's events only.
 */
export function toStoredRecord(resolved: ResolvedEvent | AllStreamResolvedEvent): StoredRecord | undefined {
  const event = resolved.event;
  if (!event) return undefined;
  const where = `event ${event.id} at ${event.streamId}@${event.revision}`;
  if (!event.position) throw new ForeignEvent(`EventStoreDB returned ${where} without a log position`);
  const log = { commit: event.position.commit, prepare: event.position.prepare };
  const revision = Number(event.revision);
  const base = { stream: event.streamId, revision, id: event.id, log, own: log.commit };
  if (isSystem(event.streamId, event.type)) return { ...base, appendIndex: 0, envelope: undefined };

  const envelope = event.data as unknown as EventEnvelope;
  if (
    !event.isJson ||
    typeof envelope !== 'object' ||
    envelope === null ||
    Array.isArray(envelope) ||
    typeof envelope.id !== 'string' ||
    !sameId(envelope.id, event.id) ||
    envelope.stream !== event.streamId ||
    envelope.revision !== revision ||
    envelope.type !== event.type
  ) {
    throw new ForeignEvent(`${where} is not a ledger envelope written by this service`);
  }
  const metadata = event.metadata as { appendIndex?: unknown } | undefined;
  const index = metadata && typeof metadata === 'object' ? metadata.appendIndex : undefined;
  const appendIndex = index === undefined ? 0 : index;
  if (typeof appendIndex !== 'number' || !Number.isInteger(appendIndex) || appendIndex < 0) {
    throw new ForeignEvent(`${where} has an invalid appendIndex in its metadata`);
  }
  if (appendIndex >= MAX_EVENTS_PER_APPEND || appendIndex > revision) {
    throw new ForeignEvent(`${where} has an appendIndex (${appendIndex}) that cannot be`);
  }
  return { ...base, appendIndex, envelope };
}

/** Orders two `$all` positions. */
export function compareLog(a: LogPosition, b: LogPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/**
 * Refuses, before anything is sent, events that cannot be the continuation they claim to be (the same rules as
 * the embedded store), and what EventStoreDB cannot take: more than {@link MAX_EVENTS_PER_APPEND} events, ids
 * that are not UUIDs.
 */
export function checkContinuation(stream: string, events: readonly EventEnvelope[], expected: ExpectedRevision): void {
  const first = events[0];
  if (!first) throw new InvalidAppend('an append needs at least one event');
  if (events.length > MAX_EVENTS_PER_APPEND) {
    throw new InvalidAppend(`an append to EventStoreDB holds at most ${MAX_EVENTS_PER_APPEND} events`);
  }
  if (expected === 'no_stream' && first.revision !== 0) {
    throw new InvalidAppend(`no_stream append must start at revision 0, not ${first.revision}`);
  }
  if (typeof expected === 'number' && first.revision !== expected + 1) {
    throw new InvalidAppend(`expected revision ${expected} but the first event has revision ${first.revision}`);
  }
  if (!Number.isSafeInteger(first.revision) || first.revision < 0) {
    throw new InvalidAppend(`revision ${first.revision} is not a stream revision`);
  }
  if (first.revision === 0 && first.prev !== GENESIS_PREV) {
    throw new InvalidAppend('the first event of a stream must have prev = 64 zeros');
  }
  const ids = new Set<string>();
  events.forEach((event, i) => {
    if (event.stream !== stream) throw new InvalidAppend(`event ${event.id} belongs to stream ${event.stream}`);
    if (!UUID.test(event.id)) throw new InvalidAppend(`event id ${event.id} is not a UUID, which EventStoreDB needs`);
    const id = event.id.toLowerCase();
    if (ids.has(id)) throw new InvalidAppend(`event id ${event.id} appears twice in one append`);
    ids.add(id);
    const before = events[i - 1];
    if (before && (event.revision !== before.revision + 1 || event.prev !== before.hash)) {
      throw new InvalidAppend(`event ${event.id} does not continue the event before it`);
    }
  });
}
