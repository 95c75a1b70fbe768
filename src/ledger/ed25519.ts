import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { sha256Hex } from './hash.js';
import { isSm2Key, sm2KeyIdOf } from './sm2.js';

/** A key's id: lowercase hex SHA-256 of its SubjectPublicKeyInfo DER encoding. */
export function keyIdOf(publicKey: KeyObject): string {
  return sha256Hex(publicKey.export({ type: 'spki', format: 'der' }));
}

/**
 * Produces signatures with one key, Ed25519 unless `suite` names another crypto suite (suite.ts). Implementations
 * may keep the private key elsewhere (an HSM).
 */
export interface Signer {
  /** The crypto suite of the key; absent means Ed25519. */
  readonly suite?: 'ed25519' | 'sm2';
  readonly keyId: string;
  readonly publicKey: KeyObject;
  sign(message: Uint8Array): Buffer;
}

/** A signer over a parsed private key; the key is parsed once, never per signature. */
export function ed25519Signer(privateKey: KeyObject): Signer {
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519') {
    throw new TypeError('an Ed25519 private key is required');
  }
  const publicKey = createPublicKey(privateKey);
  return {
    suite: 'ed25519',
    keyId: keyIdOf(publicKey),
    publicKey,
    sign: (message) => sign(null, message, privateKey),
  };
}

export function verifyEd25519(publicKey: KeyObject, message: Uint8Array, signature: Uint8Array): boolean {
  if (signature.length !== 64) return false;
  return verify(null, message, publicKey, signature);
}

/** The public keys a verifier trusts, current and retired, by key id. */
export type PublicKeyResolver = (keyId: string) => KeyObject | undefined;

/** A resolver over Ed25519 and SM2 keys, each by the key id of its suite (suite.ts). */
export function keyResolver(keys: Iterable<KeyObject>): PublicKeyResolver {
  const byId = new Map<string, KeyObject>();
  for (const key of keys) {
    const sm2 = isSm2Key(key);
    if (key.asymmetricKeyType !== 'ed25519' && !sm2)
      throw new TypeError('only Ed25519 and SM2 public keys are supported');
    const pub = key.type === 'private' ? createPublicKey(key) : key;
    byId.set(sm2 ? sm2KeyIdOf(pub) : keyIdOf(pub), pub);
  }
  return (keyId) => byId.get(keyId);
}
