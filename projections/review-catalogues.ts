import {
  reviewCatalogueStream,
  type AgencyLevel,
  type CatalogueEntry,
  type CatalogueVersion,
} from '../src/domain/registry/review-catalogue.js';
import { parseAgencyStream } from '../src/domain/streams.js';
import type { Change, Doc, DocReader, Projection } from '../src/ports/read-models.js';

/**
 * The agency's review catalogue (重大执法决定法制审核目录清单) as it stands, with every version in full, oldest first
 * (动态调整: the public sees the current one and the history). Key: {@link reviewCatalogueKey}.
 */
export interface ReviewCatalogueDoc extends Doc {
  agency: string;
  version: number;
  level: AgencyLevel;
  entries: CatalogueEntry[];
  inForceFrom: string;
  reason: string;
  /** Every version, oldest first: the catalogue in force at any time is read from it (`catalogueInForce`). */
  versions: CatalogueVersion[];
}

export const REVIEW_CATALOGUES = 'review_catalogues';
export const reviewCatalogueKey = (agency: string): string => reviewCatalogueStream(agency);

/** The agency's catalogue document, when it has adopted one. */
export const reviewCatalogueOf = (docs: DocReader, agency: string): ReviewCatalogueDoc | undefined =>
  docs.get<ReviewCatalogueDoc>(REVIEW_CATALOGUES, reviewCatalogueKey(agency));

/** The review catalogues, from the `reviewcatalogue-<agency>:current` streams. */
export const reviewCataloguesProjection: Projection = {
  name: 'catalogues',
  version: 1,
  collections: [{ name: REVIEW_CATALOGUES, indexes: ['agency'] }],
  apply({ event }, docs): Change[] {
    const stream = parseAgencyStream(event.stream);
    if (stream?.category !== 'reviewcatalogue' || event.type !== 'ReviewCatalogueAdjusted') return [];
    const data = event.data as Omit<CatalogueVersion, 'version'>;
    const current = reviewCatalogueOf(docs, stream.agency);
    const version = (current?.version ?? 0) + 1;
    const adopted: CatalogueVersion = {
      version,
      inForceFrom: data.inForceFrom,
      level: data.level,
      entries: data.entries,
      reason: data.reason,
    };
    const doc: ReviewCatalogueDoc = {
      agency: stream.agency,
      ...adopted,
      entries: [...data.entries],
      versions: [...(current?.versions ?? []), adopted],
    };
    return [{ collection: REVIEW_CATALOGUES, key: reviewCatalogueKey(stream.agency), doc }];
  },
};
