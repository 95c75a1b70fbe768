import { Router, type Request, type RequestHandler } from 'express';
import { CHECKPOINTS, type CheckpointDoc } from '../../projections/checkpoints.js';
import { DISCLOSURES, type DisclosureDoc } from '../../projections/disclosures.js';
import type { ItemDoc, OfficerDoc } from '../../projections/registry.js';
import { type Page, type Query, type ReadModelStore } from '../ports/read-models.js';
import { publicFine } from '../domain/redaction.js';
import { ATOM_CONTENT_TYPE, renderFeed } from './atom.js';
import { awaitConsistency, type ReadConsistency } from './consistency.js';
import { date, id, limitOf, oneOf, pageOf, single } from './query.js';
import { InvalidQuery } from './validation.js';

export interface PublicApiDependencies {
  readonly readModels: ReadModelStore;
  readonly runner: ReadConsistency;
  /** The public routes' rate limit (one budget per client address, shared with the other public routes). */
  readonly limited: RequestHandler;
  /** Milliseconds since the epoch, for the rate limit and the `updated` of an empty feed. */
  readonly now?: () => number;
}

const CATEGORIES = new Set(['penalty', 'licensing', 'coercive', 'inspection', 'levy', 'other']);
const OFFICER_STATUSES = new Set(['active', 'suspended', 'retired']);

/**
 * What anyone may read, without a token (行政执法公示): the disclosed decisions as JSON and as an Atom feed, the
 * officer list and the enforcement-item list. Every route is rate-limited per client address and supports
 * `?consistentWith=`. Disclosures come from the disclosures projection, redacted there; the lists publish only
 * the members named below.
 */
export function publicApi({ readModels, runner, limited, now = Date.now }: PublicApiDependencies): Router {
  const router = Router();
  /** The latest checkpoint of the log, published with the decisions. */
  const latestCheckpoint = () => {
    const [latest] = readModels.query<CheckpointDoc>(CHECKPOINTS, {
      orderBy: 'size',
      direction: 'desc',
      limit: 1,
    }).items;
    if (!latest) return undefined;
    const { origin, size, rootHash, note, issuedAt } = latest;
    return { origin, size, rootHash, note, issuedAt };
  };

  router.get('/v1/disclosures', limited, async (req, res) => {
    const filters = disclosureFilters(req);
    const limit = limitOf(req.query.limit);
    const cursor = disclosuresCursor(req.query.cursor);
    await awaitConsistency(req, runner);
    const page = (status: DisclosureDoc['status'], orderBy: string, after: string | null | undefined) =>
      after === null
        ? ({ items: [] } as Page<DisclosureDoc>)
        : pageOf(() =>
            readModels.query<DisclosureDoc>(DISCLOSURES, {
              ...filters(status),
              orderBy,
              direction: 'desc',
              limit,
              ...(after === undefined ? {} : { after }),
            }),
          );
    const items = page('published', 'publishedOn', cursor.items);
    const withdrawals = page('withdrawn', 'updatedAt', cursor.withdrawals);
    const next =
      items.next !== undefined || withdrawals.next !== undefined
        ? encodeDisclosuresCursor(items.next ?? null, withdrawals.next ?? null)
        : undefined;
    const checkpoint = latestCheckpoint();
    res.json({
      items: items.items.map(publishedView),
      withdrawals: withdrawals.items.map(withdrawalView),
      ...(checkpoint ? { checkpoint } : {}),
      ...(next === undefined ? {} : { next }),
    });
  });

  router.get('/v1/disclosures/feed.atom', limited, async (req, res) => {
    const filters = disclosureFilters(req);
    const limit = limitOf(req.query.limit);
    const after = single(req.query.cursor, 'cursor');
    await awaitConsistency(req, runner);
    const page = pageOf(() =>
      readModels.query<DisclosureDoc>(DISCLOSURES, {
        ...filters(undefined),
        orderBy: 'updatedAt',
        direction: 'desc',
        limit,
        ...(after === undefined ? {} : { after }),
      }),
    );
    const base = `${req.protocol}://${req.get('host') ?? 'localhost'}`;
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
    const xml = renderFeed(page.items, {
      id: feedId(req),
      self: withCursor(self, after),
      alternate: withCursor(alternate, undefined),
      ...(page.next === undefined ? {} : { next: withCursor(self, page.next) }),
      emptyUpdated: new Date(now()).toISOString(),
      ...(after === undefined && latestCheckpoint() ? { checkpoint: latestCheckpoint()! } : {}),
    });
    res.status(200).setHeader('Content-Type', ATOM_CONTENT_TYPE);
    res.send(xml);
  });

  router.get('/v1/officers', limited, async (req, res) => {
    const agency = id(req.query.agency, 'agency');
    const status = oneOf(req.query.status, 'status', OFFICER_STATUSES);
    const limit = limitOf(req.query.limit);
    const after = single(req.query.cursor, 'cursor');
    await awaitConsistency(req, runner);
    const where: Record<string, string> = {};
    if (agency !== undefined) where.agency = agency;
    if (status !== undefined) where.status = status;
    const page = pageOf(() =>
      readModels.query<OfficerDoc>('officers', { where, limit, ...(after === undefined ? {} : { after }) }),
    );
    res.json({ items: page.items.map(officerView), ...(page.next === undefined ? {} : { next: page.next }) });
  });

  router.get('/v1/items', limited, async (req, res) => {
    const agency = id(req.query.agency, 'agency');
    const category = oneOf(req.query.category, 'category', CATEGORIES);
    const retired = oneOf(req.query.retired, 'retired', new Set(['true', 'false']));
    const limit = limitOf(req.query.limit);
    const after = single(req.query.cursor, 'cursor');
    await awaitConsistency(req, runner);
    const where: Record<string, string | boolean> = {};
    if (agency !== undefined) where.agency = agency;
    if (category !== undefined) where.category = category;
    if (retired !== undefined) where.retired = retired === 'true';
    const page = pageOf(() =>
      readModels.query<ItemDoc>('items', { where, limit, ...(after === undefined ? {} : { after }) }),
    );
    res.json({ items: page.items.map(itemView), ...(page.next === undefined ? {} : { next: page.next }) });
  });

  return router;
}

/** `?agency=`, `?category=`, `?from=`/`?to=` (publication dates, inclusive), as a query of the given status. */
function disclosureFilters(
  req: Request,
): (status: DisclosureDoc['status'] | undefined) => Pick<Query, 'where' | 'range'> {
  const agency = id(req.query.agency, 'agency');
  const category = oneOf(req.query.category, 'category', CATEGORIES);
  const from = date(req.query.from, 'from');
  const to = date(req.query.to, 'to');
  if (from !== undefined && to !== undefined && from > to) throw new InvalidQuery('from must not be after to');
  return (status) => {
    const where: Record<string, string> = {};
    if (status !== undefined) where.status = status;
    if (agency !== undefined) where.agency = agency;
    if (category !== undefined) where.category = category;
    return {
      where,
      ...(from !== undefined || to !== undefined
        ? { range: { member: 'publishedOn', ...(from ? { from } : {}), ...(to ? { to } : {}) } }
        : {}),
    };
  };
}

/** The feed's id: one per combination of filters, so a filtered feed is a feed of its own. */
function feedId(req: Request): string {
  const filters = ['agency', 'category', 'from', 'to']
    .filter((name) => typeof req.query[name] === 'string')
    .map((name) => `${name}=${encodeURIComponent(req.query[name] as string)}`);
  return `urn:evidence-ledger:disclosures${filters.length ? `?=${filters.join('&')}` : ''}`;
}

/** A published decision as the JSON list shows it (the members of the DESIGN contract and a few more). */
function publishedView(d: DisclosureDoc) {
  return {
    caseId: d.caseId,
    agency: d.agency,
    itemCode: d.itemCode,
    ...(d.itemName === undefined ? {} : { itemName: d.itemName }),
    ...(d.category === undefined ? {} : { category: d.category }),
    decisionType: d.decisionType,
    ...publicFine(d.fineFen),
    legalBasis: d.legalBasis,
    documentNo: d.documentNo,
    decidedOn: d.decidedOn,
    publishedOn: d.publishedOn,
    updatedAt: d.updatedAt,
    parties: d.parties ?? [],
  };
}

/** A withdrawal notice: which publication was withdrawn, when and why; nothing of the decision itself. */
function withdrawalView(d: DisclosureDoc) {
  return {
    caseId: d.caseId,
    agency: d.agency,
    itemCode: d.itemCode,
    documentNo: d.documentNo,
    publishedOn: d.publishedOn,
    withdrawnAt: d.withdrawal?.withdrawnAt ?? d.updatedAt,
    reason: d.withdrawal?.reason ?? '',
  };
}

/** The public officer list (执法人员名单): who may enforce, with which certificate, until when. */
function officerView(o: OfficerDoc) {
  return {
    name: o.name,
    certificateNo: o.certificateNo,
    agency: o.agency,
    categories: o.categories ?? [],
    validFrom: o.validFrom,
    validTo: o.validTo,
    status: o.status,
  };
}

/** The enforcement-item list (执法事项清单). */
function itemView(i: ItemDoc) {
  return {
    code: i.code,
    agency: i.agency,
    name: i.name,
    category: i.category,
    legalBasis: i.legalBasis,
    ...(i.major === undefined ? {} : { major: i.major }),
    ...(i.disclosureWorkingDays === undefined ? {} : { disclosureWorkingDays: i.disclosureWorkingDays }),
    retired: i.retired,
  };
}

/**
 * The JSON list pages published decisions and withdrawal notices side by side: its cursor holds both sequences'
 * positions (`null` once a sequence is exhausted), absent on the first page.
 */
interface DisclosuresCursor {
  readonly items?: string | null;
  readonly withdrawals?: string | null;
}

function encodeDisclosuresCursor(items: string | null, withdrawals: string | null): string {
  return Buffer.from(JSON.stringify({ i: items, w: withdrawals }), 'utf8').toString('base64url');
}

function disclosuresCursor(value: unknown): DisclosuresCursor {
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
