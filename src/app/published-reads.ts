import {
  PUBLISHED_DOCUMENTS,
  PUBLISHED_VERSIONS,
  publishedKey,
  versionKey,
  versionPrefix,
  type PublishedDoc,
  type VersionDoc,
} from '../../projections/published.js';
import { agencyStream } from '../domain/streams.js';
import { PUBLISHED_KINDS, type PublishedKind } from '../domain/published/kinds.js';
import type { Position } from '../ports/event-store.js';
import type { ReadModelStore } from '../ports/read-models.js';
import { caughtUp, type ReadConsistency } from './read-consistency.js';
import { pageOf, readAll, type Paging } from './read-pages.js';

export interface PublishedReadsDependencies {
  readonly readModels: ReadModelStore;
  readonly runner: ReadConsistency;
}

/** A document's current version as a list shows it. */
export function publishedView(d: PublishedDoc) {
  return {
    id: d.id,
    agency: d.agency,
    version: d.version,
    status: d.status,
    document: d.document,
    firstPublishedAt: d.firstPublishedAt,
    publishedAt: d.publishedAt,
    ...(d.withdrawnAt === undefined ? {} : { withdrawnAt: d.withdrawnAt, withdrawalReason: d.withdrawalReason }),
  };
}

/** One version of a document, without the document itself (its history line) or with it. */
function historyView(v: VersionDoc) {
  return {
    version: v.version,
    publishedAt: v.publishedAt,
    changed: v.changed,
    ...(v.note === undefined ? {} : { note: v.note }),
    eventId: v.eventId,
    eventHash: v.eventHash,
  };
}

/**
 * What anyone may read of the documents published before enforcement (事前公开, 动态管理): per agency and kind, the
 * list of documents at their current versions, one document with the history of its versions, and any past
 * version in full. Each read waits for `consistentWith` (a write's position) first, when given.
 */
export class PublishedReads {
  constructor(private readonly deps: PublishedReadsDependencies) {}

  /** A page of an agency's documents of one kind, by id; withdrawn ones only when asked for. */
  async list(
    kind: PublishedKind,
    agency: string,
    filter: { status?: 'current' | 'withdrawn' },
    paging: Paging,
    consistentWith?: Position,
  ) {
    await caughtUp(this.deps.runner, consistentWith);
    const where = { kind, agency, status: filter.status ?? 'current' };
    const page = pageOf(() => this.deps.readModels.query<PublishedDoc>(PUBLISHED_DOCUMENTS, { where, ...paging }));
    return { items: page.items.map(publishedView), ...(page.next === undefined ? {} : { next: page.next }) };
  }

  /** One document at its current version, with the history of its versions (newest first); undefined if none. */
  async document(kind: PublishedKind, agency: string, id: string, consistentWith?: Position) {
    await caughtUp(this.deps.runner, consistentWith);
    const stream = streamOf(kind, agency, id);
    const doc = this.deps.readModels.get<PublishedDoc>(PUBLISHED_DOCUMENTS, publishedKey(stream));
    if (!doc) return undefined;
    const versions = readAll<VersionDoc>(this.deps.readModels, PUBLISHED_VERSIONS, {
      keyPrefix: versionPrefix(stream),
    });
    return { ...publishedView(doc), history: versions.reverse().map(historyView) };
  }

  /** One version of a document in full; undefined when the document or the version does not exist. */
  async version(kind: PublishedKind, agency: string, id: string, version: number, consistentWith?: Position) {
    await caughtUp(this.deps.runner, consistentWith);
    const v = this.deps.readModels.get<VersionDoc>(PUBLISHED_VERSIONS, versionKey(streamOf(kind, agency, id), version));
    return v === undefined ? undefined : { id: v.id, agency: v.agency, ...historyView(v), document: v.document };
  }

  /** The agencies that publish documents of a kind, for the portal's choice of agency. */
  async agencies(kind: PublishedKind): Promise<string[]> {
    const docs = readAll<PublishedDoc>(this.deps.readModels, PUBLISHED_DOCUMENTS, { where: { kind } });
    return [...new Set(docs.map((d) => d.agency))].sort();
  }
}

const streamOf = (kind: PublishedKind, agency: string, id: string) =>
  agencyStream(PUBLISHED_KINDS[kind].category, agency, id);
