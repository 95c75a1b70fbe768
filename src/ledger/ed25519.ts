import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { sha256Hex } from './hash.js';

/** A key's id: lowercase hex SHA-256 of its SubjectPublicKeyInfo DER encoding. */
export function keyIdOf(publicKey: KeyObject): string {
  return sha256Hex(publicKey.export({ type: 'spki', format: 'der' }));
}

/** Produces Ed25519 signatures with one key. Implementations may keep the private key elsewhere (an HSM). */
export interface Signer {
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

export function keyResolver(keys: Iterable<KeyObject>): PublicKeyResolver {
  const byId = new Map<string, KeyObject>();
  for (const key of keys) {
    if (key.asymmetricKeyType !== 'ed25519') throw new TypeError('only Ed25519 public keys are supported');
    const pub = key.type === 'private' ? createPublicKey(key) : key;
    byId.set(keyIdOf(pub), pub);
  }
  return (keyId) => byId.get(keyId);
}
