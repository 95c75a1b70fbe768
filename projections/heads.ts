import { nextHeadsPath, type HeadsPath } from '../src/ledger/heads-map.js';
import { suiteOfEvent } from '../src/ledger/suite.js';
import type { Change, Doc, DocReader, Projection } from '../src/ports/read-models.js';
import { CHECKPOINT_STREAM, MERKLE, type TreeDoc } from './merkle.js';

/**
 * The map of stream heads (src/ledger/heads-map.ts, docs/integrity.md §12.5) at every size of the Merkle tree,
 * maintained incrementally: each leaf of the tree (every event but the log's checkpoints) adds one document,
 * `p/<size>` (the tree's size with that leaf), the path of its stream in the map as of that size. Nothing is ever
 * rewritten, so the map of any size the tree had stays readable: a checkpoint's heads root is one document read
 * and a handful of hashes, however large the log.
 *
 * Reads the Merkle projection's `tree` document (listed before this one) for the size the event's leaf gives.
 */
export const HEADS = 'heads';

export const headsPathKey = (size: number): string => `p/${size}`;

export type HeadsPathDoc = HeadsPath & Doc;

/** The stored path of a tree size, through a document reader. */
export function storedHeadsPath(docs: DocReader, size: number): HeadsPath | undefined {
  return docs.get<HeadsPathDoc>(HEADS, headsPathKey(size));
}

export const headsProjection: Projection = {
  name: 'heads',
  version: 2, // 2: a path's hashes stored as one string each (`s`, `h`) and the siblings' sizes apart (`z`)
  collections: [{ name: HEADS }],
  critical: true, // a head left out would change every later root
  apply({ event }, docs): Change[] {
    if (event.stream === CHECKPOINT_STREAM) return [];
    const tree = docs.get<TreeDoc>(MERKLE, 'tree');
    if (!tree || tree.last?.eventId !== event.id) {
      throw new Error(`the Merkle tree has no leaf for event ${event.id}: the heads map cannot place it`);
    }
    const path = nextHeadsPath(
      (size) => storedHeadsPath(docs, size),
      tree.size,
      event.stream,
      event.revision,
      event.hash,
      // the map hashes with the log's suite, which each event's signature names (SM3 in the SM2 suite)
      suiteOfEvent(event).hash,
    );
    return [{ collection: HEADS, key: headsPathKey(tree.size), doc: { ...path } }];
  },
};
