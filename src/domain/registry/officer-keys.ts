import { keyRefusal, revokedFromMs } from '../../ledger/officer-key-validity.js';
import { conflict, RuleViolation, violation } from '../errors.js';

/**
 * An officer's own signing key, registered so that acts the officer signs (`actorSig`, docs/integrity.md §6) can be
 * checked against it. `keyId` is the key id of docs/integrity.md §5, computed by the service from the key;
 * `publicKey` is the standard base64 of its SubjectPublicKeyInfo DER.
 */
export interface OfficerKey {
  readonly keyId: string;
  readonly alg: 'Ed25519';
  readonly publicKey: string;
  /** The PEM of an X.509 certificate whose subject public key is this key, when one was given. */
  readonly certificate?: string;
  /** The first day (YYYY-MM-DD) acts signed with the key may have occurred on. */
  readonly validFrom: string;
  /** The last such day, when the key's validity ends. */
  readonly validTo?: string;
}

/** Why, and from when (an RFC 3339 instant, or a date: from 00:00 UTC of that day), acts signed with a key are refused. */
export interface OfficerKeyRevocation {
  readonly keyId: string;
  readonly reason: string;
  readonly revokedFrom: string;
}

export interface OfficerKeyState extends OfficerKey {
  readonly revoked?: { readonly reason: string; readonly revokedFrom: string };
  /** When its registration was recorded (the event's `recordedAt`), when the fold was given it. */
  readonly registeredAt?: string;
}

export type OfficerKeyCommand =
  | { readonly type: 'RegisterOfficerKey'; readonly key: OfficerKey }
  | ({ readonly type: 'RevokeOfficerKey' } & OfficerKeyRevocation);

export type OfficerKeyEvent =
  | { readonly type: 'OfficerKeyRegistered'; readonly data: OfficerKey; readonly recordedAt?: string }
  | { readonly type: 'OfficerKeyRevoked'; readonly data: OfficerKeyRevocation };

/**
 * The rules of an officer's keys: a key once per officer, a validity that does not run backwards. That a key is
 * held by one officer of the agency is the rule of its claim (`officer-key-claims.ts`), decided before this.
 */
export function decideKey(command: OfficerKeyCommand, keys: readonly OfficerKeyState[]): OfficerKeyEvent[] {
  if (command.type === 'RegisterOfficerKey') {
    const { key } = command;
    if (keys.some((k) => k.keyId === key.keyId)) {
      throw conflict('officer_key_exists', `key ${key.keyId} is registered for this officer already`);
    }
    if (key.validTo !== undefined && key.validTo < key.validFrom) {
      throw violation(
        'validity_invalid',
        `the key's validity ends (${key.validTo}) before it starts (${key.validFrom})`,
      );
    }
    return [{ type: 'OfficerKeyRegistered', data: key }];
  }
  const key = keys.find((k) => k.keyId === command.keyId);
  if (!key) throw new RuleViolation('officer_key_unknown', 404, `the officer has no key ${command.keyId}`);
  if (key.revoked) throw conflict('officer_key_revoked', `key ${command.keyId} is revoked already`);
  const { keyId, reason, revokedFrom } = command;
  // RFC 3339 allows a leap second (23:59:60), which Date.parse, and so the rule of keyRefusal, cannot place: such a
  // revocation would refuse nothing; and digits finer than the millisecond, which it drops: a verifier comparing the
  // exact instants would then judge an act recorded within that millisecond otherwise
  if (Number.isNaN(revokedFromMs(revokedFrom)) || /\.[0-9]{4,}/.test(revokedFrom)) {
    throw violation('date_invalid', `revokedFrom ${revokedFrom} is not an instant a revocation can start at`, {
      member: 'revokedFrom',
    });
  }
  return [{ type: 'OfficerKeyRevoked', data: { keyId, reason, revokedFrom } }];
}

export function evolveKeys(keys: readonly OfficerKeyState[], event: OfficerKeyEvent): OfficerKeyState[] {
  if (event.type === 'OfficerKeyRegistered')
    return [...keys, { ...event.data, ...(event.recordedAt === undefined ? {} : { registeredAt: event.recordedAt }) }];
  const { keyId, reason, revokedFrom } = event.data;
  return keys.map((k) => (k.keyId === keyId ? { ...k, revoked: { reason, revokedFrom } } : k));
}

export { keyRefusal, revokedFromMs };
