import { caseStream } from '../domain/case/acts.js';
import { IntegrityFault } from '../errors.js';
import type { PublicKeyResolver } from '../ledger/ed25519.js';
import type { EventEnvelope } from '../ledger/envelope.js';
import type { EventStore, RecordedEvent } from '../ports/event-store.js';
import type { CaseReads, Retrieval } from './case-reads.js';
import { checkStoredEvents } from './stored-events.js';

/** Events per page when the reader names no limit, and the most it may name. */
export const EVENTS_PAGE_DEFAULT = 100;
export const EVENTS_PAGE_MAX = 1000;

export interface EventsPageRequest {
  /** The first revision of the page (0: the case's first event). */
  readonly from: number;
  readonly limit: number;
}

export interface EventsPage {
  readonly agency: string;
  /** The page's events in stream order, each with its global position. */
  readonly events: readonly (EventEnvelope & { readonly position: number })[];
  /** The revision the next page starts at, when more events follow. */
  readonly next?: number;
}

export interface CaseEventsDependencies {
  readonly events: EventStore;
  readonly reads: CaseReads;
  /** The service's event keys, current and retired: every served event's signature is checked against them. */
  readonly serviceKeys?: PublicKeyResolver;
}

/**
 * Pages of a case's signed events (`GET /v1/cases/{id}/events`). A page is read from the stream alone, never the
 * whole of it: the page's events, the event before them (the link the first one chains to) and one more (does
 * another page follow?). The retrieval is scoped and recorded once by {@link CaseReads}; the events served are
 * checked as read back: each hashes to its `hash` and carries a valid service signature, the first links to the
 * event before it (itself checked the same way) or starts the stream, and each next one links to the one before.
 */
export class CaseEvents {
  constructor(private readonly deps: CaseEventsDependencies) {}

  async page(retrieval: Retrieval, request: EventsPageRequest): Promise<EventsPage> {
    const { from, limit } = request;
    const { agency, found } = await this.deps.reads.retrieve(retrieval, (agency) =>
      this.read(caseStream(agency, retrieval.caseId), from, limit),
    );
    const { stream, recorded } = found;
    const before = from > 0 ? 1 : 0;
    const checked = recorded.slice(0, before + limit);
    const first = checked[0];
    if (from > 0 && first && first.event.revision !== from - 1) {
      throw new IntegrityFault(`stream ${stream}: the event at revision ${from - 1} is missing`, {
        stream,
        revision: from - 1,
      });
    }
    checkStoredEvents(
      stream,
      checked.map((r) => r.event),
      { ...(from === 0 ? { after: null } : {}), ...(this.deps.serviceKeys ? { keys: this.deps.serviceKeys } : {}) },
    );
    const served = checked.slice(before);
    const last = served[served.length - 1];
    return {
      agency,
      events: served.map((r) => ({ position: r.position, ...r.event })),
      ...(last && recorded.length > checked.length ? { next: last.event.revision + 1 } : {}),
    };
  }

  /**
   * Revisions `from - 1` (when `from > 0`) to `from + limit` of `stream`; undefined when there is no such stream. A
   * page past the stream's end is empty.
   */
  private async read(
    stream: string,
    from: number,
    limit: number,
  ): Promise<{ stream: string; recorded: RecordedEvent[] } | undefined> {
    const before = from > 0 ? 1 : 0;
    const recorded = await this.deps.events.readStream(stream, {
      fromRevision: from - before,
      limit: before + limit + 1,
    });
    if (recorded.length > 0) return { stream, recorded };
    if (from === 0) return undefined;
    const exists = (await this.deps.events.readStream(stream, { limit: 1 })).length > 0;
    return exists ? { stream, recorded } : undefined;
  }
}
