import { createPublicKey, type KeyObject } from 'node:crypto';
import { keyIdOf, verifyEd25519, ed25519Signer, type Signer } from './ed25519.js';
import { sha256, sha256Hex, sha256HexOf } from './hash.js';
import { SHA256_TREE, treeHash, type TreeHash } from './merkle.js';
import { isSm2Key, signSm2, sm2KeyIdOf, verifySm2 } from './sm2.js';
import { sm3, sm3Hex, sm3HexOf } from './sm3.js';

export { sm2KeyIdOf } from './sm2.js';

/**
 * A crypto suite: the hash of events and of the Merkle tree, the service's signatures and key ids, chosen once per
 * deployment (LEDGER_CRYPTO_SUITE) and never mixed within one log. docs/integrity.md specifies both.
 *
 * - `ed25519`: SHA-256, RFC 6962 tree over SHA-256, Ed25519 (RFC 8032) signatures of 64 bytes, `sig.alg` "Ed25519",
 *   key id = hex SHA-256 of the SubjectPublicKeyInfo DER.
 * - `sm2`: SM3 (GB/T 32905), the RFC 6962 tree structure over SM3, SM2 signatures (GB/T 32918.2) with SM3 and the
 *   default distinguishing identifier, DER-encoded; `sig.alg` "SM2-SM3"; key id = "sm2-" + hex SM3 of the SPKI DER.
 */
export type SuiteName = 'ed25519' | 'sm2';
export type SignatureAlgorithm = 'Ed25519' | 'SM2-SM3';

export const SUITE_NAMES: readonly SuiteName[] = ['ed25519', 'sm2'];

export interface CryptoSuite {
  readonly name: SuiteName;
  /** The `alg` of envelope signatures made in this suite. */
  readonly sigAlg: SignatureAlgorithm;
  hash(data: Uint8Array | string): Buffer;
  hashHex(data: Uint8Array | string): string;
  /** {@link hashHex} of the pieces one after the other: no joined copy of a large input is made. */
  hashHexOf(pieces: readonly Uint8Array[]): string;
  /** The Merkle tree's leaf, node and empty-root hashes. */
  readonly tree: TreeHash;
  /** True for a key (public or private) of this suite's signature algorithm. */
  isKey(key: KeyObject): boolean;
  keyIdOf(publicKey: KeyObject): string;
  signer(privateKey: KeyObject): Signer;
  /** Checks a signature; never throws on the message or the signature. */
  verify(publicKey: KeyObject, message: Uint8Array, signature: Uint8Array): boolean;
}

const ed25519: CryptoSuite = {
  name: 'ed25519',
  sigAlg: 'Ed25519',
  hash: sha256,
  hashHex: sha256Hex,
  hashHexOf: sha256HexOf,
  tree: SHA256_TREE,
  isKey: (key) => key.asymmetricKeyType === 'ed25519',
  keyIdOf,
  signer: ed25519Signer,
  verify: (publicKey, message, signature) =>
    publicKey.asymmetricKeyType === 'ed25519' && verifyEd25519(publicKey, message, signature),
};

/** An SM2 signer over a parsed private key. */
export function sm2Signer(privateKey: KeyObject): Signer {
  if (privateKey.type !== 'private' || !isSm2Key(privateKey)) throw new TypeError('an SM2 private key is required');
  const publicKey = createPublicKey(privateKey);
  return { suite: 'sm2', keyId: sm2KeyIdOf(publicKey), publicKey, sign: (message) => signSm2(privateKey, message) };
}

const sm2: CryptoSuite = {
  name: 'sm2',
  sigAlg: 'SM2-SM3',
  hash: sm3,
  hashHex: sm3Hex,
  hashHexOf: sm3HexOf,
  tree: treeHash(sm3),
  isKey: isSm2Key,
  keyIdOf: sm2KeyIdOf,
  signer: sm2Signer,
  verify: (publicKey, message, signature) => isSm2Key(publicKey) && verifySm2(publicKey, message, signature),
};

export const SUITES: Readonly<Record<SuiteName, CryptoSuite>> = { ed25519, sm2 };

export function isSuiteName(value: unknown): value is SuiteName {
  return value === 'ed25519' || value === 'sm2';
}

/** The suite whose envelope signatures carry `alg`, or undefined for an algorithm no suite uses. */
export function suiteOfAlg(alg: unknown): CryptoSuite | undefined {
  return Object.values(SUITES).find((suite) => suite.sigAlg === alg);
}

/** The suite of a signer (Ed25519 when it names none). */
export function suiteOfSigner(signer: Pick<Signer, 'suite'>): CryptoSuite {
  return SUITES[signer.suite ?? 'ed25519'];
}

/**
 * The suite an event was sealed in, as its `sig.alg` names it (Ed25519 for anything else: such an event fails
 * verification as `unsupported_algorithm` anyway). A log never mixes suites, so this is also the log's suite.
 */
export function suiteOfEvent(event: { readonly sig?: { readonly alg?: unknown } }): CryptoSuite {
  return suiteOfAlg(event.sig?.alg) ?? ed25519;
}

/** The suite of a key, or undefined for a key of neither suite. */
export function suiteOfKey(key: KeyObject): CryptoSuite | undefined {
  return Object.values(SUITES).find((suite) => suite.isKey(key));
}
