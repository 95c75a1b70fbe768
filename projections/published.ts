import { publishedStream, type PublishedKind } from '../src/domain/published/kinds.js';
import type { Published, Withdrawn } from '../src/domain/published/versioned.js';
import type { Change, Doc, Projection } from '../src/ports/read-models.js';

/** The documents published before enforcement (事前公开) as they stand: one per document. Key: {@link publishedKey}. */
export const PUBLISHED_DOCUMENTS = 'published_documents';
/** Every version of every such document, the current one included. Key: {@link versionKey}. */
export const PUBLISHED_VERSIONS = 'published_versions';

export interface PublishedDoc extends Doc {
  kind: PublishedKind;
  agency: string;
  id: string;
  /** The current (or, once withdrawn, the last) version. */
  version: number;
  status: 'current' | 'withdrawn';
  document: Record<string, unknown>;
  firstPublishedAt: string;
  /** When the current version was published. */
  publishedAt: string;
  withdrawnAt?: string;
  withdrawalReason?: string;
}

export interface VersionDoc extends Doc {
  kind: PublishedKind;
  agency: string;
  id: string;
  version: number;
  document: Record<string, unknown>;
  changed: string[];
  note?: string;
  publishedAt: string;
  eventId: string;
  eventHash: string;
}

/** Keys: the document's stream name (`src/domain/published/kinds.ts`), unambiguous per kind and agency. */
export const publishedKey = (stream: string): string => stream;
/** A version's key sorts after its document's key, by version: `<stream>#<version, 16 digits>`. */
export const versionKey = (stream: string, version: number): string =>
  `${versionPrefix(stream)}${String(version).padStart(16, '0')}`;
export const versionPrefix = (stream: string): string => `${stream}#`;

/**
 * The published documents and their versions, from the streams of `PUBLISHED_KINDS`: a publication writes the
 * document's row and adds a version row; a withdrawal marks the document's row.
 */
export const publishedProjection: Projection = {
  name: 'published',
  version: 1,
  collections: [
    { name: PUBLISHED_DOCUMENTS, indexes: ['kind', 'agency', 'status'] },
    { name: PUBLISHED_VERSIONS, indexes: ['kind', 'agency'] },
  ],
  apply({ event }, docs): Change[] {
    const named = publishedStream(event.stream);
    if (!named) return [];
    const key = publishedKey(event.stream);
    const current = docs.get<PublishedDoc>(PUBLISHED_DOCUMENTS, key);
    const at = event.recordedAt;
    if (event.type.endsWith('Published')) {
      const data = event.data as unknown as Published<Record<string, unknown>>;
      const doc: PublishedDoc = {
        ...named,
        version: data.version,
        status: 'current',
        document: data.document,
        firstPublishedAt: current?.firstPublishedAt ?? at,
        publishedAt: at,
      };
      const version: VersionDoc = {
        ...named,
        version: data.version,
        document: data.document,
        changed: [...data.changed],
        ...(data.note === undefined ? {} : { note: data.note }),
        publishedAt: at,
        eventId: event.id,
        eventHash: event.hash,
      };
      return [
        { collection: PUBLISHED_DOCUMENTS, key, doc },
        { collection: PUBLISHED_VERSIONS, key: versionKey(event.stream, data.version), doc: version },
      ];
    }
    if (event.type.endsWith('Withdrawn') && current) {
      const data = event.data as unknown as Withdrawn;
      const doc: PublishedDoc = { ...current, status: 'withdrawn', withdrawnAt: at, withdrawalReason: data.reason };
      return [{ collection: PUBLISHED_DOCUMENTS, key, doc }];
    }
    return [];
  },
};
