import type { Change, Doc, Projection } from '../src/ports/read-models.js';
import { CHECKPOINT_STREAM } from './merkle.js';

/** An RFC 3161 time-stamp of a checkpoint (docs/integrity.md §15), as the service stored it after verifying it. */
export interface CheckpointTimestampDoc {
  /** The authority's URL (`TSA_URLS`). */
  readonly tsa: string;
  /** Base64 of the DER TimeStampToken. */
  readonly token: string;
  /** The token's `genTime` (RFC 3339, UTC), as read when it was verified; a verifier reads it from the token. */
  readonly genTime: string;
  readonly eventId: string;
}

/** A witness's cosignature of a checkpoint (C2SP tlog-cosignature/v1), as recorded by `CheckpointCosigned`. */
export interface CosignatureEntry {
  /** The witness's key name and cosignature key ID (hex). */
  witness: string;
  keyHash: string;
  /** The signature line, without its newline. */
  line: string;
  /** When the witness cosigned, POSIX seconds. */
  timestamp: number;
  eventId: string;
}

/** A signed checkpoint of the Merkle log as issued (C2SP tlog-checkpoint in a signed note). */
export interface CheckpointDoc extends Doc {
  origin: string;
  size: number;
  /** Standard base64 of the RFC 6962 root hash. */
  rootHash: string;
  /** The signed note: the checkpoint body, a blank line, the signature line(s). */
  note: string;
  /** When the service issued it. */
  issuedAt: string;
  eventId: string;
  position: number;
  /** Its RFC 3161 time-stamps, in the order they were recorded (`CheckpointTimestamped` events). */
  timestamps: CheckpointTimestampDoc[];
  /** The witnesses' cosignatures, one per witness key (the latest), in the order they were recorded. */
  cosignatures?: CosignatureEntry[];
  /** Whether it has any: the earliest stamped checkpoint covering an event is one indexed query. */
  stamped: boolean;
}

export const CHECKPOINTS = 'checkpoints';

/** Sortable key: checkpoints list by size. */
export const checkpointKey = (size: number): string => String(size).padStart(16, '0');

/**
 * Issued checkpoints, from their stream (`CheckpointIssued` events, signed and chained like every event), with the
 * time-stamps recorded for each (`CheckpointTimestamped` events of the same stream) and the witnesses'
 * cosignatures of each (`CheckpointCosigned` events) folded in.
 */
export const checkpointsProjection: Projection = {
  name: 'checkpoints',
  version: 4,
  collections: [{ name: CHECKPOINTS, indexes: ['size', 'issuedAt', 'stamped'] }],
  apply({ event, position }, docs): Change[] {
    if (event.stream !== CHECKPOINT_STREAM) return [];
    if (event.type === 'CheckpointTimestamped') {
      const data = event.data as { size: number; tsa: string; token: string; genTime: string };
      const doc = docs.get<CheckpointDoc>(CHECKPOINTS, checkpointKey(data.size));
      if (!doc) return [];
      const stamp: CheckpointTimestampDoc = {
        tsa: data.tsa,
        token: data.token,
        genTime: data.genTime,
        eventId: event.id,
      };
      return [
        {
          collection: CHECKPOINTS,
          key: checkpointKey(data.size),
          doc: { ...doc, timestamps: [...(doc.timestamps ?? []), stamp], stamped: true },
        },
      ];
    }
    if (event.type === 'CheckpointCosigned') {
      const data = event.data as { size: number; rootHash: string; witness: string; keyHash: string };
      const { cosignature, timestamp } = event.data as { cosignature: string; timestamp: number };
      const key = checkpointKey(data.size);
      const doc = docs.get<CheckpointDoc>(CHECKPOINTS, key);
      // a cosignature of a root this log never issued at that size is not this checkpoint's
      if (!doc || doc.rootHash !== data.rootHash) return [];
      const entry: CosignatureEntry = {
        witness: data.witness,
        keyHash: data.keyHash,
        line: cosignature,
        timestamp,
        eventId: event.id,
      };
      const others = (doc.cosignatures ?? []).filter((c) => c.witness !== entry.witness || c.keyHash !== entry.keyHash);
      return [{ collection: CHECKPOINTS, key, doc: { ...doc, cosignatures: [...others, entry] } }];
    }
    if (event.type !== 'CheckpointIssued') return [];
    const data = event.data as { origin: string; size: number; rootHash: string; note: string };
    const doc: CheckpointDoc = {
      origin: data.origin,
      size: data.size,
      rootHash: data.rootHash,
      note: data.note,
      issuedAt: event.recordedAt,
      eventId: event.id,
      position,
      timestamps: [],
      stamped: false,
    };
    return [{ collection: CHECKPOINTS, key: checkpointKey(data.size), doc }];
  },
};
