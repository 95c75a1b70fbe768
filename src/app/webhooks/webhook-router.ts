import { parseAgencyStream } from '../../domain/streams.js';
import { isWebhookStream, wants } from '../../domain/webhooks/subscriptions.js';
import type { Clock } from '../../ports/clock.js';
import type { EventStore, RecordedEvent } from '../../ports/event-store.js';
import type { NewDelivery, StoredWebhook, WebhookOutboxStore } from '../../ports/webhook-outbox.js';
import { followLog } from '../follow-log.js';
import { EventPayloads, type PublicRecords } from './payloads.js';
import { applyWebhookEvent } from '../../../projections/webhooks.js';

/**
 * Whether `webhook` may receive `event`: not deleted, recorded after the subscription was, of one of its types (for
 * a `public` one, of a type that has a public record), and of a stream of its agency (the agency in the stream's
 * name, as every read and the pull feed scope records: never another agency's, whoever the actor). A `public`
 * subscription then receives the event only when its public record is still the entry's current form. A disabled
 * subscription (a receiver's 410) receives it too, and it is kept as a dead letter without being sent (the
 * delivery worker's rule): nothing of what happened while it was off is lost, and a replay sends it.
 */
export function receives(webhook: StoredWebhook, { position, event }: RecordedEvent): boolean {
  const stream = parseAgencyStream(event.stream);
  return (
    !webhook.deleted &&
    position > (webhook.subscribedPosition ?? 0) &&
    stream?.agency === webhook.agency &&
    wants(webhook, event.type, stream.category)
  );
}

/**
 * Routes the log into the outbox: follows the global log from the outbox's own position and, for each batch, in
 * one transaction, folds subscription changes, adds a delivery per (event, subscription that receives it) and moves
 * the position. Subscriptions take effect at their place in the log: a new one receives the events after it. A
 * change the outbox holds already (the service stores each one as it records it, read your writes) is skipped, by
 * its stream revision.
 */
export class WebhookRouter {
  constructor(
    private readonly deps: {
      readonly events: Pick<EventStore, 'subscribe'>;
      readonly store: WebhookOutboxStore;
      readonly clock: Clock;
      /** The public records of events, for `public` subscriptions; without it they receive nothing. */
      readonly publicRecords?: PublicRecords;
      /** Told after each commit that added deliveries. */
      readonly routed?: () => void;
      readonly onError?: (err: unknown) => void;
    },
  ) {}

  async route(batch: readonly RecordedEvent[]): Promise<void> {
    const last = batch[batch.length - 1];
    if (last === undefined) return;
    const webhooks = new Map(this.deps.store.webhooks().map((w) => [w.id, w]));
    const changed = new Map<string, StoredWebhook>();
    const deliveries: NewDelivery[] = [];
    for (const recorded of batch) {
      const { event } = recorded;
      if (isWebhookStream(event.stream) && event.type.startsWith('Webhook')) {
        const id = (event.data as { webhookId: string }).webhookId;
        const known = webhooks.get(id);
        // the service stores each change as it records it: a change the stored fold reflects is not applied again
        // (folding a deletion onto a deleted subscription would fail, and the router retry it forever)
        if (known === undefined || event.revision > known.revision) {
          const next = applyWebhookEvent(known, recorded);
          webhooks.set(id, next);
          changed.set(id, next);
        }
      }
      const payloads = new EventPayloads(recorded, this.deps.publicRecords);
      for (const webhook of webhooks.values()) {
        if (!receives(webhook, recorded)) continue;
        const body = await payloads.for(webhook);
        if (body === undefined) continue;
        deliveries.push({
          webhookId: webhook.id,
          position: recorded.position,
          stream: event.stream,
          eventId: event.id,
          type: event.type,
          recordedAt: event.recordedAt,
          body,
        });
      }
    }
    this.deps.store.commit({
      webhooks: [...changed.values()],
      deliveries,
      position: last.position,
      now: this.deps.clock.now().getTime(),
    });
    if (deliveries.length > 0) this.deps.routed?.();
  }

  /**
   * Follows the log from the outbox's position until `signal` aborts. A `public` subscription's deliveries wait for
   * the read models to reach the event (its public record is theirs): a failure to read them is retried like any.
   */
  start(signal: AbortSignal): Promise<void> {
    return followLog(
      this.deps.events,
      () => this.deps.store.position(),
      signal,
      (batch) => this.route(batch),
      this.deps.onError === undefined ? {} : { onError: this.deps.onError },
    );
  }
}
