import { createPublicKey, type KeyObject } from 'node:crypto';
import { type PublicKeyResolver } from './ed25519.js';
import {
  actorSigningInput,
  computeEventHash,
  eventSigningInput,
  type EventEnvelope,
  type Signature,
  type StreamHead,
} from './envelope.js';
import { CanonicalizationError } from './canonical-json.js';
import { GENESIS_PREV, isSha256Hex } from './hash.js';
import { SUITES, suiteOfAlg, type CryptoSuite, type SuiteName } from './suite.js';

export type VerificationCode =
  | 'malformed_event'
  | 'hash_mismatch'
  | 'unsupported_algorithm'
  | 'unknown_key'
  | 'signature_invalid'
  | 'actor_key_unknown'
  | 'actor_key_revoked'
  | 'actor_key_not_valid'
  | 'actor_signature_invalid'
  | 'stream_mismatch'
  | 'revision_gap'
  | 'chain_broken'
  | 'duplicate_event';

/** Why a known officer key may not have signed an event. */
export interface ActorKeyRefusal {
  readonly code: 'actor_key_unknown' | 'actor_key_revoked' | 'actor_key_not_valid';
  readonly detail: string;
}

export interface VerificationFailure {
  readonly code: VerificationCode;
  readonly detail: string;
  readonly eventId?: string;
  readonly revision?: number;
  /** Position of the failing event in the list that was checked (0-based). */
  readonly index?: number;
}

export type VerificationResult = { readonly ok: true } | { readonly ok: false; readonly failure: VerificationFailure };

export interface VerifyOptions {
  /** The service's public keys, current and retired. */
  readonly serviceKeys: PublicKeyResolver;
  /** Officers' public keys, for `actorSig`; without it an event carrying `actorSig` fails `actor_key_unknown`. */
  readonly actorKeys?: PublicKeyResolver;
  /**
   * Whether the officer key `keyId` (one `actorKeys` knows) may have signed `event`: registered for its actor, valid
   * on its day, not revoked before it was recorded (docs/integrity.md §6); the failure when not. Without it, every
   * key `actorKeys` knows may sign any event.
   */
  readonly actorKeyRefusal?: (keyId: string, event: EventEnvelope) => ActorKeyRefusal | undefined;
  /**
   * The crypto suite of the log (suite.ts): an event signed in another suite fails `unsupported_algorithm`, so a
   * log never mixes suites. Without it each event is checked in the suite its `sig.alg` names.
   */
  readonly suite?: SuiteName;
  /**
   * What the caller already worked out for an event (the very object it passes in): used instead of working it out
   * again, so the result is the same. Without it, or where it answers undefined, everything is worked out here.
   */
  readonly worked?: WorkedOut;
}

/** Results worked out ahead for events, e.g. while a bundle streams in or on other threads. */
export interface WorkedOut {
  /** `computeEventHash(event, suite)` in the suite of the event's `sig.alg`, or the CanonicalizationError it throws. */
  hash(event: EventEnvelope): string | CanonicalizationError | undefined;
  /** Whether the service signature `event.sig` verifies with `key`, the trusted key its `keyId` names. */
  signature(event: EventEnvelope, key: KeyObject): boolean | undefined;
}

const OK: VerificationResult = { ok: true };
/** 1 for the character codes of the base64 alphabet, 0 for every other code below 128. */
const BASE64_ALPHABET = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/')
  BASE64_ALPHABET[c.charCodeAt(0)] = 1;

/**
 * Characters of the base64 alphabet followed by at most two `=` (what `/^[A-Za-z0-9+/]*={0,2}$/` matches), checked
 * against a table: about a third of the pattern's cost on a signature's 88 characters.
 */
export function isBase64Text(text: string): boolean {
  let end = text.length;
  if (end > 0 && text.charCodeAt(end - 1) === 0x3d) end--;
  if (end > 0 && text.charCodeAt(end - 1) === 0x3d) end--;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || BASE64_ALPHABET[c] === 0) return false;
  }
  return true;
}
/** 1 for the character codes of lowercase hex digits, 0 for every other code below 128. */
const LOWER_HEX = new Uint8Array(128);
for (const c of '0123456789abcdef') LOWER_HEX[c.charCodeAt(0)] = 1;

/**
 * A lowercase UUID (what `/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/` matches), checked
 * against a table of hex digits: an event's shape check asks it of every event of a bundle.
 */
export function isLowerUuid(text: string): boolean {
  if (text.length !== 36) return false;
  for (let i = 0; i < 36; i++) {
    const c = text.charCodeAt(i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (c !== 0x2d) return false;
    } else if (c >= 128 || LOWER_HEX[c] === 0) {
      return false;
    }
  }
  return true;
}

function fail(code: VerificationCode, detail: string, event?: Partial<EventEnvelope>, index?: number) {
  const failure: VerificationFailure = {
    code,
    detail,
    ...(typeof event?.id === 'string' ? { eventId: event.id } : {}),
    ...(typeof event?.revision === 'number' ? { revision: event.revision } : {}),
    ...(index === undefined ? {} : { index }),
  };
  return { ok: false as const, failure };
}

/** Names the first structural defect of a would-be envelope, or returns undefined when the shape is right. */
export function envelopeShapeDefect(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null || Array.isArray(e)) return 'event is not an object';
  const v = e as Record<string, unknown>;
  if (typeof v.id !== 'string' || !isLowerUuid(v.id)) return 'id is not a lowercase UUID';
  if (typeof v.stream !== 'string' || v.stream.length === 0) return 'stream is missing';
  if (!Number.isSafeInteger(v.revision) || (v.revision as number) < 0) return 'revision is not a non-negative integer';
  if (typeof v.type !== 'string' || v.type.length === 0) return 'type is missing';
  if (!Number.isSafeInteger(v.schemaVersion) || (v.schemaVersion as number) < 1)
    return 'schemaVersion is not a positive integer';
  if (typeof v.occurredAt !== 'string') return 'occurredAt is missing';
  if (typeof v.recordedAt !== 'string') return 'recordedAt is missing';
  const actor = v.actor as Record<string, unknown> | null | undefined;
  if (typeof actor !== 'object' || actor === null) return 'actor is missing';
  if (typeof actor.sub !== 'string' || typeof actor.agency !== 'string' || !Array.isArray(actor.roles)) {
    return 'actor is not {sub, agency, roles}';
  }
  if (typeof v.data !== 'object' || v.data === null || Array.isArray(v.data)) return 'data is not an object';
  if (!Array.isArray(v.media)) return 'media is not an array';
  for (const m of v.media as unknown[]) {
    const r = m as Record<string, unknown> | null;
    if (
      typeof r !== 'object' ||
      r === null ||
      !isSha256Hex(r.sha256) ||
      !Number.isSafeInteger(r.size) ||
      (r.size as number) < 0 ||
      typeof r.contentType !== 'string'
    ) {
      return 'media entry is not {sha256, size (a non-negative integer), contentType}';
    }
  }
  if (!isSha256Hex(v.prev)) return 'prev is not 64 lowercase hex';
  if (!isSha256Hex(v.hash)) return 'hash is not 64 lowercase hex';
  const sigDefect = signatureShapeDefect(v.sig, 'sig');
  if (sigDefect) return sigDefect;
  if (v.actorSig !== undefined) return signatureShapeDefect(v.actorSig, 'actorSig');
  return undefined;
}

function signatureShapeDefect(sig: unknown, name: string): string | undefined {
  const s = sig as Record<string, unknown> | null;
  if (typeof s !== 'object' || s === null) return `${name} is missing`;
  if (
    typeof s.alg !== 'string' ||
    typeof s.keyId !== 'string' ||
    typeof s.value !== 'string' ||
    !isBase64Text(s.value)
  ) {
    return `${name} is not {alg, keyId, value (base64)}`;
  }
  return undefined;
}

/** Checks one event on its own: shape, hash, the service signature and, if present, the officer's signature. */
export function verifyEvent(event: unknown, options: VerifyOptions, index?: number): VerificationResult {
  const unsigned = verifyEventBeforeSignatures(event, options, index);
  if (!unsigned.ok) return unsigned;
  const failure = unsigned.signatures.check();
  return failure ? { ok: false, failure } : OK;
}

/**
 * {@link verifyEvent} up to its signature checks, which it leaves in `signatures`: a caller may check them later,
 * or not at all once it knows of a failure it ranks first, without holding the event. The failure of the two
 * parts, taken in order, is that of verifyEvent.
 */
export function verifyEventBeforeSignatures(
  event: unknown,
  options: VerifyOptions,
  index?: number,
):
  | { readonly ok: false; readonly failure: VerificationFailure }
  | { readonly ok: true; readonly signatures: EventSignatures } {
  const defect = envelopeShapeDefect(event);
  if (defect) return fail('malformed_event', defect, event as Partial<EventEnvelope>, index);
  const e = event as EventEnvelope;

  const suite = suiteOfAlg(e.sig.alg);
  if (!suite || (options.suite !== undefined && suite.name !== options.suite)) {
    const expected = options.suite ? `, the log's suite signs ${SUITES[options.suite].sigAlg}` : '';
    return fail('unsupported_algorithm', `sig.alg ${e.sig.alg}${expected}`, e, index);
  }
  let recomputed: string | CanonicalizationError | undefined = options.worked?.hash(e);
  if (recomputed === undefined) {
    try {
      recomputed = computeEventHash(e, suite);
    } catch (err) {
      if (!(err instanceof CanonicalizationError)) throw err;
      recomputed = err;
    }
  }
  if (recomputed instanceof CanonicalizationError) return fail('malformed_event', recomputed.message, e, index);
  if (recomputed !== e.hash) {
    return fail('hash_mismatch', `hash is ${e.hash}, content hashes to ${recomputed}`, e, index);
  }

  const key = options.serviceKeys(e.sig.keyId);
  if (!key) return fail('unknown_key', `no trusted service key ${e.sig.keyId}`, e, index);
  return { ok: true, signatures: new EventSignatures(e, suite, key, options, index) };
}

/**
 * The signature checks of an event that passed every other check of {@link verifyEvent}, in its order: the service
 * signature, then the officer's (`actorSig`). It keeps what they read of the event (for `actorSig`, the bytes the
 * officer signed), not the event.
 */
export class EventSignatures {
  readonly #id: string;
  readonly #revision: number;
  readonly #sig: EventEnvelope['sig'];
  readonly #hash: string;
  readonly #suite: CryptoSuite;
  readonly #key: KeyObject;
  /** The caller's verdict on the service signature, worked out ahead, if any. */
  readonly #known: boolean | undefined;
  /** The officer's signature: the failure it meets before it can be checked, or what checking it reads. */
  readonly #actor: VerificationFailure | ActorCheck | undefined;
  readonly #index: number | undefined;

  constructor(e: EventEnvelope, suite: CryptoSuite, key: KeyObject, options: VerifyOptions, index?: number) {
    this.#id = e.id;
    this.#revision = e.revision;
    this.#sig = e.sig;
    this.#hash = e.hash;
    this.#suite = suite;
    this.#key = key;
    this.#known = options.worked?.signature(e, key);
    this.#index = index;
    this.#actor = e.actorSig && actorCheck(e, e.actorSig, options, index);
  }

  /** The first failure of the checks, or undefined when both signatures verify. */
  check(): VerificationFailure | undefined {
    const sig = this.#sig;
    const valid =
      this.#known ?? this.#suite.verify(this.#key, eventSigningInput(this.#hash), Buffer.from(sig.value, 'base64'));
    if (!valid) {
      return fail('signature_invalid', `service signature by ${sig.keyId} does not verify`, this.#of(), this.#index)
        .failure;
    }
    const actor = this.#actor;
    if (actor === undefined || 'code' in actor) return actor;
    const { key, message, sig: actorSig } = actor;
    if (!SUITES.ed25519.verify(key, message, Buffer.from(actorSig.value, 'base64'))) {
      const detail = `officer signature by ${actorSig.keyId} does not verify`;
      return fail('actor_signature_invalid', detail, this.#of(), this.#index).failure;
    }
    return undefined;
  }

  /** What a failure names of the event. */
  #of(): Pick<EventEnvelope, 'id' | 'revision'> {
    return { id: this.#id, revision: this.#revision };
  }
}

/** What checking an officer's signature reads: the officer's key, the bytes signed and the signature. */
interface ActorCheck {
  readonly key: KeyObject;
  readonly message: Buffer;
  readonly sig: Signature;
}

/** The officer's signature of `e` up to its verification: the failure it meets first, or what verifying it reads. */
function actorCheck(
  e: EventEnvelope,
  actorSig: Signature,
  options: VerifyOptions,
  index: number | undefined,
): VerificationFailure | ActorCheck {
  if (actorSig.alg !== 'Ed25519') {
    return fail('unsupported_algorithm', `actorSig.alg ${actorSig.alg}`, e, index).failure;
  }
  const actorKey = options.actorKeys?.(actorSig.keyId);
  if (!actorKey) return fail('actor_key_unknown', `no registered officer key ${actorSig.keyId}`, e, index).failure;
  const refusal = options.actorKeyRefusal?.(actorSig.keyId, e);
  if (refusal) return fail(refusal.code, refusal.detail, e, index).failure;
  const key = actorKey.type === 'private' ? createPublicKey(actorKey) : actorKey;
  return { key, message: actorSigningInput(e), sig: actorSig };
}

/** What the chain's checks read of an event, once it was found valid on its own. */
export type ChainedEvent = Pick<EventEnvelope, 'id' | 'stream' | 'revision' | 'prev' | 'hash'>;

export interface ChainOptions extends VerifyOptions {
  /** Verify a stream suffix that continues from this trusted head; without it the list must start at revision 0. */
  readonly after?: StreamHead;
  /** The stream every event must belong to; without it, the first event's. */
  readonly stream?: string;
}

/**
 * Checks a list of events as one stream's hash chain, in order: every event on its own, one stream, revisions
 * contiguous, each `prev` the hash of the event before it (64 zeros before revision 0), and no event id twice.
 * Returns the first failure.
 */
export function verifyChain(events: readonly unknown[], options: ChainOptions): VerificationResult {
  const chain = new ChainVerifier(options);
  for (const event of events) {
    const failure = chain.next(event);
    if (failure) return { ok: false, failure };
  }
  return OK;
}

/**
 * {@link verifyChain} one event at a time, for a caller that need not hold the whole list: `next` checks the next
 * event of the list and returns the failure `verifyChain` would return for it, if any. Once it has returned a
 * failure, it is not to be asked again.
 */
export class ChainVerifier {
  #index = 0;
  #expectedRevision: number;
  #expectedPrev: string;
  #stream: string | undefined;
  readonly #seen = new Set<string>();

  constructor(private readonly options: ChainOptions) {
    this.#expectedRevision = options.after ? options.after.revision + 1 : 0;
    this.#expectedPrev = options.after ? options.after.hash : GENESIS_PREV;
    this.#stream = options.stream;
  }

  next(event: unknown): VerificationFailure | undefined {
    const single = verifyEvent(event, this.options, this.#index);
    if (single.ok) return this.link(event as EventEnvelope);
    this.#index++;
    return single.failure;
  }

  /**
   * The chain's part of {@link next}, for an event that {@link verifyEvent} (with this verifier's options) found
   * valid on its own, checked earlier: a caller that checked each event as it arrived keeps only these members.
   */
  link(e: ChainedEvent): VerificationFailure | undefined {
    const i = this.#index++;
    this.#stream ??= e.stream;
    const stream = this.#stream;
    if (e.stream !== stream) return fail('stream_mismatch', `stream ${e.stream}, expected ${stream}`, e, i).failure;
    if (this.#seen.has(e.id)) return fail('duplicate_event', `event id ${e.id} appears twice`, e, i).failure;
    this.#seen.add(e.id);
    if (e.revision !== this.#expectedRevision) {
      return fail('revision_gap', `revision ${e.revision}, expected ${this.#expectedRevision}`, e, i).failure;
    }
    if (e.prev !== this.#expectedPrev) {
      return fail('chain_broken', `prev is ${e.prev}, the previous event's hash is ${this.#expectedPrev}`, e, i)
        .failure;
    }
    this.#expectedRevision += 1;
    this.#expectedPrev = e.hash;
    return undefined;
  }
}
