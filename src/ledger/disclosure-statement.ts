import { computeEventHash, type EventEnvelope } from './envelope.js';
import { atPointer, checkOpening, isSealed, SealedFieldError } from './sealed-field.js';

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
  'statement_malformed' | 'event_hash_mismatch' | 'field_not_sealed' | 'commitment_mismatch';

export type DisclosureCheck =
  | { readonly valid: true; readonly eventId: string; readonly eventHash: string; readonly commitment: string }
  | { readonly valid: false; readonly failure: { readonly code: DisclosureFailure; readonly detail: string } };

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
 * `hash` (so the sealed field is the one its signature and every inclusion proof cover: `ledger verify` checks those
 * on a bundle holding the event), the field at `path` is sealed, and the salt and value match its commitment.
 */
export function checkDisclosure(statement: unknown): DisclosureCheck {
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
  const sealed = atPointer(event.data, s.path);
  if (!isSealed(sealed)) return fail('field_not_sealed', `event ${event.id} has no sealed field at ${s.path}`);
  try {
    checkOpening(sealed.commitment, { salt: s.salt, value: s.value });
  } catch (err) {
    if (err instanceof SealedFieldError) return fail('commitment_mismatch', err.message);
    throw err;
  }
  return { valid: true, eventId: event.id, eventHash: event.hash, commitment: sealed.commitment };
}
