import { caseStream } from '../domain/case/acts.js';
import { IntegrityFault, InvalidQuery } from '../errors.js';
import type { PublicKeyResolver } from '../ledger/ed25519.js';
import type { EventEnvelope } from '../ledger/envelope.js';
import type { EventStore } from '../ports/event-store.js';
import { openedInLog, type CaseReads, type Retrieval } from './case-reads.js';
import { BEYOND_THE_LOG } from './read-consistency.js';
import { checkStoredEvents } from './stored-events.js';
import type { PersonalReads } from './personal-reads.js';

/** Events per page when the reader names no limit, and the most it may name. */
export const EVENTS_PAGE_DEFAULT = 100;
export const EVENTS_PAGE_MAX = 1000;

export interface EventsPageRequest {
  /** The first revision of the page (0: the case's first event). */
  readonly from: number;
  readonly limit: number;
  /**
   * A position a write gave (`?consistentWith=`): never waited for, the events coming from the log, which holds every
   * acknowledged write; one beyond the log's last position is no write's, `400 invalid_query` as on every read.
   */
  readonly consistentWith?: number;
}

export interface EventsPage {
  readonly agency: string;
  /** The page's events in stream order, each with its global position. */
  readonly events: readonly (EventEnvelope & {
    readonly position: number;
    /** The event's sealed personal fields opened (`[erased]` once erased), by JSON Pointer into `data`. */
    readonly personal?: Record<string, unknown>;
  })[];
  /** The revision the next page starts at, when more events follow. */
  readonly next?: number;
}

export interface CaseEventsDependencies {
  readonly events: EventStore;
  readonly reads: CaseReads;
  /** The service's event keys, current and retired: every served event's signature is checked against them. */
  readonly serviceKeys?: PublicKeyResolver;
  /** Opens the sealed personal fields beside each event (the signed event itself is served as signed). */
  readonly personal?: PersonalReads;
}

/**
 * Pages of a case's signed events (`GET /v1/cases/{id}/events`). The retrieval is scoped and recorded once by
 * {@link CaseReads}, which learns the case's agency from the first event of its stream; the page is then read from
 * the stream, never the whole of it: the page's events, the event before them (the link the first one chains to)
 * and one more (does another page follow?). The events served are checked as read back: each hashes to its `hash`
 * and carries a valid service signature, the first links to the event before it (itself checked the same way) or
 * starts the stream, and each next one links to the one before. A page past the stream's end is empty.
 */
export class CaseEvents {
  constructor(private readonly deps: CaseEventsDependencies) {}

  async page(retrieval: Retrieval, request: EventsPageRequest): Promise<EventsPage> {
    const { from, limit, consistentWith } = request;
    const { events, serviceKeys } = this.deps;
    if (consistentWith !== undefined && consistentWith > (await events.headPosition())) {
      throw new InvalidQuery(BEYOND_THE_LOG);
    }
    // which agency's case: a case exists when its stream has a first event (one event read per agency looked in)
    const { agency } = await this.deps.reads.retrieve(retrieval, openedInLog(events, retrieval.caseId));
    const stream = caseStream(agency, retrieval.caseId);
    const before = from > 0 ? 1 : 0; // the event the page's first one links to
    const recorded = await events.readStream(stream, { fromRevision: from - before, limit: before + limit + 1 });
    const checked = recorded.slice(0, before + limit);
    const first = checked[0];
    if (before === 1 && first && first.event.revision !== from - 1) {
      throw new IntegrityFault(`stream ${stream}: the event at revision ${from - 1} is missing`, {
        stream,
        revision: from - 1,
      });
    }
    checkStoredEvents(
      stream,
      checked.map((r) => r.event),
      { ...(before === 0 ? { after: null } : {}), ...(serviceKeys ? { keys: serviceKeys } : {}) },
    );
    const served = checked.slice(before);
    const last = served[served.length - 1];
    const personal = this.deps.personal
      ? await this.deps.personal.personalOf(
          agency,
          retrieval.caseId,
          served.map((r) => r.event),
        )
      : new Map<string, Record<string, unknown>>();
    return {
      agency,
      events: served.map((r) => {
        const opened = personal.get(r.event.id);
        return { position: r.position, ...r.event, ...(opened ? { personal: opened } : {}) };
      }),
      ...(last && recorded.length > checked.length ? { next: last.event.revision + 1 } : {}),
    };
  }
}
