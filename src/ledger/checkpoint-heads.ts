import { HEADS_HASH_SIZE } from './heads-map.js';

/**
 * The checkpoint extension line that commits a checkpoint to the map of stream heads at its size
 * (docs/integrity.md §12.5): `evidence-ledger/heads/v1 <root>`, the root in standard padded base64 (44 characters),
 * one space between. It follows the root hash line, so the note's signature covers it. A checkpoint without it
 * (issued before the map existed) is still a valid checkpoint and proves no stream complete.
 */
export const HEADS_EXTENSION = 'evidence-ledger/heads/v1';

const LINE = /^evidence-ledger\/heads\/v1 ([A-Za-z0-9+/]{43}=)$/;

export function headsExtension(root: Uint8Array): string {
  if (root.length !== HEADS_HASH_SIZE) throw new RangeError('the heads root has 32 bytes');
  return `${HEADS_EXTENSION} ${Buffer.from(root).toString('base64')}`;
}

/**
 * The heads root a checkpoint's extension lines commit to: the root, `null` when there is no heads line, or
 * undefined when a line names the extension but is malformed or repeated (such a checkpoint commits to nothing
 * a verifier can use, and is refused). Never throws.
 */
export function headsRootOfCheckpoint(extensions: readonly string[]): Buffer | null | undefined {
  const lines = extensions.filter((line) => line === HEADS_EXTENSION || line.startsWith(`${HEADS_EXTENSION} `));
  if (lines.length === 0) return null;
  const match = lines.length === 1 ? LINE.exec(lines[0]!) : null;
  if (!match) return undefined;
  const root = Buffer.from(match[1]!, 'base64');
  return root.toString('base64') === match[1] ? root : undefined;
}
