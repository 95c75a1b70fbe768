import { CHECKPOINT } from './bundle.js';
import { decodeText, failed } from './bundle-parse.js';
import { headsRootOfCheckpoint } from './checkpoint-heads.js';
import { splitNote, verifyCosignatureLines, type NamedKey } from './cosignature.js';
import type { Held, OpenedCheckpoint } from './bundle-checks.js';
import type { WitnessReport } from './bundle-report.js';

/**
 * The witnesses' cosignatures of the bundle's checkpoint (docs/integrity.md §12.4, §13.4 step 5): the cosignature
 * lines of `checkpoint.txt` by the given witness keys must verify over the body the log's signature was checked on
 * (step 5), the body whose heads line the head proofs are checked against (step 11) [`cosignature_invalid`], and
 * come from at least `quorum` distinct given keys [`witness_quorum_not_met`]. A checkpoint without a heads line
 * commits to no stream heads: its cosignatures vouch for nothing the bundle's completeness rests on, and none
 * counts. Lines of keys not given are ignored.
 */
export function checkWitnesses(
  h: Held,
  checkpoint: OpenedCheckpoint,
  witnesses: readonly NamedKey[],
  quorum: number,
): WitnessReport {
  const parts = splitNote(decodeText(h.files.get(CHECKPOINT)!, CHECKPOINT, 'checkpoint_invalid'));
  if (!parts || parts.body !== checkpoint.body) failed('checkpoint_invalid', `${CHECKPOINT} is not a signed note`);
  const result = verifyCosignatureLines(checkpoint.body, parts!.lines, witnesses);
  if (result.invalid.length > 0) {
    failed('cosignature_invalid', `the cosignature of ${result.invalid[0]} in ${CHECKPOINT} does not verify`);
  }
  const heads = headsRootOfCheckpoint(checkpoint.extensions);
  const cosignatures = heads ? result.valid.map(({ name, keyHash, timestamp }) => ({ name, keyHash, timestamp })) : [];
  if (cosignatures.length < quorum) {
    failed(
      'witness_quorum_not_met',
      heads
        ? `${CHECKPOINT} carries valid cosignatures of ${cosignatures.length} of the given witnesses, ${quorum} required` +
            (cosignatures.length > 0 ? ` (${cosignatures.map((c) => c.name).join(', ')})` : '')
        : `${CHECKPOINT} commits to no stream heads (no well-formed evidence-ledger/heads/v1 line): its cosignatures ` +
            `do not count, ${quorum} required`,
    );
  }
  return { quorum, cosignatures };
}
