import { isHash, isTreeCount, SHA256_TREE, type TreeHash } from './merkle.js';

/**
 * Checking a bundle's inclusion proofs (docs/integrity.md §13.4 step 10) as its proof files hold them: audit paths
 * of base64 hashes, all against the checkpoint's one tree.
 */

/** A 32-byte hash in canonical base64: 43 characters and one `=`. */
export const BASE64_32 = /^[A-Za-z0-9+/]{43}=$/;

/** The bytes of a 32-byte hash in canonical base64 ({@link isHashBase64}), or undefined for any other value. */
export function decodeHash(text: unknown): Buffer | undefined {
  return isHashBase64(text) ? Buffer.from(text, 'base64') : undefined;
}

/**
 * Checks whether `proof` (the proof file's `proof`) shows `leaf` at `index` in the tree; never throws. The leaf is
 * its hash, as bytes or as canonical base64 text (any other text is no leaf: false).
 */
export type ProofCheck = (leaf: Uint8Array | string, index: number, proof: readonly unknown[]) => boolean;

/** The node last computed at one level: its index, its two children and its hash, each in canonical base64. */
interface Last {
  index: number;
  left: string;
  right: string;
  hash: string;
}

/**
 * The answers of decoding each element of a proof as a canonical base64 32-byte hash (false when one is not) and
 * verifying the decoded path (RFC 9162 §2.1.3.2, `verifyInclusion` of merkle-proofs.ts) against the tree of `size`
 * leaves with root `root`; much faster for the many proofs of one bundle. Hashes are handled as the canonical base64
 * text the proofs give them in (canonical base64 is one text per hash, so texts are equal exactly when the hashes
 * are): each element is checked against a table, each node hashed from the texts of its children straight into the
 * hash's input and taken as base64. The proofs of neighbouring leaves share the nodes above where their paths meet:
 * the node last computed at each level is remembered, and the same node met again with the same two children is not
 * hashed again. Asked in leaf order, as a bundle's events mostly are, each node is hashed once; in any other order
 * the answers are the same.
 */
export function proofChecker(size: number, root: Uint8Array, tree: TreeHash = SHA256_TREE): ProofCheck {
  const last: (Last | undefined)[] = [];
  const rootText = isHash(root) ? Buffer.from(root.buffer, root.byteOffset, root.byteLength).toString('base64') : '';
  return (leaf, index, proof) => {
    if (!isTreeCount(index) || !isTreeCount(size) || index >= size) return false;
    if (rootText === '' || !Array.isArray(proof)) return false;
    let r: string;
    if (typeof leaf === 'string') {
      if (!isHashBase64(leaf)) return false;
      r = leaf;
    } else {
      if (!isHash(leaf)) return false;
      r = Buffer.from(leaf.buffer, leaf.byteOffset, leaf.byteLength).toString('base64');
    }
    let fn = index;
    let sn = size - 1;
    let level = 0;
    for (let i = 0; i < proof.length; i++) {
      if (sn === 0) return false;
      const text: unknown = proof[i];
      // the sibling is on the left when this node is a right child, or the last of its level (then promoted up to
      // the level where it is a right child, RFC 9162 §2.1.3.2)
      const siblingLeft = fn % 2 === 1 || fn === sn;
      if (siblingLeft) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
          level++;
        }
      }
      fn = Math.floor(fn / 2);
      sn = Math.floor(sn / 2);
      level++;
      const known = last[level];
      // a remembered child is canonical text, so a text equal to it is too
      if (
        known !== undefined &&
        known.index === fn &&
        (siblingLeft ? known.left === text && known.right === r : known.left === r && known.right === text)
      ) {
        r = known.hash;
        continue;
      }
      if (!isHashBase64(text)) return false;
      const left = siblingLeft ? text : r;
      const right = siblingLeft ? r : text;
      const hash = tree.nodeOfBase64(left, right);
      if (known === undefined) {
        last[level] = { index: fn, left, right, hash };
      } else {
        known.index = fn;
        known.left = left;
        known.right = right;
        known.hash = hash;
      }
      r = hash;
    }
    return sn === 0 && r === rootText;
  };
}
/**
 * Whether `text` is the canonical base64 of 32 bytes: 43 characters of the base64 alphabet, the last of which carries
 * 4 bits of the hash and 2 zero bits, then one `=`. The decoder would skip or drop what is not, so a text it passes
 * is, decoded and encoded again, the same text; checked against a table rather than by that round trip.
 */
export function isHashBase64(text: unknown): text is string {
  if (typeof text !== 'string' || text.length !== 44 || text.charCodeAt(43) !== 0x3d) return false;
  for (let i = 0; i < 43; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || BASE64_VALUE[c]! < 0) return false;
  }
  return (BASE64_VALUE[text.charCodeAt(42)]! & 0x03) === 0;
}

/** The value of each base64 character, -1 for every other code below 128. */
const BASE64_VALUE = new Int8Array(128).fill(-1);
for (const [i, c] of [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].entries()) {
  BASE64_VALUE[c.charCodeAt(0)] = i;
}
