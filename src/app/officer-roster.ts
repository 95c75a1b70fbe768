import { officerKey, type OfficerDoc } from '../../projections/registry.js';
import type { Position } from '../ports/event-store.js';
import type { ReadModelStore } from '../ports/read-models.js';
import { caughtUp, type ReadConsistency } from './read-consistency.js';
import { pageOf } from './read-pages.js';

/** An officer as the agency's administrator manages them: the public list's entry, with the officer's id and roles. */
export interface RosterEntry {
  readonly officerId: string;
  readonly name: string;
  readonly certificateNo: string;
  readonly validFrom: string;
  readonly validTo: string;
  readonly roles: readonly string[];
  readonly status: OfficerDoc['status'];
}

/** How many officers one page of the roster shows. */
export const ROSTER_PAGE = 100;

const entryOf = (o: OfficerDoc): RosterEntry => ({
  officerId: o.officerId,
  name: o.name,
  certificateNo: o.certificateNo,
  validFrom: o.validFrom,
  validTo: o.validTo,
  roles: [...o.roles],
  status: o.status,
});

/**
 * The officers of one agency, for its administrator's screen (`/admin/officers`), from the registry's read model,
 * a page of {@link ROSTER_PAGE} at a time in the order of their ids.
 */
export class OfficerRoster {
  constructor(private readonly deps: { readonly readModels: ReadModelStore; readonly runner: ReadConsistency }) {}

  /** A page of the agency's officers after the cursor `after` (the `next` of the page before); `next` when more follow. */
  async of(
    agency: string,
    options: { readonly after?: string; readonly limit?: number; readonly consistentWith?: Position } = {},
  ): Promise<{ items: RosterEntry[]; next?: string }> {
    await caughtUp(this.deps.runner, options.consistentWith);
    const page = pageOf(() =>
      this.deps.readModels.query<OfficerDoc>('officers', {
        where: { agency },
        limit: options.limit ?? ROSTER_PAGE,
        ...(options.after === undefined ? {} : { after: options.after }),
      }),
    );
    return { items: page.items.map(entryOf), ...(page.next === undefined ? {} : { next: page.next }) };
  }

  /** One officer of the agency, however many it has; undefined when it has no such officer. */
  async one(agency: string, officerId: string, consistentWith?: Position): Promise<RosterEntry | undefined> {
    await caughtUp(this.deps.runner, consistentWith);
    const doc = this.deps.readModels.get<OfficerDoc>('officers', officerKey(agency, officerId));
    return doc === undefined ? undefined : entryOf(doc);
  }
}
