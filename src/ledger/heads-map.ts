import { sha256, sha256Base64 } from './hash.js';

/** The 32-byte hash the map is built with: the log's suite's (SHA-256, or SM3 in the SM2 suite). */
export type HeadsHash = (data: Uint8Array) => Buffer;

/**
 * The map of stream heads (docs/integrity.md §12.5): for a tree size N, every stream with an event among the first
 * N leaves of the Merkle log, mapped to its revision and head hash as of N, committed to by one root.
 *
 * A sparse Merkle tree over the 256-bit keys H(stream name), H the hash of the log's crypto suite (SHA-256, or SM3
 * in the SM2 suite: every function takes it, SHA-256 by default), bit 0 being the most significant bit of the
 * key's first byte (0: left). A subtree holding no stream hashes to 32 zero bytes; a subtree holding exactly one
 * stream hashes to that stream's leaf hash wherever it sits (the leaf is not pushed down to depth 256); any other
 * subtree is an interior node. So a stream's leaf sits at the shallowest depth where no other key shares its prefix,
 * and a map has exactly one root.
 *
 *   leaf  = H(0x02 || key (32) || revision (8, unsigned big-endian) || head (32))
 *   node  = H(0x03 || left (32) || right (32))
 *
 * The prefixes 0x02 and 0x03 keep these hashes apart from the RFC 6962 leaves (0x00) and nodes (0x01) of the log.
 *
 * Storage is persistent and one document per tree size: the {@link HeadsPath} written for size v describes the
 * path of the stream whose event is leaf v − 1, with each sibling's hash and the size at which that sibling's
 * subtree last changed, its hashes written one after another in one string (a few long strings encode and parse
 * at a fraction of the cost of an array of short ones). Any older map is reached from its own path document by following those sizes, so a proof
 * for any size reads one document per level where the path turns away from stored paths. Pure; no I/O.
 */

export const HEADS_HASH_SIZE = 32;
/** The hash of an empty subtree, and the root of the empty map. Do not mutate. */
export const EMPTY_HEADS_ROOT: Buffer = Buffer.alloc(HEADS_HASH_SIZE);
const LEAF_PREFIX = 0x02;
const NODE_PREFIX = 0x03;
const KEY_BITS = 256;

/** Characters of one hash in a stored path: 32 bytes in standard base64 with its padding. */
const ENCODED = 44;
/** The hash of an empty subtree as a stored path writes it. */
const EMPTY_ENCODED = EMPTY_HEADS_ROOT.toString('base64');

/** What is stored for tree size v: the path of the stream of leaf v − 1 in the map as of v. */
export interface HeadsPath {
  /** The stream's key, the suite's hash of its name, hex. */
  readonly k: string;
  /** The stream's revision and head event hash (hex) as of v. */
  readonly r: number;
  readonly x: string;
  /**
   * The siblings from the root down, {@link ENCODED} characters of base64 each: the j-th is the subtree at depth
   * j + 1 beside the path (32 zero bytes when it is empty). There are as many as the depth of the leaf.
   */
  readonly s: string;
  /** For each sibling, the tree size at which its subtree last changed; 0 for an empty one. */
  readonly z: readonly number[];
  /**
   * The hashes of the nodes on the path, {@link ENCODED} characters of base64 each, from the root (the first, the
   * map's root as of v) to the leaf (the last, after `z.length` others): derived from the rest, stored so that
   * neither a walk nor a checkpoint hashes them again.
   */
  readonly h: string;
}

/** Reads the path stored for a tree size (1 and above), undefined when none is. */
export type HeadsPaths = (size: number) => HeadsPath | undefined;

/** A stream's entry in the map. */
export interface StreamHead {
  readonly revision: number;
  /** The hex hash of the stream's last event. */
  readonly head: string;
}

export function headKey(stream: string, hash: HeadsHash = sha256): Buffer {
  return hash(Buffer.from(stream, 'utf8'));
}

/** The inputs of a leaf and a node hash, reused: hashing is synchronous and the hash is a fresh buffer. */
const LEAF_INPUT = Buffer.alloc(1 + 32 + 8 + 32);
const NODE_INPUT = Buffer.alloc(1 + 2 * HEADS_HASH_SIZE);

export function headLeafHash(key: Uint8Array, revision: number, head: Uint8Array, hash: HeadsHash = sha256): Buffer {
  if (key.length !== HEADS_HASH_SIZE || head.length !== HEADS_HASH_SIZE) throw new RangeError('32-byte key and head');
  if (!Number.isSafeInteger(revision) || revision < 0) throw new RangeError('a revision is a non-negative integer');
  const input = LEAF_INPUT;
  input[0] = LEAF_PREFIX;
  input.set(key, 1);
  // two 32-bit halves rather than writeBigUInt64BE, which the browsers' Buffer (the `buffer` package) lacks
  input.writeUInt32BE(Math.floor(revision / 2 ** 32), 33);
  input.writeUInt32BE(revision % 2 ** 32, 37);
  input.set(head, 41);
  return hash(input);
}

export function headNodeHash(left: Uint8Array, right: Uint8Array, hash: HeadsHash = sha256): Buffer {
  if (left.length !== HEADS_HASH_SIZE || right.length !== HEADS_HASH_SIZE) throw new RangeError('32-byte children');
  const input = NODE_INPUT;
  input[0] = NODE_PREFIX;
  input.set(left, 1);
  input.set(right, 1 + HEADS_HASH_SIZE);
  return hash(input);
}

/** Bit `index` of a key, most significant bit of byte 0 first. */
export function keyBit(key: Uint8Array, index: number): number {
  return (key[index >> 3]! >> (7 - (index & 7))) & 1;
}

/** {@link keyBit} of a key written in hex (lower case, as stored), read without decoding the key. */
function hexKeyBit(key: string, index: number): number {
  const code = key.charCodeAt(index >> 2);
  const nibble = code <= 0x39 ? code - 0x30 : code - 0x57; // '0'–'9', 'a'–'f'
  return (nibble >> (3 - (index & 3))) & 1;
}

/** The depth of a stored path's leaf: its number of siblings. */
function depthOf(path: HeadsPath): number {
  const { s, z, h } = path;
  if (!Array.isArray(z) || typeof s !== 'string' || typeof h !== 'string') {
    throw new Error('a stored heads path is not one of this layout');
  }
  if (s.length !== z.length * ENCODED || h.length !== (z.length + 1) * ENCODED) {
    throw new Error('a stored heads path lacks the hashes of its nodes');
  }
  return z.length;
}

/** The stored hash (base64) of the node at `depth` on a path: its leaf when `depth` is at or below the leaf. */
function pathNode(path: HeadsPath, depth: number): string {
  const at = Math.min(depth, depthOf(path)) * ENCODED;
  return path.h.slice(at, at + ENCODED);
}

/** The stored hash (base64) of the sibling at depth `j` + 1 of a path. */
function pathSibling(path: HeadsPath, j: number): string {
  return path.s.slice(j * ENCODED, (j + 1) * ENCODED);
}

/**
 * The hash `h` of a node's input in base64, as a path stores it: straight from the digest where the hash has a way
 * to give it so (SHA-256: Node's one-shot hash, a third cheaper than a buffer encoded), else its buffer encoded.
 */
const BASE64_HASHES = new Map<HeadsHash, (data: Uint8Array) => string>([[sha256, sha256Base64]]);

/** The hashes of the nodes of a path, root first, folded up from its leaf, as a path stores them. */
function pathHashes(
  key: Uint8Array,
  revision: number,
  head: string,
  siblings: readonly string[],
  h: HeadsHash,
): string {
  const base64Of = BASE64_HASHES.get(h) ?? ((data: Uint8Array) => h(data).toString('base64'));
  const hashes = new Array<string>(siblings.length + 1);
  let hash = headLeafHash(key, revision, Buffer.from(head, 'hex'), h).toString('base64');
  hashes[siblings.length] = hash;
  // each node's input is written in place, both children decoded straight from their base64 (the child below as
  // hashed, the sibling as stored)
  const input = NODE_INPUT;
  input[0] = NODE_PREFIX;
  for (let j = siblings.length - 1; j >= 0; j--) {
    const sibling = siblings[j]!;
    const left = keyBit(key, j) === 0;
    input.write(hash, left ? 1 : 1 + HEADS_HASH_SIZE, HEADS_HASH_SIZE, 'base64');
    // the length checked here, the characters by the decoder (it stops at the first it cannot read)
    const other = left ? 1 + HEADS_HASH_SIZE : 1;
    if (sibling.length !== ENCODED || input.write(sibling, other, HEADS_HASH_SIZE, 'base64') !== HEADS_HASH_SIZE) {
      throw new RangeError('a stored sibling is not a 32-byte hash');
    }
    hash = base64Of(input);
    hashes[j] = hash;
  }
  return hashes.join('');
}

/** The root of the map at tree size `size`. */
export function headsRoot(paths: HeadsPaths, size: number): Buffer {
  if (size === 0) return Buffer.from(EMPTY_HEADS_ROOT);
  return Buffer.from(pathNode(mustRead(paths, size), 0), 'base64');
}

function mustRead(paths: HeadsPaths, size: number): HeadsPath {
  const path = paths(size);
  if (!path) throw new Error(`the heads path of tree size ${size} is not stored`);
  return path;
}

/** Where a key's walk down the map ends: nothing, or the one stream of that subtree (the key's or another). */
type Terminal = { readonly kind: 'empty' } | { readonly kind: 'leaf'; readonly path: HeadsPath; readonly size: number };

interface Walk {
  /** The siblings met, from the root down (base64), and the size at which each last changed (0: empty). */
  readonly siblings: string[];
  readonly sizes: number[];
  readonly terminal: Terminal;
}

/**
 * Walks the map at `size` down the path of `key`: the siblings met and where the walk ends. Invariant: the subtree
 * at the current depth last changed at size `at`, whose stored path runs through it, so that path's siblings below
 * are still current, and a sibling's stored size names the path that describes it.
 */
function walk(paths: HeadsPaths, size: number, key: Uint8Array): Walk {
  const siblings: string[] = [];
  const sizes: number[] = [];
  if (size === 0) return { siblings, sizes, terminal: { kind: 'empty' } };
  let at = size;
  let path = mustRead(paths, at);
  let depthOfLeaf = depthOf(path);
  for (let depth = 0; depth < KEY_BITS; depth++) {
    if (depth >= depthOfLeaf) {
      return { siblings, sizes, terminal: { kind: 'leaf', path, size: at } };
    }
    if (keyBit(key, depth) === hexKeyBit(path.k, depth)) {
      siblings.push(pathSibling(path, depth));
      sizes.push(path.z[depth]!);
      continue;
    }
    siblings.push(pathNode(path, depth + 1));
    sizes.push(at);
    const next = path.z[depth]!;
    if (next === 0) return { siblings, sizes, terminal: { kind: 'empty' } };
    if (!Number.isSafeInteger(next) || next < 1 || next >= at) {
      throw new Error(`a stored heads path names size ${String(next)} for a sibling`);
    }
    at = next;
    path = mustRead(paths, at);
    depthOfLeaf = depthOf(path);
  }
  throw new Error('two streams with the same key');
}

/**
 * The path to store for tree size `size`, whose leaf `size − 1` is an event of `stream` at `revision` with hash
 * `head` (hex), given the paths stored for the smaller sizes, in the map of the hash `hash`.
 */
export function nextHeadsPath(
  paths: HeadsPaths,
  size: number,
  stream: string,
  revision: number,
  head: string,
  hash: HeadsHash = sha256,
): HeadsPath {
  const key = headKey(stream, hash);
  const k = key.toString('hex');
  const { siblings, sizes, terminal } = walk(paths, size - 1, key);
  if (terminal.kind === 'leaf' && terminal.path.k !== k) {
    // another stream holds the subtree alone: both go down to the first bit where their keys differ
    const other = Buffer.from(terminal.path.k, 'hex');
    let split = siblings.length;
    while (keyBit(key, split) === keyBit(other, split)) split++;
    while (siblings.length < split) {
      siblings.push(EMPTY_ENCODED);
      sizes.push(0);
    }
    siblings.push(pathNode(terminal.path, split + 1));
    sizes.push(terminal.size);
  }
  const h = pathHashes(key, revision, head, siblings, hash);
  return { k, r: revision, x: head, s: siblings.join(''), z: sizes, h };
}

/**
 * A head proof (docs/integrity.md §12.6): the map at `treeSize` holds `stream` at `revision` with head `head`, or
 * (both absent) does not hold it. `siblings` run from the root down to where the stream's walk ends, base64 or
 * null for an empty subtree; for an absent stream whose walk ends at another stream's leaf, `other` is that leaf.
 */
export interface HeadProof {
  readonly stream: string;
  readonly treeSize: number;
  readonly revision?: number;
  readonly head?: string;
  readonly siblings: readonly (string | null)[];
  readonly other?: { readonly key: string; readonly revision: number; readonly head: string };
}

export function headProof(paths: HeadsPaths, treeSize: number, stream: string, hash: HeadsHash = sha256): HeadProof {
  const key = headKey(stream, hash);
  const { siblings, sizes, terminal } = walk(paths, treeSize, key);
  const hashes = siblings.map((s, j) => (sizes[j] === 0 ? null : s));
  if (terminal.kind === 'empty') return { stream, treeSize, siblings: hashes };
  const { k, r, x } = terminal.path;
  if (k === key.toString('hex')) return { stream, treeSize, revision: r, head: x, siblings: hashes };
  return { stream, treeSize, siblings: hashes, other: { key: k, revision: r, head: x } };
}

const HEX64 = /^[0-9a-f]{64}$/;
const BASE64_HASH = /^[A-Za-z0-9+/]{43}=$/;

/**
 * What a head proof proves against `root`, the map's root at the proof's tree size: the stream's head, `null` for
 * a stream the map does not hold, or undefined when the proof is malformed or does not lead to `root`, in the map
 * of the hash `h` (the log's suite's). Never throws.
 */
export function verifyHeadProof(
  proof: unknown,
  root: Uint8Array,
  h: HeadsHash = sha256,
): StreamHead | null | undefined {
  if (typeof proof !== 'object' || proof === null) return undefined;
  const p = proof as Partial<Record<keyof HeadProof, unknown>>;
  if (typeof p.stream !== 'string' || !Array.isArray(p.siblings) || p.siblings.length > KEY_BITS) return undefined;
  const siblings: Buffer[] = [];
  for (const s of p.siblings as unknown[]) {
    if (s === null) siblings.push(EMPTY_HEADS_ROOT);
    else if (typeof s === 'string' && BASE64_HASH.test(s)) siblings.push(Buffer.from(s, 'base64'));
    else return undefined;
  }
  const key = headKey(p.stream, h);
  const present = p.revision !== undefined || p.head !== undefined;
  let hash: Buffer;
  if (present) {
    if (!isRevision(p.revision) || typeof p.head !== 'string' || !HEX64.test(p.head) || p.other !== undefined) {
      return undefined;
    }
    hash = headLeafHash(key, p.revision, Buffer.from(p.head, 'hex'), h);
  } else if (p.other !== undefined) {
    const o = p.other as { key?: unknown; revision?: unknown; head?: unknown } | null;
    if (!o || typeof o.key !== 'string' || !HEX64.test(o.key) || !isRevision(o.revision)) return undefined;
    if (typeof o.head !== 'string' || !HEX64.test(o.head)) return undefined;
    const other = Buffer.from(o.key, 'hex');
    if (other.equals(key)) return undefined;
    // the other stream's leaf stands where the walk of this key ends: their keys share the path to it
    for (let j = 0; j < siblings.length; j++) if (keyBit(other, j) !== keyBit(key, j)) return undefined;
    hash = headLeafHash(other, o.revision, Buffer.from(o.head, 'hex'), h);
  } else {
    hash = EMPTY_HEADS_ROOT;
  }
  for (let j = siblings.length - 1; j >= 0; j--) {
    hash = keyBit(key, j) === 0 ? headNodeHash(hash, siblings[j]!, h) : headNodeHash(siblings[j]!, hash, h);
  }
  if (root.length !== HEADS_HASH_SIZE || !hash.equals(root)) return undefined;
  return present ? { revision: p.revision as number, head: p.head as string } : null;
}

function isRevision(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/**
 * The root of the map holding exactly `heads` (stream → head), computed from scratch: the reference the stored,
 * incremental map is tested against, and what a verifier holding every head can recompute (`hash`: the suite's).
 */
export function headsRootOf(heads: ReadonlyMap<string, StreamHead>, hash: HeadsHash = sha256): Buffer {
  const leaves = [...heads].map(([stream, { revision, head }]) => {
    const key = headKey(stream, hash);
    return { key, hash: headLeafHash(key, revision, Buffer.from(head, 'hex'), hash) };
  });
  const build = (items: typeof leaves, depth: number): Buffer => {
    if (items.length === 0) return Buffer.from(EMPTY_HEADS_ROOT);
    if (items.length === 1) return items[0]!.hash;
    const left = items.filter((i) => keyBit(i.key, depth) === 0);
    const right = items.filter((i) => keyBit(i.key, depth) === 1);
    return headNodeHash(build(left, depth + 1), build(right, depth + 1), hash);
  };
  return build(leaves, 0);
}
