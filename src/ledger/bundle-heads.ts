import { CHECKPOINT, HEADS, type BundleManifest, type StreamRevision } from './bundle.js';
import { suiteOfBundle, type HeldEvent, type Held, type OpenedCheckpoint } from './bundle-checks.js';
import { failed, parseJson } from './bundle-parse.js';
import { headsRootOfCheckpoint } from './checkpoint-heads.js';
import { verifyHeadProof } from './heads-map.js';

/**
 * Completeness (docs/integrity.md §13.4, step 11): when the bundle's checkpoint commits to the heads of all streams,
 * `heads.json` proves each stream's head at the checkpoint's size, and the bundle must hold every event up to it.
 * Returns the streams proved complete, or undefined when the checkpoint commits to no heads (an older checkpoint:
 * nothing is proved either way, unless the caller requires it).
 */
export function checkComplete(
  h: Held,
  manifest: BundleManifest,
  checkpoint: OpenedCheckpoint,
  streams: readonly { readonly stream: string; readonly held: readonly HeldEvent[] }[],
): { treeSize: number; streams: StreamRevision[] } | undefined {
  const { size } = manifest.checkpoint;
  // the note was opened and checked against the manifest before (step 5): here only its extension lines are read
  const root = headsRootOfCheckpoint(checkpoint.extensions);
  if (root === undefined) failed('checkpoint_invalid', `${CHECKPOINT} has a malformed or repeated stream heads line`);
  if (root === null) {
    if (h.options.requireComplete) {
      failed('stream_incomplete', `${CHECKPOINT} commits to no stream heads: the bundle cannot show it is complete`);
    }
    return undefined;
  }
  const bytes = h.files.get(HEADS);
  if (!bytes) failed('stream_incomplete', `the checkpoint commits to stream heads, but the bundle has no ${HEADS}`);
  const proofs = parseJson(bytes!, HEADS, 'malformed');
  if (!Array.isArray(proofs)) failed('malformed', `${HEADS} is not an array of head proofs`);
  const proven: StreamRevision[] = [];
  for (const { stream, held } of streams) {
    const proof = (proofs as unknown[]).find(
      (p) => typeof p === 'object' && p !== null && (p as { stream?: unknown }).stream === stream,
    ) as { treeSize?: unknown } | undefined;
    if (!proof) failed('stream_incomplete', `${HEADS} holds no head proof of ${stream}`);
    if (proof!.treeSize !== size) failed('proof_invalid', `${HEADS}: the proof of ${stream} is not at size ${size}`);
    const head = verifyHeadProof(proof, root!, suiteOfBundle(h).hash);
    if (head === undefined) {
      failed('proof_invalid', `${HEADS}: the head proof of ${stream} does not lead to the checkpoint's heads root`);
    }
    const last = held.at(-1);
    const revision = head?.revision ?? -1;
    if ((last?.revision ?? -1) < revision) {
      failed(
        'stream_incomplete',
        `at size ${size} the log holds ${stream} through revision ${revision}; the bundle ends at ${last?.revision ?? -1}`,
      );
    }
    if ((last?.revision ?? -1) > revision || (head && last!.hash !== head.head)) {
      failed('proof_invalid', `${HEADS}: the head of ${stream} at size ${size} is not the bundle's last event`);
    }
    proven.push({ stream, revision });
  }
  return { treeSize: size, streams: proven };
}
