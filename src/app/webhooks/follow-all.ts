import type { EventStore, Position, RecordedEvent } from '../../ports/event-store.js';
import type { FollowOptions } from '../follow-log.js';

/**
 * Follows the global log in batches from `from()` (asked again after each failure, so a consumer that commits its
 * own position resumes from what it committed) until `signal` aborts.
 */
export async function followLog(
  events: Pick<EventStore, 'subscribe'>,
  from: () => Position,
  signal: AbortSignal,
  apply: (batch: readonly RecordedEvent[]) => void,
  options: FollowOptions = {},
): Promise<void> {
  while (!signal.aborted) {
    try {
      for await (const message of events.subscribe({ after: from(), signal })) {
        if (message.type === 'events') apply(message.events);
      }
    } catch (err) {
      if (signal.aborted) return;
      options.onError?.(err);
    }
    if (!signal.aborted) await pause(options.retryDelayMs ?? 1_000, signal);
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
