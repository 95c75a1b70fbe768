import { sha256, sha256Base64 } from './hash.js';

/**
 * The Merkle tree of the global log, hashed as in RFC 6962 §2.1 (= RFC 9162 §2.1 with SHA-256): one leaf per event
 * in global-log order, the leaf input being the 32 raw bytes of the event's hex `hash`.
 *
 * Positions in the tree are named by (level, index): the perfect subtree of 2^level leaves that starts at leaf
 * index·2^level; level 0 holds the leaf hashes. A tree of any size is the "left-full" tree of RFC 6962: its root
 * folds the perfect subtrees of the binary decomposition of the size, largest (leftmost) first. Sizes and indices
 * are safe integers; the arithmetic below never uses 32-bit bitwise operators.
 *
 * Proofs and their verification are in merkle-proofs.ts.
 */

/** Bytes in every hash of the tree (SHA-256). */
export const HASH_SIZE = 32;

/**
 * The hashes of one tree: RFC 6962 §2.1's structure over a 32-byte hash function H, leaf = H(0x00 || input), node =
 * H(0x01 || left || right), the empty tree's root H(""). SHA-256 for the Ed25519 suite, SM3 for the SM2 suite.
 */
export interface TreeHash {
  leaf(input: Uint8Array): Buffer;
  node(left: Uint8Array, right: Uint8Array): Buffer;
  /**
   * {@link leaf} of the HASH_SIZE bytes written as 64 lowercase hex digits by `hex` (an event's `hash`), in
   * canonical base64: as a proof file states the leaf, without a buffer of the bytes or of the hash.
   */
  leafOfHex(hex: string): string;
  /**
   * {@link node} of two hashes given, and returned, in canonical base64 (each exactly the 44 characters of
   * HASH_SIZE bytes, see `isHashBase64` of bundle-proofs.ts): proofs are checked as their files state them, with
   * no buffer per hash.
   */
  nodeOfBase64(left: string, right: string): string;
  /** MTH({}) = H of the empty string. Do not mutate. */
  readonly emptyRoot: Buffer;
}

/** The RFC 6962 tree over a hash function that returns HASH_SIZE bytes. */
export function treeHash(
  hash: (data: Uint8Array) => Buffer,
  hashBase64: (data: Uint8Array) => string = (data) => hash(data).toString('base64'),
): TreeHash {
  /** The input of one leaf or node hash, reused: hashing is synchronous and the hash is a fresh buffer. */
  const nodeInput = Buffer.alloc(1 + 2 * HASH_SIZE);
  const leafInput = nodeInput.subarray(0, 1 + HASH_SIZE);
  let emptyRoot: Buffer | undefined;
  return {
    leaf(eventHash) {
      const input = eventHash.length === HASH_SIZE ? leafInput : Buffer.allocUnsafe(1 + eventHash.length);
      input[0] = 0x00;
      input.set(eventHash, 1);
      return hash(input);
    },
    node(left, right) {
      const length = 1 + left.length + right.length;
      const input = length === nodeInput.length ? nodeInput : Buffer.allocUnsafe(length);
      input[0] = 0x01;
      input.set(left, 1);
      input.set(right, 1 + left.length);
      return hash(input);
    },
    leafOfHex(hex) {
      leafInput[0] = 0x00;
      if (hex.length !== 2 * HASH_SIZE || leafInput.write(hex, 1, 'hex') !== HASH_SIZE) {
        throw new TypeError('not the hex digits of a hash');
      }
      return hashBase64(leafInput);
    },
    nodeOfBase64(left, right) {
      nodeInput[0] = 0x01;
      if (
        left.length !== 44 ||
        right.length !== 44 ||
        nodeInput.write(left, 1, 'base64') !== HASH_SIZE ||
        nodeInput.write(right, 1 + HASH_SIZE, 'base64') !== HASH_SIZE
      ) {
        throw new TypeError('not the base64 of a hash');
      }
      return hashBase64(nodeInput);
    },
    // computed when first asked for: a suite whose hash the browser lacks (SM3) must not fail when merely loaded
    get emptyRoot() {
      emptyRoot ??= hash(new Uint8Array(0));
      return emptyRoot;
    },
  };
}

/** RFC 6962 itself: the tree over SHA-256. */
export const SHA256_TREE: TreeHash = treeHash(sha256, sha256Base64);

/** RFC 6962 §2.1: MTH({}) = SHA-256 of the empty string, the root of the empty tree. Do not mutate. */
export const EMPTY_ROOT: Buffer = SHA256_TREE.emptyRoot;

/** RFC 6962 §2.1 leaf hash: SHA-256(0x00 || input); in this ledger the input is the 32 raw bytes of an event hash. */
export function leafHash(eventHash: Uint8Array): Buffer {
  return SHA256_TREE.leaf(eventHash);
}

/** RFC 6962 §2.1 interior node hash: SHA-256(0x01 || left || right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return SHA256_TREE.node(left, right);
}

/** True for a byte array of exactly HASH_SIZE bytes. Never throws. */
export function isHash(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array && value.length === HASH_SIZE;
}

/** True for a non-negative safe integer: a valid leaf index or tree size. Never throws. */
export function isTreeCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/**
 * Read access to stored tree nodes, the only way proof generation sees the tree.
 *
 * `node(level, index)` returns the hash of the perfect subtree of 2^level leaves starting at leaf index·2^level,
 * so `node(0, i)` is the leaf hash of entry i and `node(level, index) = nodeHash(node(level-1, 2·index),
 * node(level-1, 2·index+1))`. Callers only ask for complete subtrees of the tree they prove against
 * ((index+1)·2^level <= size); storage may therefore keep exactly the nodes `CompactRange.append` reports, which
 * never change once written. Non-perfect right-edge subtrees are computed from perfect ones, never read.
 */
export interface TreeNodes {
  node(level: number, index: number): Uint8Array;
}

/** RFC 6962 §2.1: a stored node of the tree, named as in TreeNodes. */
export interface TreeNode {
  readonly level: number;
  readonly index: number;
  readonly hash: Buffer;
}

/** Folds perfect-subtree roots (largest, leftmost first) into the root of the tree they make up: MTH. */
function foldRight(hashes: readonly Uint8Array[], tree: TreeHash): Buffer {
  if (hashes.length === 0) return Buffer.from(tree.emptyRoot);
  let acc: Buffer = Buffer.from(hashes[hashes.length - 1]!);
  for (let i = hashes.length - 2; i >= 0; i--) acc = tree.node(hashes[i]!, acc);
  return acc;
}

/** The levels of the set bits of `count`, highest first: the perfect subtrees a tree of `count` leaves splits into. */
function decomposition(count: number): number[] {
  const levels: number[] = [];
  for (let level = 0, rest = count; rest > 0; level++, rest = Math.floor(rest / 2)) {
    if (rest % 2 === 1) levels.unshift(level);
  }
  return levels;
}

/**
 * RFC 6962 §2.1 MTH(D[start:end]) for a subtree of the RFC 6962 tree: `start` is a multiple of a power of two no
 * smaller than end − start (every subtree PATH and SUBPROOF name is of this form). Reads one stored node per set bit
 * of end − start, so O(log n), and hashes them together.
 */
export function rangeRoot(nodes: TreeNodes, start: number, end: number, tree: TreeHash = SHA256_TREE): Buffer {
  const hashes: Uint8Array[] = [];
  let at = start;
  for (const level of decomposition(end - start)) {
    const width = 2 ** level;
    hashes.push(nodes.node(level, at / width));
    at += width;
  }
  return foldRight(hashes, tree);
}

/**
 * RFC 6962 §2.1 MTH over leaf hashes (already `leafHash`ed), split at the largest power of two smaller than n.
 * Iterative: one pass with a stack of perfect-subtree roots, n − 1 node hashes and O(log n) memory.
 */
export function rootOf(leaves: readonly Uint8Array[], tree: TreeHash = SHA256_TREE): Buffer {
  const range = new CompactRange(tree);
  for (const leaf of leaves) range.push(leaf);
  return range.root();
}

/**
 * An append-only Merkle tree that keeps only the roots of the perfect subtrees of its size's binary decomposition
 * (a compact range [0, size) in transparency-dev terms; the incremental view of RFC 9162 §2.1.1's MTH). Appending is
 * O(1) amortised and O(log n) worst case; `root()` is O(log n); memory is O(log n). Deterministic.
 */
export class CompactRange {
  #size = 0;
  /** Perfect-subtree roots, one per set bit of #size, largest (leftmost) first. */
  readonly #hashes: Buffer[] = [];

  /** An empty range of a tree hashed with `tree` (default: RFC 6962's SHA-256). */
  constructor(readonly tree: TreeHash = SHA256_TREE) {}

  /** Rebuilds the range of a tree of `size` leaves from stored nodes, reading one node per set bit of `size`. */
  static restore(size: number, nodes: TreeNodes, tree: TreeHash = SHA256_TREE): CompactRange {
    if (!isTreeCount(size)) throw new RangeError(`tree size must be a non-negative safe integer, got ${size}`);
    const range = new CompactRange(tree);
    let at = 0;
    for (const level of decomposition(size)) {
      const width = 2 ** level;
      range.#hashes.push(Buffer.from(nodes.node(level, at / width)));
      at += width;
    }
    range.#size = size;
    return range;
  }

  /**
   * Rebuilds the range of a tree of `size` leaves from its perfect-subtree roots, largest (leftmost) first, as
   * `hashes()` returned them. Throws RangeError when their number is not that of the set bits of `size`.
   */
  static fromHashes(size: number, hashes: readonly Uint8Array[], tree: TreeHash = SHA256_TREE): CompactRange {
    if (!isTreeCount(size)) throw new RangeError(`tree size must be a non-negative safe integer, got ${size}`);
    if (decomposition(size).length !== hashes.length || !hashes.every(isHash)) {
      throw new RangeError(`a tree of ${size} leaves has one ${HASH_SIZE}-byte root per set bit of its size`);
    }
    const range = new CompactRange(tree);
    for (const hash of hashes) range.#hashes.push(Buffer.from(hash));
    range.#size = size;
    return range;
  }

  /** The number of leaves appended. */
  get size(): number {
    return this.#size;
  }

  /**
   * Appends one leaf hash and returns the nodes it completes: the leaf itself at level 0, then every perfect
   * subtree it closes, lowest first. Storing every returned node gives a complete TreeNodes for proofs.
   */
  append(leaf: Uint8Array): TreeNode[] {
    const completed: TreeNode[] = [];
    this.#add(leaf, completed);
    return completed;
  }

  /** Appends one leaf hash without reporting the completed nodes. */
  push(leaf: Uint8Array): void {
    this.#add(leaf, undefined);
  }

  #add(leaf: Uint8Array, completed: TreeNode[] | undefined): void {
    if (!isHash(leaf)) throw new RangeError(`a leaf hash has ${HASH_SIZE} bytes`);
    if (this.#size >= Number.MAX_SAFE_INTEGER) throw new RangeError('the tree is full');
    let hash: Buffer = Buffer.from(leaf);
    let index = this.#size;
    let level = 0;
    completed?.push({ level, index, hash });
    // Each trailing 1 bit of the old size is a perfect subtree of the same height as `hash`, on its left.
    while (index % 2 === 1) {
      hash = this.tree.node(this.#hashes.pop()!, hash);
      index = (index - 1) / 2;
      level++;
      completed?.push({ level, index, hash });
    }
    this.#hashes.push(hash);
    this.#size++;
  }

  /** RFC 6962 §2.1 MTH of the leaves appended so far (EMPTY_ROOT for none). */
  root(): Buffer {
    return foldRight(this.#hashes, this.tree);
  }

  /** Copies of the perfect-subtree roots, largest (leftmost) first. */
  hashes(): Buffer[] {
    return this.#hashes.map((h) => Buffer.from(h));
  }
}
