import type { KeyObject } from 'node:crypto';
import type { BundleFailureCode } from './bundle-report.js';
import { decodeHash } from './bundle-proofs.js';
import { openNote } from './checkpoint.js';
import { utf8Text } from './utf8.js';
import type { VerificationCode } from './verify.js';

/** Reading the files a bundle verifier holds, and the failure its checks raise. */

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

/** The JSON of a held file, or undefined when it is not UTF-8 JSON (finish then says so). */
export function tryParse(bytes: Buffer): unknown {
  const text = utf8Text(bytes);
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    return mayNestDeeperThan(text, MAX_FILE_NESTING) && nestedDeeperThan(value, MAX_FILE_NESTING) ? undefined : value;
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

/**
 * Whether `value` nests arrays and objects deeper than `limit` levels. Recursive, but never more than `limit` + 1
 * calls deep, however deep the value, so a file nested thousands of levels cannot exhaust the stack here.
 */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (limit === 0) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (nestedDeeperThan(value[i], limit - 1)) return true;
    return false;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) if (Object.hasOwn(record, key) && nestedDeeperThan(record[key], limit - 1)) return true;
  return false;
}

/**
 * False when the JSON text `text` cannot nest deeper than `limit` levels: each level of arrays and objects opens
 * with a `[` or `{` of its own, so a text holding at most `limit` of them (inside strings or not) nests no deeper.
 * Counting them is far cheaper than walking the parsed value, which only the rare text with more of them needs.
 */
export function mayNestDeeperThan(text: string, limit: number): boolean {
  let openers = 0;
  for (let i = text.indexOf('{'); i >= 0; i = text.indexOf('{', i + 1)) if (++openers > limit) return true;
  for (let i = text.indexOf('['); i >= 0; i = text.indexOf('[', i + 1)) if (++openers > limit) return true;
  return false;
}

export function bundleCode(code: VerificationCode): BundleFailureCode {
  return code === 'hash_mismatch' ? 'event_hash_mismatch' : code;
}

export function decodeText(bytes: Buffer, name: string, code: BundleFailureCode = 'malformed'): string {
  return utf8Text(bytes) ?? failed(code, `${name} is not UTF-8`);
}

export function parseJson(bytes: Buffer, name: string, code: BundleFailureCode): unknown {
  return parseJsonText(decodeText(bytes, name, code), name, code);
}

/** {@link parseJson} of a file's text, decoded already. */
export function parseJsonText(text: string, name: string, code: BundleFailureCode): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    return failed(code, `${name} is not JSON`);
  }
  if (mayNestDeeperThan(text, MAX_FILE_NESTING) && nestedDeeperThan(value, MAX_FILE_NESTING)) {
    failed(code, `${name} nests deeper than ${MAX_FILE_NESTING} levels`);
  }
  return value;
}

/** Base64 hashes of 32 bytes each, in their canonical form, or undefined. */
export function decodeProof(proof: readonly unknown[]): Buffer[] | undefined {
  const out: Buffer[] = [];
  for (const h of proof) {
    const bytes = decodeHash(h);
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
