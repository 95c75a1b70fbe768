import type { KeyObject } from 'node:crypto';
import type { Signer } from '../ledger/ed25519.js';

/** What a key is for: `event` keys sign events and checkpoints (Ed25519 or SM2), `token` keys the embedded tokens. */
export type KeyPurpose = 'event' | 'token';

/** The public half of a key, as the keyring records it and the log publishes it. */
export interface PublicKeyRecord {
  readonly keyId: string;
  readonly purpose: KeyPurpose;
  readonly algorithm: 'Ed25519' | 'SM2-SM3' | 'ES256';
  readonly publicKeyPem: string;
  readonly createdAt: string;
  readonly retiredAt: string | null;
}

/** A public key record with its key parsed. */
export type PublicKey = PublicKeyRecord & { readonly publicKey: KeyObject };

/** The keys a service holds: the current private keys, and every public key it has used. */
export interface KeySet {
  readonly eventSigner: Signer;
  readonly tokenKey: { readonly keyId: string; readonly privateKey: KeyObject; readonly publicKey: KeyObject };
  /** Every key ever used, current and retired, with parsed public keys. */
  readonly all: readonly PublicKey[];
}
