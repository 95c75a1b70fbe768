import type { KeyObject } from 'node:crypto';
import { verifyEd25519 } from './ed25519.js';
import { SUITES, type SignatureAlgorithm } from './suite.js';

/** One signature to check: Ed25519 (64 bytes) unless `alg` names SM2-SM3 (DER, with SM3 and the default user id). */
export interface SignatureCheck {
  readonly publicKey: KeyObject;
  readonly message: Uint8Array;
  readonly signature: Uint8Array;
  /** The event's `sig.alg`; default Ed25519. */
  readonly alg?: SignatureAlgorithm;
}

/** Checks one signature in the algorithm it carries, as the verifier does on its own thread. */
export function checkSignature(c: SignatureCheck): boolean {
  return c.alg === 'SM2-SM3'
    ? SUITES.sm2.verify(c.publicKey, c.message, c.signature)
    : verifyEd25519(c.publicKey, c.message, c.signature);
}

/**
 * Checks signatures (Ed25519 or SM2) in batches, on this thread or elsewhere; the answers come in the order of the checks,
 * `undefined` for a signature it could not decide (the caller then checks that one itself). The ledger code does no
 * threading itself: a caller that has threads injects a checker that uses them (the CLI's pool of worker threads,
 * src/app/signature-pool.ts).
 */
export interface SignatureChecker {
  check(batch: readonly SignatureCheck[]): Promise<readonly (boolean | undefined)[]>;
  /**
   * Batches it works on at once (e.g. two per thread); while that many are unanswered, a caller checks further
   * batches itself rather than queue them. Default: no limit.
   */
  readonly capacity?: number;
}

/** Checks each signature on this thread, as it is asked. */
export const inlineSignatureChecker: SignatureChecker = {
  check: (batch) => Promise.resolve(batch.map(checkSignature)),
};
