import type { Request } from 'express';
import { toDayNumber } from '../domain/calendar/working-days.js';
import type { Paging } from '../app/read-pages.js';
import { hasLoneSurrogate } from '../ledger/canonical-json.js';
import { InvalidQuery } from './validation.js';
import { ID_PATTERN } from '../domain/streams.js';
import { notFound } from '../domain/errors.js';

export { pageOf } from '../app/read-pages.js';

/**
 * Query parameters, read strictly: each given at most once, non-empty, in its format; anything else is
 * `400 invalid_query` naming the parameter. The value itself is never echoed (it may be anything).
 */

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The longest value any query parameter takes (a search text, a cursor, an id): longer ones mean nothing. */
const MAX_QUERY_VALUE = 1000;

/** A parameter given once, as a non-empty value of at most 1,000 characters; undefined when absent. */
export function single(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length === 0) {
    throw new InvalidQuery(`${name} must be given once, as a non-empty value`);
  }
  if (value.length > MAX_QUERY_VALUE) throw new InvalidQuery(`${name} must be at most ${MAX_QUERY_VALUE} characters`);
  return value;
}

/**
 * `?purpose=`: why a record is retrieved, as a page's form sends it (a browser cannot send the `x-purpose` header),
 * kept in the access record as that header's value is: at most 200 characters, control characters as spaces; an
 * empty one is none.
 */
export function queryPurpose(req: Request): string | undefined {
  const raw = req.query.purpose;
  if (raw === undefined || raw === '') return undefined;
  const text = single(raw, 'purpose')!;
  if (hasLoneSurrogate(text)) throw new InvalidQuery('purpose is not valid text');
  // cut by code points: cutting a surrogate pair in two would leave text that cannot be signed
  const plain = Array.from(text, (c) => (c < ' ' || c === '\u007f' ? ' ' : c))
    .join('')
    .trim();
  const cut = Array.from(plain).slice(0, 200).join('');
  return cut === '' ? undefined : cut;
}

/** An identifier: a case, agency, item or officer id. */
export function id(value: unknown, name: string): string | undefined {
  const text = single(value, name);
  if (text !== undefined && !ID_PATTERN.test(text)) throw new InvalidQuery(`${name} is not an identifier`);
  return text;
}

/**
 * An identifier in the path: a segment of a form no identifier has names nothing, `404 not_found` as for an id
 * nothing has (a query's identifier is `400 invalid_query`: the request, not the resource, is wrong).
 */
export function pathId(value: unknown, name: string): string {
  if (typeof value !== 'string' || !ID_PATTERN.test(value)) {
    throw notFound(`no such resource: ${name} is not an identifier`);
  }
  return value;
}

export function oneOf<T extends string>(value: unknown, name: string, allowed: Iterable<T>): T | undefined {
  const text = single(value, name);
  const values = [...allowed] as string[];
  if (text !== undefined && !values.includes(text)) {
    throw new InvalidQuery(`${name} must be one of ${values.join(', ')}`);
  }
  return text as T | undefined;
}

/**
 * The years a `?year=` names: from 1949 to 9998, so that a year's figures, which reach the next year's first day,
 * stay in four-digit dates.
 */
export const YEARS = { first: 1949, last: 9998 } as const;

/** A year, YYYY, within {@link YEARS} (the statistics, the weak points, the dashboard's charts). */
export function year(value: unknown, name = 'year'): number | undefined {
  const text = single(value, name);
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d{4}$/.test(text) || n < YEARS.first || n > YEARS.last) {
    throw new InvalidQuery(`${name} must be a year, YYYY, from ${YEARS.first} to ${YEARS.last}`);
  }
  return n;
}

/** A calendar date, YYYY-MM-DD (2026-02-30 is refused). */
export function date(value: unknown, name: string): string | undefined {
  const text = single(value, name);
  if (text === undefined) return undefined;
  if (DATE.test(text)) {
    try {
      toDayNumber(text);
      return text;
    } catch {
      // not a calendar date: refused below
    }
  }
  throw new InvalidQuery(`${name} must be a date, YYYY-MM-DD`);
}

/**
 * The days a dated view may be judged on (`?asOf=`): those of {@link YEARS}, from 1949-01-01 to 9998-12-31, so that
 * what a view reckons from its day (a due date some days on, a time limit, the next year's first day) stays in
 * four-digit dates.
 */
export const AS_OF_DAYS = { first: `${YEARS.first}-01-01`, last: `${YEARS.last}-12-31` } as const;

/**
 * `?asOf=`, the day a dated view (the supervision views, the overdue applications) is judged on: a date within
 * {@link AS_OF_DAYS}; undefined when absent (the view's default day, today where the agency is).
 */
export function asOfDay(value: unknown, name = 'asOf'): string | undefined {
  const day = date(value, name);
  // YYYY-MM-DD compares as it counts
  if (day !== undefined && (day < AS_OF_DAYS.first || day > AS_OF_DAYS.last)) {
    throw new InvalidQuery(`${name} must be a date from ${AS_OF_DAYS.first} to ${AS_OF_DAYS.last}`);
  }
  return day;
}

/** `?limit=`: 1 to `max` (default 200), `fallback` when absent (default 50). */
export function limitOf(value: unknown, { max = 200, fallback = 50 } = {}): number {
  const text = single(value, 'limit');
  if (text === undefined) return fallback;
  if (!/^\d{1,4}$/.test(text) || Number(text) < 1 || Number(text) > max) {
    throw new InvalidQuery(`limit must be an integer from 1 to ${max}`);
  }
  return Number(text);
}

/** A position of the global log (an integer of at most 15 digits), after which a feed starts; undefined when absent. */
export function position(value: unknown, name: string): number | undefined {
  const text = single(value, name);
  if (text === undefined) return undefined;
  if (!/^\d{1,15}$/.test(text)) throw new InvalidQuery(`${name} must be a position (an integer of at most 15 digits)`);
  return Number(text);
}

/** `?limit=` and `?cursor=` of a paged list. */
export function pagingOf(req: Request): Paging {
  const after = single(req.query.cursor, 'cursor');
  return { limit: limitOf(req.query.limit), ...(after === undefined ? {} : { after }) };
}

/** The opaque cursor of a page of a stream that starts at `revision`: base64url of `r<revision>`. */
export function revisionCursor(revision: number): string {
  return Buffer.from(`r${revision}`).toString('base64url');
}

/** `?cursor=` of a page of a stream: the revision it starts at (0 when absent); 400 for a cursor not so made. */
export function revisionCursorOf(value: unknown): number {
  const text = single(value, 'cursor');
  if (text === undefined) return 0;
  const match = /^r(0|[1-9]\d{0,14})$/.exec(Buffer.from(text, 'base64url').toString('latin1'));
  if (!match || revisionCursor(Number(match[1])) !== text) {
    throw new InvalidQuery('cursor is not one this list returned');
  }
  return Number(match[1]);
}
