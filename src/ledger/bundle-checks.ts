import { createPublicKey, type KeyObject } from 'node:crypto';
import { CHECKPOINT, CONSISTENCY, manifestBodySigningInput, manifestSigningInput, revisionName } from './bundle.js';
import type { BundleFileKind, BundleManifest } from './bundle.js';
import type { LookAhead } from './bundle-look-ahead.js';
import { bundleCode, decodeProof, decodeText, failed, Failed, openWith, parseJson } from './bundle-parse.js';
import { checkEventAlone, readProofFile, type EventFileRead, type ProofFileRead } from './bundle-file-checks.js';
import { proofChecker } from './bundle-proofs.js';
import type {
  BundleVerifyOptions,
  ConsistencyProofInput,
  TrustedCheckpointReport,
  TrustedKeyReport,
} from './bundle-report.js';
import { parseCheckpoint } from './checkpoint.js';
import { HEADS_EXTENSION, headsRootOfCheckpoint } from './checkpoint-heads.js';
import { keyResolver, type PublicKeyResolver } from './ed25519.js';
import type { MediaRef } from './envelope.js';
import { SUITES, suiteOfAlg, suiteOfKey, type CryptoSuite } from './suite.js';
import { verifyConsistency } from './merkle-proofs.js';
import { ChainVerifier, type VerifyOptions } from './verify.js';
import { officerKeysOf, type OfficerKeyTrust } from './bundle-officer-keys.js';

/**
 * The checks of a bundle's held files, in the order of docs/integrity.md §13.4 (the reader, bundle-verify.ts, runs
 * them): each throws the first failure it finds (see `failed`).
 */

/** What the reader holds once the archive was read. */
export interface Held {
  readonly manifest: BundleManifest;
  readonly options: BundleVerifyOptions;
  /** The files other than media, by name. */
  readonly files: ReadonlyMap<string, Buffer>;
  /** What each held file is, by name. */
  readonly kinds: ReadonlyMap<string, BundleFileKind>;
  /** Media read: name → the SHA-256 and size of the bytes actually read. */
  readonly media: ReadonlyMap<string, { readonly sha256: string; readonly size: number }>;
  /** The manifest's canonical form without its signature, when the reader could cut it out of the bytes. */
  readonly signedBody: readonly Uint8Array[] | undefined;
  readonly ahead: LookAhead | undefined;
  /** The officers' keys of the `officers/` files, once checked (bundledOfficerKeys). */
  readonly officerKeys?: OfficerKeyTrust;
  /**
   * The event, access record and proof files the reader checked on their own as they were read, by name, instead
   * of holding them (bundle-file-checks.ts); the proofs against the manifest's checkpoint.
   */
  readonly streamed?: StreamedFiles;
}

export interface StreamedFiles {
  readonly events: ReadonlyMap<string, EventFileRead>;
  readonly proofs: ReadonlyMap<string, ProofFileRead>;
}

/** An event of the bundle that checkStream found in place: what the later checks need of it. */
export interface HeldEvent {
  readonly name: string;
  readonly revision: number;
  readonly id: string;
  readonly hash: string;
  readonly type: string;
  readonly media: readonly MediaRef[];
  /** The key id of its officer's signature (`actorSig`), when it carries one. */
  readonly actorKeyId?: string;
}

/**
 * The options events are checked with, on their own ({@link checkEventAlone}) and as a stream: the trusted service
 * keys, the bundle's suite and the given officers' keys.
 */
export function eventOptions(
  h: Pick<Held, 'manifest' | 'options' | 'officerKeys'>,
  keys: PublicKeyResolver,
): VerifyOptions {
  const given = h.options.actorKeys;
  const bundled = given ? undefined : h.officerKeys;
  return {
    serviceKeys: keys,
    suite: suiteOfBundle(h).name,
    ...(given ? { actorKeys: given, ...ownersRefusal(h.options.actorKeyOwners) } : {}),
    ...(bundled ? { actorKeys: bundled.resolve, actorKeyRefusal: bundled.refusal } : {}),
  };
}

/** The rule that a given officer key bound to an officer signs only that officer's acts (`actorKeyOwners`). */
function ownersRefusal(owners: ReadonlyMap<string, string> | undefined): Pick<VerifyOptions, 'actorKeyRefusal'> {
  if (!owners || owners.size === 0) return {};
  return {
    actorKeyRefusal: (keyId, event) => {
      const owner = owners.get(keyId);
      if (owner === undefined || owner === event.actor.sub) return undefined;
      return {
        code: 'actor_key_unknown',
        detail: `officer key ${keyId} was given for ${owner}, not ${event.actor.sub}`,
      };
    },
  };
}

/**
 * The officers' keys of the bundle's `officers/` files (bundle-officer-keys.ts), checked with the trusted service
 * keys; undefined when it holds none. Throws the first `officer_key_invalid`.
 */
export function bundledOfficerKeys(h: Held, keys: PublicKeyResolver): OfficerKeyTrust | undefined {
  const files: { name: string; keyId: string; index: number; bytes: Buffer }[] = [];
  const streamFiles: { name: string; keyId: string; revision: number; bytes: Buffer }[] = [];
  h.kinds.forEach((kind, name) => {
    if (kind.kind === 'officer-key') {
      files.push({ name, keyId: kind.keyId, index: kind.index, bytes: h.files.get(name)! });
    } else if (kind.kind === 'officer-key-stream') {
      streamFiles.push({ name, keyId: kind.keyId, revision: kind.revision, bytes: h.files.get(name)! });
    }
  });
  if (files.length === 0 && streamFiles.length === 0) return undefined;
  files.sort((a, b) => (a.name < b.name ? -1 : 1));
  streamFiles.sort((a, b) => (a.name < b.name ? -1 : 1));
  return officerKeysOf(files, streamFiles, h.manifest, { serviceKeys: keys, suite: suiteOfBundle(h).name });
}

export type TrustedKeys = PublicKeyResolver & { all: KeyObject[] };

/**
 * The bundle's crypto suite, as its manifest signature's `alg` names it ("Ed25519", or "SM2-SM3" for the SM2 suite):
 * the events' hashes, the tree and every signature are checked in it, and an event of another suite fails.
 */
export function suiteOfBundle(h: Pick<Held, 'manifest'>): CryptoSuite {
  return suiteOfAlg(h.manifest.signature.alg) ?? SUITES.ed25519;
}

const keyIdIn = (key: KeyObject) => (suiteOfKey(key) ?? SUITES.ed25519).keyIdOf(key);

/** The given keys, or else the bundle's `keys/`, each of which must be the public key its name says. */
export function trustKeys(h: Held): TrustedKeys & { report: TrustedKeyReport[] } {
  const bundled: KeyObject[] = [];
  for (const [name, bytes] of h.files) {
    const kind = h.kinds.get(name);
    if (kind?.kind !== 'key') continue;
    const pem = decodeText(bytes, name);
    let key: KeyObject | undefined;
    try {
      key = pem.includes('-----BEGIN PUBLIC KEY-----') ? createPublicKey({ key: pem, format: 'pem' }) : undefined;
    } catch {
      key = undefined;
    }
    // a key of either suite: one of the other suite than the bundle's verifies none of its signatures, so a bundle
    // signed by a key that is not trusted fails as unknown_key in both suites, whatever keys it carries
    if (!key || !suiteOfKey(key)) failed('malformed', `${name} is not an Ed25519 or SM2 public key`);
    if (keyIdIn(key!) !== kind.keyId) failed('malformed', `${name} holds the key ${keyIdIn(key!)}`);
    bundled.push(key!);
  }
  const given = h.options.trustedKeys;
  const all = given ? [...given] : bundled;
  const report: TrustedKeyReport[] = all.map((k) => ({ keyId: keyIdIn(k), source: given ? 'given' : 'bundle' }));
  if (all.length === 0) failed('unknown_key', 'no key to trust: the bundle carries none and none was given');
  const resolve = keyResolver(all);
  return Object.assign((keyId: string) => resolve(keyId), { all, report });
}

export function checkManifestSignature(h: Held, manifest: BundleManifest, keys: PublicKeyResolver): void {
  const { alg, keyId, value } = manifest.signature;
  const suite = suiteOfAlg(alg);
  if (!suite) failed('unsupported_algorithm', `the manifest signature's alg is ${alg}`);
  const key = keys(keyId);
  if (!key) failed('unknown_key', `the manifest is signed by ${keyId}, not a trusted key`);
  const message =
    h.signedBody !== undefined
      ? manifestBodySigningInput(manifest.format, h.signedBody, suite)
      : manifestSigningInput(manifest, suite);
  if (!suite!.verify(key!, message, Buffer.from(value, 'base64'))) {
    failed('manifest_signature_invalid', `the manifest signature by ${keyId} does not verify`);
  }
}

/**
 * The bundle's checkpoint as step 5 opened it: its root, and the note text its log signature covers, whose
 * extension lines (the heads line, §12.5) the completeness check reads and whose cosignatures the witness check
 * counts, so both speak of one and the same note.
 */
export interface OpenedCheckpoint {
  readonly root: Buffer;
  /** The checkpoint body: the note text up to and including the newline of its last line. */
  readonly body: string;
  readonly extensions: readonly string[];
  /** The id of the trusted key whose signature opened the note. */
  readonly signedBy: string;
}

/** Opens the signed note with the trusted keys and checks it is the manifest's checkpoint. */
export function checkCheckpoint(h: Held, manifest: BundleManifest, keys: { all: KeyObject[] }): OpenedCheckpoint {
  const { origin, size, rootHash } = manifest.checkpoint;
  const note = decodeText(h.files.get(CHECKPOINT)!, CHECKPOINT, 'checkpoint_invalid');
  const opened = openWith(note, origin, keys.all);
  if (!opened) failed('checkpoint_invalid', `${CHECKPOINT} is not signed by a trusted key under the name ${origin}`);
  const parsed = parseCheckpoint(opened!.body);
  if (!parsed) failed('checkpoint_invalid', `${CHECKPOINT} is not a tlog-checkpoint`);
  if (parsed!.origin !== origin || parsed!.size !== size || parsed!.rootHash.toString('base64') !== rootHash) {
    failed('checkpoint_invalid', `${CHECKPOINT} is not the checkpoint the manifest names`);
  }
  // the key that signed it, for the report: the first that opens the note alone (a note a key signed opens with it)
  const signer = keys.all.find((key) => openWith(note, origin, [key]) !== undefined)!;
  return { root: parsed!.rootHash, body: opened!.body, extensions: parsed!.extensions, signedBy: keyIdIn(signer) };
}

/** The bundle's checkpoint must extend the trusted one (or be extended by it), proved by a consistency proof. */
export function checkTrustedCheckpoint(
  h: Held,
  manifest: BundleManifest,
  checkpoint: OpenedCheckpoint,
  keys: { all: KeyObject[] },
): TrustedCheckpointReport {
  const { root, extensions } = checkpoint;
  const note = h.options.trustedCheckpoint!;
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
  // a heads line repeated or malformed commits to no map a verifier can use (§12.2): such a note is refused rather
  // than read as one without the line, which would pass over the comparison below
  const trustedHeads = headsRootOfCheckpoint(trusted!.extensions);
  if (trustedHeads === undefined) {
    failed('checkpoint_invalid', `the trusted checkpoint's ${HEADS_EXTENSION} line is malformed or repeated`);
  }
  // one size has one map of stream heads: two checkpoints of a size whose heads lines differ cannot both be of the
  // log, though their trees agree; the one a holder of the log's key signed to leave a stream's last events out is
  // told apart here (docs/integrity.md §13.4, step 6)
  const bundleHeads = t.size === b.size ? headsRootOfCheckpoint(extensions) : undefined;
  if (trustedHeads && bundleHeads) {
    if (!trustedHeads.equals(bundleHeads)) {
      failed(
        'checkpoint_inconsistent',
        `the trusted checkpoint and the bundle's both have size ${t.size} and the same tree, but commit to other stream heads: one of them leaves events out`,
      );
    }
  }
  const proofInput = h.options.consistencyProof ?? readConsistency(h, false);
  const [lo, hi] = t.size <= b.size ? [t, b] : [b, t];
  if (t.size === b.size) {
    if (!t.root.equals(b.root)) {
      failed('checkpoint_inconsistent', `the trusted checkpoint and the bundle's both have size ${t.size} but differ`);
    }
  } else if (lo.size === 0) {
    if (!lo.root.equals(suiteOfBundle(h).tree.emptyRoot))
      failed('checkpoint_inconsistent', 'a checkpoint of size 0 has another root');
  } else {
    if (!proofInput || proofInput.from !== lo.size || proofInput.to !== hi.size) {
      // nothing shows either log rewritten: the two checkpoints are only not proven of one log
      failed(
        'consistency_proof_missing',
        `no consistency proof from size ${lo.size} to ${hi.size} (trusted ${t.size}, bundle ${b.size}), so the two ` +
          'checkpoints are not shown to be of one log; that does not show either log rewritten. Get the proof from ' +
          `the ledger (GET /v1/ledger/proof/consistency?from=${lo.size}&to=${hi.size}) and give it ` +
          `(ledger verify --consistency-proof FILE), or have the bundle exported with --trusted-size ${t.size}`,
      );
    }
    const proof = decodeProof(proofInput!.proof);
    if (!proof || !verifyConsistency(lo.size, hi.size, lo.root, hi.root, proof, suiteOfBundle(h).tree)) {
      failed('checkpoint_inconsistent', `the consistency proof from size ${lo.size} to ${hi.size} does not verify`);
    }
  }
  return { size: t.size, rootHash: t.root.toString('base64'), consistent: true };
}

/** `consistency.json`, when the bundle has one: `{from, to, proof}`, with `to` the checkpoint's size when `ending`. */
export function readConsistency(h: Held, ending: boolean): ConsistencyProofInput | undefined {
  const bytes = h.files.get(CONSISTENCY);
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
  if (ending && value.to !== h.manifest.checkpoint.size) {
    failed('malformed', `${CONSISTENCY} does not end at the checkpoint's size`);
  }
  return value as unknown as ConsistencyProofInput;
}

/**
 * Parses the event files of one kind, in revision order, and checks them as one stream from revision 0. Each event
 * is checked as it is parsed and only what the later checks need of it is kept, so that a large bundle's events are
 * not all held at once; the failures are those of parsing every file first (the first file that is not JSON), then
 * checking the chain as the manifest's stream (verifyChain's first failure), then each event's file name. The
 * signatures of an event read as it streamed by are checked here, in turn, and those after the chain's failure not.
 */
export function checkStream(h: Held, kind: 'event' | 'access', stream: string, keys: PublicKeyResolver): HeldEvent[] {
  const files: { name: string; revision: number }[] = [];
  // forEach rather than for-of: no entry array per file of the bundle
  h.kinds.forEach((k, name) => {
    if (k.kind === kind) files.push({ name, revision: k.revision });
  });
  files.sort((a, b) => a.revision - b.revision);
  const ahead = h.ahead;
  const options: VerifyOptions = { ...eventOptions(h, keys), ...(ahead ? { worked: ahead } : {}) };
  const chain = new ChainVerifier({ ...options, stream });
  const held: HeldEvent[] = [];
  let broken: Failed | undefined;
  let misplaced: Failed | undefined;
  for (const { name, revision } of files) {
    let read = h.streamed?.events.get(name);
    if (read?.unreadable) throw read.unreadable;
    if (!read) {
      const value = ahead?.parsed.get(name) ?? parseJson(h.files.get(name)!, name, 'malformed_event');
      if (broken) continue;
      read = checkEventAlone(value, options);
    }
    // only a file that is not JSON, further on, comes before the chain's failure: no other check of a later event
    // can change the answer, so its signatures, when left to check here, are never checked
    if (broken) continue;
    const failure = read.failure ?? read.signatures?.check() ?? chain.link(read.event!);
    if (failure) {
      broken = new Failed(bundleCode(failure.code), `${name}: ${failure.detail}`);
      continue;
    }
    const event = read.event!;
    if (event.revision !== revision) {
      misplaced ??= new Failed('malformed', `${name} holds revision ${event.revision}, not ${revisionName(revision)}`);
    }
    const { id, hash, type, media, actorKeyId } = event;
    held.push(
      actorKeyId === undefined
        ? { name, revision, id, hash, type, media }
        : { name, revision, id, hash, type, media, actorKeyId },
    );
  }
  if (broken) throw broken;
  if (misplaced) throw misplaced;
  const recorded = h.manifest.streams?.find((s) => s.stream === stream);
  const last = held.at(-1)?.revision ?? -1;
  if (recorded && recorded.revision !== last) {
    failed(
      'revision_gap',
      `the manifest records ${stream} at revision ${recorded.revision}, the bundle ends at ${last}`,
    );
  }
  return held;
}

/** Every medium an event references is present with the size and SHA-256 it names; no other medium is. */
export function checkMedia(h: Held, events: readonly HeldEvent[]): void {
  const referenced = new Set<string>();
  for (const { name, media } of events) {
    for (const ref of media) {
      const file = `media/${ref.sha256}`;
      referenced.add(file);
      const got = h.media.get(file);
      if (!got) failed('media_missing', `${name} references ${file}, which the bundle does not hold`);
      if (got!.sha256 !== ref.sha256) failed('media_mismatch', `${file} holds bytes that hash to ${got!.sha256}`);
      if (got!.size !== ref.size) {
        failed('media_mismatch', `${file} has ${got!.size} bytes, ${name} says ${ref.size}`);
      }
    }
  }
  for (const file of h.media.keys()) {
    if (!referenced.has(file)) failed('media_mismatch', `${file} is referenced by no event of the bundle`);
  }
}

/**
 * Every event has an inclusion proof in the checkpoint's tree; no proof is for another event. Returns each event's
 * leaf index.
 */
export function checkProofs(h: Held, events: readonly HeldEvent[], size: number, root: Buffer): Map<string, number> {
  const leaves = new Map<string, number>();
  const ids = new Set<string>();
  const ahead = h.ahead;
  const same = ahead !== undefined && ahead.size === size && ahead.root.equals(root);
  const tree = suiteOfBundle(h).tree;
  const included = same ? ahead.included : proofChecker(size, root, tree);
  const streamed = h.streamed?.proofs;
  if (streamed && streamed.size > 0 && !streamedAgainst(h.manifest, size, root)) {
    // checkCheckpoint found the manifest's checkpoint to be the bundle's, so this cannot happen
    throw new Error("the proofs were read against a tree other than the checkpoint's");
  }
  for (const event of events) {
    const name = event.name;
    ids.add(event.id);
    const file = `proofs/${event.id}.json`;
    let read = streamed?.get(file);
    if (!read) {
      const bytes = h.files.get(file);
      if (!bytes) failed('proof_missing', `${name} (event ${event.id}) has no inclusion proof`);
      // worked out ahead, from the same bytes and event hash against the same tree: the file parsed, had the right
      // members, size and leaf hash, and `included` is the verdict on its proof
      const known = same ? ahead.proofs.get(file) : undefined;
      if (known !== undefined && known.eventHash === event.hash) {
        leaves.set(event.id, known.leafIndex);
        if (known.included) continue;
        failed('proof_invalid', `${file}: event ${event.id} is not leaf ${known.leafIndex} of the checkpoint's tree`);
      }
      read = readProofFile(file, event.id, bytes!, size, included);
    }
    if (read instanceof Failed) throw read;
    if (read.leafHash !== tree.leafOfHex(event.hash)) {
      failed('proof_invalid', `${file}: the leaf hash is not the event's`);
    }
    if (!read.included) {
      failed('proof_invalid', `${file}: event ${event.id} is not leaf ${read.leafIndex} of the checkpoint's tree`);
    }
    leaves.set(event.id, read.leafIndex);
  }
  h.kinds.forEach((kind, name) => {
    if (kind.kind === 'proof' && !ids.has(kind.eventId)) {
      failed('proof_invalid', `${name} proves an event the bundle does not hold`);
    }
  });
  return leaves;
}

/**
 * Each act signed with an officer key the bundle carries (`officers/`) is a later leaf of the log than the key's
 * registration [`actor_key_not_valid`]: the log, not the service's clock, shows the key was registered before the
 * act was logged. `leaves` holds the leaf index of every event and key event (checkProofs).
 */
export function checkOfficerKeysFirst(
  trust: OfficerKeyTrust,
  events: readonly HeldEvent[],
  leaves: ReadonlyMap<string, number>,
): void {
  for (const { name, id, actorKeyId } of events) {
    if (actorKeyId === undefined) continue;
    const registration = trust.events.find((e) => e.keyId === actorKeyId && e.index === 0);
    if (!registration) continue; // an unknown key failed as the event was checked
    const act = leaves.get(id)!;
    const registered = leaves.get(registration.id)!;
    if (registered >= act) {
      failed(
        'actor_key_not_valid',
        `${name}: officer key ${actorKeyId} was registered at leaf ${registered} of the log, after the act (leaf ${act})`,
      );
    }
  }
}

/** Whether the tree of `size` leaves with root `root` is the one the manifest's checkpoint names. */
function streamedAgainst(manifest: BundleManifest, size: number, root: Buffer): boolean {
  return manifest.checkpoint.size === size && manifest.checkpoint.rootHash === root.toString('base64');
}

/** The last revision k of a stream such that its revisions 0..k are leaves below `size` (-1: not even the first). */
export function coveredThrough(
  events: readonly HeldEvent[],
  leaves: ReadonlyMap<string, number>,
  size: number,
): number {
  let through = -1;
  for (const { revision, id } of events) {
    const leaf = leaves.get(id);
    if (leaf === undefined || leaf >= size || revision !== through + 1) break;
    through = revision;
  }
  return through;
}
