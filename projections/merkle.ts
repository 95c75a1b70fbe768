import { CompactRange, leafHash } from '../src/ledger/merkle.js';
import type { Change, Doc, Projection } from '../src/ports/read-models.js';

/**
 * The Merkle tree of the global log (RFC 6962), maintained incrementally: one leaf per event in log order, except
 * the log's own checkpoints (stream {@link CHECKPOINT_STREAM}), which commit to the tree rather than belong to it.
 *
 * Documents of the `merkle` collection:
 * - `tree`: the compact range of the tree as it stands (`size`, the perfect-subtree roots, base64), O(log n), and
 *   where the event of its last leaf is (position, id, stream, revision);
 * - `n/<level>/<index>`: every complete node, written once when its subtree completes and never changed, so a proof
 *   for any tree size up to the current one reads O(log n) of them;
 * - `e/<eventId>`: the leaf index of an event.
 */
export const MERKLE = 'merkle';
export const CHECKPOINT_STREAM = 'ledger-checkpoints';

export interface TreeDoc extends Doc {
  size: number;
  hashes: string[];
  /**
   * The event of the last leaf: its log position and id. The service checks that the log still holds that event
   * there (start-up, and before signing a checkpoint): read models built from another log are refused.
   */
  last?: { position: number; eventId: string; stream: string; revision: number };
}

export interface LeafDoc extends Doc {
  index: number;
  position: number;
}

export const nodeKey = (level: number, index: number): string => `n/${level}/${index}`;
export const leafKey = (eventId: string): string => `e/${eventId}`;

export const merkleProjection: Projection = {
  name: 'merkle',
  version: 2, // 2: the tree document records where its last leaf's event is
  collections: [{ name: MERKLE }],
  critical: true, // a leaf left out would change every later root: never quarantined, the runner stops instead
  apply({ event, position }, docs): Change[] {
    if (event.stream === CHECKPOINT_STREAM) return [];
    const tree = docs.get<TreeDoc>(MERKLE, 'tree');
    const range = CompactRange.fromHashes(
      tree?.size ?? 0,
      (tree?.hashes ?? []).map((h) => Buffer.from(h, 'base64')),
    );
    const index = range.size;
    const completed = range.append(leafHash(Buffer.from(event.hash, 'hex')));
    const changes: Change[] = completed.map((node) => ({
      collection: MERKLE,
      key: nodeKey(node.level, node.index),
      doc: { h: node.hash.toString('base64') },
    }));
    changes.push({ collection: MERKLE, key: leafKey(event.id), doc: { index, position } });
    changes.push({
      collection: MERKLE,
      key: 'tree',
      doc: {
        size: range.size,
        hashes: range.hashes().map((h) => h.toString('base64')),
        last: { position, eventId: event.id, stream: event.stream, revision: event.revision },
      },
    });
    return changes;
  },
};
