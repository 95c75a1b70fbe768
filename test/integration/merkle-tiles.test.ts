import { createHash } from 'node:crypto';
import { SqliteReadModelStore } from '../../src/adapters/sqlite/read-model-store.js';
import { InProcessApplier } from '../../src/app/projection-applier.js';
import { CompactRange, leafHash, nodeHash, rangeRoot, type TreeNodes } from '../../src/ledger/merkle.js';
import {
  consistencyProof,
  inclusionProof,
  verifyConsistency,
  verifyInclusion,
} from '../../src/ledger/merkle-proofs.js';
import type { EventEnvelope } from '../../src/ledger/envelope.js';
import type { RecordedEvent } from '../../src/ports/event-store.js';
import type { Change } from '../../src/ports/read-models.js';
import { MERKLE, TILE_WIDTH, merkleProjection, storedNode, type TileDoc } from '../../projections/merkle.js';
import { closeAfterEach } from '../support/closing.js';

/**
 * The Merkle projection stores the tree's complete nodes in tiles (`projections/merkle.ts`). Proofs read from the
 * tiles, as the service reads them (`storedNode`), must be the proofs of the tree computed straight from the leaves,
 * at every size, whichever way the log was cut into batches: a tile at the right edge is partial and grows batch
 * after batch, and one batch may complete many tiles.
 */

const LAST = 2 ** 16 + 1;
/** The tree sizes at which proofs are checked: at and around tile boundaries of level 0 and of the levels above. */
const SIZES = [
  1, 2, 3, 31, 32, 33, 63, 64, 65, 127, 128, 129, 255, 256, 257, 1000, 4095, 4096, 4097, 10_000, 65_535, 65_536, 65_537,
];

/** The merkle projection reads only an event's id, stream, revision and hash: events need no signature here. */
const log: RecordedEvent[] = Array.from({ length: LAST }, (_, i) => ({
  position: i + 1,
  event: {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    stream: `s-${i % 7}`,
    revision: Math.floor(i / 7),
    hash: createHash('sha256').update(`merkle tile leaf ${i}`).digest('hex'),
  } as EventEnvelope,
}));
const leaves = log.map(({ event }) => leafHash(Buffer.from(event.hash, 'hex')));

/** Every complete node of the tree of all the leaves, hashed pairwise from them (levels[level][index]). */
const levels: Buffer[][] = [leaves];
while (levels.at(-1)!.length > 1) {
  const below = levels.at(-1)!;
  levels.push(
    Array.from({ length: Math.floor(below.length / 2) }, (_, i) => nodeHash(below[2 * i]!, below[2 * i + 1]!)),
  );
}

/** The length of a complete tile's `h`: 43 characters a node, its 32 bytes in base64 without padding. */
const FULL = TILE_WIDTH * 43;

/** The nodes of the tree of `size` leaves, from the leaves: reading one not complete at that size is a bug. */
function fromLeaves(size: number): TreeNodes {
  return {
    node(level, index) {
      if ((index + 1) * 2 ** level > size) throw new Error(`node (${level}, ${index}) is outside a tree of ${size}`);
      return levels[level]![index]!;
    },
  };
}

/** The nodes as the service reads them, from the stored tiles. */
function fromTiles(store: SqliteReadModelStore): TreeNodes {
  return {
    node(level, index) {
      const hash = storedNode(store, level, index);
      if (!hash) throw new Error(`node (${level}, ${index}) is not stored`);
      return hash;
    },
  };
}

/** Roots of the first `size` leaves, computed from the leaves alone. */
const rootOfFirst = (() => {
  const roots = new Map<number, Buffer>();
  const range = new CompactRange();
  for (const leaf of leaves) {
    range.push(leaf);
    roots.set(range.size, range.root());
  }
  return (size: number) => roots.get(size)!;
})();

/** Leaves and earlier sizes worth proving in a tree of `size` leaves: the ends, the middle, tile boundaries. */
function samples(size: number): number[] {
  const near = [0, 1, Math.floor(size / 2), size - 2, size - 1, ...SIZES.flatMap((s) => [s - 1, s, s + 1])];
  return [...new Set(near)].filter((i) => i >= 0 && i < size).sort((a, b) => a - b);
}

/** A proof as one string (comparing hex is much faster than comparing buffers deeply). */
const hex = (hashes: readonly Uint8Array[]): string => hashes.map((h) => Buffer.from(h).toString('hex')).join(' ');

/** Checks the proofs of the tree of `size` leaves read from the tiles against those computed from the leaves. */
function expectProofsAgree(store: SqliteReadModelStore, size: number): void {
  const tiles = fromTiles(store);
  const leavesOnly = fromLeaves(size);
  const root = rootOfFirst(size);
  expect(hex([rangeRoot(tiles, 0, size)])).toBe(hex([root]));
  expect(hex([CompactRange.restore(size, tiles).root()])).toBe(hex([root]));
  for (const index of samples(size)) {
    const proof = inclusionProof(index, size, tiles);
    expect(hex(proof)).toBe(hex(inclusionProof(index, size, leavesOnly)));
    expect(verifyInclusion(leaves[index]!, index, size, proof, root)).toBe(true);
  }
  for (const from of samples(size).map((i) => i + 1)) {
    const proof = consistencyProof(from, size, tiles);
    expect(hex(proof)).toBe(hex(consistencyProof(from, size, leavesOnly)));
    expect(verifyConsistency(from, size, rootOfFirst(from), root, proof)).toBe(true);
  }
}

/** A store of the merkle projection alone, its applier, and every change of every commit, in commit order. */
const closing = closeAfterEach();

function setUp() {
  const store = closing(new SqliteReadModelStore({ path: ':memory:', projections: [merkleProjection] }));
  const applier = new InProcessApplier(store, [merkleProjection]);
  applier.resetSync();
  const commits: Change[][] = [];
  const commit = store.commit.bind(store);
  store.commit = (changes, position) => {
    const list = [...changes];
    commits.push(list);
    commit(list, position);
  };
  /** Applies the log up to `size` leaves in batches of `batch(from)` events. */
  const applyUpTo = (size: number, batch: (from: number) => number) => {
    for (let from = store.position(); from < size;) {
      const to = Math.min(size, from + batch(from));
      applier.applySync(log.slice(from, to), from);
      from = to;
    }
  };
  return { store, commits, applyUpTo };
}

/** Small batches at first (the live path), then ones that complete several tiles at once, then rebuild batches. */
const batching = (from: number): number => (from < 300 ? 1 + (from % 3) : from < 5000 ? 700 : 10_000);

const isTile = (change: Change) => change.collection === MERKLE && change.key.startsWith('t/');

describe('the Merkle tree stored in tiles', () => {
  it('when the log grows batch by batch, then at each size the proofs read from the tiles are those computed from the leaves', () => {
    const { store, applyUpTo } = setUp();
    for (const size of SIZES) {
      applyUpTo(size, batching);
      expect(store.position()).toBe(size);
      expectProofsAgree(store, size);
    }
  }, 300_000);

  it('when the tree is larger, then the proofs of every earlier size read from its tiles are those computed from the leaves', () => {
    const { store, applyUpTo } = setUp();
    applyUpTo(LAST, () => 10_000);
    for (const size of [...SIZES, 5, 100, 1023, 1025, 12_345, 40_000]) expectProofsAgree(store, size);
  }, 300_000);

  it('when a tile is complete, then it is never written again, and until then each write only appends to it', () => {
    const { commits, applyUpTo } = setUp();
    applyUpTo(20_000, batching);
    const complete = new Set<string>();
    const latest = new Map<string, string>();
    let completed = 0;
    for (const changes of commits) {
      for (const change of changes.filter(isTile)) {
        expect(complete.has(change.key)).toBe(false);
        const h = (change.doc as TileDoc).h;
        expect(h.startsWith(latest.get(change.key) ?? '')).toBe(true);
        expect(h.length).toBeLessThanOrEqual(FULL);
        latest.set(change.key, h);
        if (h.length === FULL) {
          complete.add(change.key);
          completed++;
        }
      }
    }
    // every complete tile was written complete once: ⌊20,000 / 2^level / 64⌋ at each level
    let expected = 0;
    for (let level = 0; level < 15; level++) expected += Math.floor(Math.floor(20_000 / 2 ** level) / TILE_WIDTH);
    expect(completed).toBe(expected);
    expect(complete.size).toBe(expected);
  }, 300_000);

  it('when a batch of 10,000 events is applied, then it writes each tile it touches once: about one row per event', () => {
    const { commits, applyUpTo } = setUp();
    applyUpTo(10_000, () => 10_000);
    const [changes] = commits;
    expect(commits).toHaveLength(1);
    const tiles = changes!.filter(isTile);
    expect(new Set(tiles.map((c) => c.key)).size).toBe(tiles.length);
    // 10,000 leaf-index rows, the tree, and the tiles of each level: ⌈10,000 / 2^level / 64⌉
    let expected = 0;
    for (let level = 0; 10_000 / 2 ** level >= 1; level++)
      expected += Math.ceil(Math.floor(10_000 / 2 ** level) / TILE_WIDTH);
    expect(tiles).toHaveLength(expected);
    expect(changes!.filter((c) => c.collection === MERKLE)).toHaveLength(10_000 + 1 + expected);
  }, 300_000);
});
