import { InvalidBody, InvalidQuery } from '../errors.js';
import type { EventStore, Position, RecordedEvent } from '../ports/event-store.js';
import { BEYOND_HEAD, beyondHead } from './event-feed.js';
import type { Principal } from './auth.js';
import { supervisedScope } from './supervision-reads.js';
import { parseAgencyStream } from '../ledger/streams.js';

/** What a live stream tells of an event: where it is, what and whose it is, when, and its hash; never its data. */
export interface LiveEvent {
  readonly position: Position;
  readonly stream: string;
  readonly revision: number;
  readonly type: string;
  readonly eventId: string;
  readonly agency: string;
  readonly actor: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly hash: string;
}

/**
 * The live stream of the log for supervisors (`GET /v1/audit/live`): every new event of one of the supervisor's
 * agencies (its own and those it supervises: the agency its stream is named for, else its actor's), in global order, as a {@link LiveEvent}: the data an
 * event carries may hold personal data and is never part of it.
 */
export class LiveEvents {
  constructor(private readonly events: Pick<EventStore, 'subscribe' | 'headPosition'>) {}

  /**
   * Where a stream starts: after `after` (a position the stream gave, from `?after=` or the `Last-Event-ID` header
   * as `from` says), or after the log's current head. A position beyond the head is refused (`invalid_query`, or
   * `invalid_body` for the header), as the pull feed refuses it.
   */
  async startAfter(after: Position | undefined, from: 'after' | 'Last-Event-ID' = 'after'): Promise<Position> {
    if (after === undefined) return this.events.headPosition();
    if (await beyondHead(this.events, after)) {
      throw from === 'after' ? new InvalidQuery(BEYOND_HEAD(from)) : new InvalidBody(BEYOND_HEAD(from));
    }
    return after;
  }

  /** The supervisor's agencies' events after `after`, until `signal` aborts. */
  async *follow(principal: Principal, after: Position, signal: AbortSignal): AsyncGenerator<LiveEvent> {
    const agencies = new Set(supervisedScope(principal, undefined));
    for await (const message of this.events.subscribe({ after, signal })) {
      if (message.type !== 'events') continue;
      for (const recorded of message.events) {
        if (agencies.has(agencyOf(recorded))) yield liveEventOf(recorded);
        if (signal.aborted) return;
      }
    }
  }
}

/**
 * Whose event this is, for scope: the agency its stream is named for (a case, its access records, the registries),
 * as the pull feed scopes them, so that a read by another agency's supervisor reaches the supervisors of the case's
 * agency and not those of the reader's; for a stream of no agency, the actor's.
 */
function agencyOf({ event }: RecordedEvent): string {
  return parseAgencyStream(event.stream)?.agency ?? event.actor.agency;
}

function liveEventOf({ position, event }: RecordedEvent): LiveEvent {
  return {
    position,
    stream: event.stream,
    revision: event.revision,
    type: event.type,
    eventId: event.id,
    agency: event.actor.agency,
    actor: event.actor.sub,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    hash: event.hash,
  };
}
