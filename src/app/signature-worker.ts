import { parentPort } from 'node:worker_threads';
import type { KeyObject } from 'node:crypto';
import { verifyEd25519 } from '../ledger/ed25519.js';
import { SUITES } from '../ledger/suite.js';

/** A signature's algorithm in a batch, as {@link SignatureBatch.algs} holds it: Ed25519 0, SM2-SM3 1. */
const SM2 = 1;

/**
 * A thread of the signature pool (signature-pool.ts): checks the signatures of each batch it is sent and answers,
 * per signature, 1 (valid), 0 (invalid) or 2 (not decided: checking threw, so the caller checks it itself and meets
 * the same error).
 */
export interface SignatureBatch {
  readonly id: number;
  readonly keys: readonly KeyObject[];
  /** Per signature: its key's index in `keys`. */
  readonly keyIndex: Uint16Array;
  /** The messages one after another; `ends[i]` is where message i ends. */
  readonly messages: Uint8Array;
  readonly ends: Uint32Array;
  /** Per signature: 0 Ed25519, 1 SM2-SM3 (the pure-TypeScript verifier of src/ledger/sm2.ts). */
  readonly algs: Uint8Array;
  /** The signatures one after another (64 bytes each for Ed25519, DER for SM2); `signatureEnds[i]` where i ends. */
  readonly signatureEnds: Uint32Array;
  readonly signatures: Uint8Array;
}

export interface SignatureAnswer {
  readonly id: number;
  readonly valid: Uint8Array;
}

const port = parentPort!;
port.on('message', (batch: SignatureBatch) => {
  const { keys, keyIndex, messages, ends, algs, signatureEnds, signatures } = batch;
  const valid = new Uint8Array(ends.length);
  let start = 0;
  let signatureStart = 0;
  for (let i = 0; i < ends.length; i++) {
    const end = ends[i]!;
    const signatureEnd = signatureEnds[i]!;
    try {
      const key = keys[keyIndex[i]!]!;
      const message = messages.subarray(start, end);
      const signature = signatures.subarray(signatureStart, signatureEnd);
      const ok = algs[i] === SM2 ? SUITES.sm2.verify(key, message, signature) : verifyEd25519(key, message, signature);
      valid[i] = ok ? 1 : 0;
    } catch {
      valid[i] = 2;
    }
    start = end;
    signatureStart = signatureEnd;
  }
  const answer: SignatureAnswer = { id: batch.id, valid };
  port.postMessage(answer, [valid.buffer]);
});
