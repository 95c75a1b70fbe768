import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Router, type Request } from 'express';
import { CASE_ACCESSED, CASE_ACCESS_DENIED, CASES_LISTED } from '../app/access-log.js';
import type { Principal } from '../app/auth.js';
import {
  FEED_DEFAULT_LIMIT,
  FEED_MAX_LIMIT,
  FEED_MAX_TYPES,
  type EventFeed,
  type FeedPage,
} from '../app/event-feed.js';
import type { Logger } from 'pino';
import { authenticate, principalOf, requireRoles } from './authenticate.js';
import { limitOf, position, single } from './query.js';
import { noneMatchHas } from './request.js';
import { listingOf } from './retrieval.js';
import { InvalidQuery } from './validation.js';

export interface EventsApiDependencies {
  readonly feed: EventFeed;
  readonly verify: (token: string) => Principal;
  /** The event types `?types=` may name. */
  readonly eventTypes: ReadonlySet<string>;
  readonly log?: Pick<Logger, 'info'>;
}

/** The roles that may pull the feed: systems (`integration`), and people who oversee the records. */
export const FEED_ROLES = ['integration', 'supervisor', 'admin'] as const;

/**
 * `GET /v1/events?after=&types=&limit=`: the pull feed (docs/integration.md, "Pull feed"). Each page carries a
 * `Link: <…?after=N…>; rel="next"` to the page after it (also when it is empty: that is where to poll again) and a
 * strong `ETag` over what it holds, so a poll with `If-None-Match` is answered `304` while nothing new arrived.
 */
export function eventsApi({ feed, verify, eventTypes, log }: EventsApiDependencies): Router {
  const router = Router();
  router.get('/v1/events', authenticate(verify), requireRoles(...FEED_ROLES), async (req, res) => {
    const principal = principalOf(res);
    const request = {
      after: position(req.query.after, 'after') ?? 0,
      limit: limitOf(req.query.limit, { max: FEED_MAX_LIMIT, fallback: FEED_DEFAULT_LIMIT }),
      ...typesOf(req.query.types, eventTypes),
      ...listingOf(req, res),
    };
    const page = await feed.page(principal, request);
    const etag = etagOf(page, request);
    res.set({
      ETag: etag,
      Link: `<${nextHref(req, page.next)}>; rel="next"`,
      'Cache-Control': 'private, no-cache',
      Vary: 'Authorization',
    });
    log?.info(
      { sub: principal.sub, agency: principal.agency, after: request.after, events: page.events.length },
      'event feed page',
    );
    if (noneMatchHas(req.get('if-none-match'), etag)) {
      res.status(304).end();
      return;
    }
    res.json({ events: page.events, next: page.next });
  });
  return router;
}

/**
 * The event types of the agencies' streams: every type with a schema under `schemas/events`, and the access
 * trails' (granted, refused, listed).
 */
export function feedEventTypes(schemasDir: string): ReadonlySet<string> {
  const files = fs.readdirSync(path.join(schemasDir, 'events')).filter((name) => name.endsWith('.schema.json'));
  return new Set([
    ...files.map((name) => name.slice(0, -'.schema.json'.length)),
    CASE_ACCESSED,
    CASE_ACCESS_DENIED,
    CASES_LISTED,
  ]);
}

/** `?types=A,B`: distinct known event types, at most {@link FEED_MAX_TYPES}; absent means every type. */
function typesOf(value: unknown, known: ReadonlySet<string>): { types?: readonly string[] } {
  const text = single(value, 'types');
  if (text === undefined) return {};
  const types = text.split(',');
  if (types.length > FEED_MAX_TYPES) throw new InvalidQuery(`types may name at most ${FEED_MAX_TYPES} event types`);
  if (new Set(types).size !== types.length) throw new InvalidQuery('types names an event type twice');
  // the value is never echoed: only whether it names known types
  if (!types.every((type) => known.has(type))) throw new InvalidQuery('types names an unknown event type');
  return { types: [...types].sort() };
}

/** The page is fixed by who reads, what was asked and which positions it holds (events never change). */
function etagOf(page: FeedPage, request: { after: number; limit: number; types?: readonly string[] }): string {
  const what = JSON.stringify([
    [...page.agencies].sort(),
    request.types ?? null,
    request.limit,
    request.after,
    page.events.map((e) => e.position),
  ]);
  return `"${createHash('sha256').update(what).digest('base64url').slice(0, 32)}"`;
}

/** The same request, starting after `next`. */
function nextHref(req: Request, next: number): string {
  const params = new URLSearchParams();
  params.set('after', String(next));
  const { types, limit } = req.query;
  if (typeof types === 'string') params.set('types', types);
  if (typeof limit === 'string') params.set('limit', limit);
  return `/v1/events?${params.toString().replaceAll('%2C', ',')}`;
}
