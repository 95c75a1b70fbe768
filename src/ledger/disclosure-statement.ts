import type { PublicKeyResolver } from './ed25519.js';
import { computeEventHash, eventSigningInput, type EventEnvelope } from './envelope.js';
import { atPointer, checkOpening, isSealed, SealedFieldError } from './sealed-field.js';
import { suiteOfAlg } from './suite.js';

/**
 * A disclosure statement (docs/privacy.md): a signed event, the JSON Pointer of one sealed field in its data, and the
 * field's opening (salt and value). It proves the value is the one sealed in the event, and reveals nothing else.
 */
export interface DisclosureStatement {
  readonly event: EventEnvelope;
  readonly path: string;
  readonly salt: string;
  readonly value: unknown;
}

export type DisclosureFailure =
  | 'statement_malformed'
  | 'event_hash_mismatch'
  | 'unknown_key'
  | 'signature_invalid'
  | 'field_not_sealed'
  | 'commitment_mismatch'
  | 'commitment_not_published';

export type DisclosureCheck =
  | {
      readonly valid: true;
      readonly eventId: string;
      readonly eventHash: string;
      readonly commitment: string;
      /** The key that signed the event, when trusted keys were given: its signature was checked with it. */
      readonly signedBy?: string;
    }
  | { readonly valid: false; readonly failure: { readonly code: DisclosureFailure; readonly detail: string } };

/** What a statement is checked against besides itself. */
export interface DisclosureTrust {
  /** The ledger's event keys (current and retired): the event's service signature must verify with one of them. */
  readonly serviceKeys?: PublicKeyResolver;
  /** The commitment the public record shows for the field: the sealed field's must be it. */
  readonly commitment?: string;
}

/**
 * The signed envelope of an event as a bundle holds it or as `GET /v1/cases/{id}/events` serves it: that page puts
 * the event's global `position` beside the envelope (docs/integrity.md §2 has no such member, so it is not hashed).
 * It also puts `personal` there, every sealed field of the event opened: a statement holding that would disclose
 * more than its one field, and is refused.
 */
function envelopeOf(event: object): EventEnvelope | string {
  if ('personal' in event) {
    return 'event: remove "personal" (the opened fields the events page serves beside it): a statement discloses one field';
  }
  const { position: _position, ...envelope } = event as Record<string, unknown>;
  return envelope as unknown as EventEnvelope;
}

const fail = (code: DisclosureFailure, detail: string): DisclosureCheck => ({
  valid: false,
  failure: { code, detail },
});

/**
 * Checks a disclosure statement: the event (less the `position` the events page serves beside it) hashes to its
 * `hash` (so the sealed field is the one its signature and every inclusion proof cover: `ledger verify` checks
 * inclusion on a bundle holding the event), with `trust.serviceKeys` its service signature verifies with one of
 * them, the field at `path` is sealed, the salt and value match its commitment, and with `trust.commitment` that
 * commitment is the one the public record shows. Without keys, the statement is only consistent with itself: anyone
 * can make such a statement, its hash included.
 */
export function checkDisclosure(statement: unknown, trust: DisclosureTrust = {}): DisclosureCheck {
  if (typeof statement !== 'object' || statement === null) return fail('statement_malformed', 'not a JSON object');
  const s = statement as Partial<DisclosureStatement>;
  if (typeof s.event !== 'object' || s.event === null || typeof s.event.hash !== 'string')
    return fail('statement_malformed', 'event: a signed event envelope is required');
  const event = envelopeOf(s.event);
  if (typeof event === 'string') return fail('statement_malformed', event);
  if (typeof s.path !== 'string' || typeof s.salt !== 'string' || !('value' in s))
    return fail('statement_malformed', 'path, salt and value are required');
  let hash: string;
  try {
    hash = computeEventHash(event);
  } catch (err) {
    return fail('statement_malformed', `event: ${(err as Error).message}`);
  }
  if (hash !== event.hash) return fail('event_hash_mismatch', `event ${event.id} does not hash to its hash`);
  let signedBy: string | undefined;
  if (trust.serviceKeys) {
    const sig = (event as { sig?: { alg?: unknown; keyId?: unknown; value?: unknown } }).sig;
    if (typeof sig?.keyId !== 'string' || typeof sig.value !== 'string')
      return fail('statement_malformed', `event ${event.id} carries no service signature (sig)`);
    const key = trust.serviceKeys(sig.keyId);
    if (!key) return fail('unknown_key', `event ${event.id} is signed by key ${sig.keyId}, none of the keys given`);
    const suite = suiteOfAlg(sig.alg);
    if (!suite || !suite.verify(key, eventSigningInput(hash), Buffer.from(sig.value, 'base64'))) {
      return fail('signature_invalid', `the service signature of event ${event.id} by ${sig.keyId} does not verify`);
    }
    signedBy = sig.keyId;
  }
  const sealed = atPointer(event.data, s.path);
  if (!isSealed(sealed)) return fail('field_not_sealed', `event ${event.id} has no sealed field at ${s.path}`);
  try {
    checkOpening(sealed.commitment, { salt: s.salt, value: s.value });
  } catch (err) {
    if (err instanceof SealedFieldError) return fail('commitment_mismatch', err.message);
    throw err;
  }
  if (trust.commitment !== undefined && trust.commitment !== sealed.commitment) {
    return fail(
      'commitment_not_published',
      `the field's commitment is ${sealed.commitment}, not the one the public record shows (${trust.commitment})`,
    );
  }
  return {
    valid: true,
    eventId: event.id,
    eventHash: event.hash,
    commitment: sealed.commitment,
    ...(signedBy ? { signedBy } : {}),
  };
}
