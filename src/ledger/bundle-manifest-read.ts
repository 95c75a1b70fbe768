import {
  BUNDLE_FORMAT_V4,
  BUNDLE_FORMAT_V5,
  BUNDLE_FORMAT_V1,
  BUNDLE_FORMAT_V2,
  BUNDLE_FORMATS,
  CHECKPOINT,
  accessStreamOf,
  caseStreamOf,
  classify,
  hasAgency,
  MANIFEST,
  type BundleFileKind,
  type BundleManifest,
  type CaseOfBundle,
  type ManifestFile,
} from './bundle.js';
import { decodeText, failed, parseJsonText } from './bundle-parse.js';
import { BASE64_32 } from './bundle-proofs.js';
import type { BundleVerifyOptions } from './bundle-report.js';
import { canonicalize, isCanonicalText } from './canonical-json.js';
import { isSha256Hex } from './hash.js';

/** Reads `manifest.json` (docs/integrity.md §13.3, §13.4 step 1): its form, its members and the verifier's limits. */

/** The largest sum of the files other than media (default of `maxHeldBytes`). */
export const DEFAULT_MAX_HELD = 512 * 1024 * 1024;
const BASE64_64 = /^[A-Za-z0-9+/]{86}==$/;
/** An SM2 DER signature (8 to 72 bytes) in base64. */
const BASE64_DER = /^[A-Za-z0-9+/]{10,96}={0,2}$/;
const MANIFEST_MEMBERS_V1 = ['caseId', 'checkpoint', 'createdAt', 'files', 'format', 'signature'];
const MANIFEST_MEMBERS_V2 = ['caseId', 'checkpoint', 'createdAt', 'files', 'format', 'signature', 'streams'];
const MANIFEST_MEMBERS_V3 = ['agency', ...MANIFEST_MEMBERS_V2];
const FILE_MEMBERS = ['name', 'sha256', 'size'];

/**
 * Whether the object's members are exactly `members`, which are sorted: in a canonical text (already checked) the
 * members of every object are in that order, so they are compared in place rather than sorted.
 */
function hasExactly(value: object, members: readonly string[]): boolean {
  const keys = Object.keys(value);
  if (keys.length !== members.length) return false;
  for (let i = 0; i < keys.length; i++) if (keys[i] !== members[i]) return false;
  return true;
}

/** A file the manifest lists, and what its name says it is. */
export interface ListedFile extends ManifestFile {
  readonly kind: BundleFileKind;
  /** Set by the verifier once the archive held the file (a second member of that name is refused). */
  seen: boolean;
}

export interface ManifestRead {
  readonly manifest: BundleManifest;
  /** The files it lists, by name. */
  readonly listed: ReadonlyMap<string, ListedFile>;
  /**
   * Its canonical form without `signature` (what the signature covers) as the two pieces of its bytes around the
   * signature member: hashed piece by piece, never joined (a copy of a large manifest costs more than its hash).
   */
  readonly signedBody: readonly Uint8Array[] | undefined;
  /** Event and access record files it lists. */
  readonly events: number;
}

export function readManifest(bytes: Buffer, options: BundleVerifyOptions): ManifestRead {
  const listed = new Map<string, ListedFile>();
  const text = decodeText(bytes, MANIFEST, 'malformed');
  const value = parseJsonText(text, MANIFEST, 'malformed');
  // decoding drops a byte-order mark, which no canonical text has
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (bom || !isCanonicalText(text, value)) failed('malformed', `${MANIFEST} is not in its canonical (JCS) form`);
  const m = value as Record<string, unknown>;
  if (typeof m !== 'object' || m === null || Array.isArray(m)) failed('malformed', `${MANIFEST} is not an object`);
  if (typeof m.format !== 'string' || !BUNDLE_FORMATS.includes(m.format)) {
    failed('malformed', `unknown bundle format; this verifier reads ${BUNDLE_FORMATS.join(' and ')}`);
  }
  const expected = hasAgency(m.format as string)
    ? MANIFEST_MEMBERS_V3
    : m.format === BUNDLE_FORMAT_V2
      ? MANIFEST_MEMBERS_V2
      : MANIFEST_MEMBERS_V1;
  const members = Object.keys(m).sort();
  if (members.join() !== expected.join()) {
    failed('malformed', `${MANIFEST} has the members ${members.join(', ')}, not ${expected.join(', ')}`);
  }
  if (hasAgency(m.format as string) && (typeof m.agency !== 'string' || m.agency.length === 0)) {
    failed('malformed', 'agency is not a string');
  }
  if (typeof m.caseId !== 'string' || m.caseId.length === 0) failed('malformed', 'caseId is not a string');
  if (m.format !== BUNDLE_FORMAT_V1) checkStreams(m.streams, m as unknown as CaseOfBundle);
  if (typeof m.createdAt !== 'string') failed('malformed', 'createdAt is not a string');
  const cp = m.checkpoint as Record<string, unknown> | null;
  if (
    typeof cp !== 'object' ||
    cp === null ||
    Object.keys(cp).sort().join() !== 'origin,rootHash,size' ||
    typeof cp.origin !== 'string' ||
    !Number.isSafeInteger(cp.size) ||
    (cp.size as number) < 0 ||
    typeof cp.rootHash !== 'string' ||
    !BASE64_32.test(cp.rootHash)
  ) {
    failed('malformed', 'checkpoint is not {origin, size, rootHash (base64)}');
  }
  const sig = m.signature as Record<string, unknown> | null;
  if (
    typeof sig !== 'object' ||
    sig === null ||
    Object.keys(sig).sort().join() !== 'alg,keyId,value' ||
    typeof sig.alg !== 'string' ||
    typeof sig.keyId !== 'string' ||
    typeof sig.value !== 'string' ||
    !(sig.alg === 'SM2-SM3' ? BASE64_DER : BASE64_64).test(sig.value) ||
    Buffer.from(sig.value, 'base64').toString('base64') !== sig.value
  ) {
    failed('malformed', 'signature is not {alg, keyId, value (base64 of 64 bytes, or of a DER signature for SM2-SM3)}');
  }
  if (!Array.isArray(m.files)) failed('malformed', 'files is not an array');
  const maxFile = options.maxFileBytes ?? 16 * 1024 * 1024;
  let held = 0;
  let events = 0;
  for (const f of m.files as unknown[]) {
    const file = f as Record<string, unknown> | null;
    if (
      typeof file !== 'object' ||
      file === null ||
      !hasExactly(file, FILE_MEMBERS) ||
      typeof file.name !== 'string' ||
      !Number.isSafeInteger(file.size) ||
      (file.size as number) < 0 ||
      !isSha256Hex(file.sha256)
    ) {
      failed('malformed', 'a files entry is not {name, size, sha256}');
    }
    const { name, size, sha256 } = file as unknown as ManifestFile;
    const kind = classify(name);
    if (!kind) failed('malformed', `the manifest lists ${name}, which the bundle layout does not have`);
    if (listed.has(name)) failed('malformed', `the manifest lists ${name} twice`);
    if (kind!.kind === 'officer-key' && m.format !== BUNDLE_FORMAT_V4 && m.format !== BUNDLE_FORMAT_V5) {
      failed('malformed', `the manifest lists ${name}, which only a ${BUNDLE_FORMAT_V4} or v5 bundle has`);
    }
    if (kind!.kind === 'officer-key-stream' && m.format !== BUNDLE_FORMAT_V5) {
      failed('malformed', `the manifest lists ${name}, which only a ${BUNDLE_FORMAT_V5} bundle has`);
    }
    if (kind!.kind === 'event' || kind!.kind === 'access') events += 1;
    if (kind!.kind !== 'media') {
      held += size;
      if (size > maxFile) failed('malformed', `${name} is larger than ${maxFile} bytes`);
    }
    listed.set(name, { name, size, sha256, kind: kind!, seen: false });
  }
  if (held > (options.maxHeldBytes ?? DEFAULT_MAX_HELD)) failed('malformed', 'the bundle is too large');
  if (!listed.has(CHECKPOINT)) failed('malformed', `the manifest does not list ${CHECKPOINT}`);
  const manifest = value as BundleManifest;
  return { manifest, listed, signedBody: withoutMember(bytes, `"signature":${canonicalize(m.signature)}`), events };
}

/**
 * The canonical text `bytes` without its one member `member` (its name, colon and value, as canonical text), as
 * the bytes before and after it with the comma between them and a neighbour left out: no need to serialize again.
 * Undefined when the member is not found exactly once. UTF-8 never encodes a character as bytes that are part of
 * another's, so the member's bytes are found where its text is.
 */
function withoutMember(bytes: Buffer, member: string): Uint8Array[] | undefined {
  const needle = Buffer.from(member, 'utf8');
  const at = bytes.indexOf(needle);
  if (at <= 0 || bytes.indexOf(needle, at + 1) >= 0) return undefined;
  const end = at + needle.length;
  // the last member: its comma is the one before it; any other: the one after it
  return end === bytes.length - 1 && bytes[end] === 0x7d
    ? [bytes.subarray(0, at - 1), bytes.subarray(end)]
    : [bytes.subarray(0, at), bytes.subarray(end + 1)];
}

/** v2's and v3's `streams`: the case stream, then the access stream, each with its last revision (-1 when empty). */
function checkStreams(value: unknown, bundleCase: CaseOfBundle): void {
  const names = [caseStreamOf(bundleCase), accessStreamOf(bundleCase)];
  const ok =
    Array.isArray(value) &&
    value.length === names.length &&
    value.every((s: unknown, i) => {
      const r = s as Record<string, unknown> | null;
      return (
        typeof r === 'object' &&
        r !== null &&
        Object.keys(r).sort().join() === 'revision,stream' &&
        r.stream === names[i] &&
        Number.isSafeInteger(r.revision) &&
        (r.revision as number) >= -1
      );
    });
  if (!ok) failed('malformed', `streams is not [{stream, revision}] of ${names.join(' and ')}`);
}
