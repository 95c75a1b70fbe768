import { MEDIA_REFS, type MediaRefsDoc } from '../../projections/media.js';
import { notFound } from '../domain/errors.js';
import { IntegrityFault, NotCaughtUp } from '../errors.js';
import type { BlobInfo, BlobStore, ByteRange } from '../ports/blob-store.js';
import type { EventStore, Position } from '../ports/event-store.js';
import type { ReadModelStore } from '../ports/read-models.js';
import type { AccessLog } from './access-log.js';
import type { Principal } from './auth.js';
import { canRead } from './case-reads.js';
import type { MediaHolding, MediaHoldings } from './media-holdings.js';

/**
 * How long a read waits for the read models to apply the latest acts. A medium they already show a readable case
 * for is served at once; one they do not show yet after this wait is `503 not_caught_up`, not refused.
 */
export const INDEX_WAIT_MS = 2_000;

export interface MediaReadsDependencies {
  readonly readModels: ReadModelStore;
  readonly events: Pick<EventStore, 'headPosition'>;
  /** The projection runner's bounded wait for a log position, and the position it has applied. */
  readonly runner: {
    waitFor(position: Position, timeoutMs: number): Promise<boolean>;
    position(): Position;
    /** The service's read wait (`READ_WAIT_MS`): the wait here is the shorter of it and {@link INDEX_WAIT_MS}. */
    readonly readWaitMs?: number;
  };
  readonly holdings: Pick<MediaHoldings, 'holding'>;
  readonly access: AccessLog;
  /** The media store, read at the version the log recorded. */
  readonly blobs: Pick<BlobStore, 'head' | 'get'>;
}

/** A medium retrieved: the agency's holding as the log recorded it, and the stored object, checked to match. */
export interface OpenedMedium {
  readonly holding: MediaHolding;
  readonly info: BlobInfo;
}

/** One retrieval of a medium, as a route asks for it. */
export interface MediaRetrieval {
  readonly principal: Principal;
  readonly sha256: string;
  readonly requestId: string;
  /** Why, as the reader said (`x-purpose`). */
  readonly purpose?: string;
}

/**
 * Retrievals of media. A medium is allowed to whoever may read a case that references it and whose agency holds it
 * (the log's `MediaReceived` event, which also says which stored version was verified), after the read models have
 * the acts committed so far, and the retrieval is recorded on that case's access trail (on every such case, when
 * more than one references it) before the caller sends anything. Refused, it is recorded on the reader's own trail
 * and is `404 not_found`: media no readable case of a holding agency references are not found, whether or not
 * another agency's case does, so their existence is never revealed. While the read models lag more than {@link INDEX_WAIT_MS} behind the log, a medium they show no
 * readable case for is `503 not_caught_up` (retry), since the act that names it may be among those not applied:
 * a reader is never refused, nor a refusal recorded for supervisors, for a medium the log already lets them read.
 */
export class MediaReads {
  constructor(private readonly deps: MediaReadsDependencies) {}

  async retrieve({ principal, sha256, requestId, purpose }: MediaRetrieval): Promise<MediaHolding> {
    const { readModels, events, runner, holdings, access } = this.deps;
    const head = await events.headPosition();
    const caughtUp = await runner.waitFor(head, Math.min(INDEX_WAIT_MS, runner.readWaitMs ?? INDEX_WAIT_MS));
    const cases = readModels.get<MediaRefsDoc>(MEDIA_REFS, sha256)?.cases ?? [];
    const entry = {
      principal,
      action: 'read_media' as const,
      requestId,
      media: sha256,
      ...(purpose === undefined ? {} : { purpose }),
    };
    // the read is on the trail of every case the reader may read that references the medium where its agency holds
    // it: a medium attached to two cases is evidence of both, and each case's supervisors see who retrieved it
    let served: MediaHolding | undefined;
    const held = new Map<string, MediaHolding | undefined>();
    for (const c of cases.filter((c) => canRead(principal, c.agency))) {
      if (!held.has(c.agency)) held.set(c.agency, await holdings.holding(c.agency, sha256));
      const holding = held.get(c.agency);
      if (!holding) continue;
      await access.record({ ...entry, agency: c.agency, caseId: c.caseId });
      served ??= holding;
    }
    if (served) return served;
    // an act naming the medium may be among those the read models have not applied: no verdict, and no refusal
    if (!caughtUp) throw new NotCaughtUp(head, runner.position());
    await access.denied(entry);
    throw notFound('no such medium');
  }

  /**
   * The medium retrieved ({@link retrieve}), with what the store holds of the version the log recorded. A version
   * the store no longer has, or of another size, is an {@link IntegrityFault}: never served.
   */
  async open(retrieval: MediaRetrieval): Promise<OpenedMedium> {
    return openHolding(this.deps.blobs, await this.retrieve(retrieval));
  }

  /** The bytes of an opened medium, whole or a range, of the version the log recorded. */
  bytes(opened: OpenedMedium, range?: ByteRange) {
    return heldBytes(this.deps.blobs, opened, range);
  }
}

/**
 * What the store holds of the version of a medium the log recorded as held (`holding`). A version the store no
 * longer has, or of another size, is an {@link IntegrityFault}: never served.
 */
export async function openHolding(blobs: Pick<BlobStore, 'head'>, holding: MediaHolding): Promise<OpenedMedium> {
  const info = await blobs.head(holding.sha256, holding.blobVersion);
  if (!info) throw mediumLost(holding.sha256, 'is not in the media store');
  if (info.size !== holding.size) throw mediumLost(holding.sha256, `holds ${info.size} bytes, not ${holding.size}`);
  return { holding, info };
}

/** The bytes of an opened medium, whole or a range, of the version the log recorded. */
export async function heldBytes(blobs: Pick<BlobStore, 'get'>, { holding }: OpenedMedium, range?: ByteRange) {
  const got = await blobs.get(holding.sha256, range, holding.blobVersion);
  if (!got) throw mediumLost(holding.sha256, 'is not in the media store');
  return got;
}

/** The store does not have what the log says it verified: the stored medium is damaged or gone. */
function mediumLost(sha256: string, what: string): IntegrityFault {
  return new IntegrityFault(`the medium ${sha256} ${what}`);
}
