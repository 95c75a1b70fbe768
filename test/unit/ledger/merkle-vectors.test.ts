import fs from 'node:fs';
import path from 'node:path';
import { CompactRange, leafHash, rootOf, type TreeNodes } from '../../../src/ledger/merkle.js';
import {
  consistencyProof,
  inclusionProof,
  verifyConsistency,
  verifyInclusion,
} from '../../../src/ledger/merkle-proofs.js';

/**
 * Every RFC 6962 / RFC 9162 probe of transparency-dev/merkle (test/fixtures/rfc6962, see its README.md and
 * SOURCE.md): each case file is one test, expecting verification to succeed exactly when `wantErr` is false.
 */
const root = path.resolve(__dirname, '../../fixtures/rfc6962');
const MIN_CASE_FILES = 196;

interface InclusionCase {
  leafIdx: number;
  treeSize: number;
  root: string;
  leafHash: string;
  proof: string[] | null;
  desc: string;
  wantErr: boolean;
}

interface ConsistencyCase {
  size1: number;
  size2: number;
  root1: string;
  root2: string;
  proof: string[] | null;
  desc: string;
  wantErr: boolean;
}

interface TreeRoots {
  leafInputsHex: string[];
  rootHashesHex: string[];
}

function jsonFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return jsonFiles(full);
      return entry.name.endsWith('.json') ? [full] : [];
    })
    .sort();
}

function load<T>(file: string): [string, T] {
  return [path.relative(root, file), JSON.parse(fs.readFileSync(file, 'utf8')) as T];
}

const b64 = (s: string): Buffer => Buffer.from(s, 'base64');
const proofOf = (proof: string[] | null): Buffer[] => (proof ?? []).map(b64);

const inclusionCases = jsonFiles(path.join(root, 'inclusion')).map((f) => load<InclusionCase>(f));
const consistencyCases = jsonFiles(path.join(root, 'consistency')).map((f) => load<ConsistencyCase>(f));
const treeRoots = load<TreeRoots>(path.join(root, 'tree-roots.json'))[1];
const caseFiles = inclusionCases.length + consistencyCases.length;

/** The eight-leaf tree the happy paths are drawn from, with every node stored. */
const leaves = treeRoots.leafInputsHex.map((hex) => leafHash(Buffer.from(hex, 'hex')));
const expectedRoots = treeRoots.rootHashesHex.map((hex) => Buffer.from(hex, 'hex'));
const stored = new Map<string, Buffer>();
const range = new CompactRange();
for (const leaf of leaves) for (const n of range.append(leaf)) stored.set(`${n.level}/${n.index}`, n.hash);
const nodes: TreeNodes = { node: (level, index) => stored.get(`${level}/${index}`)! };

/** True when the vector is a proof over the eight-leaf tree, so that our generated proof must equal it. */
const overTheEightLeaves = (size: number, rootB64: string): boolean =>
  size <= leaves.length && expectedRoots[size]!.equals(b64(rootB64));

describe('RFC 6962 test vectors (transparency-dev/merkle)', () => {
  it(`when the fixture folder is walked, then at least ${MIN_CASE_FILES} case files are read`, () => {
    console.log(
      `merkle vectors: ${caseFiles} case files read (${inclusionCases.length} inclusion, ` +
        `${consistencyCases.length} consistency) and tree-roots.json`,
    );
    expect(caseFiles).toBeGreaterThanOrEqual(MIN_CASE_FILES);
  });

  it.each(inclusionCases)('when inclusion vector %s is verified, then it matches wantErr', (_file, c) => {
    const ok = verifyInclusion(b64(c.leafHash), c.leafIdx, c.treeSize, proofOf(c.proof), b64(c.root));
    expect(ok).toBe(!c.wantErr);
    if (!c.wantErr && overTheEightLeaves(c.treeSize, c.root)) {
      expect(inclusionProof(c.leafIdx, c.treeSize, nodes)).toEqual(proofOf(c.proof));
    }
  });

  it.each(consistencyCases)('when consistency vector %s is verified, then it matches wantErr', (_file, c) => {
    const ok = verifyConsistency(c.size1, c.size2, b64(c.root1), b64(c.root2), proofOf(c.proof));
    expect(ok).toBe(!c.wantErr);
    if (!c.wantErr && c.size1 > 0 && overTheEightLeaves(c.size2, c.root2)) {
      expect(consistencyProof(c.size1, c.size2, nodes)).toEqual(proofOf(c.proof));
    }
  });

  it('when the happy paths over the eight-leaf tree are regenerated, then there are some to compare', () => {
    const inclusion = inclusionCases.filter(([, c]) => !c.wantErr && overTheEightLeaves(c.treeSize, c.root));
    const consistency = consistencyCases.filter(
      ([, c]) => !c.wantErr && c.size1 > 0 && overTheEightLeaves(c.size2, c.root2),
    );
    expect(inclusion.length).toBeGreaterThanOrEqual(5);
    expect(consistency.length).toBeGreaterThanOrEqual(5);
  });

  it.each(expectedRoots.map((hash, size) => [size, hash] as const))(
    'when the first %i leaves of tree-roots.json are hashed, then rootOf and CompactRange give its root',
    (size, expected) => {
      expect(rootOf(leaves.slice(0, size))).toEqual(expected);
      const prefix = new CompactRange();
      for (const leaf of leaves.slice(0, size)) prefix.push(leaf);
      expect(prefix.root()).toEqual(expected);
      expect(CompactRange.restore(size, nodes).root()).toEqual(expected);
    },
  );
});
