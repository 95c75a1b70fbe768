import { parentPort } from 'node:worker_threads';
import type { KeyObject } from 'node:crypto';
import { verifyEd25519 } from '../ledger/ed25519.js';

/**
 * A thread of the signature pool (signature-pool.ts): checks the Ed25519 signatures of each batch it is sent and
 * answers, per signature, 1 (valid), 0 (invalid) or 2 (not decided: checking threw, so the caller checks it itself
 * and meets the same error).
 */
export interface SignatureBatch {
  readonly id: number;
  readonly keys: readonly KeyObject[];
  /** Per signature: its key's index in `keys`. */
  readonly keyIndex: Uint16Array;
  /** The messages one after another; `ends[i]` is where message i ends. */
  readonly messages: Uint8Array;
  readonly ends: Uint32Array;
  /** 64 bytes per signature. */
  readonly signatures: Uint8Array;
}

export interface SignatureAnswer {
  readonly id: number;
  readonly valid: Uint8Array;
}

const port = parentPort!;
port.on('message', (batch: SignatureBatch) => {
  const { keys, keyIndex, messages, ends, signatures } = batch;
  const valid = new Uint8Array(ends.length);
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    const end = ends[i]!;
    try {
      const ok = verifyEd25519(
        keys[keyIndex[i]!]!,
        messages.subarray(start, end),
        signatures.subarray(64 * i, 64 * i + 64),
      );
      valid[i] = ok ? 1 : 0;
    } catch {
      valid[i] = 2;
    }
    start = end;
  }
  const answer: SignatureAnswer = { id: batch.id, valid };
  port.postMessage(answer, [valid.buffer]);
});
