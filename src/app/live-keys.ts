import { createPublicKey, type KeyObject } from 'node:crypto';
import type { Signer } from '../ledger/ed25519.js';
import type { KeyPurpose, KeySet, PublicKey, PublicKeyRecord } from '../ports/keys.js';

/**
 * The keys of a running replica, which change without a restart: its own keyring (replaced when the keys folder
 * changes, `replaceLocal`) and the public keys other replicas published in the log and vouched for with a key
 * this one trusts (`learn`). The signer and the resolver always use the current set; what the service publishes
 * (`/v1/ledger/keys`, a bundle's `keys/`) is the merged view: a key is retired as soon as the keyring or the log
 * says so.
 */
export class LiveKeys {
  #local: KeySet;
  readonly #learned = new Map<string, PublicKey>();
  readonly #retired = new Map<string, string>();
  readonly #listeners: (() => void)[] = [];

  /** Signs with the current event key of the keyring as it is now. */
  readonly signer: Signer;

  constructor(local: KeySet) {
    this.#local = local;
    const current = () => this.#local.eventSigner;
    this.signer = {
      get suite() {
        return current().suite;
      },
      get keyId() {
        return current().keyId;
      },
      get publicKey() {
        return current().publicKey;
      },
      sign: (message) => current().sign(message),
    };
  }

  /** The replica's own keyring as last loaded. */
  get local(): KeySet {
    return this.#local;
  }

  replaceLocal(keys: KeySet): void {
    this.#local = keys;
    this.#changed();
  }

  /** Adds public keys (and retirements) the log holds, vouched for by a trusted key. */
  learn(records: readonly PublicKeyRecord[]): void {
    let changed = false;
    for (const record of records) {
      if (!this.#learned.has(record.keyId) && !this.#local.all.some((k) => k.keyId === record.keyId)) {
        this.#learned.set(record.keyId, {
          ...record,
          retiredAt: null,
          publicKey: createPublicKey(record.publicKeyPem),
        });
        changed = true;
      }
      if (record.retiredAt !== null && !this.#retired.has(record.keyId)) {
        this.#retired.set(record.keyId, record.retiredAt);
        changed = true;
      }
    }
    if (changed) this.#changed();
  }

  /** Every key known, own and learned, with the earliest retirement either source records. */
  all(purpose?: KeyPurpose): PublicKey[] {
    const own = new Set(this.#local.all.map((k) => k.keyId));
    const learned = [...this.#learned.values()].filter((k) => !own.has(k.keyId));
    const keys = [...this.#local.all, ...learned].map((k) => {
      const retiredAt = earliest(k.retiredAt, this.#retired.get(k.keyId));
      return retiredAt === k.retiredAt ? k : { ...k, retiredAt };
    });
    return purpose ? keys.filter((k) => k.purpose === purpose) : keys;
  }

  /** The public event key of an id, own or learned. */
  readonly eventKey = (keyId: string): KeyObject | undefined =>
    this.all('event').find((k) => k.keyId === keyId)?.publicKey;

  /** Whether the keyring's signing key is retired (by another replica's rotation, as the log says). */
  signsWithRetiredKey(): boolean {
    return this.all('event').some((k) => k.keyId === this.#local.eventSigner.keyId && k.retiredAt !== null);
  }

  /** Called after every change of the keys. */
  onChange(listener: () => void): void {
    this.#listeners.push(listener);
  }

  #changed(): void {
    for (const listener of this.#listeners) listener();
  }
}

function earliest(a: string | null, b: string | undefined): string | null {
  if (b === undefined) return a;
  return a === null || b < a ? b : a;
}
