import { createPublicKey, type KeyObject } from 'node:crypto';
import { agencyDate, localDate } from '../domain/actor.js';
import type { RecordedCaseEvent } from '../domain/case/acts.js';
import { violation } from '../domain/errors.js';
import { keyRefusal } from '../domain/registry/officer-keys.js';
import { certificateValidOn, type OfficerState } from '../domain/registry/officers.js';
import { actorSigningInput, type EventEnvelope, type Signature } from '../ledger/envelope.js';
import { verifyEd25519 } from '../ledger/ed25519.js';
import type { EventCodec } from './command-handler.js';
import { checkSalts } from './personal-data.js';

/** An officer's own signature of an act (docs/integrity.md §6), and the salts of its personal fields. */
export interface ActSignature {
  readonly actorSig: Signature;
  /** By JSON Pointer into `data`: the 32-byte salt (base64url) the client chose for each personal field. */
  readonly salts?: Readonly<Record<string, string>>;
}

/**
 * The acting officer's registered key that signed the act: a key of the officer (`actor_key_unknown` otherwise,
 * whoever else holds it), registered at or before `recordedAt` (`actor_key_not_valid`: a clock set back, or a
 * replica behind the one that registered it), not revoked from before `recordedAt` (`actor_key_revoked`), valid on
 * the day the act occurred (`actor_key_not_valid`), the date of `occurredAt` as written, which is what an offline
 * verifier of a bundle checks (docs/integrity.md §6: the bundle carries no agency offset); and the officer active and
 * certified on the act's day (`certificate_invalid`), the agency's given its offset from UTC (`offsetMinutes`), as
 * the case's rules read an officer's certificate; without it, the day as written.
 */
export function actingOfficerKey(
  officer: OfficerState | undefined,
  keyId: string,
  occurredAt: string,
  recordedAt: string,
  offsetMinutes?: number,
): KeyObject {
  const date = agencyDate(occurredAt, offsetMinutes);
  const writtenDate = localDate(occurredAt);
  const key = officer?.exists ? officer.keys?.find((k) => k.keyId === keyId) : undefined;
  if (!key) throw violation('actor_key_unknown', `the acting officer has no registered key ${keyId}`, { keyId });
  const refusal = keyRefusal(key, writtenDate, recordedAt);
  if (refusal === 'officer_key_not_registered') {
    const detail = `key ${keyId} was registered at ${key.registeredAt!}, after this act's recording time`;
    throw violation('actor_key_not_valid', detail, { keyId });
  }
  if (refusal === 'officer_key_revoked') {
    throw violation('actor_key_revoked', `key ${keyId} is revoked from ${key.revoked!.revokedFrom}`, { keyId });
  }
  if (refusal === 'officer_key_not_valid') {
    const until = key.validTo === undefined ? '' : ` to ${key.validTo}`;
    throw violation('actor_key_not_valid', `key ${keyId} signs acts of ${key.validFrom}${until} only`, { keyId });
  }
  // the signature attributes the act to the officer as an officer: a suspended or retired officer, or one whose
  // certificate is not valid on the act's day, signs none, whichever role records the act (持证上岗)
  if (!certificateValidOn(officer, date)) {
    const detail = `officer ${officer!.officerId} holds no valid certificate on ${date}: their signature attributes no act`;
    throw violation('certificate_invalid', detail, { officerId: officer!.officerId, date });
  }
  return createPublicKey({ key: Buffer.from(key.publicKey, 'base64'), format: 'der', type: 'spki' });
}

/**
 * The case codec of a signed act: the draft is made as `base` makes it (sealed with the client's salts), then the
 * officer's signature is checked over exactly that draft in `stream` (`actor_signature_invalid`) before it is
 * carried in the envelope as `actorSig`. `officerKey` is the key the command found (`actingOfficerKey`).
 */
export function signedActCodec(
  base: (salts: Readonly<Record<string, string>>) => EventCodec<RecordedCaseEvent>,
  stream: string,
  signature: ActSignature,
  officerKey: () => KeyObject,
  sealing: boolean,
): EventCodec<RecordedCaseEvent> {
  const salts = signature.salts ?? {};
  const codec = base(salts);
  return {
    toDraft: (event, id) => {
      // without sealing nothing is salted: a salt given then would sign nothing
      if (!sealing) checkSalts(event.data as Record<string, unknown>, [], salts);
      const draft = codec.toDraft(event, id);
      const message = actorSigningInput({ ...draft, stream } as EventEnvelope);
      const { actorSig } = signature;
      if (!verifyEd25519(officerKey(), message, Buffer.from(actorSig.value, 'base64'))) {
        throw violation('actor_signature_invalid', `the officer's signature by ${actorSig.keyId} does not verify`, {
          keyId: actorSig.keyId,
        });
      }
      return { ...draft, actorSig };
    },
    fromEnvelope: codec.fromEnvelope,
  };
}
