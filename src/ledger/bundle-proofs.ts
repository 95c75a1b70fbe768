import { isHash, isTreeCount, SHA256_TREE, type TreeHash } from './merkle.js';

/**
 * Checking a bundle's inclusion proofs (docs/integrity.md §13.4 step 10) as its proof files hold them: audit paths
 * of base64 hashes, all against the checkpoint's one tree.
 */

/** A 32-byte hash in canonical base64: 43 characters and one `=`. */
export const BASE64_32 = /^[A-Za-z0-9+/]{43}=$/;

/**
 * The bytes of a 32-byte hash in canonical base64, or undefined for any other value. The decoder skips what is not
 * base64, but a text that 32 decoded bytes encode back to is their canonical base64 whatever it held (cheaper than
 * matching {@link BASE64_32} first).
 */
export function decodeHash(text: unknown): Buffer | undefined {
  if (typeof text !== 'string' || text.length !== 44) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.length === 32 && bytes.toString('base64') === text ? bytes : undefined;
}

/** Checks whether `proof` (the proof file's `proof`) shows `leaf` at `index` in the tree; never throws. */
export type ProofCheck = (leaf: Buffer, index: number, proof: readonly unknown[]) => boolean;

/**
 * The node last computed at one level: its index, its two children (each a hash, and the base64 text it was given
 * as when it came from a proof) and its hash.
 */
interface Last {
  index: number;
  left: Buffer;
  leftText: string | undefined;
  right: Buffer;
  rightText: string | undefined;
  hash: Buffer;
}

/**
 * The answers of decoding each element of a proof as a canonical base64 32-byte hash (false when one is not) and
 * verifying the decoded path (RFC 9162 §2.1.3.2, `verifyInclusion` of merkle-proofs.ts) against the tree of `size`
 * leaves with root `root`; much faster for the many proofs of one bundle. The proofs of neighbouring leaves share
 * the nodes above where their paths meet: the node last computed at each level is remembered, and the same node
 * met again with the same two children (the proof's text compared as text, a hash computed below compared byte
 * for byte) is neither decoded nor hashed again. Asked in leaf order, as a bundle's events mostly are, each node
 * is hashed once; in any other order the answers are the same.
 */
export function proofChecker(size: number, root: Uint8Array, tree: TreeHash = SHA256_TREE): ProofCheck {
  const last: (Last | undefined)[] = [];
  return (leaf, index, proof) => {
    if (!isTreeCount(index) || !isTreeCount(size) || index >= size) return false;
    if (!isHash(leaf) || !isHash(root) || !Array.isArray(proof)) return false;
    let fn = index;
    let sn = size - 1;
    let level = 0;
    let r: Buffer = leaf;
    for (let i = 0; i < proof.length; i++) {
      if (sn === 0) return false;
      const text = proof[i];
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
      if (known !== undefined && known.index === fn && sameChildren(known, siblingLeft, r, text)) {
        r = known.hash;
        continue;
      }
      const sibling = decodeHash(text);
      if (!sibling) return false;
      const left = siblingLeft ? sibling : r;
      const right = siblingLeft ? r : sibling;
      const hash = tree.node(left, right);
      const leftText = siblingLeft ? (text as string) : undefined;
      const rightText = siblingLeft ? undefined : (text as string);
      if (known === undefined) {
        last[level] = { index: fn, left, leftText, right, rightText, hash };
      } else {
        known.index = fn;
        known.left = left;
        known.leftText = leftText;
        known.right = right;
        known.rightText = rightText;
        known.hash = hash;
      }
      r = hash;
    }
    return sn === 0 && r.equals(root);
  };
}

/** Whether the node's children are `mine` (a hash computed below) and `text` (the proof's), on their sides. */
function sameChildren(known: Last, siblingLeft: boolean, mine: Buffer, text: unknown): boolean {
  const own = siblingLeft ? known.right : known.left;
  if (own !== mine && !own.equals(mine)) return false;
  const knownText = siblingLeft ? known.leftText : known.rightText;
  if (knownText !== undefined) return knownText === text;
  // that side was computed below when the node was last met: the text must be its base64
  const bytes = decodeHash(text);
  if (!bytes?.equals(siblingLeft ? known.left : known.right)) return false;
  if (siblingLeft) known.leftText = text as string;
  else known.rightText = text as string;
  return true;
}
