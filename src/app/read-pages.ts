import { InvalidQuery } from '../errors.js';
import { InvalidCursor, type Doc, type Page, type Query, type ReadModelStore } from '../ports/read-models.js';

/** `?limit=` and `?cursor=` of a paged list: at most `limit` items, after the cursor a page before gave. */
export interface Paging {
  readonly limit: number;
  readonly after?: string;
}

/** Documents read per store query when a read takes a whole set (statistics, staff, certificates). */
export const READ_ALL_BATCH = 200;
/** Most documents one page of a filtered list examines before it answers with what it found and a cursor. */
export const MAX_SCAN = 2_000;

/** Runs a store query; a cursor the store cannot read is the client's error (`400 invalid_query`). */
export function pageOf<T>(run: () => T): T {
  try {
    return run();
  } catch (err) {
    throw cursorRefused(err);
  }
}

/**
 * A cursor the store could not read (tampered, or another list's) as the client's error, `400 invalid_query`;
 * any other error as it is. For the error handlers, whichever read passed the store's refusal on.
 */
export function cursorRefused(err: unknown): unknown {
  return err instanceof InvalidCursor ? new InvalidQuery('cursor is not one this list returned') : err;
}

/**
 * One page of a list whose documents the store selects and `select` keeps or drops: the store is read in
 * slices until `limit` items are kept, the store has no more, or {@link MAX_SCAN} documents were examined; `next`
 * continues after the last document examined, so a page may hold fewer items than `limit` while there are more.
 */
export function filledPage<D extends Doc, T>(
  readModels: Pick<ReadModelStore, 'query'>,
  collection: string,
  query: Omit<Query, 'limit' | 'after'>,
  select: (doc: D) => T | undefined,
  paging: Paging,
): { items: T[]; next?: string } {
  const items: T[] = [];
  let after = paging.after;
  let scanned = 0;
  for (;;) {
    const want = paging.limit - items.length;
    const page: Page<D> = pageOf(() =>
      readModels.query<D>(collection, { ...query, limit: want, ...(after === undefined ? {} : { after }) }),
    );
    scanned += page.items.length;
    for (const doc of page.items) {
      const kept = select(doc);
      if (kept !== undefined) items.push(kept);
    }
    after = page.next;
    if (after === undefined || items.length >= paging.limit || scanned >= MAX_SCAN) break;
  }
  return { items, ...(after === undefined ? {} : { next: after }) };
}

/** Every document a query selects, read in slices of {@link READ_ALL_BATCH}. */
export function readAll<D extends Doc>(
  readModels: Pick<ReadModelStore, 'query'>,
  collection: string,
  query: Omit<Query, 'limit' | 'after'>,
): D[] {
  return [...readEach<D>(readModels, collection, query)];
}

/**
 * The documents a query selects, read in slices of {@link READ_ALL_BATCH} as they are taken: a reader that stops
 * early reads no further slice.
 */
export function* readEach<D extends Doc>(
  readModels: Pick<ReadModelStore, 'query'>,
  collection: string,
  query: Omit<Query, 'limit' | 'after'>,
): Generator<D> {
  let after: string | undefined;
  do {
    const page = readModels.query<D>(collection, {
      ...query,
      limit: READ_ALL_BATCH,
      ...(after === undefined ? {} : { after }),
    });
    yield* page.items;
    after = page.next;
  } while (after !== undefined);
}
