import type { KeyObject as NodeKeyObject } from 'node:crypto';
import { verifyBundle, type BundleReport, type BundleVerifyOptions } from '../../../ledger/bundle-verify.js';
import { COSIGNATURE_V1, parseVerifierKey, type NamedKey } from '../../../ledger/cosignature.js';
import { suiteOfKey } from '../../../ledger/suite.js';
import { timestampRoots, type TimestampRoots } from '../../../ledger/timestamp-verify.js';
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

/** What the reader gives the browser verifier to trust, as `ledger verify`'s options take it. */
export interface TrustInputs {
  /** `--key`: the ledger's Ed25519 public keys. */
  readonly trustedKeys?: readonly NodeKeyObject[];
  /** `--witness`: the witnesses' cosignature/v1 keys. */
  readonly witnesses?: readonly NamedKey[];
  /** `--quorum` (only with witnesses; default: all of them). */
  readonly witnessQuorum?: number;
  /** `--tsa-ca`: the certificates time-stamps must chain to. */
  readonly timestampRoots?: TimestampRoots;
}

/**
 * Checks a bundle file: the report `ledger verify --json` prints for it, given the same trust inputs. `onProgress`
 * is told the bytes read so far by the pass under way (1, then 2: shims/ed25519-answers.ts).
 */
export function verifyFile(
  file: Blob,
  trust: TrustInputs = {},
  onProgress?: (bytes: number, pass: number) => void,
): Promise<BundleReport> {
  const options: BundleVerifyOptions = {
    ...(trust.trustedKeys ? { trustedKeys: trust.trustedKeys } : {}),
    ...(trust.witnesses
      ? { witnesses: trust.witnesses, witnessQuorum: trust.witnessQuorum ?? trust.witnesses.length }
      : {}),
    ...(trust.timestampRoots ? { timestampRoots: trust.timestampRoots } : {}),
  };
  return withWebCryptoEd25519((pass) =>
    verifyBundle(piecesOf(file), options, onProgress && ((bytes) => onProgress(bytes, pass))),
  );
}

/**
 * The witnesses' verifier keys in pasted text, one per line (blank lines ignored), read as `ledger verify
 * --witness` reads one: `<name>+<key ID>+<base64(0x04 || key)>`; `undefined` for blank text; throws on any line
 * that is not a cosignature/v1 verifier key.
 */
export function witnessKeys(text: string): NamedKey[] | undefined {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (lines.length === 0) return undefined;
  return lines.map((line) => {
    const key = parseVerifierKey(line);
    if (!key || key.type !== COSIGNATURE_V1) throw new TypeError('not a cosignature/v1 verifier key');
    return { name: key.name, publicKey: key.publicKey };
  });
}

/**
 * The quorum, as `ledger verify --quorum` takes it: blank for all the witnesses given, else a whole number from 1
 * to their number; throws on anything else, or on a quorum without witnesses.
 */
export function witnessQuorum(text: string, witnesses: number | undefined): number | undefined {
  const value = text.trim();
  if (value === '') return witnesses;
  const n = Number(value);
  if (witnesses === undefined || !/^[0-9]+$/.test(value) || n < 1 || n > witnesses) {
    throw new RangeError('the quorum is a whole number from 1 to the number of witness keys');
  }
  return n;
}

/** The TSA CA certificates in pasted PEM text, as `ledger verify --tsa-ca` reads them; `undefined` for blank text. */
export function tsaRoots(text: string): TimestampRoots | undefined {
  return text.trim() === '' ? undefined : timestampRoots([text]);
}

const PEM_BLOCK = /-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g;

/**
 * The Ed25519 or SM2 public keys in pasted PEM text (one or more `PUBLIC KEY` blocks), read as `ledger verify --key` reads
 * a key file; `[]` for blank text; throws when the text holds anything else.
 */
export function pinnedKeys(text: string): NodeKeyObject[] {
  if (text.trim() === '') return [];
  const blocks = text.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0 || text.replace(PEM_BLOCK, '').trim() !== '') throw new TypeError('not PEM public keys');
  return blocks.map((pem) => {
    const key = createPublicKey(pem);
    if (!suiteOfKey(key as unknown as NodeKeyObject)) throw new TypeError('not an Ed25519 or SM2 key');
    // the browser's key stands in for Node's wherever src/ledger takes one (scripts/build.mjs aliases node:crypto)
    return key as unknown as NodeKeyObject;
  });
}
