import { createHash } from 'node:crypto';
import { canonicalize } from '../ledger/canonical-json.js';

/**
 * Deterministic ids for `Idempotency-Key`s. A key belongs to one user of one agency: the same (agency, user, key)
 * always derives the same ids, on every replica and after every restart, so a retry finds what the original
 * recorded in the event store. Nothing about a key is kept in memory.
 */
export interface KeyOwner {
  readonly sub: string;
  readonly agency: string;
}

/** The id of the first event a keyed request records on `stream`. */
export function idempotentEventId(owner: KeyOwner, stream: string, key: string): string {
  return uuidOf(['event', owner.agency, owner.sub, stream, key]);
}

/** The id of a case opened under a key without a `caseId`: the retry opens (and finds) the same case. */
export function idempotentCaseId(owner: KeyOwner, key: string): string {
  return uuidOf(['case', owner.agency, owner.sub, key]);
}

/** A deterministic id named by `parts`: every replica that records the same fact derives the same event id. */
export function namedEventId(parts: readonly string[]): string {
  return uuidOf(['named', ...parts]);
}

/** Ids of further events of one command, derived from the first so that a retry derives the same ones. */
export function derivedId(first: string, index: number): string {
  return uuidFromDigest(createHash('sha256').update(`${first}\n${index}`).digest());
}

/** Is `a` the same JSON value as `b` (equal canonical forms)? */
export function canonicalEqual(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return a === b;
  return canonicalize(a) === canonicalize(b);
}

/** The parts are joined as a JSON array, so no choice of parts can spell another's. */
function uuidOf(parts: readonly string[]): string {
  return uuidFromDigest(createHash('sha256').update(JSON.stringify(parts)).digest());
}

/** Formats 16 bytes of a digest as an RFC 9562 version-8 (custom) UUID. */
function uuidFromDigest(digest: Buffer): string {
  const b = Buffer.from(digest.subarray(0, 16));
  b[6] = 0x80 | (b[6]! & 0x0f);
  b[8] = 0x80 | (b[8]! & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
