import { CHECKPOINT } from './bundle.js';
import { decodeText, failed } from './bundle-parse.js';
import { verifyCosignatures, type NamedKey } from './cosignature.js';
import type { Held } from './bundle-checks.js';
import type { WitnessReport } from './bundle-report.js';

/**
 * The witnesses' cosignatures of the bundle's checkpoint (docs/integrity.md §12.4, §13.4): the cosignature lines of
 * `checkpoint.txt` by the given witness keys must verify over its body [`cosignature_invalid`], and come from at
 * least `quorum` distinct given keys [`witness_quorum_not_met`]. Lines of keys not given are ignored.
 */
export function checkWitnesses(h: Held, witnesses: readonly NamedKey[], quorum: number): WitnessReport {
  const note = decodeText(h.files.get(CHECKPOINT)!, CHECKPOINT, 'checkpoint_invalid');
  const result = verifyCosignatures(note, witnesses);
  if (!result) failed('checkpoint_invalid', `${CHECKPOINT} is not a signed note`);
  if (result!.invalid.length > 0) {
    failed('cosignature_invalid', `the cosignature of ${result!.invalid[0]} in ${CHECKPOINT} does not verify`);
  }
  const cosignatures = result!.valid.map(({ name, keyHash, timestamp }) => ({ name, keyHash, timestamp }));
  if (cosignatures.length < quorum) {
    failed(
      'witness_quorum_not_met',
      `${CHECKPOINT} carries valid cosignatures of ${cosignatures.length} of the given witnesses, ${quorum} required` +
        (cosignatures.length > 0 ? ` (${cosignatures.map((c) => c.name).join(', ')})` : ''),
    );
  }
  return { quorum, cosignatures };
}
