import type { EventEnvelope } from '../ledger/envelope.js';
import type { EventStore, Position, RecordedEvent } from '../ports/event-store.js';

export interface FollowOptions {
  /** Told when following the log fails (it is retried). */
  readonly onError?: (err: unknown) => void;
  /** Pause before following the log again after a failure. Default 1000 ms. */
  readonly retryDelayMs?: number;
}

/**
 * Follows the global log in batches from `from()` (asked again after each failure, so a consumer that commits its
 * own position resumes from what it committed) until `signal` aborts. A failure is told and the log followed again
 * after a pause.
 */
export async function followLog(
  events: Pick<EventStore, 'subscribe'>,
  from: () => Position,
  signal: AbortSignal,
  apply: (batch: readonly RecordedEvent[]) => void | Promise<void>,
  options: FollowOptions = {},
): Promise<void> {
  while (!signal.aborted) {
    try {
      for await (const message of events.subscribe({ after: from(), signal })) {
        if (message.type === 'events') await apply(message.events);
      }
    } catch (err) {
      if (signal.aborted) return;
      options.onError?.(err);
    }
    if (!signal.aborted) await pause(options.retryDelayMs ?? 1_000, signal);
  }
}

/**
 * Follows the global log from `after` until `signal` aborts, handing every event of `stream` to `apply`: how the
 * state a service keeps in memory (token revocations, the working-day calendar) learns of events another replica
 * recorded. After a failure the log is followed again from the last event seen.
 */
export async function followStream(
  events: Pick<EventStore, 'subscribe'>,
  stream: string,
  after: Position,
  signal: AbortSignal,
  apply: (event: EventEnvelope) => void,
  options: FollowOptions = {},
): Promise<void> {
  let from = after;
  const seen = (batch: readonly RecordedEvent[]) => {
    for (const { position, event } of batch) {
      if (event.stream === stream) apply(event);
      from = position;
    }
  };
  await followLog(events, () => from, signal, seen, options);
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
