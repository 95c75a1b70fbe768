import type { KeyObject as NodeKeyObject } from 'node:crypto';
import { verifyBundle, type BundleReport } from '../../../ledger/bundle-verify.js';
import { createPublicKey } from '../shims/crypto.js';
import { withWebCryptoEd25519 } from '../shims/ed25519-answers.js';

/**
 * The evidence verifier in the browser: src/ledger's `verifyBundle`, the very code `ledger verify` runs, fed a
 * file the reader chose, with Ed25519 answered by WebCrypto (shims/ed25519-answers.ts). Nothing is sent anywhere.
 */

/**
 * The file is read in pieces of this size, as `ledger verify` reads it (its read stream's highWaterMark), so that
 * the report is the same to the byte, even the bytes read before a failure stopped the reading.
 */
export const READ_PIECE_BYTES = 1024 * 1024;

async function* piecesOf(file: Blob): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < file.size; at += READ_PIECE_BYTES) {
    yield new Uint8Array(await file.slice(at, at + READ_PIECE_BYTES).arrayBuffer());
  }
}

/**
 * Checks a bundle file: the report `ledger verify --json` prints for it, given the same trusted keys. `onProgress`
 * is told the bytes read so far by the pass under way (1, then 2: shims/ed25519-answers.ts).
 */
export function verifyFile(
  file: Blob,
  trustedKeys?: readonly NodeKeyObject[],
  onProgress?: (bytes: number, pass: number) => void,
): Promise<BundleReport> {
  return withWebCryptoEd25519((pass) =>
    verifyBundle(
      piecesOf(file),
      trustedKeys ? { trustedKeys } : {},
      onProgress && ((bytes) => onProgress(bytes, pass)),
    ),
  );
}

const PEM_BLOCK = /-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g;

/**
 * The Ed25519 public keys in pasted PEM text (one or more `PUBLIC KEY` blocks), read as `ledger verify --key` reads
 * a key file; `[]` for blank text; throws when the text holds anything else.
 */
export function pinnedKeys(text: string): NodeKeyObject[] {
  if (text.trim() === '') return [];
  const blocks = text.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0 || text.replace(PEM_BLOCK, '').trim() !== '') throw new TypeError('not PEM public keys');
  return blocks.map((pem) => {
    const key = createPublicKey(pem);
    if (key.asymmetricKeyType !== 'ed25519') throw new TypeError('not an Ed25519 key');
    // the browser's key stands in for Node's wherever src/ledger takes one (scripts/build.mjs aliases node:crypto)
    return key as unknown as NodeKeyObject;
  });
}
