import type { Actor } from '../domain/actor.js';
import { agencyStream } from '../domain/streams.js';
import { RevisionConflict } from '../errors.js';
import { sealEvents, type MediaRef } from '../ledger/envelope.js';
import type { BlobInfo } from '../ports/blob-store.js';
import type { EventStore } from '../ports/event-store.js';
import type { CommandDependencies } from './command-handler.js';

/** The agency's holding of the medium, from its `MediaReceived` event; undefined when it holds none. */
export async function readHolding(
  events: EventStore,
  agency: string,
  sha256: string,
): Promise<RecordedHolding | undefined> {
  const [first] = await events.readStream(mediaStream(agency, sha256), { limit: 1 });
  if (!first || first.event.type !== MEDIA_RECEIVED) return undefined;
  const { actor } = first.event;
  // an online application's attachment: received from the applicant, not uploaded by an officer
  const throughApplication = actor.sub === APPLICANT && actor.roles.length === 0;
  return { ...holdingOf(first.event.data), ...(throughApplication ? { throughApplication } : {}) };
}

/** The actor an online application's filing (and the receipt of its attachments) is recorded as. */
export const APPLICANT = 'applicant';

/** The event that records that an agency holds a medium: the first upload of those bytes by one of its officers. */
export const MEDIA_RECEIVED = 'MediaReceived';

/** What an agency holds: the medium as its officer uploaded it, and where the verified bytes live in the store. */
export interface MediaHolding extends MediaRef {
  /** The blob store's version of the object that was verified at upload (S3's `VersionId`); absent when unversioned. */
  readonly blobVersion?: string;
}

/** A holding as the log records it: with whether the agency received it as an online application's attachment. */
export interface RecordedHolding extends MediaHolding {
  readonly throughApplication?: true;
}

/** The stream that records one agency's holding of one medium; it holds one event, or none. */
export function mediaStream(agency: string, sha256: string): string {
  return agencyStream('media', agency, sha256);
}

/**
 * Media belong to the agencies that uploaded them. The same bytes are stored once, but each agency that uploads
 * them gets its own signed `MediaReceived` event, in its own stream: the event log, not a read model, says who
 * holds what, so an act is decided against what was committed, never against a projection that lags.
 */
export class MediaHoldings {
  constructor(
    private readonly deps: Pick<CommandDependencies, 'events' | 'signer' | 'clock'>,
    private readonly newId: () => string,
  ) {}

  /**
   * Records that the actor's agency holds the stored medium; `created` false when it held it already (a repeat
   * upload by the same agency changes nothing).
   */
  async receive(actor: Actor, info: BlobInfo & { readonly version?: string }): Promise<{ created: boolean }> {
    const stream = mediaStream(actor.agency, info.sha256);
    if (await this.holding(actor.agency, info.sha256)) return { created: false };
    const now = this.deps.clock.now().toISOString();
    const ref: MediaRef = { sha256: info.sha256, size: info.size, contentType: info.contentType };
    const draft = {
      id: this.newId(),
      type: MEDIA_RECEIVED,
      schemaVersion: 1,
      occurredAt: now,
      actor: { sub: actor.sub, agency: actor.agency, roles: [...actor.roles] },
      data: { ...ref, ...(info.version === undefined ? {} : { blobVersion: info.version }) },
      media: [ref],
    };
    try {
      await this.deps.events.append(stream, sealEvents(stream, null, [draft], this.deps.signer, now), 'no_stream');
      return { created: true };
    } catch (err) {
      if (err instanceof RevisionConflict) return { created: false }; // a concurrent upload by the same agency
      throw err;
    }
  }

  /** The agency's holding of the medium, or undefined when none of its officers uploaded it. */
  holding(agency: string, sha256: string): Promise<MediaHolding | undefined> {
    return readHolding(this.deps.events, agency, sha256);
  }
}

/** The holding a `MediaReceived` event's data records. */
export function holdingOf(data: Readonly<Record<string, unknown>>): MediaHolding {
  const { sha256, size, contentType, blobVersion } = data as unknown as MediaHolding;
  return { sha256, size, contentType, ...(typeof blobVersion === 'string' ? { blobVersion } : {}) };
}
