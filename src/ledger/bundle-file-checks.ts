import type { ProofCheck } from './bundle-proofs.js';
import { Failed, isProofFor, parseJson } from './bundle-parse.js';
import type { EventEnvelope } from './envelope.js';
import {
  verifyEvent,
  verifyEventBeforeSignatures,
  type ChainedEvent,
  type EventSignatures,
  type VerificationFailure,
  type VerifyOptions,
} from './verify.js';

/**
 * The checks of one event or proof file on its own, whose answers the bundle checks (bundle-checks.ts) take in
 * their own order: the verifier (bundle-verify.ts) works them out as each file is read and keeps the answer rather
 * than the file, but for an event's signatures, which it checks only once the bundle checks reach the event; or
 * the checks work them out from the held file at the end. Either way the answer is the same, as it depends on
 * nothing but the file and what the manifest and the trusted keys say.
 */

/** An event that is valid on its own: what the chain and the later checks (media, proofs, completeness) read of it. */
export type CheckedEvent = ChainedEvent &
  Pick<EventEnvelope, 'type' | 'media'> & {
    /** The key id of its officer's signature (`actorSig`), when it carries one. */
    readonly actorKeyId?: string;
  };

/**
 * What one event file is on its own: not UTF-8 JSON within the nesting bound (`unreadable`, the failure
 * checkStream raises before any other), an event that fails {@link verifyEvent} (`failure`), or a valid one. An event
 * read as its file streams by is valid but for its `signatures`, checked only when the bundle checks reach it.
 */
export type EventFileRead =
  | {
      readonly unreadable: Failed;
      readonly failure?: undefined;
      readonly event?: undefined;
      readonly signatures?: undefined;
    }
  | {
      readonly unreadable?: undefined;
      readonly failure: VerificationFailure;
      readonly event?: undefined;
      readonly signatures?: undefined;
    }
  | {
      readonly unreadable?: undefined;
      readonly failure?: undefined;
      readonly event: CheckedEvent;
      readonly signatures?: EventSignatures;
    };

/** {@link verifyEvent} of a parsed event file, keeping only what the later checks read of a valid event. */
export function checkEventAlone(value: unknown, options: VerifyOptions): EventFileRead {
  const single = verifyEvent(value, options);
  if (!single.ok) return { failure: single.failure };
  return { event: checkedEvent(value as EventEnvelope) };
}

/**
 * Parses event file `name` and checks it on its own but for its signatures, which are left to check when the bundle
 * checks reach the event: a bundle that fails before (a file that is not as the manifest lists it, a checkpoint that
 * does not open, an event before it that fails) has none of them checked.
 */
export function readEventFile(name: string, bytes: Buffer, options: VerifyOptions): EventFileRead {
  let value: unknown;
  try {
    value = parseJson(bytes, name, 'malformed_event');
  } catch (err) {
    if (err instanceof Failed) return { unreadable: err };
    throw err;
  }
  const unsigned = verifyEventBeforeSignatures(value, options);
  if (!unsigned.ok) return { failure: unsigned.failure };
  return { event: checkedEvent(value as EventEnvelope), signatures: unsigned.signatures };
}

function checkedEvent({ id, stream, revision, prev, hash, type, media, actorSig }: EventEnvelope): CheckedEvent {
  return actorSig
    ? { id, stream, revision, prev, hash, type, media, actorKeyId: actorSig.keyId }
    : { id, stream, revision, prev, hash, type, media };
}

/**
 * What the inclusion proof file of an event is on its own: the failure that does not depend on the event (not JSON,
 * not the members of a proof of that event id, against another tree size), or its leaf hash and index and whether
 * its audit path leads from that leaf hash to the root. The event's own leaf must still be compared with
 * `leafHash`; where they are the same text, `included` is the verdict on the event.
 */
export type ProofFileRead =
  Failed | { readonly leafHash: string; readonly leafIndex: number; readonly included: boolean };

/**
 * Reads proof file `file` of event `eventId` against the tree of `size` leaves that `included` checks paths in.
 * The path is checked from the file's own leaf hash (when it is a hash in canonical base64): the event's leaf,
 * compared with that text later, is then the same bytes.
 */
export function readProofFile(
  file: string,
  eventId: string,
  bytes: Buffer,
  size: number,
  included: ProofCheck,
): ProofFileRead {
  let p: unknown;
  try {
    p = parseJson(bytes, file, 'proof_invalid');
  } catch (err) {
    if (err instanceof Failed) return err;
    throw err;
  }
  if (!isProofFor(p, eventId)) {
    return new Failed(
      'proof_invalid',
      `${file} is not {eventId, leafIndex, treeSize, leafHash, proof} for event ${eventId}`,
    );
  }
  if (p.treeSize !== size) return new Failed('proof_invalid', `${file} proves against size ${p.treeSize}, not ${size}`);
  const leafHash = p.leafHash as string;
  const leafIndex = p.leafIndex as number;
  return { leafHash, leafIndex, included: included(leafHash, leafIndex, p.proof as unknown[]) };
}
