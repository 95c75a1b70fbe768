import type { Request, Response } from 'express';
import { idempotentEventId, type KeyOwner } from '../app/idempotency.js';
import { InvalidBody } from './validation.js';

/** `If-Match: "3"` (or `3`) → 3; absent → undefined. */
export function ifMatch(req: Request): number | undefined {
  const raw = req.get('if-match');
  if (raw === undefined) return undefined;
  const match = /^(?:W\/)?"?(-?\d{1,15})"?$/.exec(raw.trim());
  if (!match) throw new InvalidBody('If-Match must be a stream revision such as "3"');
  return Number(match[1]);
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
