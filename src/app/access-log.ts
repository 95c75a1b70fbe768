import { RevisionConflict } from '../errors.js';
import { agencyStream } from '../domain/streams.js';
import { sealEvents, type StreamHead } from '../ledger/envelope.js';
import type { CommandDependencies } from './command-handler.js';
import type { Principal } from './auth.js';
import { checkStoredEvents } from './stored-events.js';

export type AccessAction =
  | 'read_case'
  | 'read_events'
  | 'read_bundle'
  | 'read_media'
  | 'read_similar'
  | 'read_opening'
  | 'read_evaluations'
  | 'read_application';

/**
 * A read that shows several cases at once: a page of the case list (`list_cases`), of the review queue
 * (`list_reviews`), the cases similar to one (`list_similar`), a page of the pull feed (`read_feed`), a supervision
 * view (`list_supervision`, with the view's name), a page of the agency's queue of online applications
 * (`list_applications`, naming each application by its id, the id of the case its acceptance opens).
 */
export type ListingAction =
  'list_cases' | 'list_reviews' | 'list_similar' | 'read_feed' | 'list_supervision' | 'list_applications';

/** A case a listing showed: case ids are unique within an agency only. */
export interface ListedCase {
  readonly agency: string;
  readonly caseId: string;
}

/** Who is told, for a listing's record: the request's id and why, as the reader said (`x-purpose`). */
export interface ListingRequest {
  readonly requestId: string;
  readonly purpose?: string;
}

/** A read of several cases at once, granted: recorded on the reader's own trail, naming every case it showed. */
export interface ListingEntry {
  readonly principal: Pick<Principal, 'sub' | 'agency' | 'roles'>;
  readonly action: ListingAction;
  readonly requestId: string;
  /** Why, as the reader said (`x-purpose`). */
  readonly purpose?: string;
  /** Which supervision view, for `list_supervision` (its path's last segment: `major-decisions`). */
  readonly view?: string;
  /** The cases shown, in the order shown; one listed twice is named once. */
  readonly cases: readonly ListedCase[];
}

/** A retrieval of a case, granted: recorded on the case's access trail. */
export interface AccessEntry {
  /** The agency of the case read (case ids are unique within an agency only). */
  readonly agency: string;
  readonly caseId: string;
  readonly principal: Pick<Principal, 'sub' | 'agency' | 'roles'>;
  readonly action: AccessAction;
  readonly requestId: string;
  /** Why the record was retrieved (a supervision check, a dispute), from the `x-purpose` header. */
  readonly purpose?: string;
  readonly media?: string;
}

/**
 * A retrieval refused: the case (or medium) is not one the reader may read, or there is no such thing; the reader is
 * answered `404` either way, and the record says no more than the reader asked for.
 */
export interface DeniedEntry {
  readonly principal: Pick<Principal, 'sub' | 'agency' | 'roles'>;
  readonly action: AccessAction;
  readonly requestId: string;
  readonly caseId?: string;
  readonly media?: string;
  readonly purpose?: string;
}

/** The access trail of a case: every granted retrieval of it. */
export function accessStream(agency: string, caseId: string): string {
  return agencyStream('access', agency, caseId);
}

/** The reader's own trail of refused retrievals (the reader's agency and subject). */
export function deniedAccessStream(agency: string, sub: string): string {
  return agencyStream('denied', agency, sub);
}

/** The reader's own trail of listings, reads that showed several cases at once (the reader's agency and subject). */
export function readerTrail(agency: string, sub: string): string {
  return agencyStream('reads', agency, sub);
}

export const CASE_ACCESSED = 'CaseAccessed';
export const CASE_ACCESS_DENIED = 'CaseAccessDenied';
export const CASES_LISTED = 'CasesListed';

/** Most cases one listing event names; a larger listing is recorded as several events. */
export const MAX_CASES_PER_LISTING = 500;

/**
 * Every retrieval of a case (调阅) is itself recorded, as a signed event, before anything is sent. A granted one
 * (`CaseAccessed`) goes to the case's access trail; a refused one (`CaseAccessDenied`) to the reader's own trail,
 * so that nobody can add a record to another agency's streams by asking for what they may not read. Concurrent
 * retrievals share the store's group commits; the head of each stream is cached so that a read never replays it.
 */
export class AccessLog {
  private readonly heads = new Map<string, StreamHead | null>();

  constructor(
    private readonly deps: CommandDependencies,
    private readonly newId: () => string,
  ) {}

  /** Records a granted retrieval on the case's access trail. */
  record(entry: AccessEntry): Promise<void> {
    const { agency, principal, ...data } = entry;
    return this.write(accessStream(agency, entry.caseId), CASE_ACCESSED, principal, { ...data, outcome: 'granted' });
  }

  /**
   * Records a listing on the reader's own trail (`CasesListed`), naming each case it showed; a listing that showed
   * none records nothing. One event per {@link MAX_CASES_PER_LISTING} cases, so that no event grows without bound.
   */
  async listed(entry: ListingEntry): Promise<void> {
    const { principal, cases, ...data } = entry;
    const seen = new Set<string>();
    const named: ListedCase[] = [];
    for (const c of cases) {
      const key = `${c.agency}\u0000${c.caseId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      named.push({ agency: c.agency, caseId: c.caseId });
    }
    const stream = readerTrail(principal.agency, principal.sub);
    for (let start = 0; start < named.length; start += MAX_CASES_PER_LISTING) {
      const part = named.slice(start, start + MAX_CASES_PER_LISTING);
      await this.write(stream, CASES_LISTED, principal, { ...data, cases: part, outcome: 'granted' });
    }
  }

  /** Records a refused retrieval on the reader's trail. */
  denied(entry: DeniedEntry): Promise<void> {
    const { principal, ...data } = entry;
    const stream = deniedAccessStream(principal.agency, principal.sub);
    return this.write(stream, CASE_ACCESS_DENIED, principal, { ...data, outcome: 'denied' });
  }

  private write(
    stream: string,
    type: string,
    principal: AccessEntry['principal'],
    data: Record<string, unknown>,
  ): Promise<void> {
    const append = () => this.append(stream, type, principal, data);
    return this.deps.locks ? this.deps.locks.run(stream, append) : append();
  }

  private async append(
    stream: string,
    type: string,
    principal: AccessEntry['principal'],
    data: Record<string, unknown>,
  ): Promise<void> {
    const now = this.deps.clock.now().toISOString();
    const draft = {
      id: this.newId(),
      type,
      schemaVersion: 1,
      occurredAt: now,
      actor: { sub: principal.sub, agency: principal.agency, roles: [...principal.roles] },
      data,
      media: [],
    };
    for (let attempt = 0; attempt < 5; attempt++) {
      const head = this.heads.has(stream) ? this.heads.get(stream)! : await this.readHead(stream);
      const sealed = sealEvents(stream, head, [draft], this.deps.signer, now);
      try {
        const result = await this.deps.events.append(stream, sealed, head ? head.revision : 'no_stream');
        this.heads.set(stream, { revision: result.revision, hash: result.hash });
        return;
      } catch (err) {
        if (!(err instanceof RevisionConflict)) throw err;
        this.heads.delete(stream); // another replica wrote: read the head again
      }
    }
    throw new RevisionConflict(stream, 'a free revision', null);
  }

  private async readHead(stream: string): Promise<StreamHead | null> {
    const [last] = await this.deps.events.readStream(stream, { direction: 'backward', limit: 1 });
    if (!last) return null;
    checkStoredEvents(stream, [last.event]); // the head chained onto is the stored last event as sealed
    return { revision: last.event.revision, hash: last.event.hash };
  }
}
