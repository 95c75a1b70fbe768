import type { EventStore, Position } from '../../ports/event-store.js';
import type { NewDelivery, StoredWebhook } from '../../ports/webhook-outbox.js';
import { EventPayloads, type PublicRecords } from './payloads.js';
import { receives } from './webhook-router.js';

/** Most events one replay puts back in the outbox; the answer says where to continue. */
export const MAX_REPLAY_EVENTS = 10_000;
/** Events a replay reads at once. */
const REPLAY_PAGE = 1_000;

/**
 * The deliveries of a replay of `webhook` from `from` on (inclusive): the events it receives, up to
 * {@link MAX_REPLAY_EVENTS} and no further than `routed` (what the router has not reached it delivers itself), with
 * `through`, the last position looked at. The agency's events are read through the store's index, as the pull
 * feed reads them, never by a scan of the whole log.
 */
export async function replayDeliveries(
  deps: { readonly events: Pick<EventStore, 'readAgencies'>; readonly publicRecords?: PublicRecords },
  webhook: StoredWebhook,
  from: Position,
  routed: Position,
): Promise<{ deliveries: NewDelivery[]; through: Position }> {
  const deliveries: NewDelivery[] = [];
  let after = Math.max(0, from - 1);
  let through = after;
  const agencyEvents = { agencies: [webhook.agency], ...(webhook.eventTypes ? { types: webhook.eventTypes } : {}) };
  scan: while (after < routed) {
    const page = await deps.events.readAgencies({ ...agencyEvents, after, limit: REPLAY_PAGE });
    for (const recorded of page) {
      if (recorded.position > routed) {
        through = routed;
        break scan;
      }
      through = recorded.position;
      const body = receives(webhook, recorded)
        ? await new EventPayloads(recorded, deps.publicRecords).for(webhook)
        : undefined;
      if (body !== undefined) {
        deliveries.push({
          webhookId: webhook.id,
          position: recorded.position,
          stream: recorded.event.stream,
          eventId: recorded.event.id,
          type: recorded.event.type,
          recordedAt: recorded.event.recordedAt,
          body,
        });
        if (deliveries.length >= MAX_REPLAY_EVENTS) break scan;
      }
    }
    // a short page: the agency has no more events up to the head, which the router's position never passes
    if (page.length < REPLAY_PAGE) {
      through = routed;
      break;
    }
    after = page[page.length - 1]!.position;
  }
  return { deliveries, through };
}
