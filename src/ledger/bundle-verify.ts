import { createHash, type Hash } from 'node:crypto';
import { accessStreamOf, BUNDLE_FORMAT_V4, caseStreamOf, CHECKPOINT, MANIFEST } from './bundle.js';
import type { BundleFileKind, BundleManifest } from './bundle.js';
import {
  checkCheckpoint,
  checkManifestSignature,
  checkMedia,
  checkProofs,
  checkStream,
  checkTrustedCheckpoint,
  coveredThrough,
  eventOptions,
  bundledOfficerKeys,
  checkOfficerKeysFirst,
  suiteOfBundle,
  readConsistency,
  trustKeys,
  type Held,
  type OpenedCheckpoint,
  type TrustedKeys,
} from './bundle-checks.js';
import { checkComplete } from './bundle-heads.js';
import { headsRootOfCheckpoint } from './checkpoint-heads.js';
import { LookAhead } from './bundle-look-ahead.js';
import { checkTimestamps, readsEventFile } from './bundle-timestamps.js';
import { decisionsOf } from './bundle-decisions.js';
import { readEventFile, readProofFile, type EventFileRead, type ProofFileRead } from './bundle-file-checks.js';
import { proofChecker, type ProofCheck } from './bundle-proofs.js';
import { DEFAULT_MAX_HELD, readManifest, type ListedFile } from './bundle-manifest-read.js';
import { failed, Failed } from './bundle-parse.js';
import {
  signatureCheckerFrom,
  type BundleCounts,
  type BundleFailure,
  type BundleFailureCode,
  type BundleReport,
  type BundleVerifyOptions,
  type TrustedCheckpointReport,
  type TrustedKeyReport,
  type WitnessReport,
  type TimestampReport,
  type DecisionReport,
  type DisclosureTimelinessReport,
} from './bundle-report.js';
import { checkWitnesses } from './bundle-witnesses.js';
import { sha256Hex } from './hash.js';
import { TarFormatError, type ArchiveHint } from './tar.js';
import { TarReader, type TarMember, type TarSink } from './tar-reader.js';
import { suiteOfAlg } from './suite.js';
import type { VerifyOptions } from './verify.js';

export * from './bundle-report.js';

/**
 * The offline verifier of evidence bundles (docs/integrity.md §13.4): fed the members of the archive as a
 * {@link TarSink}, it hashes every file as it streams by (media are never held in memory), holds nothing but the
 * manifest, the checkpoint and the keys until the manifest's signature verifies, then checks the bundle in a fixed
 * order (bundle-checks.ts) and names the first failure. Without a signature checker, each event and proof file is
 * checked on its own as it is read (bundle-file-checks.ts) and only the answer is kept, which those checks take in
 * their order; an event's signatures are left until they reach it, so that none is checked that cannot change the
 * report. Pure: the caller supplies the bytes and the trusted keys.
 */

const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;
/**
 * What the verifier holds before the manifest's signature is checked, besides the manifest: `checkpoint.txt` and
 * the `keys/` files, which come first so that the signature is checked before any other file is held.
 */
export const MAX_UNSIGNED_HELD_BYTES = 1024 * 1024;
const SLAB_BYTES = 1024 * 1024;

interface Current {
  readonly name: string;
  readonly kind: BundleFileKind | { readonly kind: 'manifest' };
  /** What the manifest lists for the file (none for the manifest itself). */
  readonly listed: ListedFile | undefined;
  /** Media are hashed as they stream by; held files in one go at their end. */
  readonly hash: Hash | undefined;
  /**
   * An event, access record or proof file checked on its own at its end and then let go: its bytes are the piece
   * of the input it came in when it came whole, else put together in the verifier's scratch buffer.
   */
  readonly streamed: boolean;
  /** The size the archive gives the member. */
  readonly expected: number;
  /** A held file's bytes: `size` of them so far. */
  bytes: Buffer | undefined;
  size: number;
}

/** What the checks of the events and after read of the checks before them. */
interface BeforeEvents {
  readonly manifest: BundleManifest;
  readonly keys: TrustedKeys;
  readonly held: Held;
  readonly checkpoint: OpenedCheckpoint;
}

/**
 * Verifies a bundle read from `source`; `onProgress` is told the bytes read so far after each chunk. The verifier
 * may keep the manifest in the chunk it came in until it reports, so a source must not reuse a chunk's memory after
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
    verifier.fail('malformed', err.message, err.hint);
  }
  await verifier.settled();
  return verifier.finish(reader.bytesRead);
}

/** Receives the archive's members from a {@link TarReader}; `finish` checks what was read and reports. */
export class BundleVerifier implements TarSink {
  #failure: BundleFailure | undefined;
  #manifest: BundleManifest | undefined;
  /** The manifest's canonical form without its signature: what the signature covers. */
  #signedBody: readonly Uint8Array[] | undefined;
  #listed: ReadonlyMap<string, ListedFile> = new Map();
  readonly #held = new Map<string, Buffer>();
  /** What each held file is, by name. */
  readonly #kinds = new Map<string, BundleFileKind>();
  /** Media read: name → the SHA-256 and size of the bytes actually read. */
  readonly #media = new Map<string, { sha256: string; size: number }>();
  /**
   * Without a look-ahead (no signature checker), event and proof files are checked on their own as they are read
   * and only the answers kept (bundle-file-checks.ts), by name: the files themselves are not held.
   */
  #streaming = false;
  readonly #streamedEvents = new Map<string, EventFileRead>();
  readonly #streamedProofs = new Map<string, ProofFileRead>();
  #eventOptions: VerifyOptions | undefined;
  /** Whether an event, access record or proof file was met: the `officers/` files come before them. */
  #eventsBegun = false;
  #included: ProofCheck | undefined;
  /** Where a streamed file that came in pieces is put together; reused for the next one. */
  #scratch: Buffer = Buffer.alloc(0);
  #current: Current | undefined;
  #manifestSeen = false;
  /** Held files are copied into slabs, one slice each: far fewer allocations than a buffer per file. */
  #slab: Buffer = Buffer.alloc(0);
  #slabUsed = 0;
  /** The chunk of the input the manifest was left in, and its size. */
  readonly #pinned = new Set<ArrayBufferLike>();
  #pinnedBytes = 0;
  #trusted: TrustedKeyReport[] = [];
  /** The keys the verdict rests on, once the manifest's signature was checked with them. */
  #keys: TrustedKeys | undefined;
  /** Bytes of `checkpoint.txt` and `keys/` held before the manifest's signature was checked. */
  #unsignedHeld = 0;
  #trustedCheckpoint: TrustedCheckpointReport | undefined;
  #complete: BundleReport['complete'];
  #witnesses: WitnessReport | undefined;
  #timestamps: TimestampReport[] | undefined;
  #disclosures: DisclosureTimelinessReport[] | undefined;
  #decisions: DecisionReport[] | undefined;
  /** What steps 1 to 6 found, once they passed. */
  #before: BeforeEvents | undefined;
  /** Work done ahead, for large bundles given a signature checker. */
  #ahead: LookAhead | undefined;
  /** The modification time of the archive's first member, which every member has (§13.1). */
  #mtime: number | undefined;
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

  /**
   * Waits for the work handed off while the bundle streamed in (signatures being checked elsewhere), unless the
   * checks that come before the events' (docs/integrity.md §13.4, steps 1 to 6) fail, which makes it moot.
   */
  async settled(): Promise<void> {
    if (!this.#ahead) return;
    this.#guard(() => void this.#beforeEvents());
    if (!this.#failure) await this.#ahead.settled();
  }

  /** Records a failure found outside the verifier (the archive itself); only the first one counts. */
  fail(code: BundleFailureCode, detail: string, hint?: ArchiveHint): void {
    this.#failure ??= hint === undefined ? { code, detail } : { code, detail, hint };
  }

  /**
   * Whether the archive holds `name` for the first time (asked by the reader before {@link member}), from the mark
   * the manifest's entry of the name keeps: no set of the names read is kept. A name the manifest does not list
   * fails at its first member, and before the manifest is read only the manifest itself can be met.
   */
  firstSeen(name: string): boolean {
    const listed = this.#listed.get(name);
    if (listed) {
      if (listed.seen) return false;
      listed.seen = true;
      return true;
    }
    if (name !== MANIFEST) return true;
    if (this.#manifestSeen) return false;
    this.#manifestSeen = true;
    return true;
  }

  member(member: TarMember): void {
    this.#guard(() => {
      this.#counts.files += 1;
      // every member is dated the manifest's createdAt (§13.1), which the manifest, first, is checked against
      this.#mtime ??= member.mtime;
      if (member.mtime !== this.#mtime) {
        failed(
          'malformed',
          `${member.name} is dated otherwise than the other files of the bundle (the export dates every file alike: was it added or changed since?)`,
        );
      }
      if (!this.#manifest && !this.#current && this.#counts.files === 1) {
        if (member.name !== MANIFEST) failed('malformed', `the first file is ${member.name}, not ${MANIFEST}`);
        const max = this.options.maxManifestBytes ?? MAX_MANIFEST_BYTES;
        if (member.size > max) failed('malformed', `${MANIFEST} is larger than ${max} bytes`);
        this.#begin(member, { kind: 'manifest' }, undefined, true);
        return;
      }
      const listed = this.#listed.get(member.name);
      if (!listed) failed('manifest_mismatch', `${member.name} is not listed in the manifest`);
      if (listed!.size !== member.size) {
        failed('file_hash_mismatch', `${member.name} has ${member.size} bytes, the manifest lists ${listed!.size}`);
      }
      listed!.seen = true; // set by firstSeen already when a TarReader feeds this verifier
      const kind = listed!.kind;
      if (kind.kind === 'event' || kind.kind === 'access' || kind.kind === 'proof') this.#eventsBegun = true;
      if ((kind.kind === 'officer-key' || kind.kind === 'officer-key-stream') && this.#eventsBegun) {
        failed('malformed', `${member.name} comes after event, access or proof files`);
      }
      this.#gate(member, kind);
      this.#begin(member, kind, listed, kind.kind !== 'media');
    });
  }

  data(chunk: Uint8Array): void {
    if (this.#failure || !this.#current) return;
    const current = this.#current;
    if (current.hash) {
      current.hash.update(chunk);
    } else if (current.streamed) {
      if (current.size === 0 && chunk.byteLength === current.expected) {
        // the whole file in one piece, checked at its end before the reader moves on: read where it is
        current.bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      } else {
        current.bytes ??= this.#scratchOf(current.expected);
        current.bytes.set(chunk, current.size);
      }
    } else if (
      current.size === 0 &&
      chunk.byteLength === current.expected &&
      this.#mayPin(current) &&
      this.#pin(chunk)
    ) {
      // the whole manifest in one piece: kept where it is, not copied (the reader's pieces are buffers already)
      current.bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
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
      if (current.kind.kind === 'manifest') {
        const read = readManifest(bytes!, this.options);
        if (Math.floor(Date.parse(read.manifest.createdAt) / 1000) !== this.#mtime) {
          failed('malformed', `the files of the bundle are not dated its ${MANIFEST}'s createdAt`);
        }
        this.#manifest = read.manifest;
        this.#listed = read.listed;
        this.#signedBody = read.signedBody;
        const checker = this.options.signatureChecker;
        const suite = suiteOfAlg(read.manifest.signature.alg);
        const from = this.options.signatureCheckerFrom ?? signatureCheckerFrom(suite?.name ?? 'ed25519');
        if (suite && checker && read.events >= from) {
          this.#ahead = new LookAhead(checker, this.options.trustedKeys, read.manifest.checkpoint, suite);
        }
        this.#streaming = !this.#ahead;
        return;
      }
      const listed = current.listed!;
      const sha256 = bytes ? sha256Hex(bytes) : current.hash!.digest('hex');
      if (sha256 !== listed.sha256) {
        failed('file_hash_mismatch', `${current.name} hashes to ${sha256}, the manifest lists ${listed.sha256}`);
      }
      const kind = current.kind.kind;
      if (kind === 'media') {
        this.#media.set(current.name, { sha256, size: current.size });
        this.#counts.media += 1;
        this.#counts.mediaBytes += current.size;
      } else if (current.streamed) {
        this.#kinds.set(current.name, current.kind);
        this.#stream(current.name, current.kind, bytes!);
        if (kind === 'event') this.#counts.events += 1;
        if (kind === 'access') this.#counts.accessRecords += 1;
        if (kind === 'proof') this.#counts.proofs += 1;
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
      const { manifest, keys, held: before, checkpoint } = (this.#before ??= this.#beforeEvents());
      // step 7a: the officers' key events, checked in any case; their keys trusted unless the verifier has its own
      const keyEvents = bundledOfficerKeys(before, keys);
      const officerKeys = this.options.actorKeys ? undefined : keyEvents;
      const held = officerKeys ? { ...before, officerKeys } : before;
      const root = checkpoint.root;
      const events = checkStream(held, 'event', caseStreamOf(manifest), keys);
      if (events.length === 0) failed('revision_gap', 'the bundle holds no event of the case');
      const access = checkStream(held, 'access', accessStreamOf(manifest), keys);
      checkMedia(held, [...events, ...access]);
      const keyStreams = keyEvents?.keyStreams ?? [];
      const leaves = checkProofs(
        held,
        [...events, ...access, ...(keyEvents?.events ?? []), ...keyStreams.flatMap((k) => k.held)],
        manifest.checkpoint.size,
        root,
      );
      if (officerKeys) checkOfficerKeysFirst(officerKeys, events, leaves);
      this.#complete = checkComplete(held, manifest, checkpoint, [
        { stream: caseStreamOf(manifest), held: events },
        { stream: accessStreamOf(manifest), held: access },
        ...keyStreams,
      ]);
      if (keyEvents && manifest.format === BUNDLE_FORMAT_V4) {
        if (this.options.requireComplete) {
          failed(
            'stream_incomplete',
            `a ${BUNDLE_FORMAT_V4} bundle does not show that it holds every revocation of its officers' keys`,
          );
        }
        // said in the report, whatever was asked: its completeness leaves the officers' keys out
        if (this.#complete) this.#complete = { ...this.#complete, unproven: ['officer_key_revocations'] };
      }
      const signedByOfficers = events.filter((e) => e.actorKeyId !== undefined).length;
      if (signedByOfficers > 0) this.#counts.officerSignatures = signedByOfficers;
      const stamps = checkTimestamps(held, checkpoint, keys, events, leaves);
      if (stamps.timestamps.length > 0) this.#timestamps = stamps.timestamps;
      if (stamps.disclosures) this.#disclosures = stamps.disclosures;
      const decisions = decisionsOf(held, events);
      if (decisions.length > 0) this.#decisions = decisions;
      if (this.#trustedCheckpoint) {
        const size = this.#trustedCheckpoint.size;
        this.#trustedCheckpoint = {
          ...this.#trustedCheckpoint,
          covers: [events, access].map((held, i) => ({
            stream: i === 0 ? caseStreamOf(manifest) : accessStreamOf(manifest),
            throughRevision: coveredThrough(held, leaves, size),
          })),
        };
      }
    });
    const manifest = this.#manifest;
    return {
      valid: this.#failure === undefined,
      ...(this.#failure ? { failure: this.#failure } : {}),
      ...(manifest?.agency === undefined ? {} : { agency: manifest.agency }),
      ...(manifest
        ? { caseId: manifest.caseId, exportedAt: manifest.createdAt, checkpoint: this.#checkpointReport(manifest) }
        : {}),
      trustedKeys: this.#trusted,
      ...(this.#trustedCheckpoint ? { trustedCheckpoint: this.#trustedCheckpoint } : {}),
      ...(this.#witnesses ? { witnesses: this.#witnesses } : {}),
      ...(manifest?.streams ? { streams: manifest.streams.map((s) => ({ ...s })) } : {}),
      ...(this.#complete && !this.#failure ? { complete: this.#complete } : {}),
      ...(this.#timestamps && !this.#failure ? { timestamps: this.#timestamps } : {}),
      ...(this.#disclosures && !this.#failure ? { disclosures: this.#disclosures } : {}),
      ...(this.#decisions && !this.#failure ? { decisions: this.#decisions } : {}),
      counts: { ...this.#counts },
    };
  }

  /** The manifest's checkpoint, with the heads root its note commits to once the note was opened (step 5). */
  #checkpointReport(manifest: BundleManifest): NonNullable<BundleReport['checkpoint']> {
    const extensions = this.#before?.checkpoint.extensions;
    const heads = extensions === undefined ? null : headsRootOfCheckpoint(extensions);
    return { ...manifest.checkpoint, ...(Buffer.isBuffer(heads) ? { headsRoot: heads.toString('base64') } : {}) };
  }

  /**
   * Steps 1 to 6 of docs/integrity.md §13.4, once the archive was read: every listed file was there, the keys and
   * the manifest's signature, the checkpoint, its cosignatures and the trusted checkpoint.
   */
  #beforeEvents(): BeforeEvents {
    if (this.#before) return this.#before;
    if (!this.#manifest) failed('malformed', `the archive holds no ${MANIFEST}`);
    const manifest = this.#manifest!;
    // an archive that ends with the keys settles the manifest's signature here, as the first file after them would
    // have (#gate): before the verifier says anything of the files such a manifest lists
    const keys = this.#keys ?? this.#checkSignature();
    // a file whose member the archive held was read to its end, since nothing failed (an archive cut short is
    // malformed): the mark the reader set on its entry says it was there
    this.#listed.forEach((listed, name) => {
      if (!listed.seen) failed('manifest_mismatch', `${name} is listed in the manifest but missing`);
    });
    const held = this.#heldFiles();
    const checkpoint = checkCheckpoint(held, manifest, keys);
    // which key signed what: an expert comparing key ids sees which one the manifest and the checkpoint rest on
    this.#trusted = this.#trusted.map((k) => {
      const signed = [
        ...(k.keyId === manifest.signature.keyId ? (['manifest'] as const) : []),
        ...(k.keyId === checkpoint.signedBy ? (['checkpoint'] as const) : []),
      ];
      return signed.length > 0 ? { ...k, signed } : k;
    });
    const witnesses = this.options.witnesses;
    if (witnesses !== undefined && witnesses.length > 0) {
      const quorum = this.options.witnessQuorum ?? witnesses.length;
      this.#witnesses = checkWitnesses(held, checkpoint, witnesses, quorum);
    }
    if (this.options.trustedCheckpoint !== undefined) {
      this.#trustedCheckpoint = checkTrustedCheckpoint(held, manifest, checkpoint, keys);
    } else {
      readConsistency(held, true);
    }
    this.#before = { manifest, keys, held, checkpoint };
    return this.#before;
  }

  /** What the checks read: the manifest and the files held so far. */
  #heldFiles(): Held {
    return {
      manifest: this.#manifest!,
      options: this.options,
      files: this.#held,
      kinds: this.#kinds,
      media: this.#media,
      signedBody: this.#signedBody,
      ahead: this.#ahead,
      streamed: { events: this.#streamedEvents, proofs: this.#streamedProofs },
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
      // without given keys the signature is checked with the bundle's, which must all have come by now: a key file
      // the manifest lists and the archive has not given yet is out of place (as it is when keys were given)
      if (!this.options.trustedKeys) {
        const late = [...this.#listed.values()].find((l) => l.kind.kind === 'key' && !l.seen);
        if (late) {
          failed(
            'malformed',
            `${late.name}, which the manifest lists, is not among the keys at the start of the archive ` +
              `(${member.name} comes before it): the keys come right after the checkpoint`,
          );
        }
      }
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
    const keys = trustKeys(this.#heldFiles());
    this.#trusted = keys.report;
    checkManifestSignature(this.#heldFiles(), this.#manifest!, keys);
    this.#keys = keys;
    return keys;
  }

  /**
   * Only the manifest may stay in the chunk it came in. Every other held file is copied into a slab, so that the
   * chunks are let go as soon as they are read: pinning them kept the whole archive (tar headers and padding are
   * about a third of a bundle of small event files) in freshly allocated memory until the verdict. Copying the
   * files' bytes instead cost the whole process about 4 µs less CPU per event of the bench's bundle without its
   * signatures (with them, the difference was within the noise of a busy machine).
   */
  #mayPin(current: Current): boolean {
    return current.kind.kind === 'manifest';
  }

  /**
   * Whether the manifest may stay in the chunk it came in: that chunk is held whole, so only when it is within
   * `maxHeldBytes`; the manifest is copied otherwise.
   */
  #pin(chunk: Uint8Array): boolean {
    const backing = chunk.buffer;
    if (this.#pinned.has(backing)) return true;
    if (this.#pinnedBytes + backing.byteLength > (this.options.maxHeldBytes ?? DEFAULT_MAX_HELD)) return false;
    this.#pinned.add(backing);
    this.#pinnedBytes += backing.byteLength;
    return true;
  }

  /**
   * Checks a streamed file on its own and keeps the answer. The bytes of an event that the timeliness check reads
   * again (a disclosure) are held as well.
   */
  #stream(name: string, kind: BundleFileKind, bytes: Buffer): void {
    const manifest = this.#manifest!;
    if (kind.kind === 'proof') {
      const { size, rootHash } = manifest.checkpoint;
      this.#included ??= proofChecker(size, Buffer.from(rootHash, 'base64'), suiteOfBundle({ manifest }).tree);
      this.#streamedProofs.set(name, readProofFile(name, kind.eventId, bytes, size, this.#included));
      return;
    }
    // the first file after the keys settled them (#gate): events only ever come after
    this.#eventOptions ??= eventOptions(
      {
        manifest,
        options: this.options,
        officerKeys: this.#leniently(() => bundledOfficerKeys(this.#heldFiles(), this.#keys!)),
      },
      this.#keys!,
    );
    const read = readEventFile(name, bytes, this.#eventOptions);
    this.#streamedEvents.set(name, read);
    if (read.event && readsEventFile(read.event.type)) this.#held.set(name, this.#copy(bytes));
  }

  /**
   * What `read` gives, or undefined when it fails: for the events checked as they stream by, before the check that
   * would report the failure (step 7a, at the end) has run; that check reports it before any event's answer.
   */
  #leniently<T>(read: () => T): T | undefined {
    try {
      return read();
    } catch (err) {
      if (err instanceof Failed) return undefined;
      throw err;
    }
  }

  #copy(bytes: Buffer): Buffer {
    const copy = this.#reserve(bytes.length);
    copy.set(bytes);
    return copy;
  }

  /** The scratch buffer's first `size` bytes, for a streamed file that comes in pieces. */
  #scratchOf(size: number): Buffer {
    if (this.#scratch.length < size) this.#scratch = Buffer.allocUnsafe(Math.max(size, 64 * 1024));
    return this.#scratch.subarray(0, size);
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

  #begin(member: TarMember, kind: Current['kind'], listed: ListedFile | undefined, hold: boolean): void {
    const k = kind.kind;
    this.#current = {
      name: member.name,
      kind,
      listed,
      hash: hold ? undefined : createHash('sha256'),
      streamed: this.#streaming && (k === 'event' || k === 'access' || k === 'proof'),
      expected: member.size,
      bytes: undefined,
      size: 0,
    };
  }
}
