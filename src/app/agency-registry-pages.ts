import type { Position } from '../ports/event-store.js';
import type { Doc, ReadModelStore } from '../ports/read-models.js';
import { caughtUp, type ReadConsistency } from './read-consistency.js';
import { pageOf } from './read-pages.js';

/** Which registry documents an administrator's list reads, and what it shows of each. */
export interface AgencyRegistrySpec<D extends Doc, T> {
  /** The read-model collection, indexed by `agency`. */
  readonly collection: string;
  /** A document's key from its agency and id. */
  readonly key: (agency: string, id: string) => string;
  readonly view: (doc: D) => T;
  /** How many one page shows. */
  readonly pageSize: number;
}

/**
 * One agency's entries of a registry (its officers, its enforcement items) for its administrator's screens, from
 * the registry's read model: a page at a time in key order, or one entry by id, whatever its place.
 */
export class AgencyRegistryPages<D extends Doc, T> {
  constructor(
    private readonly deps: { readonly readModels: ReadModelStore; readonly runner: ReadConsistency },
    private readonly spec: AgencyRegistrySpec<D, T>,
  ) {}

  /** A page of the agency's entries after the cursor `after` (the `next` of the page before); `next` when more follow. */
  async of(
    agency: string,
    options: { readonly after?: string; readonly limit?: number; readonly consistentWith?: Position } = {},
  ): Promise<{ items: T[]; next?: string }> {
    await caughtUp(this.deps.runner, options.consistentWith);
    const page = pageOf(() =>
      this.deps.readModels.query<D>(this.spec.collection, {
        where: { agency },
        limit: options.limit ?? this.spec.pageSize,
        ...(options.after === undefined ? {} : { after: options.after }),
      }),
    );
    return { items: page.items.map(this.spec.view), ...(page.next === undefined ? {} : { next: page.next }) };
  }

  /** One entry of the agency, however many it has; undefined when it has none of that id. */
  async one(agency: string, id: string, consistentWith?: Position): Promise<T | undefined> {
    await caughtUp(this.deps.runner, consistentWith);
    const doc = this.deps.readModels.get<D>(this.spec.collection, this.spec.key(agency, id));
    return doc === undefined ? undefined : this.spec.view(doc);
  }
}
