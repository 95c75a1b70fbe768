import { createPublicKey, type KeyObject } from 'node:crypto';
import { keyIdOf, type Signer } from '../ledger/ed25519.js';
import { suiteOfAlg, suiteOfKey } from '../ledger/suite.js';
import { eventSigningInput, sealEvents, type EventDraft, type EventEnvelope } from '../ledger/envelope.js';
import { DuplicateEventId, RevisionConflict } from '../errors.js';
import type { Clock } from '../ports/clock.js';
import type { EventStore } from '../ports/event-store.js';
import type { PublicKey, PublicKeyRecord } from '../ports/keys.js';
import { namedEventId } from './idempotency.js';
import { checkStoredEvents } from './stored-events.js';
import type { StreamLocks } from './stream-locks.js';

/** The stream that publishes the public half of every key the replicas of one log sign with. */
export const KEYS_STREAM = 'ledger-keys';

const ATTEMPTS = 5;

/** A key the log publishes under a signature this replica cannot verify. */
export interface UntrustedKey {
  readonly keyId: string;
  readonly purpose: string;
  /** The key that signed its publication. */
  readonly signedBy: string;
}

export interface PublishedKeys {
  /** Keys published by a key this replica trusts (its own, or one vouched for before), retirements applied. */
  readonly vouched: readonly PublicKeyRecord[];
  /** Keys published by keys this replica cannot verify: what they sign fails here. */
  readonly untrusted: readonly UntrustedKey[];
}

/** What the stream holds, trusted or not: its last event, and the ids of the facts recorded. */
interface Recorded {
  readonly head: EventEnvelope | undefined;
  readonly facts: ReadonlySet<string>;
}

export interface KeyringLogDependencies {
  readonly events: EventStore;
  readonly clock: Clock;
  readonly locks: StreamLocks;
}

/**
 * The keyring's public half, kept in the log (`KeyPublished` and `KeyRetired` events on {@link KEYS_STREAM}) so
 * that replicas of one log agree on the keys: each publishes what its keyring adds (a rotation, signed by the key
 * it retires while that key is still held), and trusts a published key only when a key it already trusts signed
 * the publication. Event ids are named by the fact (key id, published or retired), so replicas that publish the
 * same keyring at once record it once.
 */
export class KeyringLog {
  constructor(private readonly deps: KeyringLogDependencies) {}

  /** The published keys, walked from the keys `trusted` holds. */
  async read(trusted: readonly PublicKey[]): Promise<PublishedKeys & Recorded> {
    const recorded = (await this.deps.events.readStream(KEYS_STREAM)).map((r) => r.event);
    checkStoredEvents(KEYS_STREAM, recorded, { after: null });
    const verifiers = new Map<string, KeyObject>(
      trusted.filter((k) => k.purpose === 'event').map((k) => [k.keyId, k.publicKey]),
    );
    const own = new Set(trusted.map((k) => k.keyId));
    const vouched = new Map<string, PublicKeyRecord>();
    const untrusted: UntrustedKey[] = [];
    const facts = new Set<string>();
    for (const event of recorded) {
      facts.add(event.id);
      const suite = suiteOfAlg(event.sig?.alg);
      const key = suite ? verifiers.get(event.sig.keyId) : undefined;
      const signed =
        suite && key && suite.verify(key, eventSigningInput(event.hash), Buffer.from(event.sig.value, 'base64'));
      if (event.type === 'KeyPublished') {
        const record = { ...(event.data as Omit<PublicKeyRecord, 'retiredAt'>), retiredAt: null };
        if (signed && matches(record)) {
          vouched.set(record.keyId, record);
          if (record.purpose === 'event') verifiers.set(record.keyId, publicKeyOf(record, trusted));
        } else if (!own.has(record.keyId)) {
          untrusted.push({ keyId: record.keyId, purpose: record.purpose, signedBy: event.sig?.keyId ?? '(none)' });
        }
      } else if (event.type === 'KeyRetired' && signed) {
        const { keyId, retiredAt } = event.data as { keyId: string; retiredAt: string };
        const record = vouched.get(keyId);
        if (record) vouched.set(keyId, { ...record, retiredAt });
      }
    }
    return { vouched: [...vouched.values()], untrusted, head: recorded[recorded.length - 1], facts };
  }

  /**
   * Publishes what `local` (the keyring) holds that the log lacks, signed by `signer`; reads again after another
   * replica's append. With `refuseUntrusted`, publishes nothing once the log holds a key this replica cannot
   * verify (the caller refuses to start). Returns the published keys as they stand.
   */
  publish(
    local: readonly PublicKey[],
    signer: Signer,
    options: { readonly refuseUntrusted: boolean; readonly trusted?: readonly PublicKey[] },
  ): Promise<PublishedKeys> {
    return this.deps.locks.run(KEYS_STREAM, async () => {
      for (let attempt = 1; ; attempt++) {
        const state = await this.read([...local, ...(options.trusted ?? [])]);
        if (options.refuseUntrusted && state.untrusted.length > 0) return state;
        const drafts = changes(local, state.facts);
        if (drafts.length === 0) return state;
        const head = state.head ? { revision: state.head.revision, hash: state.head.hash } : null;
        const sealed = sealEvents(KEYS_STREAM, head, drafts, signer, this.deps.clock.now().toISOString());
        try {
          await this.deps.events.append(KEYS_STREAM, sealed, head ? head.revision : 'no_stream');
        } catch (err) {
          const raced = err instanceof RevisionConflict || err instanceof DuplicateEventId;
          if (!raced || attempt >= ATTEMPTS) throw err;
        }
      }
    });
  }
}

/** The events that bring the log's published keys up to the keyring: facts recorded (by anyone) are not repeated. */
function changes(local: readonly PublicKeyRecord[], facts: ReadonlySet<string>): EventDraft[] {
  const drafts: EventDraft[] = [];
  const draft = (fact: string, key: PublicKeyRecord, type: string, data: Record<string, unknown>, at: string) => {
    const id = namedEventId(['ledger-key', key.keyId, fact]);
    if (facts.has(id)) return;
    drafts.push({
      id,
      type,
      schemaVersion: 1,
      occurredAt: at,
      actor: { sub: 'ledger', agency: 'ledger', roles: [] },
      data,
      media: [],
    });
  };
  for (const key of local) {
    const { keyId, purpose, algorithm, publicKeyPem, createdAt } = key;
    draft('published', key, 'KeyPublished', { keyId, purpose, algorithm, publicKeyPem, createdAt }, createdAt);
    if (key.retiredAt !== null) {
      draft('retired', key, 'KeyRetired', { keyId, retiredAt: key.retiredAt }, key.retiredAt);
    }
  }
  return drafts;
}

function publicKeyOf(record: PublicKeyRecord, known: readonly PublicKey[]): KeyObject {
  return known.find((k) => k.keyId === record.keyId)?.publicKey ?? createPublicKey(record.publicKeyPem);
}

/** Whether a published record's id is its key's id: a record naming another key is not taken. */
function matches(record: PublicKeyRecord): boolean {
  try {
    const key = createPublicKey(record.publicKeyPem);
    return suiteOfKey(key)?.keyIdOf(key) === record.keyId || keyIdOf(key) === record.keyId;
  } catch {
    return false;
  }
}
