import { isHash, isTreeCount, rangeRoot, SHA256_TREE, type TreeHash, type TreeNodes } from './merkle.js';

/**
 * Merkle audit paths and consistency proofs, RFC 9162 §2.1.3 and §2.1.4 (the same proofs as RFC 6962 §2.1.1 and
 * §2.1.2), over the tree of merkle.ts. Generation reads O(log n) perfect-subtree nodes through TreeNodes and throws
 * RangeError on arguments the caller should have validated; verification never throws and answers false to
 * anything malformed. Each takes the tree's hashes last (default: RFC 6962's SHA-256; the SM2 suite's SM3).
 */

const half = (n: number): number => Math.floor(n / 2);
const isOdd = (n: number): boolean => n % 2 === 1;

function isPowerOfTwo(n: number): boolean {
  while (n > 1 && !isOdd(n)) n /= 2;
  return n === 1;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

function isProof(proof: unknown): proof is readonly Uint8Array[] {
  return Array.isArray(proof) && proof.every(isHash);
}

/**
 * The audit path of the node (level, index) in the tree of `size` leaves: its siblings from the bottom up, each the
 * MTH of the subtree beside the path. Below the level where the node's path meets the path of the last leaf, a
 * right-hand sibling may be the non-perfect right edge, computed from perfect nodes; above it, only left-hand
 * siblings exist (a node on the right border without a right sibling is promoted, RFC 9162 §2.1.1).
 */
function pathOf(level: number, index: number, size: number, nodes: TreeNodes, tree: TreeHash): Buffer[] {
  const proof: Buffer[] = [];
  let node = index;
  let last = Math.floor((size - 1) / 2 ** level);
  for (; node !== last; node = half(node), last = half(last), level++) {
    const sibling = isOdd(node) ? node - 1 : node + 1;
    const width = 2 ** level;
    proof.push(
      sibling === last ? rangeRoot(nodes, sibling * width, size, tree) : Buffer.from(nodes.node(level, sibling)),
    );
  }
  for (; node > 0; node = half(node), level++) {
    if (isOdd(node)) proof.push(Buffer.from(nodes.node(level, node - 1)));
  }
  return proof;
}

/**
 * RFC 9162 §2.1.3.1 PATH(m, D[n]): the inclusion proof of leaf `index` in the tree of `size` leaves, bottom-up.
 * At most 2·⌈log2 n⌉ node reads.
 */
export function inclusionProof(index: number, size: number, nodes: TreeNodes, tree: TreeHash = SHA256_TREE): Buffer[] {
  if (!isTreeCount(index) || !isTreeCount(size) || index >= size) {
    throw new RangeError(`an inclusion proof needs 0 <= index < size, got index ${index}, size ${size}`);
  }
  return pathOf(0, index, size, nodes, tree);
}

/**
 * RFC 9162 §2.1.4.1 PROOF(m, D[n]): the consistency proof from the tree of `from` leaves to the tree of `to` leaves.
 * It is the audit path, in the larger tree, of the largest perfect subtree ending at leaf from − 1, preceded by that
 * subtree's hash unless it is the whole first tree (from is a power of two). Empty when from = to. The empty tree
 * has no proof (RFC 9162 defines them for 0 < m): a RangeError, like from > to.
 */
export function consistencyProof(from: number, to: number, nodes: TreeNodes, tree: TreeHash = SHA256_TREE): Buffer[] {
  if (!isTreeCount(from) || !isTreeCount(to) || from === 0 || from > to) {
    throw new RangeError(`a consistency proof needs 0 < from <= to, got from ${from}, to ${to}`);
  }
  if (from === to) return [];
  let level = 0;
  while (!isOdd(from / 2 ** level)) level++;
  const index = from / 2 ** level - 1;
  const proof = pathOf(level, index, to, nodes, tree);
  if (index !== 0) proof.unshift(Buffer.from(nodes.node(level, index)));
  return proof;
}

/**
 * RFC 9162 §2.1.3.2: true when `proof` shows that `leafHash` is leaf `index` of the tree of `size` leaves whose root
 * is `root`. False for index >= size, a proof of the wrong length, any element or hash not 32 bytes, and any
 * input that is not what the types say.
 */
export function verifyInclusion(
  leafHash: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
  tree: TreeHash = SHA256_TREE,
): boolean {
  if (!isTreeCount(index) || !isTreeCount(size) || index >= size) return false;
  if (!isHash(leafHash) || !isHash(root) || !isProof(proof)) return false;
  let fn = index;
  let sn = size - 1;
  let r: Uint8Array = leafHash;
  for (const p of proof) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      r = tree.node(p, r);
      // Skip the levels where this node has no right sibling (it is promoted).
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = tree.node(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && sameBytes(r, root);
}

/** A node a verifier computed: its two children and its hash. */
interface Computed {
  readonly left: Uint8Array;
  readonly right: Uint8Array;
  readonly hash: Buffer;
}

/**
 * {@link verifyInclusion} for many leaves of one tree (`size` leaves, root `root`), with the same answers, faster:
 * proofs of leaves of one subtree share the nodes above it, and a node computed from the same two children as
 * before is not hashed again (the children are compared byte for byte). Memory grows with the nodes computed; the
 * hashes given must not change afterwards.
 */
export function inclusionVerifier(
  size: number,
  root: Uint8Array,
  tree: TreeHash = SHA256_TREE,
): (leafHash: Uint8Array, index: number, proof: readonly Uint8Array[]) => boolean {
  /** Nodes computed so far, by level, then index. */
  const computed: Map<number, Computed>[] = [];
  return (leafHash, index, proof) => {
    if (!isTreeCount(index) || !isTreeCount(size) || index >= size) return false;
    if (!isHash(leafHash) || !isHash(root) || !isProof(proof)) return false;
    let fn = index;
    let sn = size - 1;
    let level = 0;
    let r: Uint8Array = leafHash;
    for (const p of proof) {
      if (sn === 0) return false;
      let left: Uint8Array;
      let right: Uint8Array;
      if (isOdd(fn) || fn === sn) {
        left = p;
        right = r;
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
          level++;
        }
      } else {
        left = r;
        right = p;
      }
      fn = half(fn);
      sn = half(sn);
      level++;
      const nodes = (computed[level] ??= new Map());
      const known = nodes.get(fn);
      if (known && sameOrEqual(known.left, left) && sameOrEqual(known.right, right)) {
        r = known.hash;
      } else {
        const hash = tree.node(left, right);
        nodes.set(fn, { left, right, hash });
        r = hash;
      }
    }
    return sn === 0 && sameBytes(r, root);
  };
}

function sameOrEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a === b || sameBytes(a, b);
}

/**
 * RFC 9162 §2.1.4.2: true when `proof` shows that the tree of `size1` leaves with root `root1` is a prefix of the tree
 * of `size2` leaves with root `root2`.
 *
 * Edge cases, as transparency-dev/merkle's test vectors expect: size1 > size2 is false; size1 = size2 needs an empty
 * proof and equal roots (for size 0, both must be EMPTY_ROOT); size1 = 0 < size2 is false, since a proof from the
 * empty tree is meaningless (RFC 9162 defines proofs for 0 < m < n); otherwise the proof must be non-empty, of the
 * exact length, and every hash 32 bytes.
 */
export function verifyConsistency(
  size1: number,
  size2: number,
  root1: Uint8Array,
  root2: Uint8Array,
  proof: readonly Uint8Array[],
  tree: TreeHash = SHA256_TREE,
): boolean {
  if (!isTreeCount(size1) || !isTreeCount(size2) || size1 > size2 || !Array.isArray(proof)) return false;
  if (!(root1 instanceof Uint8Array) || !(root2 instanceof Uint8Array)) return false;
  if (size1 === size2) {
    if (proof.length !== 0) return false;
    if (size1 === 0) return sameBytes(root1, tree.emptyRoot) && sameBytes(root2, tree.emptyRoot);
    return sameBytes(root1, root2);
  }
  if (size1 === 0 || proof.length === 0) return false;
  if (!isHash(root1) || !isHash(root2) || !isProof(proof)) return false;

  // Step 2: when size1 is a power of two, the first tree is a subtree of the second and its root is the seed.
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : proof;
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr: Uint8Array = path[0]!;
  let sr: Uint8Array = path[0]!;
  for (let i = 1; i < path.length; i++) {
    const c = path[i]!;
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      fr = tree.node(c, fr);
      sr = tree.node(c, sr);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = tree.node(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && sameBytes(fr, root1) && sameBytes(sr, root2);
}
