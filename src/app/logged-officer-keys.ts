import { createPublicKey, type KeyObject } from 'node:crypto';
import { parseAgencyStream } from '../domain/streams.js';
import type { EventEnvelope } from '../ledger/envelope.js';
import { keyIdOf, type PublicKeyResolver } from '../ledger/ed25519.js';
import { keyRefusal, type KeyValidity } from '../ledger/officer-key-validity.js';
import type { ActorKeyRefusal } from '../ledger/verify.js';

interface LoggedKey extends KeyValidity {
  readonly key: KeyObject;
  readonly agency: string;
  readonly officerId: string;
}

/**
 * The officers' signing keys as the log registers and revokes them, learnt event by event in log order: what a
 * check of the whole log (`ledger check`) verifies the officers' own signatures (`actorSig`) with. An act is judged
 * by the keys as they stood when it came in the log, under the rule the service and the bundle's verifier apply
 * (`keyRefusal`, docs/integrity.md §6: the key of the act's officer, registered before the act was recorded, not
 * revoked from before, valid on the date of `occurredAt` as written).
 */
export class LoggedOfficerKeys {
  readonly #keys = new Map<string, LoggedKey>();

  /** Takes in an event of the log: an officer key's registration or revocation changes the keys. */
  learn(event: EventEnvelope): void {
    if (event.type !== 'OfficerKeyRegistered' && event.type !== 'OfficerKeyRevoked') return;
    const stream = parseAgencyStream(event.stream);
    if (stream?.category !== 'officer') return;
    const data = event.data as Record<string, unknown>;
    const keyId = typeof data.keyId === 'string' ? data.keyId : undefined;
    if (keyId === undefined) return;
    if (event.type === 'OfficerKeyRevoked') {
      const known = this.#keys.get(keyId);
      if (known && typeof data.revokedFrom === 'string') {
        this.#keys.set(keyId, { ...known, revoked: { revokedFrom: data.revokedFrom } });
      }
      return;
    }
    const key = publicKeyOf(data.publicKey);
    if (!key || keyIdOf(key) !== keyId || typeof data.validFrom !== 'string') return;
    this.#keys.set(keyId, {
      key,
      agency: stream.agency,
      officerId: stream.id,
      validFrom: data.validFrom,
      ...(typeof data.validTo === 'string' ? { validTo: data.validTo } : {}),
      registeredAt: event.recordedAt,
    });
  }

  /** The keys learnt so far, by key id. */
  readonly resolve: PublicKeyResolver = (keyId) => this.#keys.get(keyId)?.key;

  /** Why a key learnt so far may not have signed `event`, or undefined when it may. */
  readonly refusal = (keyId: string, event: EventEnvelope): ActorKeyRefusal | undefined => {
    const key = this.#keys.get(keyId);
    if (!key) return { code: 'actor_key_unknown', detail: `no registered officer key ${keyId}` };
    if (event.actor.sub !== key.officerId || event.actor.agency !== key.agency) {
      return { code: 'actor_key_unknown', detail: `officer key ${keyId} is not registered for ${event.actor.sub}` };
    }
    switch (keyRefusal(key, event.occurredAt.slice(0, 10), event.recordedAt)) {
      case 'officer_key_not_registered':
        return {
          code: 'actor_key_not_valid',
          detail: `officer key ${keyId} was registered after the event was recorded`,
        };
      case 'officer_key_revoked':
        return {
          code: 'actor_key_revoked',
          detail: `officer key ${keyId} is revoked from ${key.revoked!.revokedFrom}`,
        };
      case 'officer_key_not_valid':
        return { code: 'actor_key_not_valid', detail: `officer key ${keyId} is not valid on the day of the act` };
      default:
        return undefined;
    }
  };
}

function publicKeyOf(value: unknown): KeyObject | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const key = createPublicKey({ key: Buffer.from(value, 'base64'), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ed25519' ? key : undefined;
  } catch {
    return undefined;
  }
}
