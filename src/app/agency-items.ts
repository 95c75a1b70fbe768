import { itemKey, type ItemDoc } from '../../projections/registry.js';
import type { Position } from '../ports/event-store.js';
import type { ReadModelStore } from '../ports/read-models.js';
import { caughtUp, type ReadConsistency } from './read-consistency.js';
import { pageOf } from './read-pages.js';

/** An enforcement item as the agency's administrator manages it: what the list names it by, and whether it is retired. */
export interface AgencyItem {
  readonly code: string;
  readonly name: string;
  readonly category: ItemDoc['category'];
  readonly legalBasis: string;
  readonly retired: boolean;
}

/** How many items one page of the administrator's list shows. */
export const ITEMS_PAGE = 100;

const itemOf = (i: ItemDoc): AgencyItem => ({
  code: i.code,
  name: i.name,
  category: i.category,
  legalBasis: i.legalBasis,
  retired: i.retired,
});

/**
 * The enforcement items of one agency, for its administrator's screen (`/admin/items`), from the registry's read
 * model, a page of {@link ITEMS_PAGE} at a time in the order of their codes.
 */
export class AgencyItems {
  constructor(private readonly deps: { readonly readModels: ReadModelStore; readonly runner: ReadConsistency }) {}

  /** A page of the agency's items after the cursor `after` (the `next` of the page before); `next` when more follow. */
  async of(
    agency: string,
    options: { readonly after?: string; readonly limit?: number; readonly consistentWith?: Position } = {},
  ): Promise<{ items: AgencyItem[]; next?: string }> {
    await caughtUp(this.deps.runner, options.consistentWith);
    const page = pageOf(() =>
      this.deps.readModels.query<ItemDoc>('items', {
        where: { agency },
        limit: options.limit ?? ITEMS_PAGE,
        ...(options.after === undefined ? {} : { after: options.after }),
      }),
    );
    return { items: page.items.map(itemOf), ...(page.next === undefined ? {} : { next: page.next }) };
  }

  /** One item of the agency, however many it has; undefined when it has no item of that code. */
  async one(agency: string, code: string, consistentWith?: Position): Promise<AgencyItem | undefined> {
    await caughtUp(this.deps.runner, consistentWith);
    const doc = this.deps.readModels.get<ItemDoc>('items', itemKey(agency, code));
    return doc === undefined ? undefined : itemOf(doc);
  }
}
