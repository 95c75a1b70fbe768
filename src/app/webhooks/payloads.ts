import { parseAgencyStream } from '../../domain/streams.js';
import { hasPublicRecord } from '../../domain/webhooks/subscriptions.js';
import type { Position, RecordedEvent } from '../../ports/event-store.js';
import type { StoredWebhook } from '../../ports/webhook-outbox.js';

/** An event's public record as the public API answers it, and the event it is of. */
export interface PublicRecord {
  /** The entry exactly as `GET /v1/disclosures` lists it (a published decision, or a withdrawal notice). */
  readonly record: Readonly<Record<string, unknown>>;
  /** The hash of the event that made the entry what it is: binds an inclusion proof to it. */
  readonly eventHash: string;
}

/**
 * The public record that an event made, when it has one and it is still the entry's current form (undefined when
 * the event has none, or when a later event of the same entry changed it since: that event delivers the later form).
 */
export type PublicRecords = (recorded: RecordedEvent) => Promise<PublicRecord | undefined>;

/** The public records of the disclosure read model (`PublicReads.recordAt`), for the events of a case. */
export function disclosureRecords(reads: {
  recordAt(agency: string, caseId: string, position: Position): Promise<PublicRecord | undefined>;
}): PublicRecords {
  return async ({ position, event }) => {
    const stream = parseAgencyStream(event.stream);
    if (!stream || !hasPublicRecord(stream.category, event.type)) return undefined;
    return reads.recordAt(stream.agency, stream.id, position);
  };
}

/** Where a receiver asks for the proof that an event is in the log. */
export const inclusionProofRoute = (eventId: string): string =>
  `/v1/ledger/proof/inclusion?eventId=${encodeURIComponent(eventId)}`;

/** What an `envelope` subscription receives of an event: a Standard Webhooks payload around the signed envelope. */
export function envelopePayload({ position, event }: RecordedEvent): string {
  return JSON.stringify({ type: event.type, timestamp: event.recordedAt, position, data: event });
}

/**
 * What a `public` subscription receives of an event: a Standard Webhooks payload whose `data` is the public record
 * (same redaction, same members, same order as the public API), with `ledger` saying which event it is and where
 * its inclusion proof is.
 */
export function publicPayload({ position, event }: RecordedEvent, { record, eventHash }: PublicRecord): string {
  return JSON.stringify({
    type: event.type,
    timestamp: event.recordedAt,
    position,
    data: record,
    ledger: { eventId: event.id, position, eventHash, inclusionProof: inclusionProofRoute(event.id) },
  });
}

/**
 * The bodies of one event for the subscriptions that receive it: each kind serialised once, whatever the number of
 * subscriptions; the public record read once, and only when a `public` subscription receives the event.
 */
export class EventPayloads {
  #envelope: string | undefined;
  #public: Promise<string | undefined> | undefined;

  constructor(
    private readonly recorded: RecordedEvent,
    private readonly publicRecords: PublicRecords | undefined,
  ) {}

  /** The body for `webhook`; undefined when it receives nothing of this event. */
  async for(webhook: Pick<StoredWebhook, 'payload'>): Promise<string | undefined> {
    if (webhook.payload !== 'public') return (this.#envelope ??= envelopePayload(this.recorded));
    this.#public ??= this.#publicBody();
    return this.#public;
  }

  async #publicBody(): Promise<string | undefined> {
    const found = await this.publicRecords?.(this.recorded);
    return found === undefined ? undefined : publicPayload(this.recorded, found);
  }
}
