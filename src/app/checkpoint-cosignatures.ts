import { addSignatureLines } from '../ledger/cosignature.js';
import type { Signer } from '../ledger/ed25519.js';
import { sealEvents } from '../ledger/envelope.js';
import type { Clock } from '../ports/clock.js';
import type { EventStore } from '../ports/event-store.js';
import { RevisionConflict } from '../errors.js';
import { checkStoredEvents } from './stored-events.js';
import type { StreamLocks } from './stream-locks.js';

/** The data of a `CheckpointCosigned` event (stream `ledger-checkpoints`). */
export type CheckpointCosignedData = {
  readonly origin: string;
  readonly size: number;
  /** Standard base64, the cosigned checkpoint's. */
  readonly rootHash: string;
  /** The checkpoint's signed note with this witness's cosignature line added: it opens with the log's key too. */
  readonly note: string;
  /** The witness's key name and cosignature/v1 key ID (hex). */
  readonly witness: string;
  readonly keyHash: string;
  /** The cosignature line, without its newline. */
  readonly cosignature: string;
  /** When the witness cosigned, POSIX seconds (its clock, inside the signed line). */
  readonly timestamp: number;
};

export interface CheckpointCosignaturesDependencies {
  readonly events: EventStore;
  readonly signer: Signer;
  readonly clock: Clock;
  readonly locks: StreamLocks;
  readonly stream: string;
  readonly newId: () => string;
}

/**
 * Records a witness's cosignature of a checkpoint as a signed `CheckpointCosigned` event in the checkpoints'
 * stream: kept with the log, replicated with it, and not a leaf of the tree (no checkpoint event is), so cosigning
 * never makes the tree grow. It is recorded only while the checkpoint is the stream's latest (else false). Its `note` is the checkpoint's note with the cosignature line added, which still
 * opens with the service's key, as every event of the stream does (the start-up check and `ledger check` open it).
 */
export async function recordCosignature(
  deps: CheckpointCosignaturesDependencies,
  checkpoint: { origin: string; size: number; rootHash: string; note: string },
  cosignature: { witness: string; keyHash: string; line: string; timestamp: number },
): Promise<boolean> {
  const { stream } = deps;
  const data: CheckpointCosignedData = {
    origin: checkpoint.origin,
    size: checkpoint.size,
    rootHash: checkpoint.rootHash,
    note: addSignatureLines(checkpoint.note, [cosignature.line]),
    witness: cosignature.witness,
    keyHash: cosignature.keyHash,
    cosignature: cosignature.line,
    timestamp: cosignature.timestamp,
  };
  return deps.locks.run(stream, async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const [last] = await deps.events.readStream(stream, { direction: 'backward', limit: 1 });
      if (last) checkStoredEvents(stream, [last.event]);
      // the stream's last event always names the latest checkpoint (the start-up check reads it as such): a
      // cosignature of a checkpoint superseded meanwhile is not recorded; the witness is given the new one next
      const named = last?.event.data as { size?: unknown; rootHash?: unknown } | undefined;
      if (!named || named.size !== checkpoint.size || named.rootHash !== checkpoint.rootHash) return false;
      const head = last ? { revision: last.event.revision, hash: last.event.hash } : null;
      const recordedAt = deps.clock.now().toISOString();
      const [sealed] = sealEvents(
        stream,
        head,
        [
          {
            id: deps.newId(),
            type: 'CheckpointCosigned',
            schemaVersion: 1,
            occurredAt: new Date(cosignature.timestamp * 1000).toISOString(),
            actor: { sub: 'ledger', agency: 'ledger', roles: [] },
            data,
            media: [],
          },
        ],
        deps.signer,
        recordedAt,
      );
      try {
        await deps.events.append(stream, [sealed!], head ? head.revision : 'no_stream');
        return true;
      } catch (err) {
        if (!(err instanceof RevisionConflict)) throw err;
      }
    }
    throw new RevisionConflict(stream, 'a free revision', null);
  });
}
