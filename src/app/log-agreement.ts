import type { TreeNodes } from '../ledger/merkle.js';
import { suiteOfEvent } from '../ledger/suite.js';
import type { EventStore } from '../ports/event-store.js';
import type { Doc, ReadModelStore } from '../ports/read-models.js';
import { IntegrityFault } from '../errors.js';

/** The Merkle tree document of the read models (`projections/merkle.ts`): its compact range and its last leaf. */
export interface StoredTree {
  readonly size: number;
  readonly hashes: readonly string[];
  /** Where the event of the last leaf is in the log (absent in documents written before it was recorded). */
  readonly last?: {
    readonly position: number;
    readonly eventId: string;
    readonly stream: string;
    readonly revision: number;
  };
}

export function storedTree(readModels: ReadModelStore, layout: { readonly merkle: string }): StoredTree | undefined {
  return readModels.get<StoredTree & Doc>(layout.merkle, 'tree');
}

/**
 * The read models were built from this log: the event of the tree's last leaf is in the log at the position the
 * tree recorded, with the leaf hash stored for it. One stream read. Throws {@link IntegrityFault} otherwise, e.g.
 * when an older event store was restored under newer read models and positions were reused.
 */
export async function assertLastLeafInLog(events: EventStore, tree: StoredTree, nodes: TreeNodes): Promise<void> {
  const last = tree.last;
  if (!last || tree.size === 0) return;
  const [found] = await events.readStream(last.stream, { fromRevision: last.revision, limit: 1 });
  const leaf =
    found && /^[0-9a-f]{64}$/.test(found.event.hash)
      ? suiteOfEvent(found.event).tree.leaf(Buffer.from(found.event.hash, 'hex'))
      : undefined;
  if (
    !found ||
    found.event.id !== last.eventId ||
    found.position !== last.position ||
    !leaf ||
    !leaf.equals(Buffer.from(nodes.node(0, tree.size - 1)))
  ) {
    throw new IntegrityFault(
      `the read models' Merkle tree ends with event ${last.eventId} at position ${last.position}, ` +
        `which the log does not hold there: the read models were built from another log`,
      { eventId: last.eventId, position: last.position },
    );
  }
}
