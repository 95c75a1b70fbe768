import { publicOrigin } from './public-origin.js';
import { Router, type Request, type RequestHandler } from 'express';
import { searchWords, type DisclosureFilter, type DisclosuresPosition, type PublicReads } from '../app/public-reads.js';
import { DECISION_TYPES } from '../domain/case/acts.js';
import { ATOM_CONTENT_TYPE, renderFeed } from './atom.js';
import { consistencyOf } from './consistency.js';
import { date, id, limitOf, oneOf, pagingOf, single } from './query.js';
import { InvalidQuery } from './validation.js';

export interface PublicApiDependencies {
  /** The public reads of the read models. */
  readonly reads: PublicReads;
  /** The public routes' rate limit (one budget per client address, shared with the other public routes). */
  readonly limited: RequestHandler;
  /** The agencies' names by code, as their profiles record them: the feed's entries name their agency by it. */
  readonly agencyNames?: () => ReadonlyMap<string, string>;
}

/**
 * The feed's `updated` while it has nothing to show (no entry, no checkpoint yet): fixed, so that the same empty
 * feed is the same document, and its `ETag` answers `If-None-Match`.
 */
const NEVER_UPDATED = '1970-01-01T00:00:00Z';

export const CATEGORIES = new Set(['penalty', 'licensing', 'coercive', 'inspection', 'levy', 'other']);
export const OFFICER_STATUSES = new Set(['active', 'suspended', 'retired']);

/**
 * What anyone may read, without a token (行政执法公示): the disclosed decisions as JSON and as an Atom feed, the
 * officer list and the enforcement-item list. Every route is rate-limited per client address and supports
 * `?consistentWith=` (`PublicReads`, `src/app/public-reads.ts`). Disclosures come from the disclosures projection,
 * redacted there; the lists publish only the members named in `src/app/public-views.ts`.
 */
export function publicApi({ reads, limited, agencyNames }: PublicApiDependencies): Router {
  const router = Router();

  router.get('/v1/disclosures', limited, async (req, res) => {
    const filter = disclosureFilter(req);
    const limit = limitOf(req.query.limit);
    const cursor = disclosuresCursor(req.query.cursor);
    const page = await reads.disclosures(filter, limit, cursor, consistencyOf(req));
    const { next, ...rest } = page;
    res.json({ ...rest, ...(next === undefined ? {} : { next: encodeDisclosuresCursor(next) }) });
  });

  router.get('/v1/disclosures/feed.atom', limited, async (req, res) => {
    const filter = disclosureFilter(req);
    const limit = limitOf(req.query.limit);
    const after = single(req.query.cursor, 'cursor');
    const page = await reads.feed(filter, { limit, ...(after === undefined ? {} : { after }) }, consistencyOf(req));
    // absolute links from PUBLIC_URL, else the request's scheme and Host (docs/read-models.md, "The Atom feed")
    const base = publicOrigin(req);
    const self = new URL(req.originalUrl, base);
    const withCursor = (url: URL, cursor: string | undefined) => {
      const copy = new URL(url);
      copy.searchParams.delete('consistentWith');
      if (cursor === undefined) copy.searchParams.delete('cursor');
      else copy.searchParams.set('cursor', cursor);
      return copy.href;
    };
    const alternate = new URL(self);
    alternate.pathname = '/v1/disclosures';
    const names = page.items.length > 0 ? agencyNames?.() : undefined;
    const xml = renderFeed(page.items, {
      ...(names ? { agencyName: (agency: string) => names.get(agency) ?? agency } : {}),
      id: feedId(req),
      self: withCursor(self, after),
      alternate: withCursor(alternate, undefined),
      ...(page.next === undefined ? {} : { next: withCursor(self, page.next) }),
      emptyUpdated: NEVER_UPDATED,
      ...(page.checkpoint ? { checkpoint: page.checkpoint } : {}),
      // each entry's page on this service's portal (`disclosureHref`, src/web/links.ts)
      pageOf: (d) => new URL(`/disclosures/${encodeURIComponent(d.agency)}/${encodeURIComponent(d.caseId)}`, base).href,
    });
    res.status(200).setHeader('Content-Type', ATOM_CONTENT_TYPE);
    res.send(xml);
  });

  router.get('/v1/officers', limited, async (req, res) => {
    const agency = id(req.query.agency, 'agency');
    const status = oneOf(req.query.status, 'status', OFFICER_STATUSES);
    const paging = pagingOf(req);
    const filter = { ...(agency === undefined ? {} : { agency }), ...(status === undefined ? {} : { status }) };
    res.json(await reads.officers(filter, paging, consistencyOf(req)));
  });

  router.get('/v1/items', limited, async (req, res) => {
    const agency = id(req.query.agency, 'agency');
    const category = oneOf(req.query.category, 'category', CATEGORIES);
    const retired = oneOf(req.query.retired, 'retired', new Set(['true', 'false']));
    const paging = pagingOf(req);
    const filter = {
      ...(agency === undefined ? {} : { agency }),
      ...(category === undefined ? {} : { category }),
      ...(retired === undefined ? {} : { retired: retired === 'true' }),
    };
    res.json(await reads.items(filter, paging, consistencyOf(req)));
  });

  return router;
}

/**
 * `?agency=`, `?itemCode=`, `?category=`, `?decisionType=`, `?from=`/`?to=` (publication dates, inclusive), `?q=` (the search's
 * words, `searchWords`): the filters of the JSON list, the feed and the portal's disclosure pages alike.
 */
export function disclosureFilter(req: { readonly query: Readonly<Record<string, unknown>> }): DisclosureFilter {
  const agency = id(req.query.agency, 'agency');
  const itemCode = id(req.query.itemCode, 'itemCode');
  const category = oneOf(req.query.category, 'category', CATEGORIES);
  const decisionType = oneOf(req.query.decisionType, 'decisionType', DECISION_TYPES);
  const from = date(req.query.from, 'from');
  const to = date(req.query.to, 'to');
  const q = single(req.query.q, 'q');
  if (from !== undefined && to !== undefined && from > to) throw new InvalidQuery('from must not be after to');
  if (q !== undefined) searchWords(q);
  return {
    ...(agency === undefined ? {} : { agency }),
    ...(itemCode === undefined ? {} : { itemCode }),
    ...(category === undefined ? {} : { category }),
    ...(decisionType === undefined ? {} : { decisionType }),
    ...(q === undefined ? {} : { q }),
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
  };
}

/** The feed's id: one per combination of filters, so a filtered feed is a feed of its own. */
function feedId(req: Request): string {
  const filters = ['agency', 'itemCode', 'category', 'decisionType', 'from', 'to', 'q']
    .filter((name) => typeof req.query[name] === 'string')
    .map((name) => `${name}=${encodeURIComponent(req.query[name] as string)}`);
  return `urn:evidence-ledger:disclosures${filters.length ? `?=${filters.join('&')}` : ''}`;
}

/**
 * The JSON list pages published decisions and withdrawal notices side by side: its cursor holds both sequences'
 * positions (`null` once a sequence is exhausted), absent on the first page.
 */
export function encodeDisclosuresCursor({ items, withdrawals }: DisclosuresPosition): string {
  return Buffer.from(JSON.stringify({ i: items, w: withdrawals }), 'utf8').toString('base64url');
}

export function disclosuresCursor(value: unknown): DisclosuresPosition {
  const text = single(value, 'cursor');
  if (text === undefined) return {};
  try {
    const parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as { i?: unknown; w?: unknown };
    const part = (v: unknown) => (typeof v === 'string' || v === null ? v : undefined);
    const items = part(parsed.i);
    const withdrawals = part(parsed.w);
    if (items !== undefined && withdrawals !== undefined) return { items, withdrawals };
  } catch {
    // not a cursor of ours: refused below
  }
  throw new InvalidQuery('cursor is not one this list returned');
}
