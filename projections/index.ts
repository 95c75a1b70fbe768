import type { Projection } from '../src/ports/read-models.js';
import { CHECKPOINTS, checkpointKey, checkpointsProjection } from './checkpoints.js';
import { headsProjection, storedHeadsPath } from './heads.js';
import { CHECKPOINT_STREAM, leafKey, MERKLE, merkleProjection, storedNode } from './merkle.js';
import { accessProjection } from './access.js';
import { applicationsProjection } from './applications.js';
import { caseFilesProjection } from './case-files.js';
import { disclosuresProjection } from './disclosures.js';
import { mediaProjection } from './media.js';
import { officerActsProjection } from './officer-acts.js';
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
 * Every projection, in the order the runner applies them to each event: a projection may read the documents of
 * those listed before it as they stand after the same event.
 */
export const PROJECTIONS: readonly Projection[] = [
  registryProjection,
  recordingsProjection,
  reviewCataloguesProjection,
  caseFilesProjection,
  retentionProjection,
  erasuresProjection,
  benchmarksProjection,
  evaluationsProjection,
  accessProjection,
  officerActsProjection,
  mediaProjection,
  disclosuresProjection,
  inspectionsProjection,
  applicationsProjection,
  merkleProjection,
  headsProjection,
  checkpointsProjection,
  publishedProjection,
  webhooksProjection,
];

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
