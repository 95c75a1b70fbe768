import { InvalidQuery } from '../errors.js';
import { START, type EventStore, type Position, type RecordedEvent } from '../ports/event-store.js';
import type { Principal } from './auth.js';
import { parseAgencyStream } from '../domain/streams.js';
import type { AccessLog, ListedCase, ListingRequest } from './access-log.js';
import { recordListing } from './listing-record.js';
import { readableAgencies } from './case-reads.js';

/** Most events one page of the pull feed holds, and how many when the caller does not say. */
export const FEED_MAX_LIMIT = 500;
export const FEED_DEFAULT_LIMIT = 100;
/** Most event types one request may name. */
export const FEED_MAX_TYPES = 32;

export interface FeedRequest extends ListingRequest {
  /** The position the caller has processed up to (exclusive start); 0 for the start of the log. */
  readonly after: Position;
  readonly types?: readonly string[];
  readonly limit: number;
}

export interface FeedPage {
  /** The agencies read: the caller's own and, for a supervisor, those it supervises. */
  readonly agencies: readonly string[];
  readonly events: readonly RecordedEvent[];
  /** Where the next page starts: the last event's position, or `after` itself when there is nothing new. */
  readonly next: Position;
}

/**
 * The pull feed (`GET /v1/events`): the signed envelopes of the streams of the agencies a principal may read (its
 * own, and those a supervisor supervises, as every other read), in global-log order, a page at a time. Positions
 * never change, so a page once served is served again the same, and a consumer that stores the last position it
 * processed resumes exactly after it. Events of streams of no agency (the ledger's checkpoints and keys) are not
 * in it: they are public (`/v1/ledger/...`).
 *
 * A page that holds events of cases' own streams is a read of those cases: it is recorded before it is returned, on
 * the reader's own trail (`read_feed`, naming each case once). That record is itself in the next page, but names
 * no case's event, so it records nothing again: a feed polled while nothing happens stays quiet.
 */
export class EventFeed {
  constructor(
    private readonly events: Pick<EventStore, 'readAgencies' | 'headPosition'>,
    private readonly access: Pick<AccessLog, 'listed'>,
  ) {}

  async page(principal: Principal, request: FeedRequest): Promise<FeedPage> {
    const agencies = readableAgencies(principal);
    const events = await this.events.readAgencies({
      agencies,
      after: request.after,
      limit: request.limit,
      ...(request.types === undefined ? {} : { types: request.types }),
    });
    // only an empty page can start beyond the head: the check costs a store call on quiet polls alone
    if (events.length === 0 && (await beyondHead(this.events, request.after)))
      throw new InvalidQuery(BEYOND_HEAD('after'));
    await recordListing(this.access, { ...request, principal }, 'read_feed', casesOf(events));
    return { agencies, events, next: events[events.length - 1]?.position ?? request.after };
  }
}

/** Why a start position beyond the log's head is refused, naming where it came from. */
export const BEYOND_HEAD = (name: string) =>
  `${name} is beyond the last position of the log: it is not a position a feed gave`;

/**
 * Whether `after` lies beyond the log's head (the position of the last committed event), so no feed ever gave it:
 * a feed hands out positions of committed events, or an `after` that passed this check, and the head only grows.
 * Reading on from such a position would skip, unseen, every event recorded up to it. The head is read after the
 * events were, so a position given a moment ago is never refused.
 */
export async function beyondHead(events: Pick<EventStore, 'headPosition'>, after: Position): Promise<boolean> {
  return after > START && after > (await events.headPosition());
}

/** The cases whose own streams (`case-<agency>:<caseId>`) these events are of, in the order first met. */
function casesOf(events: readonly RecordedEvent[]): ListedCase[] {
  const cases: ListedCase[] = [];
  for (const { event } of events) {
    const stream = parseAgencyStream(event.stream);
    if (stream?.category === 'case') cases.push({ agency: stream.agency, caseId: stream.id });
  }
  return cases;
}
