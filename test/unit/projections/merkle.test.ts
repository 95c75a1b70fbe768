import {
  CHECKPOINT_STREAM,
  MERKLE,
  leafKey,
  merkleProjection,
  storedNode,
  type TreeDoc,
} from '../../../projections/merkle.js';
import { checkpointsProjection, CHECKPOINTS } from '../../../projections/checkpoints.js';
import { CompactRange, leafHash, rootOf } from '../../../src/ledger/merkle.js';
import {
  consistencyProof,
  inclusionProof,
  verifyConsistency,
  verifyInclusion,
} from '../../../src/ledger/merkle-proofs.js';
import { draft } from '../../support/events.js';
import { project, StreamWriter } from '../../support/projection-spec.js';

const writer = new StreamWriter();
/** 300 events over 7 streams, with checkpoint events interleaved every 50. */
const log = Array.from({ length: 300 }, (_, i) => writer.seal(`s-${i % 7}`, [draft()])[0]!);
const checkpoints = (at: number) =>
  writer.seal(CHECKPOINT_STREAM, [
    draft({ type: 'CheckpointIssued', data: { origin: 'o', size: at, rootHash: 'x', note: 'n' } }),
  ]);
const interleaved = log.flatMap((e, i) => (i > 0 && i % 50 === 0 ? [...checkpoints(i), e] : [e]));

describe('the Merkle projection', () => {
  const docs = project([merkleProjection, checkpointsProjection], interleaved);
  const leaves = log.map((e) => leafHash(Buffer.from(e.hash, 'hex')));
  const nodes = {
    node(level: number, index: number) {
      const hash = storedNode(docs, level, index);
      if (!hash) throw new Error(`missing node ${level}/${index}`);
      return hash;
    },
  };

  it('given the log, then the tree has one leaf per event but the checkpoints, and the root of all of them', () => {
    const tree = docs.get<TreeDoc>(MERKLE, 'tree')!;
    expect(tree.size).toBe(300);
    const root = CompactRange.fromHashes(
      tree.size,
      tree.hashes.map((h) => Buffer.from(h, 'base64')),
    ).root();
    expect(root).toEqual(rootOf(leaves));
    expect(log.map((e) => docs.get<{ index: number }>(MERKLE, leafKey(e.id))?.index)).toEqual(log.map((_, i) => i));
    expect(docs.all(CHECKPOINTS)).toHaveLength(5);
  });

  it('given the stored nodes, then proofs for every size verify against the independently computed roots', () => {
    for (const size of [1, 2, 3, 64, 100, 255, 256, 299, 300]) {
      const root = rootOf(leaves.slice(0, size));
      for (const index of [0, Math.floor(size / 2), size - 1]) {
        expect(verifyInclusion(leaves[index]!, index, size, inclusionProof(index, size, nodes), root)).toBe(true);
      }
      if (size < 300) {
        const proof = consistencyProof(size, 300, nodes);
        expect(verifyConsistency(size, 300, root, rootOf(leaves), proof)).toBe(true);
      }
    }
  });

  it('given the same log applied in two different batchings, then every stored node is the same', () => {
    const again = project([merkleProjection, checkpointsProjection], [...interleaved.slice(0, 123)]).apply(
      interleaved.slice(123),
    );
    expect([...again.collections.get(MERKLE)!.entries()].sort()).toEqual(
      [...docs.collections.get(MERKLE)!.entries()].sort(),
    );
  });
});
