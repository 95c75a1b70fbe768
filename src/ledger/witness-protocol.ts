import { openNote, parseCheckpoint, type Checkpoint } from './checkpoint.js';
import { headsRootOfCheckpoint } from './checkpoint-heads.js';
import { cosign, type NamedKey } from './cosignature.js';
import type { Signer } from './ed25519.js';
import { verifyConsistency } from './merkle-proofs.js';
import { SUITES, type CryptoSuite } from './suite.js';

/**
 * C2SP tlog-witness: the `add-checkpoint` request body and the witness's judgement of it, pure (the witness's
 * stored state and the time come from the caller).
 *
 * Request body: "old <size>\n", zero to 63 lines of one base64 hash each (the RFC 6962 consistency proof from the
 * old size to the checkpoint's), an empty line, then the signed checkpoint note.
 */

export const MAX_PROOF_LINES = 63;
/** The `Content-Type` of a 409 answer that carries the witness's tree size. */
export const SIZE_CONTENT_TYPE = 'text/x.tlog.size';

export interface AddCheckpointRequest {
  readonly oldSize: number;
  readonly proof: readonly Buffer[];
  /** The signed checkpoint note, as submitted. */
  readonly note: string;
}

const DECIMAL = /^(?:0|[1-9][0-9]{0,15})$/;
const HASH_LINE = /^[A-Za-z0-9+/]{43}=$/;

export function formatAddCheckpoint({ oldSize, proof, note }: AddCheckpointRequest): string {
  if (!Number.isSafeInteger(oldSize) || oldSize < 0) throw new RangeError('the old size is a tree size');
  if (proof.length > MAX_PROOF_LINES) throw new RangeError(`at most ${MAX_PROOF_LINES} proof lines`);
  return `old ${oldSize}\n${proof.map((h) => `${Buffer.from(h).toString('base64')}\n`).join('')}\n${note}`;
}

/** Parses a request body, or undefined when it is not one. Never throws. */
export function parseAddCheckpoint(body: string): AddCheckpointRequest | undefined {
  if (typeof body !== 'string') return undefined;
  const blank = body.indexOf('\n\n');
  if (blank < 0) return undefined;
  const [first, ...hashes] = body.slice(0, blank).split('\n');
  if (!first?.startsWith('old ') || !DECIMAL.test(first.slice(4))) return undefined;
  const oldSize = Number(first.slice(4));
  if (!Number.isSafeInteger(oldSize) || hashes.length > MAX_PROOF_LINES) return undefined;
  if (!hashes.every((h) => HASH_LINE.test(h))) return undefined;
  const proof = hashes.map((h) => Buffer.from(h, 'base64'));
  if (proof.some((p, i) => p.toString('base64') !== hashes[i])) return undefined;
  return { oldSize, proof, note: body.slice(blank + 2) };
}

/** What a witness holds of a log: the latest checkpoint it cosigned. */
export interface WitnessedCheckpoint {
  readonly size: number;
  /** Standard base64. */
  readonly rootHash: string;
  /**
   * The root of the map of stream heads its `evidence-ledger/heads/v1` line committed to (standard base64), or
   * null when it had none (a log the witness cosigns plain checkpoints of).
   */
  readonly headsRoot: string | null;
}

/** The heads root a checkpoint commits to, as a witness keeps it: base64, null for none, undefined if malformed. */
export function witnessedHeadsRoot(checkpoint: Checkpoint): string | null | undefined {
  const root = headsRootOfCheckpoint(checkpoint.extensions);
  return root ? root.toString('base64') : root;
}

/** Why a validly signed checkpoint was refused as evidence of a misbehaving log; recorded by the witness. */
export type RefusalKind = 'fork' | 'rollback' | 'inconsistent';

export type Judgement =
  | { readonly status: 200; readonly checkpoint: Checkpoint; readonly cosignature: string }
  | { readonly status: 400 | 403 | 404 | 422; readonly reason: string; readonly refusal?: RefusalKind }
  | { readonly status: 409; readonly reason: string; readonly size?: number; readonly refusal?: RefusalKind };

export interface JudgeInput {
  readonly request: AddCheckpointRequest;
  /** The note keys the witness trusts for the request's origin (none: the origin is unknown). */
  readonly logKeys: (origin: string) => readonly NamedKey[] | undefined;
  /** The latest checkpoint the witness cosigned for that origin. */
  readonly latest: (origin: string) => WitnessedCheckpoint | undefined;
  readonly witness: { readonly name: string; readonly signer: Signer };
  /** POSIX seconds. */
  readonly now: number;
  /**
   * Whether the witness cosigns checkpoints of this origin that carry no `evidence-ledger/heads/v1` line (a log that
   * is not an evidence ledger). Default: never, so a checkpoint of a ledger that commits to no stream heads (which
   * a holder of the log's key could sign for any tree) is refused.
   */
  readonly allowsPlain?: (origin: string) => boolean;
}

/**
 * The witness's answer to an `add-checkpoint` request, in the order tlog-witness gives: 404 unknown origin, 403 no
 * trusted signature, 400 old size above the checkpoint's, 409 old size not the one cosigned (with that size), 409
 * same size with another root, 422 the consistency proof does not verify; else 200 with a cosignature. A validly
 * signed checkpoint smaller than the one cosigned (`rollback`), of the same size with another root (`fork`), or
 * not consistent with it (`inconsistent`) carries a `refusal` for the witness to record. A checkpoint of the size
 * cosigned whose heads line (docs/integrity.md §12.5) differs from the cosigned one's, the root hash being the same,
 * is a fork as well: two signed histories of the same tree that disagree on the streams' heads. Before all that,
 * a checkpoint without a well-formed heads line is refused (422) unless `allowsPlain` says the origin may omit it.
 */
export function judgeAddCheckpoint({ request, logKeys, latest, witness, now, allowsPlain }: JudgeInput): Judgement {
  const origin = request.note.slice(0, Math.max(0, request.note.indexOf('\n')));
  const keys = origin ? logKeys(origin) : undefined;
  if (!keys || keys.length === 0) return { status: 404, reason: 'unknown log origin' };
  const signed = openInSuites(request.note, keys);
  if (signed.length > 1) return { status: 422, reason: 'the checkpoint is signed in two crypto suites' };
  const [opened] = signed;
  const checkpoint = opened ? parseCheckpoint(opened.body) : undefined;
  if (!opened || !checkpoint || checkpoint.origin !== origin) {
    return { status: 403, reason: 'no signature verifies with a key trusted for the origin' };
  }
  const headsRoot = witnessedHeadsRoot(checkpoint);
  if (headsRoot === undefined) return { status: 422, reason: 'the evidence-ledger/heads/v1 line is malformed' };
  if (headsRoot === null && !(allowsPlain?.(origin) ?? false)) {
    return { status: 422, reason: 'the checkpoint carries no evidence-ledger/heads/v1 line' };
  }
  const stored = latest(origin);
  const storedSize = stored?.size ?? 0;
  const root = checkpoint.rootHash.toString('base64');
  const rollback = stored !== undefined && checkpoint.size < stored.size;
  if (request.oldSize > checkpoint.size) {
    return {
      status: 400,
      reason: 'the old size is larger than the checkpoint',
      ...(rollback ? { refusal: 'rollback' as const } : {}),
    };
  }
  if (request.oldSize !== storedSize) {
    return {
      status: 409,
      reason: 'the old size is not the size of the latest cosigned checkpoint',
      size: storedSize,
      ...(rollback ? { refusal: 'rollback' as const } : {}),
    };
  }
  if (stored && checkpoint.size === stored.size) {
    if (root !== stored.rootHash) {
      return { status: 409, reason: 'same size as the cosigned checkpoint, another root', refusal: 'fork' };
    }
    if (headsRoot !== stored.headsRoot) {
      return { status: 409, reason: 'same size as the cosigned checkpoint, another heads root', refusal: 'fork' };
    }
    if (request.proof.length > 0) return { status: 422, reason: 'the proof between equal sizes is empty' };
  } else if (stored && stored.size > 0) {
    const ok = verifyConsistency(
      stored.size,
      checkpoint.size,
      Buffer.from(stored.rootHash, 'base64'),
      checkpoint.rootHash,
      request.proof,
      opened.suite.tree,
    );
    if (!ok) return { status: 422, reason: 'the consistency proof does not verify', refusal: 'inconsistent' };
  } else if (request.proof.length > 0) {
    return { status: 422, reason: 'the proof from the empty tree is empty' };
  }
  return { status: 200, checkpoint, cosignature: cosign(opened.body, witness.name, witness.signer, now) };
}

/**
 * The note opened with the trusted keys of each crypto suite in turn, with that suite: the log's tree hashes with the
 * hash of the suite its checkpoints are signed in (SHA-256 for an Ed25519 key, SM3 for an SM2 key; a log never mixes
 * suites). One entry when the note verifies, none when it does not, two when it carries trusted signatures of both.
 */
function openInSuites(note: string, keys: readonly NamedKey[]): { body: string; suite: CryptoSuite }[] {
  const opened: { body: string; suite: CryptoSuite }[] = [];
  for (const suite of Object.values(SUITES)) {
    const ofSuite = keys.filter((k) => suite.isKey(k.publicKey));
    const open = ofSuite.length > 0 ? openNote(note, ofSuite) : undefined;
    if (open) opened.push({ body: open.body, suite });
  }
  return opened;
}

/** Parses the body of a 409 answer of type {@link SIZE_CONTENT_TYPE}: a decimal size and a newline. */
export function parseSizeBody(text: string): number | undefined {
  if (typeof text !== 'string' || !text.endsWith('\n') || !DECIMAL.test(text.slice(0, -1))) return undefined;
  const size = Number(text.slice(0, -1));
  return Number.isSafeInteger(size) ? size : undefined;
}
