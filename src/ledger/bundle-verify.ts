import { createHash, createPublicKey, type Hash, type KeyObject } from 'node:crypto';
import {
  accessStreamOf,
  BUNDLE_FORMAT,
  BUNDLE_FORMATS,
  caseStreamOf,
  CHECKPOINT,
  classify,
  CONSISTENCY,
  MANIFEST,
  manifestBodySigningInput,
  manifestSigningInput,
  revisionName,
  type BundleFileKind,
  type BundleManifest,
  type ManifestFile,
  type StreamRevision,
} from './bundle.js';
import { CanonicalizationError, canonicalize, isCanonicalText } from './canonical-json.js';
import { openNote, parseCheckpoint } from './checkpoint.js';
import { keyIdOf, keyResolver, verifyEd25519, type PublicKeyResolver } from './ed25519.js';
import { computeEventHash, eventSigningInput, type EventEnvelope } from './envelope.js';
import { isSha256Hex, sha256Hex } from './hash.js';
import { EMPTY_ROOT, leafHash } from './merkle.js';
import { inclusionVerifier, verifyConsistency } from './merkle-proofs.js';
import { TarFormatError, TarReader, type TarMember, type TarSink } from './tar.js';
import type { SignatureCheck, SignatureChecker } from './signature-checker.js';
import { envelopeShapeDefect, verifyChain, type VerificationCode, type WorkedOut } from './verify.js';

/**
 * The offline verifier of evidence bundles (docs/integrity.md §13.5): fed the members of the archive as a
 * {@link TarSink}, it hashes every file as it streams by (media are never held in memory), then checks the bundle
 * in a fixed order and names the first failure. Pure: the caller supplies the bytes and the trusted keys.
 */

export type BundleFailureCode =
  | 'malformed'
  | 'manifest_mismatch'
  | 'file_hash_mismatch'
  | 'unknown_key'
  | 'manifest_signature_invalid'
  | 'checkpoint_invalid'
  | 'checkpoint_inconsistent'
  | 'malformed_event'
  | 'event_hash_mismatch'
  | 'unsupported_algorithm'
  | 'signature_invalid'
  | 'actor_key_unknown'
  | 'actor_signature_invalid'
  | 'stream_mismatch'
  | 'duplicate_event'
  | 'revision_gap'
  | 'chain_broken'
  | 'media_missing'
  | 'media_mismatch'
  | 'proof_missing'
  | 'proof_invalid';

export interface BundleFailure {
  readonly code: BundleFailureCode;
  readonly detail: string;
}

export interface BundleCounts {
  /** Members of the archive read, the manifest included. */
  files: number;
  events: number;
  accessRecords: number;
  media: number;
  /** Bytes of the media read. */
  mediaBytes: number;
  proofs: number;
  /** Bytes of the archive read. */
  bytes: number;
}

export interface TrustedKeyReport {
  readonly keyId: string;
  /** `given` by the caller, or taken from the bundle's `keys/` (which proves only self-consistency). */
  readonly source: 'given' | 'bundle';
}

export interface BundleReport {
  readonly valid: boolean;
  readonly failure?: BundleFailure;
  readonly caseId?: string;
  readonly checkpoint?: { readonly origin: string; readonly size: number; readonly rootHash: string };
  /** The keys the verdict rests on. */
  readonly trustedKeys: readonly TrustedKeyReport[];
  /** Present when a trusted checkpoint was given and the bundle's checkpoint was found consistent with it. */
  readonly trustedCheckpoint?: TrustedCheckpointReport;
  /** The streams the manifest says the bundle holds, with their last revision at export (format v2). */
  readonly streams?: readonly StreamRevision[];
  readonly counts: BundleCounts;
}

export interface TrustedCheckpointReport {
  readonly size: number;
  readonly rootHash: string;
  readonly consistent: true;
  /**
   * Once every inclusion proof verified: for each stream of the bundle, the last revision k such that revisions
   * 0..k are all leaves of the trusted checkpoint's tree (-1: none is). Whoever holds that checkpoint knows these
   * events were logged; a later bundle must hold them all.
   */
  readonly covers?: readonly { readonly stream: string; readonly throughRevision: number }[];
}

export interface ConsistencyProofInput {
  readonly from: number;
  readonly to: number;
  /** Base64 hashes. */
  readonly proof: readonly string[];
}

export interface BundleVerifyOptions {
  /** Trust only these Ed25519 public keys; without them the keys the bundle carries are trusted. */
  readonly trustedKeys?: readonly KeyObject[];
  /** A checkpoint (signed note) the caller trusts already: the bundle's checkpoint must be consistent with it. */
  readonly trustedCheckpoint?: string;
  /** A consistency proof between the trusted checkpoint and the bundle's; default: the bundle's `consistency.json`. */
  readonly consistencyProof?: ConsistencyProofInput;
  /** Officers' keys, for events that carry `actorSig`. */
  readonly actorKeys?: PublicKeyResolver;
  /** Largest file other than a medium (default 16 MiB); such files are held until the end. */
  readonly maxFileBytes?: number;
  /** Largest sum of the files other than media (default 512 MiB). */
  readonly maxHeldBytes?: number;
  /** Largest manifest (default 64 MiB); it is held, and parsed, before its signature can be checked. */
  readonly maxManifestBytes?: number;
  /**
   * Checks the events' service signatures in batches, e.g. on other threads. Given one, the verifier works ahead
   * while the bundle streams in: it parses the event and proof files, recomputes the event hashes, checks the
   * inclusion proofs against the manifest's checkpoint and hands the signatures to the checker, then checks
   * everything in the order of docs/integrity.md §13.4 as ever, using those results where their inputs are the
   * same. The report is the same as without it. Only for bundles of at least `signatureCheckerFrom` events.
   */
  readonly signatureChecker?: SignatureChecker;
  /**
   * Events and access records, as the manifest lists them, from which the signature checker is used (default
   * 5,000): below that, starting threads costs more than they save (measured in `npm run bench -- --only integrity`).
   */
  readonly signatureCheckerFrom?: number;
}

/** The default of {@link BundleVerifyOptions.signatureCheckerFrom}. */
export const SIGNATURE_CHECKER_FROM = 5_000;
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;
/**
 * What the verifier holds before the manifest's signature is checked, besides the manifest: `checkpoint.txt` and
 * the `keys/` files, which come first so that the signature is checked before any other file is held.
 */
export const MAX_UNSIGNED_HELD_BYTES = 1024 * 1024;
const SLAB_BYTES = 1024 * 1024;
const DEFAULT_MAX_HELD = 512 * 1024 * 1024;
const UTF8 = new TextDecoder('utf-8', { fatal: true });
const BASE64_32 = /^[A-Za-z0-9+/]{43}=$/;
const BASE64_64 = /^[A-Za-z0-9+/]{86}==$/;
const MANIFEST_MEMBERS_V1 = ['caseId', 'checkpoint', 'createdAt', 'files', 'format', 'signature'];
const MANIFEST_MEMBERS_V2 = ['caseId', 'checkpoint', 'createdAt', 'files', 'format', 'signature', 'streams'];

/** A failure found while checking; the verifier turns it into the report. */
class Failed extends Error {
  constructor(
    readonly code: BundleFailureCode,
    readonly detail: string,
  ) {
    super(detail);
  }
}

const failed = (code: BundleFailureCode, detail: string): never => {
  throw new Failed(code, detail);
};

interface Current {
  readonly name: string;
  readonly kind: BundleFileKind | { readonly kind: 'manifest' };
  /** Media are hashed as they stream by; held files in one go at their end. */
  readonly hash: Hash | undefined;
  /** The size the archive gives the member. */
  readonly expected: number;
  /** A held file's bytes: `size` of them so far. */
  bytes: Buffer | undefined;
  size: number;
}

interface HeldEvent {
  readonly name: string;
  readonly revision: number;
  readonly event: EventEnvelope;
}

/**
 * Verifies a bundle read from `source`; `onProgress` is told the bytes read so far after each chunk. The verifier
 * keeps slices of the chunks it is given until it reports, so a source must not reuse a chunk's memory after
 * yielding it (streams from files, sockets and fetch never do).
 */
export async function verifyBundle(
  source: AsyncIterable<Uint8Array>,
  options: BundleVerifyOptions = {},
  onProgress?: (bytes: number) => void,
): Promise<BundleReport> {
  const verifier = new BundleVerifier(options);
  const reader = new TarReader(verifier);
  try {
    for await (const chunk of source) {
      reader.write(chunk);
      onProgress?.(reader.bytesRead);
      if (verifier.failure) break;
    }
    if (!verifier.failure) reader.close();
  } catch (err) {
    if (!(err instanceof TarFormatError)) throw err;
    verifier.fail('malformed', err.message);
  }
  await verifier.settled();
  return verifier.finish(reader.bytesRead);
}

/** Receives the archive's members from a {@link TarReader}; `finish` checks what was read and reports. */
export class BundleVerifier implements TarSink {
  #failure: BundleFailure | undefined;
  #manifest: BundleManifest | undefined;
  /** The manifest's canonical form without its signature: what the signature covers. */
  #signedBody: string | undefined;
  readonly #listed = new Map<string, ManifestFile>();
  readonly #seen = new Set<string>();
  readonly #held = new Map<string, Buffer>();
  /** What each held file is, by name. */
  readonly #kinds = new Map<string, BundleFileKind>();
  /** Media read: name → the SHA-256 and size of the bytes actually read. */
  readonly #media = new Map<string, { sha256: string; size: number }>();
  #current: Current | undefined;
  /** Held files are copied into slabs, one slice each: far fewer allocations than a buffer per file. */
  #slab: Buffer = Buffer.alloc(0);
  #slabUsed = 0;
  /** The chunks of the input that held files were left in, and their size. */
  readonly #pinned = new Set<ArrayBufferLike>();
  #pinnedBytes = 0;
  #trusted: TrustedKeyReport[] = [];
  /** The keys the verdict rests on, once the manifest's signature was checked with them. */
  #keys: TrustedKeys | undefined;
  /** Bytes of `checkpoint.txt` and `keys/` held before the manifest's signature was checked. */
  #unsignedHeld = 0;
  #trustedCheckpoint: TrustedCheckpointReport | undefined;
  /** Work done ahead, for large bundles given a signature checker. */
  #ahead: LookAhead | undefined;
  readonly #counts: BundleCounts = {
    files: 0,
    events: 0,
    accessRecords: 0,
    media: 0,
    mediaBytes: 0,
    proofs: 0,
    bytes: 0,
  };

  constructor(private readonly options: BundleVerifyOptions = {}) {}

  get failure(): BundleFailure | undefined {
    return this.#failure;
  }

  /** Waits for the work handed off while the bundle streamed in (signatures being checked elsewhere). */
  async settled(): Promise<void> {
    if (!this.#failure) await this.#ahead?.settled();
  }

  /** Records a failure found outside the verifier (the archive itself); only the first one counts. */
  fail(code: BundleFailureCode, detail: string): void {
    this.#failure ??= { code, detail };
  }

  member(member: TarMember): void {
    this.#guard(() => {
      this.#counts.files += 1;
      if (!this.#manifest && !this.#current && this.#counts.files === 1) {
        if (member.name !== MANIFEST) failed('malformed', `the first file is ${member.name}, not ${MANIFEST}`);
        const max = this.options.maxManifestBytes ?? MAX_MANIFEST_BYTES;
        if (member.size > max) failed('malformed', `${MANIFEST} is larger than ${max} bytes`);
        this.#begin(member, { kind: 'manifest' }, true);
        return;
      }
      const listed = this.#listed.get(member.name);
      if (!listed) failed('manifest_mismatch', `${member.name} is not listed in the manifest`);
      if (listed!.size !== member.size) {
        failed('file_hash_mismatch', `${member.name} has ${member.size} bytes, the manifest lists ${listed!.size}`);
      }
      this.#seen.add(member.name);
      const kind = classify(member.name)!;
      this.#gate(member, kind);
      this.#begin(member, kind, kind.kind !== 'media');
    });
  }

  data(chunk: Uint8Array): void {
    if (this.#failure || !this.#current) return;
    const current = this.#current;
    if (current.hash) {
      current.hash.update(chunk);
    } else if (current.size === 0 && chunk.byteLength === current.expected && this.#pin(chunk)) {
      // the whole file in one piece: kept where it is, not copied
      current.bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    } else {
      current.bytes ??= this.#reserve(current.expected);
      current.bytes.set(chunk, current.size);
    }
    current.size += chunk.byteLength;
  }

  memberEnd(): void {
    this.#guard(() => {
      const current = this.#current!;
      this.#current = undefined;
      const bytes = current.hash ? undefined : (current.bytes ?? Buffer.alloc(0));
      const sha256 = bytes ? sha256Hex(bytes) : current.hash!.digest('hex');
      if (current.kind.kind === 'manifest') {
        this.#readManifest(bytes!);
        return;
      }
      const listed = this.#listed.get(current.name)!;
      if (sha256 !== listed.sha256) {
        failed('file_hash_mismatch', `${current.name} hashes to ${sha256}, the manifest lists ${listed.sha256}`);
      }
      const kind = current.kind.kind;
      if (kind === 'media') {
        this.#media.set(current.name, { sha256, size: current.size });
        this.#counts.media += 1;
        this.#counts.mediaBytes += current.size;
      } else {
        this.#held.set(current.name, bytes!);
        this.#kinds.set(current.name, current.kind);
        this.#ahead?.read(current.name, current.kind, bytes!);
        if (kind === 'event') this.#counts.events += 1;
        if (kind === 'access') this.#counts.accessRecords += 1;
        if (kind === 'proof') this.#counts.proofs += 1;
      }
    });
  }

  /** Checks everything read, in the order of docs/integrity.md §13.5, and reports the first failure. */
  finish(bytesRead: number): BundleReport {
    this.#counts.bytes = bytesRead;
    this.#guard(() => {
      if (!this.#manifest) failed('malformed', `the archive holds no ${MANIFEST}`);
      const manifest = this.#manifest!;
      for (const name of this.#listed.keys()) {
        if (!this.#seen.has(name)) failed('manifest_mismatch', `${name} is listed in the manifest but missing`);
      }
      const keys = this.#keys ?? this.#checkSignature();
      const root = this.#checkCheckpoint(manifest, keys);
      if (this.options.trustedCheckpoint !== undefined) this.#checkTrustedCheckpoint(manifest, root, keys);
      else this.#readConsistency(true);
      const events = this.#checkStream('event', caseStreamOf(manifest.caseId), keys);
      if (events.length === 0) failed('revision_gap', 'the bundle holds no event of the case');
      const access = this.#checkStream('access', accessStreamOf(manifest.caseId), keys);
      this.#checkMedia([...events, ...access]);
      const leaves = this.#checkProofs([...events, ...access], manifest.checkpoint.size, root);
      if (this.#trustedCheckpoint) {
        const size = this.#trustedCheckpoint.size;
        this.#trustedCheckpoint = {
          ...this.#trustedCheckpoint,
          covers: [events, access].map((held, i) => ({
            stream: i === 0 ? caseStreamOf(manifest.caseId) : accessStreamOf(manifest.caseId),
            throughRevision: coveredThrough(held, leaves, size),
          })),
        };
      }
    });
    const manifest = this.#manifest;
    return {
      valid: this.#failure === undefined,
      ...(this.#failure ? { failure: this.#failure } : {}),
      ...(manifest ? { caseId: manifest.caseId, checkpoint: { ...manifest.checkpoint } } : {}),
      trustedKeys: this.#trusted,
      ...(this.#trustedCheckpoint ? { trustedCheckpoint: this.#trustedCheckpoint } : {}),
      ...(manifest?.streams ? { streams: manifest.streams.map((s) => ({ ...s })) } : {}),
      counts: { ...this.#counts },
    };
  }

  #guard(check: () => void): void {
    if (this.#failure) return;
    try {
      check();
    } catch (err) {
      if (!(err instanceof Failed)) throw err;
      this.fail(err.code, err.detail);
    }
  }

  /**
   * Nothing but `checkpoint.txt` and the `keys/` files, which come right after the manifest and are small, is held
   * before the manifest's signature verifies: the first other file checks it (with the given keys, else the keys
   * read so far), so a bundle the service never signed is refused before it can make the verifier hold anything.
   */
  #gate(member: TarMember, kind: BundleFileKind): void {
    const early = kind.kind === 'checkpoint' || kind.kind === 'key';
    if (this.#keys) {
      if (kind.kind === 'key') failed('malformed', `${member.name} comes after files that are not keys`);
      return;
    }
    if (!early) {
      this.#checkSignature();
      return;
    }
    this.#unsignedHeld += member.size;
    if (this.#unsignedHeld > MAX_UNSIGNED_HELD_BYTES) {
      failed('malformed', `${CHECKPOINT} and keys/ hold more than ${MAX_UNSIGNED_HELD_BYTES} bytes`);
    }
  }

  /** Settles the trusted keys and checks the manifest's signature with them. */
  #checkSignature(): TrustedKeys {
    const keys = this.#trustKeys();
    this.#checkManifestSignature(this.#manifest!, keys);
    this.#keys = keys;
    return keys;
  }

  /**
   * Whether a held file may stay in the chunk it came in. Each chunk so kept is held whole, so at most
   * `maxHeldBytes` of them are; files are copied beyond that.
   */
  #pin(chunk: Uint8Array): boolean {
    const backing = chunk.buffer;
    if (this.#pinned.has(backing)) return true;
    if (this.#pinnedBytes + backing.byteLength > (this.options.maxHeldBytes ?? DEFAULT_MAX_HELD)) return false;
    this.#pinned.add(backing);
    this.#pinnedBytes += backing.byteLength;
    return true;
  }

  /** Room for a held file of `size` bytes: a slice of the current slab, or a buffer of its own when large. */
  #reserve(size: number): Buffer {
    if (size > SLAB_BYTES / 8) return Buffer.allocUnsafe(size);
    if (this.#slabUsed + size > this.#slab.length) {
      this.#slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
      this.#slabUsed = 0;
    }
    this.#slabUsed += size;
    return this.#slab.subarray(this.#slabUsed - size, this.#slabUsed);
  }

  #begin(member: TarMember, kind: Current['kind'], hold: boolean): void {
    this.#current = {
      name: member.name,
      kind,
      hash: hold ? undefined : createHash('sha256'),
      expected: member.size,
      bytes: undefined,
      size: 0,
    };
  }

  #readManifest(bytes: Buffer): void {
    const value = parseJson(bytes, MANIFEST, 'malformed');
    const text = bytes.toString('utf8');
    if (!isCanonicalText(text, value)) failed('malformed', `${MANIFEST} is not in its canonical (JCS) form`);
    const m = value as Record<string, unknown>;
    if (typeof m !== 'object' || m === null || Array.isArray(m)) failed('malformed', `${MANIFEST} is not an object`);
    if (typeof m.format !== 'string' || !BUNDLE_FORMATS.includes(m.format)) {
      failed('malformed', `unknown bundle format; this verifier reads ${BUNDLE_FORMATS.join(' and ')}`);
    }
    const expected = m.format === BUNDLE_FORMAT ? MANIFEST_MEMBERS_V2 : MANIFEST_MEMBERS_V1;
    const members = Object.keys(m).sort();
    if (members.join() !== expected.join()) {
      failed('malformed', `${MANIFEST} has the members ${members.join(', ')}, not ${expected.join(', ')}`);
    }
    if (typeof m.caseId !== 'string' || m.caseId.length === 0) failed('malformed', 'caseId is not a string');
    if (m.format === BUNDLE_FORMAT) checkStreams(m.streams, m.caseId as string);
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
      !BASE64_64.test(sig.value) ||
      Buffer.from(sig.value, 'base64').toString('base64') !== sig.value
    ) {
      failed('malformed', 'signature is not {alg, keyId, value (base64 of 64 bytes)}');
    }
    if (!Array.isArray(m.files)) failed('malformed', 'files is not an array');
    const maxFile = this.options.maxFileBytes ?? 16 * 1024 * 1024;
    let held = 0;
    let events = 0;
    for (const f of m.files as unknown[]) {
      const file = f as Record<string, unknown> | null;
      if (
        typeof file !== 'object' ||
        file === null ||
        Object.keys(file).sort().join() !== 'name,sha256,size' ||
        typeof file.name !== 'string' ||
        !Number.isSafeInteger(file.size) ||
        (file.size as number) < 0 ||
        !isSha256Hex(file.sha256)
      ) {
        failed('malformed', 'a files entry is not {name, size, sha256}');
      }
      const { name, size } = file as unknown as ManifestFile;
      const kind = classify(name);
      if (!kind) failed('malformed', `the manifest lists ${name}, which the bundle layout does not have`);
      if (this.#listed.has(name)) failed('malformed', `the manifest lists ${name} twice`);
      if (kind!.kind === 'event' || kind!.kind === 'access') events += 1;
      if (kind!.kind !== 'media') {
        held += size;
        if (size > maxFile) failed('malformed', `${name} is larger than ${maxFile} bytes`);
      }
      this.#listed.set(name, file as unknown as ManifestFile);
    }
    if (held > (this.options.maxHeldBytes ?? DEFAULT_MAX_HELD)) failed('malformed', 'the bundle is too large');
    if (!this.#listed.has(CHECKPOINT)) failed('malformed', `the manifest does not list ${CHECKPOINT}`);
    this.#manifest = value as BundleManifest;
    // the canonical form without `signature` is the text without it: no need to serialize again
    const signature = `"signature":${canonicalize(m.signature)}`;
    const at = text.indexOf(signature);
    if (at > 0 && text.indexOf(signature, at + 1) < 0) {
      const before = text.slice(0, at);
      const after = text.slice(at + signature.length);
      this.#signedBody = after === '}' ? `${before.slice(0, -1)}}` : `${before}${after.slice(1)}`;
    }
    const checker = this.options.signatureChecker;
    if (checker && events >= (this.options.signatureCheckerFrom ?? SIGNATURE_CHECKER_FROM)) {
      this.#ahead = new LookAhead(checker, this.options.trustedKeys, this.#manifest.checkpoint);
    }
  }

  /** The given keys, or else the bundle's `keys/`, each of which must be the public key its name says. */
  #trustKeys(): TrustedKeys {
    const bundled: KeyObject[] = [];
    for (const [name, bytes] of this.#held) {
      const kind = this.#kinds.get(name);
      if (kind?.kind !== 'key') continue;
      const pem = decodeText(bytes, name);
      let key: KeyObject | undefined;
      try {
        key = pem.includes('-----BEGIN PUBLIC KEY-----') ? createPublicKey({ key: pem, format: 'pem' }) : undefined;
      } catch {
        key = undefined;
      }
      if (!key || key.asymmetricKeyType !== 'ed25519') failed('malformed', `${name} is not an Ed25519 public key`);
      if (keyIdOf(key!) !== kind.keyId) failed('malformed', `${name} holds the key ${keyIdOf(key!)}`);
      bundled.push(key!);
    }
    const given = this.options.trustedKeys;
    const all = given ? [...given] : bundled;
    this.#trusted = all.map((k) => ({ keyId: keyIdOf(k), source: given ? 'given' : 'bundle' }));
    if (all.length === 0) failed('unknown_key', 'no key to trust: the bundle carries none and none was given');
    const resolve = keyResolver(all);
    return Object.assign((keyId: string) => resolve(keyId), { all });
  }

  #checkManifestSignature(manifest: BundleManifest, keys: PublicKeyResolver): void {
    const { alg, keyId, value } = manifest.signature;
    if (alg !== 'Ed25519') failed('unsupported_algorithm', `the manifest signature's alg is ${alg}`);
    const key = keys(keyId);
    if (!key) failed('unknown_key', `the manifest is signed by ${keyId}, not a trusted key`);
    const message =
      this.#signedBody !== undefined
        ? manifestBodySigningInput(manifest.format, this.#signedBody)
        : manifestSigningInput(manifest);
    if (!verifyEd25519(key!, message, Buffer.from(value, 'base64'))) {
      failed('manifest_signature_invalid', `the manifest signature by ${keyId} does not verify`);
    }
  }

  /** Opens the signed note with the trusted keys and checks it is the manifest's checkpoint; returns its root. */
  #checkCheckpoint(manifest: BundleManifest, keys: { all: KeyObject[] }): Buffer {
    const { origin, size, rootHash } = manifest.checkpoint;
    const note = decodeText(this.#held.get(CHECKPOINT)!, CHECKPOINT, 'checkpoint_invalid');
    const opened = openWith(note, origin, keys.all);
    if (!opened) failed('checkpoint_invalid', `${CHECKPOINT} is not signed by a trusted key under the name ${origin}`);
    const parsed = parseCheckpoint(opened!.body);
    if (!parsed) failed('checkpoint_invalid', `${CHECKPOINT} is not a tlog-checkpoint`);
    if (parsed!.origin !== origin || parsed!.size !== size || parsed!.rootHash.toString('base64') !== rootHash) {
      failed('checkpoint_invalid', `${CHECKPOINT} is not the checkpoint the manifest names`);
    }
    return parsed!.rootHash;
  }

  /** The bundle's checkpoint must extend the trusted one (or be extended by it), proved by a consistency proof. */
  #checkTrustedCheckpoint(manifest: BundleManifest, root: Buffer, keys: { all: KeyObject[] }): void {
    const note = this.options.trustedCheckpoint!;
    const origin = manifest.checkpoint.origin;
    const trustedOrigin = note.slice(0, Math.max(0, note.indexOf('\n')));
    if (trustedOrigin !== origin) {
      failed(
        'checkpoint_inconsistent',
        `the trusted checkpoint is of the log ${trustedOrigin}, the bundle's of ${origin}`,
      );
    }
    const opened = openWith(note, origin, keys.all);
    if (!opened) failed('checkpoint_invalid', 'the trusted checkpoint is not signed by a trusted key');
    const trusted = parseCheckpoint(opened!.body);
    if (!trusted) failed('checkpoint_invalid', 'the trusted checkpoint is not a tlog-checkpoint');
    const t = { size: trusted!.size, root: trusted!.rootHash };
    const b = { size: manifest.checkpoint.size, root };
    const proofInput = this.options.consistencyProof ?? this.#readConsistency(false);
    const [lo, hi] = t.size <= b.size ? [t, b] : [b, t];
    if (t.size === b.size) {
      if (!t.root.equals(b.root)) {
        failed(
          'checkpoint_inconsistent',
          `the trusted checkpoint and the bundle's both have size ${t.size} but differ`,
        );
      }
    } else if (lo.size === 0) {
      if (!lo.root.equals(EMPTY_ROOT)) failed('checkpoint_inconsistent', 'a checkpoint of size 0 has another root');
    } else {
      if (!proofInput || proofInput.from !== lo.size || proofInput.to !== hi.size) {
        failed(
          'checkpoint_inconsistent',
          `no consistency proof from size ${lo.size} to ${hi.size} (trusted ${t.size}, bundle ${b.size})`,
        );
      }
      const proof = decodeProof(proofInput!.proof);
      if (!proof || !verifyConsistency(lo.size, hi.size, lo.root, hi.root, proof)) {
        failed('checkpoint_inconsistent', `the consistency proof from size ${lo.size} to ${hi.size} does not verify`);
      }
    }
    this.#trustedCheckpoint = { size: t.size, rootHash: t.root.toString('base64'), consistent: true };
  }

  /** `consistency.json`, when the bundle has one: `{from, to, proof}`, with `to` the checkpoint's size when `ending`. */
  #readConsistency(ending: boolean): ConsistencyProofInput | undefined {
    const bytes = this.#held.get(CONSISTENCY);
    if (!bytes) return undefined;
    const value = parseJson(bytes, CONSISTENCY, 'malformed') as Record<string, unknown>;
    if (
      typeof value !== 'object' ||
      value === null ||
      !Number.isSafeInteger(value.from) ||
      !Number.isSafeInteger(value.to) ||
      !Array.isArray(value.proof) ||
      !value.proof.every((h) => typeof h === 'string')
    ) {
      failed('malformed', `${CONSISTENCY} is not {from, to, proof}`);
    }
    if (ending && value.to !== this.#manifest!.checkpoint.size) {
      failed('malformed', `${CONSISTENCY} does not end at the checkpoint's size`);
    }
    return value as unknown as ConsistencyProofInput;
  }

  /** Parses the event files of one kind, in revision order, and checks them as one stream from revision 0. */
  #checkStream(kind: 'event' | 'access', stream: string, keys: PublicKeyResolver): HeldEvent[] {
    const files: { name: string; revision: number }[] = [];
    for (const [name, k] of this.#kinds) {
      if (k.kind === kind) files.push({ name, revision: k.revision });
    }
    files.sort((a, b) => a.revision - b.revision);
    const ahead = this.#ahead;
    const held = files.map(({ name, revision }) => ({
      name,
      revision,
      event: (ahead?.parsed.get(name) ?? parseJson(this.#held.get(name)!, name, 'malformed_event')) as EventEnvelope,
    }));
    const result = verifyChain(
      held.map((h) => h.event),
      {
        serviceKeys: keys,
        ...(this.options.actorKeys ? { actorKeys: this.options.actorKeys } : {}),
        ...(ahead ? { worked: ahead } : {}),
      },
    );
    if (!result.ok) {
      const { code, detail, index } = result.failure;
      failed(bundleCode(code), `${held[index ?? 0]?.name ?? kind}: ${detail}`);
    }
    for (const { name, revision, event } of held) {
      if (event.stream !== stream) failed('stream_mismatch', `${name}: stream ${event.stream}, expected ${stream}`);
      if (event.revision !== revision) {
        failed('malformed', `${name} holds revision ${event.revision}, not ${revisionName(revision)}`);
      }
    }
    const recorded = this.#manifest!.streams?.find((s) => s.stream === stream);
    const last = held.at(-1)?.revision ?? -1;
    if (recorded && recorded.revision !== last) {
      failed('revision_gap', `the manifest records ${stream} at revision ${recorded.revision}, the bundle ends at ${last}`);
    }
    return held;
  }

  /** Every medium an event references is present with the size and SHA-256 it names; no other medium is. */
  #checkMedia(events: readonly HeldEvent[]): void {
    const referenced = new Set<string>();
    for (const { name, event } of events) {
      for (const ref of event.media) {
        const file = `media/${ref.sha256}`;
        referenced.add(file);
        const got = this.#media.get(file);
        if (!got) failed('media_missing', `${name} references ${file}, which the bundle does not hold`);
        if (got!.sha256 !== ref.sha256) failed('media_mismatch', `${file} holds bytes that hash to ${got!.sha256}`);
        if (got!.size !== ref.size) {
          failed('media_mismatch', `${file} has ${got!.size} bytes, ${name} says ${ref.size}`);
        }
      }
    }
    for (const file of this.#media.keys()) {
      if (!referenced.has(file)) failed('media_mismatch', `${file} is referenced by no event of the bundle`);
    }
  }

  /**
   * Every event has an inclusion proof in the checkpoint's tree; no proof is for another event. Returns each event's
   * leaf index.
   */
  #checkProofs(events: readonly HeldEvent[], size: number, root: Buffer): Map<string, number> {
    const leaves = new Map<string, number>();
    const ids = new Set<string>();
    const ahead = this.#ahead;
    const same = ahead !== undefined && ahead.size === size && ahead.root.equals(root);
    const included = same ? ahead.included : inclusionVerifier(size, root);
    const decoded = ahead?.decoded ?? new Map<string, Buffer | undefined>();
    for (const { name, event } of events) {
      ids.add(event.id);
      const file = `proofs/${event.id}.json`;
      const bytes = this.#held.get(file);
      if (!bytes) failed('proof_missing', `${name} (event ${event.id}) has no inclusion proof`);
      // worked out ahead, from the same bytes and event hash against the same tree: the file parsed, had the right
      // members, size and leaf hash, and `included` is the verdict on its proof
      const known = same ? ahead.proofs.get(file) : undefined;
      if (known !== undefined && known.eventHash === event.hash) {
        leaves.set(event.id, known.leafIndex);
        if (known.included) continue;
        failed('proof_invalid', `${file}: event ${event.id} is not leaf ${known.leafIndex} of the checkpoint's tree`);
      }
      const p = parseJson(bytes!, file, 'proof_invalid') as Record<string, unknown>;
      if (!isProofFor(p, event.id)) {
        failed('proof_invalid', `${file} is not {eventId, leafIndex, treeSize, leafHash, proof} for event ${event.id}`);
      }
      if (p.treeSize !== size) failed('proof_invalid', `${file} proves against size ${p.treeSize}, not ${size}`);
      const leaf = leafHash(Buffer.from(event.hash, 'hex'));
      if (p.leafHash !== leaf.toString('base64')) failed('proof_invalid', `${file}: the leaf hash is not the event's`);
      if (!proves(included, leaf, p, decoded)) {
        failed('proof_invalid', `${file}: event ${event.id} is not leaf ${p.leafIndex} of the checkpoint's tree`);
      }
      leaves.set(event.id, p.leafIndex as number);
    }
    for (const [name, kind] of this.#kinds) {
      if (kind.kind === 'proof' && !ids.has(kind.eventId)) {
        failed('proof_invalid', `${name} proves an event the bundle does not hold`);
      }
    }
    return leaves;
  }
}

type TrustedKeys = PublicKeyResolver & { all: KeyObject[] };

/** The last revision k of a stream such that its revisions 0..k are leaves below `size` (-1: not even the first). */
function coveredThrough(events: readonly HeldEvent[], leaves: ReadonlyMap<string, number>, size: number): number {
  let through = -1;
  for (const { revision, event } of events) {
    const leaf = leaves.get(event.id);
    if (leaf === undefined || leaf >= size || revision !== through + 1) break;
    through = revision;
  }
  return through;
}

/** v2's `streams`: the case stream, then the access stream, each with its last revision (-1 when empty). */
function checkStreams(value: unknown, caseId: string): void {
  const names = [caseStreamOf(caseId), accessStreamOf(caseId)];
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

/** The members of an inclusion proof file of event `eventId` have the right types. */
function isProofFor(p: unknown, eventId: string): p is Record<string, unknown> {
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
function proves(
  included: ReturnType<typeof inclusionVerifier>,
  leaf: Buffer,
  p: Record<string, unknown>,
  decoded: Map<string, Buffer | undefined>,
): boolean {
  const proof = decodeProof(p.proof as unknown[], decoded);
  return proof !== undefined && included(leaf, p.leafIndex as number, proof);
}

/** Signatures handed to the checker at a time. */
const SIGNATURE_BATCH = 256;

/** A signature to check, with the event it is of and its key. */
interface Pending {
  readonly event: object;
  readonly key: KeyObject;
  readonly check: SignatureCheck;
}

interface Handed {
  readonly batch: readonly Pending[];
  answered: boolean;
}

/**
 * The work a verifier does ahead, as the files stream in (see {@link BundleVerifyOptions.signatureChecker}): parsed
 * event and proof files, recomputed event hashes, signature verdicts and inclusion verdicts, each kept with what it
 * was worked out from. It never decides anything: `finish` checks in its own order and takes a result only where
 * its inputs are the same objects, bytes and tree. Files that come before what they need (an event before the key
 * that signs it, a proof before its event) are simply left to `finish`.
 */
class LookAhead implements WorkedOut {
  /** Event file name → its JSON, for the files that parsed. */
  readonly parsed = new Map<string, unknown>();
  readonly decoded = new Map<string, Buffer | undefined>();
  readonly size: number;
  readonly root: Buffer;
  readonly included: ReturnType<typeof inclusionVerifier>;
  /** Inclusion verdicts by proof file, with the event hash they were worked out for and the file's leaf index. */
  readonly proofs = new Map<string, { eventHash: string; leafIndex: number; included: boolean }>();
  readonly #hashes = new WeakMap<object, string | CanonicalizationError>();
  readonly #signatures = new WeakMap<object, { key: KeyObject; valid: boolean }>();
  /** Event id → event hash, of the events parsed so far. */
  readonly #eventHashes = new Map<string, string>();
  /** The keys a signature is checked with: the given ones, else the bundle's keys as they arrive. */
  readonly #given: PublicKeyResolver | undefined;
  readonly #bundled = new Map<string, KeyObject>();
  #batch: Pending[] = [];
  /** The batches handed to the checker, in order; `answered` once it answered or they were checked here. */
  readonly #handed: Handed[] = [];
  #unanswered = 0;

  constructor(
    private readonly checker: SignatureChecker,
    trustedKeys: readonly KeyObject[] | undefined,
    checkpoint: BundleManifest['checkpoint'],
  ) {
    this.size = checkpoint.size;
    this.root = Buffer.from(checkpoint.rootHash, 'base64');
    this.included = inclusionVerifier(this.size, this.root);
    if (trustedKeys) {
      try {
        this.#given = keyResolver(trustedKeys);
      } catch {
        this.#given = () => undefined; // finish says what is wrong with the keys
      }
    }
  }

  hash(event: EventEnvelope): string | CanonicalizationError | undefined {
    return this.#hashes.get(event);
  }

  signature(event: EventEnvelope, key: KeyObject): boolean | undefined {
    const known = this.#signatures.get(event);
    return known && (known.key === key || known.key.equals(key)) ? known.valid : undefined;
  }

  /** A held file has been read (and found as the manifest lists it). */
  read(name: string, kind: BundleFileKind, bytes: Buffer): void {
    if (kind.kind === 'key' && !this.#given) this.#key(kind.keyId, bytes);
    else if (kind.kind === 'event' || kind.kind === 'access') this.#event(name, bytes);
    else if (kind.kind === 'proof') this.#proof(name, kind.eventId, bytes);
  }

  /**
   * Once the bundle is read: rather than wait for the checker, checks the unanswered batches here too, the last
   * handed over first (the checker works from the first), and lets the answers in between batches. At most the
   * batches being checked there when their turn comes here are checked twice, with the same verdicts.
   */
  async settled(): Promise<void> {
    this.#flush(true);
    for (let i = this.#handed.length - 1; i >= 0; i--) {
      const handed = this.#handed[i]!;
      if (handed.answered) continue;
      this.#checkHere(handed.batch);
      handed.answered = true;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  #key(keyId: string, bytes: Buffer): void {
    try {
      const key = createPublicKey({ key: UTF8.decode(bytes), format: 'pem' });
      if (key.asymmetricKeyType === 'ed25519' && keyIdOf(key) === keyId) this.#bundled.set(keyId, key);
    } catch {
      // finish reports it
    }
  }

  #event(name: string, bytes: Buffer): void {
    const value = tryParse(bytes);
    if (value === undefined) return;
    this.parsed.set(name, value);
    if (envelopeShapeDefect(value)) return;
    const event = value as EventEnvelope;
    let hash: string | CanonicalizationError;
    try {
      hash = computeEventHash(event);
    } catch (err) {
      if (!(err instanceof CanonicalizationError)) return;
      hash = err;
    }
    this.#hashes.set(event, hash);
    if (hash !== event.hash || event.sig.alg !== 'Ed25519') return;
    this.#eventHashes.set(event.id, event.hash);
    const key = this.#given ? this.#given(event.sig.keyId) : this.#bundled.get(event.sig.keyId);
    if (!key) return;
    const signature = Buffer.from(event.sig.value, 'base64');
    if (signature.length !== 64) {
      this.#signatures.set(event, { key, valid: false });
      return;
    }
    this.#batch.push({ event, key, check: { publicKey: key, message: eventSigningInput(event.hash), signature } });
    if (this.#batch.length >= SIGNATURE_BATCH) this.#flush();
  }

  #proof(name: string, eventId: string, bytes: Buffer): void {
    const eventHash = this.#eventHashes.get(eventId);
    if (eventHash === undefined) return;
    const p = tryParse(bytes);
    if (!isProofFor(p, eventId) || p.treeSize !== this.size) return;
    const leaf = leafHash(Buffer.from(eventHash, 'hex'));
    if (p.leafHash !== leaf.toString('base64')) return;
    const included = proves(this.included, leaf, p, this.decoded);
    this.proofs.set(name, { eventHash, leafIndex: p.leafIndex as number, included });
  }

  /**
   * Hands the batch to the checker, or checks it here while the checker has as many batches as it can take (or,
   * with `last`, if it has any: the last batch is checked here rather than waited for).
   */
  #flush(last = false): void {
    if (this.#batch.length === 0) return;
    const batch = this.#batch;
    this.#batch = [];
    if (this.#unanswered >= (last ? 1 : (this.checker.capacity ?? Infinity))) {
      this.#checkHere(batch);
      return;
    }
    const handed: Handed = { batch, answered: false };
    this.#handed.push(handed);
    this.#unanswered += 1;
    const answered = () => {
      if (!handed.answered) this.#unanswered -= 1;
      handed.answered = true;
    };
    let asked: Promise<readonly (boolean | undefined)[]>;
    try {
      asked = this.checker.check(batch.map((b) => b.check));
    } catch (err) {
      asked = Promise.reject(err as Error);
    }
    asked.then(
      (valid) => {
        batch.forEach((b, i) => {
          const v = valid?.[i];
          if (typeof v === 'boolean') this.#signatures.set(b.event, { key: b.key, valid: v });
        });
        answered();
      },
      answered, // not checked there: finish checks these signatures itself
    );
  }

  #checkHere(batch: readonly Pending[]): void {
    for (const { event, key, check } of batch) {
      try {
        this.#signatures.set(event, { key, valid: verifyEd25519(check.publicKey, check.message, check.signature) });
      } catch {
        // finish checks it again, and meets the same error
      }
    }
  }
}

/** The JSON of a held file, or undefined when it is not UTF-8 JSON (finish then says so). */
function tryParse(bytes: Buffer): unknown {
  try {
    return JSON.parse(UTF8.decode(bytes)) as unknown;
  } catch {
    return undefined;
  }
}

function bundleCode(code: VerificationCode): BundleFailureCode {
  return code === 'hash_mismatch' ? 'event_hash_mismatch' : code;
}

function decodeText(bytes: Buffer, name: string, code: BundleFailureCode = 'malformed'): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    return failed(code, `${name} is not UTF-8`);
  }
}

function parseJson(bytes: Buffer, name: string, code: BundleFailureCode): unknown {
  const text = decodeText(bytes, name, code);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return failed(code, `${name} is not JSON`);
  }
}

/**
 * Base64 hashes of 32 bytes each, in their canonical form, or undefined. `known` remembers the strings decoded
 * before (undefined for a string that is not such a hash): proofs of one tree repeat their upper nodes.
 */
function decodeProof(proof: readonly unknown[], known?: Map<string, Buffer | undefined>): Buffer[] | undefined {
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
function openWith(note: string, origin: string, keys: readonly KeyObject[]) {
  try {
    return openNote(
      note,
      keys.map((publicKey) => ({ name: origin, publicKey })),
    );
  } catch {
    return undefined;
  }
}
