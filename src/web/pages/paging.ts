import type { Request } from 'express';
import type { Paging } from '../../app/read-pages.js';
import { limitOf, single } from '../../http/query.js';

/** The most rows `?limit=` asks a paged list of the signed-in pages for. */
export const MAX_LIST_ROWS = 200;

/** How a signed-in page reads one of its lists a page at a time, and what the pager's links keep of it. */
export interface ListPaging {
  /** The read's paging: `rows` (or `?limit=`), after `?cursor=` (or the list's own cursor parameter) when given. */
  readonly paging: Paging;
  /** The page's size when asked for (`limit`) and the list's cursor when given, as the pager's links carry them. */
  readonly params: Record<string, string>;
}

/** A query parameter as a form sends it: an empty field is no value. */
export const given = (value: unknown): unknown => (value === '' ? undefined : value);

/**
 * `?limit=` (1 to {@link MAX_LIST_ROWS}, `rows` when absent) and the list's cursor (`?cursor=` unless named) of a
 * paged list; a cursor that is not one (malformed) is answered by the read, as the API answers it (400).
 */
export function listPaging(req: Request, rows: number, cursor = 'cursor'): ListPaging {
  const limit = limitOf(given(req.query.limit), { max: MAX_LIST_ROWS, fallback: rows });
  const after = single(given(req.query[cursor]), cursor);
  return {
    paging: { limit, ...(after === undefined ? {} : { after }) },
    params: {
      ...(limit === rows ? {} : { limit: String(limit) }),
      ...(after === undefined ? {} : { [cursor]: after }),
    },
  };
}
