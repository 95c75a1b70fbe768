import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { CompactRange, EMPTY_ROOT, leafHash, rootOf, type TreeNodes } from '../../../src/ledger/merkle.js';
import {
  consistencyProof,
  inclusionProof,
  verifyConsistency,
  verifyInclusion,
} from '../../../src/ledger/merkle-proofs.js';

// ---------------------------------------------------------------------------------------------------------------
// A naive reference written straight from RFC 6962 §2.1, with its own hashing, over leaf *inputs* (event hashes).
// MTH is memoised by range only because the proofs below ask for the same subtrees again and again.
// ---------------------------------------------------------------------------------------------------------------

const sha256 = (...parts: Uint8Array[]): Buffer => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};

/** The largest power of two smaller than n (n > 1). */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function naiveTree(inputs: readonly Buffer[]) {
  const memo = new Map<string, Buffer>();
  /** MTH(D[a:b]). */
  const mth = (a: number, b: number): Buffer => {
    const key = `${a}:${b}`;
    let hash = memo.get(key);
    if (hash) return hash;
    if (b - a === 0) hash = sha256();
    else if (b - a === 1) hash = sha256(Buffer.from([0]), inputs[a]!);
    else hash = sha256(Buffer.from([1]), mth(a, a + split(b - a)), mth(a + split(b - a), b));
    memo.set(key, hash);
    return hash;
  };
  /** PATH(m, D[a:b]). */
  const path = (m: number, a: number, b: number): Buffer[] => {
    if (b - a === 1) return [];
    const k = split(b - a);
    return m < k ? [...path(m, a, a + k), mth(a + k, b)] : [...path(m - k, a + k, b), mth(a, a + k)];
  };
  /** SUBPROOF(m, D[a:b], flag). */
  const subproof = (m: number, a: number, b: number, flag: boolean): Buffer[] => {
    if (m === b - a) return flag ? [] : [mth(a, b)];
    const k = split(b - a);
    return m <= k
      ? [...subproof(m, a, a + k, flag), mth(a + k, b)]
      : [...subproof(m - k, a + k, b, false), mth(a, a + k)];
  };
  return {
    root: (n: number) => mth(0, n),
    path: (m: number, n: number) => path(m, 0, n),
    proof: (m: number, n: number) => subproof(m, 0, n, true),
  };
}

/**
 * The shape of PATH(m, D[n]) / PROOF(m, D[n]), bottom-up: L for a sibling on the left (in a consistency proof: one
 * that both trees hash in), R for a sibling on the right (only the second tree hashes it in), S for a seed element.
 * A verifier sees nothing but this shape, so two claims with the same shape are indistinguishable: RFC 9162 proofs
 * do not bind the tree size, the signed checkpoint (size, root) does.
 */
function inclusionShape(m: number, n: number): string | null {
  if (!(m >= 0 && m < n)) return null;
  if (n === 1) return '';
  const k = split(n);
  return m < k ? inclusionShape(m, k) + 'R' : inclusionShape(m - k, n - k) + 'L';
}
function consistencyShape(m: number, n: number, flag = true): string | null {
  if (!(m > 0 && m <= n)) return null;
  if (m === n) return flag ? '' : 'S';
  const k = split(n);
  return m <= k ? consistencyShape(m, k, flag) + 'R' : consistencyShape(m - k, n - k, false) + 'L';
}

// ---------------------------------------------------------------------------------------------------------------
// A random tree of 2^16 leaves, every node stored, as a storage layer would keep them.
// ---------------------------------------------------------------------------------------------------------------

const BIG = 2 ** 16;
const inputs = Array.from({ length: BIG }, (_, i) => sha256(Buffer.from(`merkle test leaf ${i}`)));
const leaves = inputs.map((input) => leafHash(input));
const naive = naiveTree(inputs);
const levels: Buffer[][] = [];
const builder = new CompactRange();
for (const leaf of leaves) {
  for (const n of builder.append(leaf)) (levels[n.level] ??= [])[n.index] = n.hash;
}

/** The stored nodes as seen by a tree of `size` leaves: reading a node that is not complete yet is a bug. */
function nodesAt(size: number, reads = { count: 0 }): TreeNodes {
  return {
    node(level, index) {
      reads.count++;
      if (!Number.isInteger(level) || !Number.isInteger(index) || (index + 1) * 2 ** level > size) {
        throw new Error(`read of node (${level}, ${index}) outside a tree of ${size}`);
      }
      return levels[level]![index]!;
    },
  };
}
const rootAt = (size: number): Buffer => CompactRange.restore(size, nodesAt(size)).root();

// ---------------------------------------------------------------------------------------------------------------
// Mutations of a proof, each of which must be rejected.
// ---------------------------------------------------------------------------------------------------------------

function flipBit(proof: readonly Buffer[], i: number, bit: number): Buffer[] {
  return proof.map((p, j) => {
    if (j !== i) return p;
    const copy = Buffer.from(p);
    copy[bit >> 3]! ^= 1 << (bit & 7);
    return copy;
  });
}

/** Every mutated proof by class: bit flips, removals, insertions, swaps and truncations. */
function mutatedProofs(proof: readonly Buffer[], extra: Buffer, bit: number): [string, Buffer[]][] {
  const out: [string, Buffer[]][] = [];
  const L = proof.length;
  for (let i = 0; i < L; i++) out.push(['bit flipped', flipBit(proof, i, (bit + i * 37) % 256)]);
  for (let i = 0; i < L; i++) out.push(['element removed', proof.filter((_, j) => j !== i)]);
  for (let i = 0; i <= L; i++) {
    out.push(['element added', [...proof.slice(0, i), extra, ...proof.slice(i)]]);
    if (i < L) out.push(['element duplicated', [...proof.slice(0, i), proof[i]!, ...proof.slice(i)]]);
  }
  for (let i = 0; i < L; i++) {
    for (let j = i + 1; j < L; j++) {
      if (proof[i]!.equals(proof[j]!)) continue;
      const swapped = [...proof];
      [swapped[i], swapped[j]] = [swapped[j]!, swapped[i]!];
      out.push(['two reordered', swapped]);
    }
  }
  for (let len = 0; len < L; len++) out.push(['truncated', proof.slice(0, len)]);
  return out;
}

function wrongCounts(value: number, limit: number, random: number): number[] {
  const candidates = [value - 1, value + 1, value ^ 2, value * 2, Math.floor(value / 2), random % limit, limit];
  return [...new Set(candidates)].filter((v) => v !== value && v >= 0);
}

const tally = new Map<string, number>();
const count = (cls: string) => tally.set(cls, (tally.get(cls) ?? 0) + 1);

// ---------------------------------------------------------------------------------------------------------------

describe('the compact range', () => {
  it('when leaves are appended one by one up to 1,000, then the root at every size equals rootOf and MTH', () => {
    const range = new CompactRange();
    expect(range.root()).toEqual(EMPTY_ROOT);
    expect(rootOf([])).toEqual(naive.root(0));
    for (let n = 1; n <= 1000; n++) {
      range.push(leaves[n - 1]!);
      const root = range.root();
      expect(root).toEqual(rootOf(leaves.slice(0, n)));
      expect(root).toEqual(naive.root(n));
    }
  });

  it('when a range of a random size up to 2^16 is built, restored or folded, then all give MTH', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: BIG }), (n) => {
        const range = new CompactRange();
        for (let i = 0; i < n; i++) range.push(leaves[i]!);
        expect(range.size).toBe(n);
        expect(range.root()).toEqual(naive.root(n));
        expect(rootOf(leaves.slice(0, n))).toEqual(naive.root(n));
        expect(CompactRange.restore(n, nodesAt(n)).root()).toEqual(naive.root(n));
        expect(range.hashes()).toHaveLength(n.toString(2).replace(/0/g, '').length);
      }),
      { numRuns: 8 },
    );
  });

  it('when a leaf is appended, then it reports exactly the nodes it completes, each equal to its MTH', () => {
    const range = new CompactRange();
    for (let i = 0; i < 64; i++) range.push(leaves[i]!);
    const completed = range.append(leaves[64]!);
    expect(completed.map((n) => [n.level, n.index])).toEqual([[0, 64]]);
    for (let i = 65; i < 127; i++) range.push(leaves[i]!);
    const closing = range.append(leaves[127]!);
    expect(closing.map((n) => [n.level, n.index])).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((l) => [l, 127 >> l]));
    for (const n of closing)
      expect(n.hash).toEqual(rootOf(leaves.slice(n.index * 2 ** n.level, (n.index + 1) * 2 ** n.level)));
  });

  it('when a leaf hash of the wrong length is appended, then it is refused', () => {
    expect(() => new CompactRange().append(Buffer.alloc(31))).toThrow(RangeError);
  });
});

describe('inclusion proofs', () => {
  it('when proofs are generated for sampled leaves, then they equal PATH, verify, and every mutation is rejected', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: BIG }),
        fc.nat(),
        fc.nat(),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.nat(255),
        (size, i, random, extra, bit) => {
          const index = i % size;
          const proof = inclusionProof(index, size, nodesAt(size));
          const root = rootAt(size);
          expect(root).toEqual(naive.root(size));
          expect(proof).toEqual(naive.path(index, size));
          const leaf = leaves[index]!;
          expect(verifyInclusion(leaf, index, size, proof, root)).toBe(true);

          const falseAccepts: string[] = [];
          const reject = (cls: string, ok: boolean) => {
            count(cls);
            if (ok) falseAccepts.push(cls);
          };
          for (const [cls, bad] of mutatedProofs(proof, Buffer.from(extra), bit)) {
            reject(cls, verifyInclusion(leaf, index, size, bad, root));
          }
          for (const other of wrongCounts(index, size, random)) {
            reject('wrong index', verifyInclusion(leaf, other, size, proof, root));
          }
          for (const other of wrongCounts(size, 2 * BIG, random)) {
            // Same shape, same answer: only a different shape may (and must) be rejected.
            const aliased = inclusionShape(index, other) === inclusionShape(index, size);
            const ok = verifyInclusion(leaf, index, other, proof, root);
            if (aliased) expect(ok).toBe(true);
            else reject('wrong size', ok);
          }
          reject('wrong root', verifyInclusion(leaf, index, size, proof, rootAt(size === 1 ? 2 : size - 1)));
          reject('wrong leaf', verifyInclusion(leaves[(index + 1) % BIG]!, index, size, proof, root));
          expect(falseAccepts).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
    for (const cls of ['bit flipped', 'element removed', 'element added', 'two reordered', 'truncated']) {
      expect(tally.get(cls)).toBeGreaterThan(100);
    }
    expect(tally.get('wrong index')).toBeGreaterThan(100);
    expect(tally.get('wrong size')).toBeGreaterThan(100);
  });

  it('when a 3-leaf proof of leaf 0 is checked as a 4-leaf tree, then it verifies: the checkpoint binds the size', () => {
    const proof = inclusionProof(0, 3, nodesAt(3));
    expect(inclusionShape(0, 3)).toBe(inclusionShape(0, 4));
    expect(verifyInclusion(leaves[0]!, 0, 4, proof, rootAt(3))).toBe(true);
  });

  it('when the arguments are out of range, then generation throws and verification answers false', () => {
    expect(() => inclusionProof(3, 3, nodesAt(3))).toThrow(RangeError);
    expect(() => inclusionProof(-1, 3, nodesAt(3))).toThrow(RangeError);
    expect(() => inclusionProof(0.5, 3, nodesAt(3))).toThrow(RangeError);
    const hostile: unknown[] = [null, undefined, 'x', {}, [1, 2], Buffer.alloc(31), NaN, -1, 2 ** 60];
    for (const h of hostile) {
      expect(verifyInclusion(h as any, 0, 1, [], leaves[0]!)).toBe(false);
      expect(verifyInclusion(leaves[0]!, h as any, 1, [], leaves[0]!)).toBe(false);
      expect(verifyInclusion(leaves[0]!, 0, h as any, [], leaves[0]!)).toBe(false);
      expect(verifyInclusion(leaves[0]!, 0, 2, h as any, rootAt(2))).toBe(false);
      expect(verifyInclusion(leaves[0]!, 0, 2, [h as any], rootAt(2))).toBe(false);
      expect(verifyInclusion(leaves[0]!, 0, 1, [], h as any)).toBe(false);
    }
  });
});

describe('consistency proofs', () => {
  it('when proofs are generated for sampled sizes, then they equal PROOF, verify, and every mutation is rejected', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: BIG }),
        fc.nat(),
        fc.nat(),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.nat(255),
        (to, f, random, extra, bit) => {
          const from = 1 + (f % to);
          const proof = consistencyProof(from, to, nodesAt(to));
          const [root1, root2] = [rootAt(from), rootAt(to)];
          expect(proof).toEqual(naive.proof(from, to));
          expect(verifyConsistency(from, to, root1, root2, proof)).toBe(true);
          if (from === to) {
            expect(proof).toEqual([]);
            return;
          }

          const falseAccepts: string[] = [];
          const reject = (cls: string, ok: boolean) => {
            count(`c ${cls}`);
            if (ok) falseAccepts.push(cls);
          };
          for (const [cls, bad] of mutatedProofs(proof, Buffer.from(extra), bit)) {
            reject(cls, verifyConsistency(from, to, root1, root2, bad));
          }
          const shape = consistencyShape(from, to);
          for (const other of wrongCounts(from, to + 1, random)) {
            const ok = verifyConsistency(other, to, root1, root2, proof);
            if (consistencyShape(other, to) === shape) expect(ok).toBe(true);
            else reject('wrong size1', ok);
          }
          for (const other of wrongCounts(to, 2 * BIG, random)) {
            const ok = verifyConsistency(from, other, root1, root2, proof);
            if (consistencyShape(from, other) === shape) expect(ok).toBe(true);
            else reject('wrong size2', ok);
          }
          reject('swapped roots', verifyConsistency(from, to, root2, root1, proof));
          reject('wrong root1', verifyConsistency(from, to, rootAt(from - 1 || 2), root2, proof));
          reject('wrong root2', verifyConsistency(from, to, root1, rootAt(to === BIG ? to - 1 : to + 1), proof));
          expect(falseAccepts).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
    for (const cls of ['bit flipped', 'element removed', 'element added', 'two reordered', 'truncated']) {
      expect(tally.get(`c ${cls}`)).toBeGreaterThan(100);
    }
    for (const cls of ['wrong size1', 'wrong size2', 'swapped roots'])
      expect(tally.get(`c ${cls}`)).toBeGreaterThan(100);
  });

  it('when sizes are equal, zero or reversed, then generation throws or gives [] and verification follows RFC 9162', () => {
    expect(consistencyProof(5, 5, nodesAt(5))).toEqual([]);
    expect(() => consistencyProof(0, 5, nodesAt(5))).toThrow(RangeError);
    expect(() => consistencyProof(6, 5, nodesAt(6))).toThrow(RangeError);
    expect(verifyConsistency(5, 5, rootAt(5), rootAt(5), [])).toBe(true);
    expect(verifyConsistency(5, 5, rootAt(5), rootAt(5), [rootAt(5)])).toBe(false);
    expect(verifyConsistency(0, 0, EMPTY_ROOT, EMPTY_ROOT, [])).toBe(true);
    expect(verifyConsistency(0, 5, EMPTY_ROOT, rootAt(5), [])).toBe(false);
    expect(verifyConsistency(6, 5, rootAt(6), rootAt(5), [])).toBe(false);
    const hostile: unknown[] = [null, undefined, 'x', {}, [1, 2], Buffer.alloc(31), NaN, -1, 2 ** 60];
    const proof = consistencyProof(3, 5, nodesAt(5));
    for (const h of hostile) {
      expect(verifyConsistency(h as any, 5, rootAt(3), rootAt(5), proof)).toBe(false);
      expect(verifyConsistency(3, h as any, rootAt(3), rootAt(5), proof)).toBe(false);
      expect(verifyConsistency(3, 5, h as any, rootAt(5), proof)).toBe(false);
      expect(verifyConsistency(3, 5, rootAt(3), h as any, proof)).toBe(false);
      expect(verifyConsistency(3, 5, rootAt(3), rootAt(5), h as any)).toBe(false);
      expect(verifyConsistency(3, 5, rootAt(3), rootAt(5), [...proof, h as any])).toBe(false);
    }
  });
});

describe('node reads', () => {
  const log2 = 16;
  const sampled = Array.from({ length: 2048 }, (_, i) => i * 32 + ((i * 7) % 32));

  it('when proofs in a tree of 2^16 leaves are generated, then each reads one node per element, at most log2(n) + 1', () => {
    let [maxInclusion, maxConsistency] = [0, 0];
    for (const index of [...sampled, 0, 1, BIG - 2, BIG - 1]) {
      const reads = { count: 0 };
      const proof = inclusionProof(index, BIG, nodesAt(BIG, reads));
      expect(reads.count).toBe(proof.length);
      maxInclusion = Math.max(maxInclusion, reads.count);
    }
    for (const from of [...sampled.map((i) => i + 1), 1, 2, 3, BIG - 1, BIG]) {
      const reads = { count: 0 };
      const proof = consistencyProof(from, BIG, nodesAt(BIG, reads));
      expect(reads.count).toBe(proof.length);
      maxConsistency = Math.max(maxConsistency, reads.count);
    }
    expect(maxInclusion).toBe(log2);
    expect(maxConsistency).toBe(log2 + 1);
  });

  it('when proofs end on a ragged right edge (n = 2^16 − 1), then each reads at most 2·log2(n) nodes', () => {
    const n = BIG - 1;
    fc.assert(
      fc.property(fc.nat(n - 1), fc.integer({ min: 1, max: n }), (index, from) => {
        const [inclusionReads, consistencyReads] = [{ count: 0 }, { count: 0 }];
        inclusionProof(index, n, nodesAt(n, inclusionReads));
        consistencyProof(from, n, nodesAt(n, consistencyReads));
        expect(inclusionReads.count).toBeLessThanOrEqual(2 * log2);
        expect(consistencyReads.count).toBeLessThanOrEqual(2 * log2);
      }),
      { numRuns: 500 },
    );
  });
});
