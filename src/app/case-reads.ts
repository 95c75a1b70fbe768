import { caseStream } from '../domain/case/acts.js';
import { conflict, notFound } from '../domain/errors.js';
import type { EventStore } from '../ports/event-store.js';
import type { AccessAction, AccessLog, ListingEntry } from './access-log.js';
import type { Principal } from './auth.js';

/** The agencies whose records a principal may read: its own and, for a supervisor, those it supervises. */
export function readableAgencies(principal: Principal): string[] {
  const supervised = principal.roles.includes('supervisor') ? principal.supervises : [];
  return [...new Set([principal.agency, ...supervised])];
}

/** May this principal read the records of `agency`: its own, or one it supervises. */
export function canRead(principal: Principal, agency: string): boolean {
  return readableAgencies(principal).includes(agency);
}

/**
 * What `find` gives in each of `agencies` that has it (one look-up per agency, together): case ids, and application
 * ids, are unique within an agency only. `409 case_ambiguous` naming the agencies when more than one has `what`.
 */
export async function foundInAgencies<T>(
  agencies: readonly string[],
  find: (agency: string) => T | undefined | Promise<T | undefined>,
  what: string,
): Promise<{ readonly agency: string; readonly found: T } | undefined> {
  const looked = await Promise.all(
    agencies.map(async (agency) => ({ agency, found: (await find(agency)) as T | undefined })),
  );
  const hits = looked.filter((hit): hit is { agency: string; found: T } => hit.found !== undefined);
  if (hits.length > 1) {
    const names = hits.map((hit) => hit.agency);
    throw conflict('case_ambiguous', `agencies ${names.join(', ')} each have ${what}: name one`, { agencies: names });
  }
  return hits[0];
}

/**
 * Where a case is found in the log itself rather than in a read model (which may lag): an agency has case
 * `caseId` when the case's stream has a first event, one event read per agency looked in.
 */
export function openedInLog(
  events: Pick<EventStore, 'readStream'>,
  caseId: string,
): (agency: string) => Promise<true | undefined> {
  return async (agency) =>
    (await events.readStream(caseStream(agency, caseId), { limit: 1 })).length > 0 ? true : undefined;
}

/** One retrieval of a case (调阅), as a route asks for it. */
export interface Retrieval {
  readonly principal: Principal;
  readonly caseId: string;
  /** `?agency=`: the agency whose case is meant, where the id is not unique among those the reader may read. */
  readonly agency?: string;
  readonly action: AccessAction;
  readonly requestId: string;
  /** Why, as the reader said (`x-purpose`). */
  readonly purpose?: string;
}

/**
 * Retrievals of cases. Case ids are unique within an agency only, so a case id is looked up among the agencies the
 * reader may read (its own, and those a supervisor supervises), or only in `agency` when given:
 *
 * - found in exactly one: the retrieval is recorded on that case's access trail before the caller sends anything;
 * - found in none (there is no such case, or it is another agency's, or `agency` is not one the reader may read):
 *   `404 not_found`, the same answer whatever other agencies hold, and the refusal is recorded on the reader's own
 *   trail, never on another agency's;
 * - found in several (a supervisor reading an id that two of its agencies use): `409 case_ambiguous` naming those
 *   agencies, all of which the reader may read; `?agency=` picks one. Nothing is retrieved, so nothing is recorded.
 */
export class CaseReads {
  constructor(private readonly access: Pick<AccessLog, 'record' | 'denied' | 'listed'>) {}

  /** Records a read that showed several cases at once, before the caller sends it (see {@link AccessLog.listed}). */
  listed(entry: ListingEntry): Promise<void> {
    return this.access.listed(entry);
  }

  /**
   * Finds the case with `find` (the case's data in one agency, or undefined when that agency has no such case) and
   * records the retrieval; returns the agency and what `find` gave. `mediumOf` names the file a retrieval of one
   * sends (its SHA-256), which the record then carries as `media`. `refuse` answers what the reader asked of a case
   * it may read but that the case does not hold (a draft of another case, a field that is not sealed): its error is
   * thrown and nothing is recorded, neither a retrieval (nothing was retrieved) nor a refusal of the case.
   */
  async retrieve<T>(
    retrieval: Retrieval,
    find: (agency: string) => T | undefined | Promise<T | undefined>,
    options: { readonly mediumOf?: (found: T) => string; readonly refuse?: (found: T) => Error | undefined } = {},
  ): Promise<{ readonly agency: string; readonly found: T }> {
    const { mediumOf, refuse } = options;
    const { principal, caseId, action, requestId, purpose } = retrieval;
    const scope = readableAgencies(principal);
    const candidates = retrieval.agency === undefined ? scope : scope.filter((a) => a === retrieval.agency);
    const hit = await foundInAgencies(candidates, find, `a case ${caseId}`);
    const entry = { principal, caseId, action, requestId, ...(purpose === undefined ? {} : { purpose }) };
    if (!hit) {
      await this.access.denied(entry);
      throw notFound(`no case ${caseId}`);
    }
    const refused = refuse?.(hit.found);
    if (refused) throw refused;
    const media = mediumOf ? { media: mediumOf(hit.found) } : {};
    await this.access.record({ ...entry, ...media, agency: hit.agency });
    return hit;
  }
}
