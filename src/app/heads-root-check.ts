import { headsRootOfCheckpoint } from '../ledger/checkpoint-heads.js';
import type { StreamHead as EventHead } from '../ledger/envelope.js';
import { headsRootOf, type HeadsHash, type StreamHead } from '../ledger/heads-map.js';
import type { Fault } from './ledger-check.js';

/**
 * For `ledger check`: the heads line of a checkpoint (docs/integrity.md §12.5) against the heads recomputed from
 * the log as of its size, `heads` being every stream's last event so far (the checkpoints' own stream is not in
 * the map). A checkpoint without the line has nothing to compare. One computation from scratch, O(streams · log
 * streams): done for the latest checkpoint only. `hash` is the log's suite's (the map's hash, §17).
 */
export function checkHeadsRoot(
  extensions: readonly string[],
  heads: ReadonlyMap<string, EventHead>,
  checkpointStream: string,
  checkpoint: { readonly size: number; readonly eventId: string },
  fault: (f: Fault) => void,
  hash: HeadsHash,
): void {
  const signed = headsRootOfCheckpoint(extensions);
  if (signed === null) return;
  const { size, eventId } = checkpoint;
  if (signed === undefined) {
    fault({ code: 'heads_mismatch', detail: `the checkpoint of size ${size} has a malformed heads line`, eventId });
    return;
  }
  const map = new Map<string, StreamHead>();
  for (const [stream, { revision, hash }] of heads) {
    if (stream !== checkpointStream) map.set(stream, { revision, head: hash });
  }
  const root = headsRootOf(map, hash);
  if (!root.equals(signed)) {
    fault({
      code: 'heads_mismatch',
      detail: `the checkpoint of size ${size} signed heads root ${signed.toString('base64')}; the events give ${root.toString('base64')}`,
      eventId,
    });
  }
}
