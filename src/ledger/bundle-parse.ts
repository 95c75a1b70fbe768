import type { BundleFailureCode } from './bundle-report.js';
import { openNote } from './checkpoint.js';
import type { KeyObject } from 'node:crypto';
import type { inclusionVerifier } from './merkle-proofs.js';
import type { VerificationCode } from './verify.js';

/** Reading the files a bundle verifier holds, and the failure its checks raise. */

export const UTF8 = new TextDecoder('utf-8', { fatal: true });
export const BASE64_32 = /^[A-Za-z0-9+/]{43}=$/;

/** A failure found while checking; the verifier turns it into the report. */
export class Failed extends Error {
  constructor(
    readonly code: BundleFailureCode,
    readonly detail: string,
  ) {
    super(detail);
  }
}

export const failed = (code: BundleFailureCode, detail: string): never => {
  throw new Failed(code, detail);
};

/** The members of an inclusion proof file of event `eventId` have the right types. */
export function isProofFor(p: unknown, eventId: string): p is Record<string, unknown> {
  const r = p as Record<string, unknown> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    r.eventId === eventId &&
    Number.isSafeInteger(r.leafIndex) &&
    Number.isSafeInteger(r.treeSize) &&
    typeof r.leafHash === 'string' &&
    Array.isArray(r.proof)
  );
}

/** Whether the proof file `p` shows `leaf` at its `leafIndex` in the verifier's tree. */
export function proves(
  included: ReturnType<typeof inclusionVerifier>,
  leaf: Buffer,
  p: Record<string, unknown>,
  decoded: Map<string, Buffer | undefined>,
): boolean {
  const proof = decodeProof(p.proof as unknown[], decoded);
  return proof !== undefined && included(leaf, p.leafIndex as number, proof);
}

/** The JSON of a held file, or undefined when it is not UTF-8 JSON (finish then says so). */
export function tryParse(bytes: Buffer): unknown {
  try {
    const value = JSON.parse(UTF8.decode(bytes)) as unknown;
    return nestedDeeperThan(value, MAX_FILE_NESTING) ? undefined : value;
  } catch {
    return undefined;
  }
}

/**
 * How deep a bundle file's JSON may nest. Far above what the service writes (event data is bounded much lower), and
 * low enough that the recursive checks that follow (canonical form, hashing) cannot exhaust the stack: a file
 * nested deeper is malformed, never a crash of the verifier.
 */
export const MAX_FILE_NESTING = 512;

/** Whether `value` nests arrays and objects deeper than `limit` levels; iterative, so any depth is safe. */
function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

export function bundleCode(code: VerificationCode): BundleFailureCode {
  return code === 'hash_mismatch' ? 'event_hash_mismatch' : code;
}

export function decodeText(bytes: Buffer, name: string, code: BundleFailureCode = 'malformed'): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    return failed(code, `${name} is not UTF-8`);
  }
}

export function parseJson(bytes: Buffer, name: string, code: BundleFailureCode): unknown {
  const text = decodeText(bytes, name, code);
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    return failed(code, `${name} is not JSON`);
  }
  if (nestedDeeperThan(value, MAX_FILE_NESTING)) failed(code, `${name} nests deeper than ${MAX_FILE_NESTING} levels`);
  return value;
}

/**
 * Base64 hashes of 32 bytes each, in their canonical form, or undefined. `known` remembers the strings decoded
 * before (undefined for a string that is not such a hash): proofs of one tree repeat their upper nodes.
 */
export function decodeProof(proof: readonly unknown[], known?: Map<string, Buffer | undefined>): Buffer[] | undefined {
  const out: Buffer[] = [];
  for (const h of proof) {
    if (typeof h !== 'string') return undefined;
    let bytes = known?.get(h);
    if (bytes === undefined && !known?.has(h)) {
      bytes = BASE64_32.test(h) ? Buffer.from(h, 'base64') : undefined;
      if (bytes && bytes.toString('base64') !== h) bytes = undefined;
      known?.set(h, bytes);
    }
    if (!bytes) return undefined;
    out.push(bytes);
  }
  return out;
}

/** Opens a signed note with each trusted key under the log's name; undefined when none verifies or the name is bad. */
export function openWith(note: string, origin: string, keys: readonly KeyObject[]) {
  try {
    return openNote(
      note,
      keys.map((publicKey) => ({ name: origin, publicKey })),
    );
  } catch {
    return undefined;
  }
}
