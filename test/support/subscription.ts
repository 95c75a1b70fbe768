import type { EventStore, SubscribeOptions, SubscriptionMessage } from '../../src/ports/event-store.js';

export function iterate(store: EventStore, options: SubscribeOptions): AsyncIterator<SubscriptionMessage> {
  return store.subscribe(options)[Symbol.asyncIterator]();
}
