import { decodeHash } from '../../../ledger/bundle-proofs.js';
import { openNote, parseCheckpoint } from '../../../ledger/checkpoint.js';
import { isSha256Hex } from '../../../ledger/hash.js';
import { leafHash } from '../../../ledger/merkle.js';
import { verifyInclusion } from '../../../ledger/merkle-proofs.js';
import { createPublicKey } from '../shims/crypto.js';
import type { KeyObject as NodeKeyObject } from 'node:crypto';

/**
 * What the ledger badge checks (client/badge.ts), with src/ledger's own code: the signed checkpoint note against
 * the published keys (C2SP signed note, Ed25519), and the event's inclusion proof against the note's root hash.
 * Pure: the answers of the API come in, a verdict goes out. Signatures are answered by WebCrypto through
 * `withWebCryptoEd25519`, which the caller wraps this in.
 */

/** `GET /v1/ledger/keys`, as much of it as is read here. */
export interface PublishedKeys {
  readonly origin: string;
  readonly keys: readonly { readonly publicKeyPem: string }[];
}

/** `GET /v1/ledger/proof/inclusion`. */
export interface InclusionAnswer {
  readonly eventId?: unknown;
  readonly leafIndex?: unknown;
  readonly treeSize?: unknown;
  readonly leafHash?: unknown;
  readonly proof?: unknown;
}

/** The step that failed, named for the reader. */
export type InclusionStep = 'keys' | 'signature' | 'checkpoint' | 'proof' | 'leaf' | 'inclusion';

export type InclusionVerdict =
  | { readonly ok: true; readonly size: number; readonly rootHash: string }
  | { readonly ok: false; readonly step: InclusionStep };

/** The signed checkpoint note, opened with the published keys under the log's name: its size and root, or why not. */
export function checkNote(
  published: PublishedKeys,
  note: string,
): { ok: true; size: number; root: Uint8Array; rootHash: string } | { ok: false; step: InclusionStep } {
  let verifiers;
  try {
    verifiers = published.keys.map((k) => ({
      name: published.origin,
      publicKey: createPublicKey(k.publicKeyPem) as unknown as NodeKeyObject,
    }));
    if (verifiers.length === 0 || verifiers.some((v) => v.publicKey.asymmetricKeyType !== 'ed25519')) throw new Error();
  } catch {
    return { ok: false, step: 'keys' };
  }
  let opened;
  try {
    opened = openNote(note, verifiers);
  } catch {
    opened = undefined; // a key name the format forbids verifies nothing
  }
  if (!opened) return { ok: false, step: 'signature' };
  const checkpoint = parseCheckpoint(opened.body);
  if (!checkpoint || checkpoint.origin !== published.origin) return { ok: false, step: 'checkpoint' };
  return {
    ok: true,
    size: checkpoint.size,
    root: checkpoint.rootHash,
    rootHash: checkpoint.rootHash.toString('base64'),
  };
}

/**
 * Whether the inclusion proof shows event `eventId` as a leaf of the tree of `size` leaves with root `root`; with
 * `eventHash` (the event's hash, hex), the leaf must be that event's: SHA-256(0x00 || hash).
 */
export function checkInclusion(
  answer: InclusionAnswer,
  eventId: string,
  eventHash: string | undefined,
  size: number,
  root: Uint8Array,
): InclusionStep | undefined {
  const { leafIndex, treeSize, proof } = answer;
  if (answer.eventId !== eventId || treeSize !== size || !Number.isSafeInteger(leafIndex) || !Array.isArray(proof)) {
    return 'proof';
  }
  const leaf = decodeHash(answer.leafHash);
  if (!leaf) return 'proof';
  if (eventHash !== undefined && (!isSha256Hex(eventHash) || !leafHash(Buffer.from(eventHash, 'hex')).equals(leaf))) {
    return 'leaf';
  }
  const path = proof.map(decodeHash);
  if (path.some((p) => p === undefined)) return 'proof';
  return verifyInclusion(leaf, leafIndex as number, size, path as Buffer[], root) ? undefined : 'inclusion';
}
