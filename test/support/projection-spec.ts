import { caseCodec } from '../../src/app/case-service.js';
import { caseStream } from '../../src/domain/case/acts.js';
import type { RecordedCaseEvent } from '../../src/domain/case/acts.js';
import { sealEvents, type EventDraft, type EventEnvelope } from '../../src/ledger/envelope.js';
import type { Signer } from '../../src/ledger/ed25519.js';
import type { RecordedEvent } from '../../src/ports/event-store.js';
import type { Doc, DocReader, Page, Projection, Query } from '../../src/ports/read-models.js';
import { readCaseFile } from '../../projections/case-file-read.js';
import type { CaseFileDoc } from '../../projections/case-files.js';
import { testSigner, RECORDED_AT } from './events.js';

/**
 * Given events → read model: applies projections to events in memory, exactly as the runner does (every
 * projection, in order, to each event; later projections see earlier ones' changes), without a store.
 */
export class MemoryDocs implements DocReader {
  readonly collections = new Map<string, Map<string, Doc>>();
  position = 0;

  constructor(private readonly projections: readonly Projection[]) {}

  get<D extends Doc = Doc>(collection: string, key: string): D | undefined {
    return this.collections.get(collection)?.get(key) as D | undefined;
  }

  /** Documents in key order, as a store's query gives them for `keyPrefix`, `limit` and `after` (a key). */
  query<D extends Doc = Doc>(collection: string, query: Query): Page<D> {
    if (query.where || query.range || query.orderBy) throw new Error('MemoryDocs.query pages by key only');
    const keys = [...(this.collections.get(collection)?.keys() ?? [])]
      .filter((key) => query.keyPrefix === undefined || key.startsWith(query.keyPrefix))
      .filter((key) => query.after === undefined || key > query.after)
      .sort();
    const page = keys.slice(0, query.limit);
    return {
      items: page.map((key) => this.get<D>(collection, key)!),
      ...(keys.length > query.limit ? { next: page.at(-1)! } : {}),
    };
  }

  /** The case file as a reader sees it (`readCaseFile`). */
  file(agency: string, caseId: string): CaseFileDoc | undefined {
    return readCaseFile(this, agency, caseId);
  }

  all<D extends Doc = Doc>(collection: string): D[] {
    return [...(this.collections.get(collection)?.values() ?? [])] as D[];
  }

  apply(events: readonly (RecordedEvent | EventEnvelope)[]): this {
    for (const item of events) {
      const recorded: RecordedEvent = 'event' in item ? item : { position: this.position + 1, event: item };
      for (const projection of this.projections) {
        for (const { collection, key, doc } of projection.apply(recorded, this)) {
          let docs = this.collections.get(collection);
          if (!docs) this.collections.set(collection, (docs = new Map()));
          if (doc === null) docs.delete(key);
          else docs.set(key, structuredClone(doc));
        }
      }
      this.position = recorded.position;
    }
    return this;
  }
}

export function project(projections: readonly Projection[], events: readonly (RecordedEvent | EventEnvelope)[]) {
  return new MemoryDocs(projections).apply(events);
}

/** Builds signed envelopes for one stream, continuing from `after` (the stream's events so far). */
export class StreamWriter {
  private readonly streams = new Map<string, EventEnvelope[]>();
  constructor(
    readonly signer: Signer = testSigner(),
    private readonly recordedAt: string = RECORDED_AT,
  ) {}

  /** Seals `drafts` on `stream`, recorded at the writer's time unless `recordedAt` is given. */
  seal(stream: string, drafts: readonly EventDraft[], recordedAt: string = this.recordedAt): EventEnvelope[] {
    const known = this.streams.get(stream) ?? [];
    const last = known.at(-1);
    const sealed = sealEvents(
      stream,
      last ? { revision: last.revision, hash: last.hash } : null,
      drafts,
      this.signer,
      recordedAt,
    );
    this.streams.set(stream, [...known, ...sealed]);
    return sealed;
  }

  /** Case events (as the decider makes them, e.g. with `record` of test/support/domain) sealed on the case's stream. */
  caseEvents(
    caseId: string,
    events: readonly RecordedCaseEvent[],
    agency = 'county-justice',
    recordedAt?: string,
  ): EventEnvelope[] {
    return this.seal(
      caseStream(agency, caseId),
      events.map((e) => caseCodec.toDraft(e, e.id)),
      recordedAt,
    );
  }

  /** A registry event (`OfficerRegistered`, `ItemRegistered`, ...) by an agency's admin. */
  registry(stream: string, type: string, data: Record<string, unknown>, agency = 'county-justice'): EventEnvelope[] {
    return this.seal(stream, [
      {
        id: `reg-${stream}-${type}-${(this.streams.get(stream)?.length ?? 0) + 1}`,
        type,
        schemaVersion: 1,
        occurredAt: this.recordedAt,
        actor: { sub: 'head', agency, roles: ['admin'] },
        data,
        media: [],
      },
    ]);
  }
}
