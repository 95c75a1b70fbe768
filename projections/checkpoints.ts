import type { Change, Doc, Projection } from '../src/ports/read-models.js';
import { CHECKPOINT_STREAM } from './merkle.js';

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
}

export const CHECKPOINTS = 'checkpoints';

/** Sortable key: checkpoints list by size. */
export const checkpointKey = (size: number): string => String(size).padStart(16, '0');

/** Issued checkpoints, from their stream (`CheckpointIssued` events, signed and chained like every event). */
export const checkpointsProjection: Projection = {
  name: 'checkpoints',
  version: 1,
  collections: [{ name: CHECKPOINTS, indexes: ['size', 'issuedAt'] }],
  apply({ event, position }): Change[] {
    if (event.stream !== CHECKPOINT_STREAM || event.type !== 'CheckpointIssued') return [];
    const data = event.data as { origin: string; size: number; rootHash: string; note: string };
    const doc: CheckpointDoc = {
      origin: data.origin,
      size: data.size,
      rootHash: data.rootHash,
      note: data.note,
      issuedAt: event.recordedAt,
      eventId: event.id,
      position,
    };
    return [{ collection: CHECKPOINTS, key: checkpointKey(data.size), doc }];
  },
};
