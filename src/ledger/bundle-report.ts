import type { ArchiveHint } from './tar.js';
import type { KeyObject } from 'node:crypto';
import type { StreamRevision } from './bundle.js';
import type { PublicKeyResolver } from './ed25519.js';
import type { SignatureChecker } from './signature-checker.js';
import type { SuiteName } from './suite.js';
import type { AttestationSource, Timeliness } from './timeliness.js';
import type { TimestampRoots } from './timestamp-verify.js';

/** What the bundle verifier is given and what it reports (docs/integrity.md §13.4). */

/** Every code a failed verification is reported with, in the order of the checks' steps (docs/integrity.md §13.4). */
export const BUNDLE_FAILURE_CODES = [
  'malformed',
  'manifest_mismatch',
  'file_hash_mismatch',
  'unknown_key',
  'manifest_signature_invalid',
  'checkpoint_invalid',
  'checkpoint_inconsistent',
  'consistency_proof_missing',
  'cosignature_invalid',
  'witness_quorum_not_met',
  'malformed_event',
  'event_hash_mismatch',
  'unsupported_algorithm',
  'signature_invalid',
  'officer_key_invalid',
  'actor_key_unknown',
  'actor_key_revoked',
  'actor_key_not_valid',
  'actor_signature_invalid',
  'stream_mismatch',
  'duplicate_event',
  'revision_gap',
  'chain_broken',
  'media_missing',
  'media_mismatch',
  'proof_missing',
  'proof_invalid',
  'stream_incomplete',
  'timestamp_invalid',
  'timestamp_untrusted',
] as const;

export type BundleFailureCode = (typeof BUNDLE_FAILURE_CODES)[number];

export interface BundleFailure {
  readonly code: BundleFailureCode;
  readonly detail: string;
  /** For a file that is no bundle archive (`malformed`): what it most likely is, for the reader's next step. */
  readonly hint?: ArchiveHint;
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
  /** Acts of the case carrying their officer's own signature (`actorSig`), checked; absent when none does. */
  officerSignatures?: number;
}

export interface TrustedKeyReport {
  readonly keyId: string;
  /** `given` by the caller, or taken from the bundle's `keys/` (which proves only self-consistency). */
  readonly source: 'given' | 'bundle';
  /** What of the bundle the key was found to sign (the manifest, the checkpoint), once those signatures were checked. */
  readonly signed?: readonly ('manifest' | 'checkpoint')[];
}

export interface BundleReport {
  readonly valid: boolean;
  readonly failure?: BundleFailure;
  /** The case's agency (v3 bundles). */
  readonly agency?: string;
  readonly caseId?: string;
  /**
   * When the bundle was exported (the manifest's `createdAt`, signed with it): it holds the case as the log held it
   * at its checkpoint, and nothing recorded after.
   */
  readonly exportedAt?: string;
  readonly checkpoint?: {
    readonly origin: string;
    readonly size: number;
    readonly rootHash: string;
    /** The root of the map of stream heads the checkpoint commits to (base64), once its signature is checked. */
    readonly headsRoot?: string;
  };
  /** The keys the verdict rests on. */
  readonly trustedKeys: readonly TrustedKeyReport[];
  /** Present when a trusted checkpoint was given and the bundle's checkpoint was found consistent with it. */
  readonly trustedCheckpoint?: TrustedCheckpointReport;
  /** Present when witness keys were given and the quorum was met: the given witnesses that cosigned. */
  readonly witnesses?: WitnessReport;
  /** The streams the manifest says the bundle holds, with their last revision at export (format v2). */
  readonly streams?: readonly StreamRevision[];
  /**
   * Present when the bundle's checkpoint commits to the stream heads and every stream of the bundle was proved
   * complete: at the checkpoint's size the log held no event of these streams beyond `revision` (-1: none at all).
   */
  readonly complete?: {
    readonly treeSize: number;
    readonly streams: readonly StreamRevision[];
    /** What completeness does not cover: the officers' key revocations of a v4 bundle (no key streams). */
    readonly unproven?: readonly 'officer_key_revocations'[];
  };
  /** The RFC 3161 time-stamps the bundle carries, each verified (docs/integrity.md §15). */
  readonly timestamps?: readonly TimestampReport[];
  /** What the time-stamps show of each disclosure of the case (docs/integrity.md §15.5). */
  readonly disclosures?: readonly DisclosureTimelinessReport[];
  /** The case's decisions (`DecisionIssued`), oldest first, once the bundle is valid; absent before any. */
  readonly decisions?: readonly DecisionReport[];
  readonly counts: BundleCounts;
}

/** A decision of the case as its verified event records it: what a clerk knows the case by. */
export interface DecisionReport {
  readonly eventId: string;
  readonly revision: number;
  /** The decision document's number (文书号), as recorded. */
  readonly documentNo?: string;
  readonly decisionType?: string;
  /** The decision's date, as recorded. */
  readonly decidedOn?: string;
  /** The events correcting it (`RecordCorrected`), whose corrected members are sealed: the case file shows them. */
  readonly correctedBy?: readonly string[];
}

/** A verified time-stamp token of a checkpoint the bundle carries. */
export interface TimestampReport {
  /** `timestamps/<size>/<index>.tst`. */
  readonly file: string;
  /** The size of the checkpoint it stamps. */
  readonly size: number;
  /** The TSA certificate's subject. */
  readonly tsa: string;
  readonly genTime: string;
  readonly accuracyMs?: number;
  /** True when its chain to a given CA was checked (`--tsa-ca`); false: only consistent with itself. */
  readonly trusted: boolean;
}

/** "Published by <attested time>, due <date>: on time / late / not yet attested", for one `DecisionDisclosed`. */
export interface DisclosureTimelinessReport {
  readonly eventId: string;
  readonly revision: number;
  readonly publishedOn?: string;
  /** The due date the event records (a calendar date in the agency's time). */
  readonly dueBy: string;
  /** The end of `dueBy` in the agency's UTC offset (`timeliness.json`), as an instant in UTC. */
  readonly deadline: string;
  /**
   * The attested time: the earlier of the earliest time-stamp (genTime + accuracy) of a checkpoint covering the
   * event and the time a quorum of the given witnesses vouches for by cosigning checkpoints covering it.
   */
  readonly attestedBy?: string;
  /** Where `attestedBy` comes from: an RFC 3161 time-stamp, or the witnesses' cosignatures. */
  readonly source?: AttestationSource;
  /** That token's `genTime` (source `tsa`). */
  readonly genTime?: string;
  /** Whether that token's authority was checked against a given CA (source `tsa`). */
  readonly tsaTrusted?: boolean;
  /**
   * The quorum's cosignatures (source `witnesses`), earliest first: each witness's earliest of a checkpoint covering
   * the event (of size `size`); the last one's timestamp is `attestedBy`.
   */
  readonly cosignatures?: readonly {
    readonly name: string;
    readonly keyHash: string;
    readonly timestamp: number;
    readonly size: number;
  }[];
  readonly status: Timeliness;
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

export interface WitnessReport {
  readonly quorum: number;
  /** Each given witness whose cosignature of the checkpoint verified: its name, key ID and POSIX time. */
  readonly cosignatures: readonly { readonly name: string; readonly keyHash: string; readonly timestamp: number }[];
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
  /**
   * Require proof that the bundle's streams are complete: a checkpoint without the stream heads line (issued before
   * the ledger committed to heads), and a v4 bundle with officers' keys (which proves none of their own streams),
   * are then `stream_incomplete` too, instead of proving nothing either way.
   */
  readonly requireComplete?: boolean;
  /** Witnesses' cosignature keys: the checkpoint must carry valid cosignatures of `witnessQuorum` of them. */
  readonly witnesses?: readonly { readonly name: string; readonly publicKey: KeyObject }[];
  /** Default: every given witness. */
  readonly witnessQuorum?: number;
  /** The CA certificates (or pinned TSA certificates) time-stamps must chain to; without them none is trusted. */
  readonly timestampRoots?: TimestampRoots;
  /** Officers' keys, for events that carry `actorSig`, instead of those the bundle carries (`officers/`). */
  readonly actorKeys?: PublicKeyResolver;
  /**
   * With `actorKeys`: the officer (`actor.sub`) each given key signs for, by key id; a key it names signs no other
   * officer's acts [`actor_key_unknown`]. A key it does not name signs any officer's.
   */
  readonly actorKeyOwners?: ReadonlyMap<string, string>;
  /**
   * Largest file other than a medium (default 16 MiB); such files are held until the end, but for event and proof
   * files read without a signature checker, which are checked as they are read and let go.
   */
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
   * {@link signatureCheckerFrom} of the bundle's suite): below that, starting threads costs more than they save.
   */
  readonly signatureCheckerFrom?: number;
}

/**
 * The default of {@link BundleVerifyOptions.signatureCheckerFrom}. Compiled (dist/), a worker thread answers its
 * first batch about 70 ms after it is asked to start (about 0.4 s when it loads the sources through tsx, which is
 * why this was 5,000): the time one core takes to check some 700 signatures, so from about 1,000 events the threads
 * more than pay for their start. The service's pool starts once and stays, so there it costs only the first time.
 */
export const SIGNATURE_CHECKER_FROM = 1_000;

/**
 * The default of {@link BundleVerifyOptions.signatureCheckerFrom} for an SM2 bundle: an SM2 signature costs the
 * pure-TypeScript verifier some 3 ms of CPU, so a thread's start is paid for by a few dozen of them.
 */
export const SM2_SIGNATURE_CHECKER_FROM = 100;

/** The default of {@link BundleVerifyOptions.signatureCheckerFrom} for a bundle of this suite. */
export function signatureCheckerFrom(suite: SuiteName): number {
  return suite === 'sm2' ? SM2_SIGNATURE_CHECKER_FROM : SIGNATURE_CHECKER_FROM;
}
