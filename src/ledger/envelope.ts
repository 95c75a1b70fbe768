import { InvalidBody } from '../errors.js';
import { signedActData } from './act-signing.js';
import { canonicalize, canonicalizeWithout } from './canonical-json.js';
import { GENESIS_PREV } from './hash.js';
import type { Signer } from './ed25519.js';
import { eventDataViolation } from './json-bounds.js';
import { suiteOfEvent, suiteOfSigner, type CryptoSuite, type SignatureAlgorithm } from './suite.js';

/** Who performed an act, as stated by the verified bearer token. */
export interface Actor {
  readonly sub: string;
  readonly agency: string;
  readonly roles: readonly string[];
}

/** A medium referenced by an event: content-addressed by the SHA-256 of its bytes. */
export interface MediaRef {
  readonly sha256: string;
  readonly size: number;
  readonly contentType: string;
}

export interface Signature {
  /** "Ed25519", or "SM2-SM3" in a log of the SM2 suite (suite.ts). */
  readonly alg: SignatureAlgorithm;
  readonly keyId: string;
  /** Standard base64 (RFC 4648 §4, padded) of the signature: 64 bytes for Ed25519, DER for SM2. */
  readonly value: string;
}

/**
 * The signed event. `hash` is the suite's hash (SHA-256, or SM3 in the SM2 suite; lowercase hex) over the RFC 8785 canonical form of the envelope
 * without `hash` and `sig`; `sig` is the service's signature over {@link eventSigningInput}.
 * The exact format is specified in docs/integrity.md.
 */
export interface EventEnvelope<D = Record<string, unknown>> {
  readonly id: string;
  readonly stream: string;
  readonly revision: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: Actor;
  readonly data: D;
  readonly media: readonly MediaRef[];
  readonly prev: string;
  readonly hash: string;
  readonly sig: Signature;
  /** The acting officer's own signature over {@link actorSigningInput}, when the client supplied one. */
  readonly actorSig?: Signature;
}

/** What a writer supplies; the sealer adds the stream position, chain link, hash and signature. */
export type EventDraft<D = Record<string, unknown>> = Omit<
  EventEnvelope<D>,
  'stream' | 'revision' | 'prev' | 'hash' | 'sig' | 'recordedAt'
>;

/** The last event of a stream as far as a writer knows: its revision and hash; `null` for no stream. */
export interface StreamHead {
  readonly revision: number;
  readonly hash: string;
}

const EVENT_SIG_CONTEXT = 'evidence-ledger/event/v1\n';
const ACTOR_SIG_CONTEXT = 'evidence-ledger/act/v1\n';

/**
 * The suite's hash, lowercase hex, of the canonical envelope without `hash` and `sig`: by default the suite the
 * event's `sig.alg` names (SHA-256 for an Ed25519 event or one without a signature, SM3 for an SM2-SM3 one).
 */
export function computeEventHash(
  event: Omit<EventEnvelope, 'hash' | 'sig'> & Partial<EventEnvelope>,
  suite: CryptoSuite = suiteOfEvent(event),
): string {
  return suite.hashHex(canonicalizeWithout(event as unknown as Record<string, unknown>, 'hash', 'sig'));
}

/** The bytes the service signs: a context line, then the 64 hex characters of the event hash. */
export function eventSigningInput(hash: string): Buffer {
  return Buffer.from(EVENT_SIG_CONTEXT + hash, 'utf8');
}

/**
 * The bytes an officer signs before submitting an act: a context line, then the canonical form of the
 * parts of the act the officer's client knows (not the revision, chain link or server time; of `data`, not the
 * members the service derives, and of a sealed value only its commitment: {@link signedActData}).
 */
export function actorSigningInput(
  event: Pick<EventEnvelope, 'id' | 'stream' | 'type' | 'schemaVersion' | 'occurredAt' | 'data' | 'media'> & {
    actor: Pick<Actor, 'sub'>;
  },
): Buffer {
  const act = {
    id: event.id,
    stream: event.stream,
    type: event.type,
    schemaVersion: event.schemaVersion,
    occurredAt: event.occurredAt,
    actor: event.actor.sub,
    data: signedActData(event.type, event.data),
    media: event.media,
  };
  return Buffer.from(ACTOR_SIG_CONTEXT + canonicalize(act), 'utf8');
}

/**
 * Refuses data outside the bounds of what the ledger signs (src/ledger/json-bounds.ts): whatever front door a
 * command came through, nothing outside them is ever sealed. `InvalidBody` names the member, never the value.
 */
export function checkEventData(data: unknown, index = 0): void {
  const outside = eventDataViolation(data);
  const where = (pointer: string) => ({ pointer: `/data${pointer}`, ...(index > 0 ? { event: index } : {}) });
  if (outside) throw new InvalidBody(`/data${outside.pointer}: ${outside.reason}`, where(outside.pointer));
}

/**
 * Seals drafts as the next events of `stream` after `head`: checks each draft's data against the bounds, assigns
 * revisions, links the chain, hashes and signs in the signer's suite. Pure apart from the signature computation; `recordedAt` comes
 * from the caller's clock.
 */
export function sealEvents<D>(
  stream: string,
  head: StreamHead | null,
  drafts: readonly EventDraft<D>[],
  signer: Signer,
  recordedAt: string,
): EventEnvelope<D>[] {
  let revision = head ? head.revision : -1;
  let prev = head ? head.hash : GENESIS_PREV;
  const suite = suiteOfSigner(signer);
  drafts.forEach((draft, i) => checkEventData(draft.data, i));
  return drafts.map((draft) => {
    revision += 1;
    const body = { ...draft, stream, revision, recordedAt, prev };
    const hash = computeEventHash(body as unknown as EventEnvelope, suite);
    const value = signer.sign(eventSigningInput(hash)).toString('base64');
    prev = hash;
    return { ...body, hash, sig: { alg: suite.sigAlg, keyId: signer.keyId, value } } as EventEnvelope<D>;
  });
}
