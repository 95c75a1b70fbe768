import { CHINA_STANDARD_TIME, type UtcOffsets } from '../src/domain/actor.js';
import { sha256Hex } from '../src/ledger/hash.js';
import type { Projection } from '../src/ports/read-models.js';
import { CHECKPOINTS, checkpointKey, checkpointsProjection } from './checkpoints.js';
import { headsProjection, storedHeadsPath } from './heads.js';
import { CHECKPOINT_STREAM, leafKey, MERKLE, merkleProjection, storedNode } from './merkle.js';
import { accessProjection } from './access.js';
import { applicationsProjection } from './applications.js';
import { caseFilesProjectionAt } from './case-files.js';
import { disclosuresProjection } from './disclosures.js';
import { documentNumbersProjection } from './document-numbers.js';
import { mediaProjection } from './media.js';
import { officerActsProjectionAt } from './officer-acts.js';
import { publishedProjection } from './published.js';
import { recordingsProjection } from './recordings.js';
import { registryProjection } from './registry.js';
import { reviewCataloguesProjection } from './review-catalogues.js';
import { inspectionsProjection } from './inspections.js';
import { benchmarksProjection } from './benchmarks.js';
import { evaluationsProjection } from './evaluations.js';
import { retentionProjection } from './retention.js';
import { erasuresProjection } from './erasures.js';
import { webhooksProjection } from './webhooks.js';

/**
 * Every projection, in the order the runner applies them to each event (a projection may read the documents of
 * those listed before it as they stand after the same event), for agencies whose local time is `offsets`: the
 * case files and the officers' acts date each act by the agency's day, as the rules do. The last entry,
 * `agency-offsets`, writes nothing: its version is a digest of `offsets`, so read models made under other offsets
 * are outdated and rebuilt like those of another projection version.
 */
export function projectionsFor(offsets: UtcOffsets): readonly Projection[] {
  return [
    registryProjection,
    recordingsProjection,
    reviewCataloguesProjection,
    caseFilesProjectionAt(offsets),
    documentNumbersProjection,
    retentionProjection,
    erasuresProjection,
    benchmarksProjection,
    evaluationsProjection,
    accessProjection,
    officerActsProjectionAt(offsets),
    mediaProjection,
    disclosuresProjection,
    inspectionsProjection,
    applicationsProjection,
    merkleProjection,
    headsProjection,
    checkpointsProjection,
    publishedProjection,
    webhooksProjection,
    offsetsProjection(offsets),
  ];
}

/** Every projection, every agency at UTC+8 (`LEDGER_UTC_OFFSET`'s default): the service's unless configured. */
export const PROJECTIONS: readonly Projection[] = projectionsFor(CHINA_STANDARD_TIME);

/**
 * The projections a rebuild on two threads applies on the second (`rebuildReadModels`): the transparency log's
 * (the Merkle tree, the map of stream heads, the checkpoints), which cost about as much as the case files and their
 * views, and those that read no documents but their own and whose documents no other projection reads. A thread
 * that reads a collection of the other's stops, and the rebuild is made again on one thread.
 */
export const REBUILD_SECOND_THREAD: readonly string[] = [
  merkleProjection,
  headsProjection,
  checkpointsProjection,
  accessProjection,
  webhooksProjection,
  publishedProjection,
  evaluationsProjection,
  inspectionsProjection,
  recordingsProjection,
  benchmarksProjection,
  erasuresProjection,
  documentNumbersProjection,
].map((projection) => projection.name);

/** The offsets the read models are made with, as a projection version: 48 bits of the SHA-256 of their text. */
function offsetsProjection(offsets: UtcOffsets): Projection {
  const agencies = [...offsets.agencies].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const text = JSON.stringify({ default: offsets.defaultMinutes, agencies });
  return {
    name: 'agency-offsets',
    version: parseInt(sha256Hex(text).slice(0, 12), 16),
    collections: [],
    apply: () => [],
  };
}

/** Where the transparency log finds the Merkle tree, the heads map's paths and the checkpoints in the read models. */
export const LOG_LAYOUT = {
  merkle: MERKLE,
  checkpoints: CHECKPOINTS,
  checkpointStream: CHECKPOINT_STREAM,
  node: storedNode,
  leafKey,
  checkpointKey,
  headsPath: storedHeadsPath,
} as const;
