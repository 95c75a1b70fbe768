import { isHashBase64 } from '../src/ledger/bundle-proofs.js';
import { HASH_SIZE, isTreeCount } from '../src/ledger/merkle.js';
import { suiteOfEvent } from '../src/ledger/suite.js';
import type { Change, Doc, DocReader, Projection } from '../src/ports/read-models.js';

/**
 * The Merkle tree of the global log (RFC 6962, over the hash of the log's crypto suite, which each event's `sig.alg`
 * names: SHA-256, or SM3 in the SM2 suite), maintained incrementally: one leaf per event in log order, except
 * the log's own checkpoints (stream {@link CHECKPOINT_STREAM}), which commit to the tree rather than belong to it.
 *
 * Documents of the `merkle` collection:
 * - `tree`: the compact range of the tree as it stands (`size`, the perfect-subtree roots, base64), O(log n), and
 *   where the event of its last leaf is (position, id, stream, revision);
 * - `t/<level>/<tile>`: a tile, the complete nodes `tile·32` to `tile·32 + 31` of one level of the tree (level 0:
 *   the leaf hashes), in the spirit of C2SP tlog-tiles, as `{h}`: each node's 32 bytes as 43 characters of base64
 *   without padding, concatenated in index order. A node is appended to its tile when its subtree completes and
 *   never changes; a tile grows until it holds 32 nodes and is then never written again. A proof for any tree size
 *   up to the current one reads O(log n) nodes, through {@link storedNode} only;
 * - `e/<eventId>`: the leaf index of an event.
 */
export const MERKLE = 'merkle';
export const CHECKPOINT_STREAM = 'ledger-checkpoints';

/**
 * Nodes per tile. A batch writes each tile it touches once: a rebuild batch of 10,000 events writes about
 * 2 × 10,000 / 32 ≈ 630 tiles beside its 10,000 leaf-index rows (1.06 rows per event, against 3 with a row per node),
 * and a live batch of a few events rewrites the partial tile at the right edge of every level it reaches (about
 * log2(batch) + 2 of them), each at most 32 × 43 = 1,376 characters. Wider tiles save rebuild rows that no longer
 * matter (256 would give 1.01 per event) and make every small live batch rewrite bigger ones: at 256 a tile is 11 KB,
 * over three SQLite pages, and a live batch of one to four events costs more than a row per node did; at 32 it costs
 * no more, and a rebuild batch about as much as at 64.
 */
export const TILE_WIDTH = 32;
/** Characters of one node in a tile: 32 bytes in base64 without the padding `=`. */
const ENCODED = Math.ceil((HASH_SIZE * 4) / 3);

export interface TreeDoc extends Doc {
  size: number;
  hashes: string[];
  /**
   * The event of the last leaf: its log position and id. The service checks that the log still holds that event
   * there (start-up, and before signing a checkpoint): read models built from another log are refused.
   */
  last?: { position: number; eventId: string; stream: string; revision: number };
}

export interface TileDoc extends Doc {
  /** The tile's nodes, {@link ENCODED} characters each. */
  h: string;
}

export interface LeafDoc extends Doc {
  index: number;
  position: number;
}

export const tileKey = (level: number, tile: number): string => `t/${level}/${tile}`;
export const leafKey = (eventId: string): string => `e/${eventId}`;

/**
 * The hash of the complete node (level, index) — the root of the 2^level leaves from index·2^level — read from its
 * tile; undefined when it is not stored (its subtree is not complete yet). The one reader of the tiles: everything
 * that reads the tree's nodes goes through it.
 */
export function storedNode(docs: DocReader, level: number, index: number): Buffer | undefined {
  const tile = docs.get<TileDoc>(MERKLE, tileKey(level, Math.floor(index / TILE_WIDTH)));
  const at = (index % TILE_WIDTH) * ENCODED;
  if (typeof tile?.h !== 'string' || tile.h.length < at + ENCODED) return undefined;
  const hash = Buffer.from(tile.h.slice(at, at + ENCODED), 'base64');
  return hash.length === HASH_SIZE ? hash : undefined;
}

/** The number of 1 bits of a tree size (a safe integer): the number of roots of its compact range. */
function setBits(size: number): number {
  let bits = 0;
  for (let n = size; n > 0; n = Math.floor(n / 2)) bits += n % 2;
  return bits;
}

export const merkleProjection: Projection = {
  name: 'merkle',
  // 2: the tree document records where its last leaf's event is; 3: the nodes are stored in tiles of 32 per level
  // (`t/<level>/<tile>`) instead of a document each (`n/<level>/<index>`), which readers no longer look for
  version: 3,
  collections: [{ name: MERKLE }],
  critical: true, // a leaf left out would change every later root: never quarantined, the runner stops instead
  apply({ event, position }, docs): Change[] {
    if (event.stream === CHECKPOINT_STREAM) return [];
    const tree = docs.get<TreeDoc>(MERKLE, 'tree');
    const hashes = suiteOfEvent(event).tree;
    // the compact range as its base64 texts (`CompactRange` of src/ledger/merkle.ts, without decoding the roots it
    // keeps and encoding them again): the new leaf is hashed with the roots of the subtrees it completes, which the
    // trailing 1 bits of the size give, the others are kept as stored
    const index = tree?.size ?? 0;
    const range = [...(tree?.hashes ?? [])];
    if (!isTreeCount(index) || range.length !== setBits(index) || !range.every(isHashBase64)) {
      throw new RangeError(`the Merkle tree document does not hold one root per set bit of its size ${index}`);
    }
    const changes: Change[] = [];
    let hash = hashes.leafOfHex(event.hash);
    let at = index;
    for (let level = 0; ; level++) {
      const key = tileKey(level, Math.floor(at / TILE_WIDTH));
      const before = at % TILE_WIDTH;
      // the tile's nodes so far, as the same batch left them or as stored; a string appended to, not re-encoded
      const stored = before === 0 ? '' : docs.get<TileDoc>(MERKLE, key)?.h;
      if (typeof stored !== 'string' || stored.length !== before * ENCODED) {
        throw new Error(`the Merkle tile ${key} does not hold the ${before} nodes before node ${at}`);
      }
      changes.push({ collection: MERKLE, key, doc: { h: stored + hash.slice(0, ENCODED) } });
      // each trailing 1 bit of the size is a complete subtree of this height on the node's left
      if (at % 2 === 0) break;
      hash = hashes.nodeOfBase64(range.pop()!, hash);
      at = (at - 1) / 2;
    }
    range.push(hash);
    changes.push({ collection: MERKLE, key: leafKey(event.id), doc: { index, position } });
    changes.push({
      collection: MERKLE,
      key: 'tree',
      doc: {
        size: index + 1,
        hashes: range,
        last: { position, eventId: event.id, stream: event.stream, revision: event.revision },
      },
    });
    return changes;
  },
};
