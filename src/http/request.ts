import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import type { ExpectedHead } from '../app/command-handler.js';
import { idempotentEventId, type KeyOwner } from '../app/idempotency.js';
import { LedgerError } from '../errors.js';
import { UnsupportedMediaType } from './body.js';
import { InvalidBody } from './validation.js';

/**
 * A weak entity tag in `If-Match`: RFC 9110 §13.1.1 compares If-Match strongly, and a weak tag never matches, so
 * the write's precondition fails whatever the stream's revision, as a stale one does (`409 revision_conflict`).
 */
export class WeakTagNeverMatches extends LedgerError {
  readonly code = 'revision_conflict';
  readonly status = 409;
}

/**
 * `If-Match: "3"` (or `3`) → 3; `*` → `exists` (RFC 9110 §13.1.1: the write needs the stream to have an event);
 * `If-None-Match: *` → `absent` (RFC 9110 §13.1.2: the write creates the stream, none may exist; any other
 * `If-None-Match` on a write, or both headers, is `400 invalid_body`); neither → undefined. The `ETag` of a read of a case (`"3.<digest>"`, see {@link sendRevisionJson}) is taken too,
 * by its revision: what a write compares is the stream's revision. A weak tag (`W/"3"`) never matches (If-Match
 * uses the strong comparison): `409 revision_conflict`, nothing written. Anything else, a negative number included,
 * is `400 invalid_body`.
 */
export function ifMatch(req: Request): ExpectedHead | undefined {
  const raw = req.get('if-match');
  const none = req.get('if-none-match');
  if (none !== undefined) {
    if (none.trim() !== '*') {
      throw new InvalidBody('If-None-Match on a write takes only *: create the record only if none exists yet');
    }
    if (raw !== undefined) throw new InvalidBody('send If-Match or If-None-Match: *, not both');
    return 'absent';
  }
  if (raw === undefined) return undefined;
  if (raw.trim() === '*') return 'exists';
  // quoted (an entity tag) or bare, never half of each; a revision is 0 or more, so `"-1"` names none
  const match = /^(W\/)?(?:"(\d{1,15})(?:\.[A-Za-z0-9_-]{1,64})?"|(\d{1,15}))$/.exec(raw.trim());
  if (!match || (match[1] !== undefined && match[2] === undefined)) {
    throw new InvalidBody('If-Match must be a stream revision such as "3"');
  }
  if (match[1] !== undefined) {
    throw new WeakTagNeverMatches(
      'If-Match names a weak entity tag, which never matches: If-Match uses the strong comparison (RFC 9110 §13.1.1); send the revision as a strong tag, such as "3"',
    );
  }
  return Number(match[2] ?? match[3]);
}

/**
 * Sends `value` as JSON with a strong `ETag` of `"<revision>.<digest>"`: the stream revision the answer reflects
 * (what `If-Match` on a write compares, {@link ifMatch}) and the first 22 base64url characters of the SHA-256 of the
 * bytes sent, so that the tag changes whenever the answer does, also where the revision does not (a case file whose
 * item was amended, a page of events that now has a next one). A request whose `If-None-Match` names it gets `304`
 * without a body, whatever its `Cache-Control` (fetch() sends `no-cache` with every conditional request).
 */
export function sendRevisionJson(req: Request, res: Response, revision: number, value: unknown): void {
  const body = JSON.stringify(value);
  const etag = `"${revision}.${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
  res.set('ETag', etag);
  if (noneMatchHas(req.get('if-none-match'), etag)) res.status(304).end();
  else res.type('json').send(body);
}

/**
 * Whether `If-None-Match` (a list of entity tags, or `*`) names `etag`, by the weak comparison RFC 9110 §13.1.2
 * asks of it: `W/"x"` and `"x"` are the same tag there. Absent, it names nothing.
 */
export function noneMatchHas(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

/** The `Idempotency-Key` of a write (1 to 200 visible ASCII characters), or undefined. */
export function idempotencyKey(req: Request): string | undefined {
  const key = req.get('idempotency-key');
  if (key !== undefined && !/^[\x21-\x7e]{1,200}$/.test(key))
    throw new InvalidBody('Idempotency-Key must be 1 to 200 visible ASCII characters');
  return key;
}

/**
 * The event id of a write: derived from the caller's agency and user, the stream and `Idempotency-Key` when one
 * is given, so a retry finds the original in the store; a fresh id otherwise.
 */
export function eventIdFor(req: Request, owner: KeyOwner, stream: string, newId: () => string): string {
  const key = idempotencyKey(req);
  return key === undefined ? newId() : idempotentEventId(owner, stream, key);
}

export function requestId(res: Response): string {
  return String(res.getHeader('x-request-id') ?? '');
}

/**
 * `x-purpose`: why a record is retrieved, kept in the access record (at most 200 characters). Header values are
 * Latin-1, so text such as 案卷评查 is sent percent-encoded as UTF-8 (`%E6%A1%88...`) and decoded here. A value
 * with any other byte than printable ASCII is refused: raw UTF-8 would be read as Latin-1 and signed into the
 * access record as mojibake for good.
 */
export function purpose(req: Request): string | undefined {
  const raw = req.get('x-purpose');
  if (raw === undefined) return undefined;
  if (!/^[\x20-\x7e]*$/.test(raw)) throw new InvalidBody('x-purpose is not valid percent-encoded UTF-8');
  try {
    // cut by code points: cutting a surrogate pair in two would leave text that cannot be signed
    return Array.from(decodeURIComponent(raw)).slice(0, 200).join('');
  } catch {
    throw new InvalidBody('x-purpose is not valid percent-encoded UTF-8');
  }
}

/** A `Content-Encoding` list of content codings (RFC 9110 §8.4), short enough to name in a problem. */
const CODINGS = /^[!#$%&'*+.^_`|~0-9a-z-]{1,40}(?:[ \t]*,[ \t]*[!#$%&'*+.^_`|~0-9a-z-]{1,40}){0,4}$/i;

/**
 * The refusal of a raw body (a medium, a bundle) sent with a content coding, or undefined when it has none. Such a
 * body is taken as sent, never decoded: its bytes are the evidence stored and hashed, so gzip bytes would be kept
 * under the type they were declared as. A `Content-Encoding` that is present and not `identity` is
 * `415 unsupported_media_type`, the coding named, with `Accept-Encoding: identity` (RFC 9110 §12.5.3); the route
 * answers it before reading any of the body, and stores nothing. `what` names the body in the detail.
 */
export function contentCodingRefusal(req: Request, res: Response, what: string): UnsupportedMediaType | undefined {
  const coding = req.get('content-encoding');
  if (coding === undefined || coding.trim().toLowerCase() === 'identity') return undefined;
  res.setHeader('Accept-Encoding', 'identity');
  const given = coding.trim();
  const named = CODINGS.test(given) ? `the content coding ${given.toLowerCase()}` : 'a content coding';
  return new UnsupportedMediaType(
    `${what} is taken as sent, never decoded, and this one came with ${named} (Content-Encoding): send its bytes as they are, without a content coding`,
  );
}
