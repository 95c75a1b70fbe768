import type { EventEnvelope } from '../ledger/envelope.js';
import type { EventStore, Position } from '../ports/event-store.js';

export interface FollowOptions {
  /** Told when following the log fails (it is retried). */
  readonly onError?: (err: unknown) => void;
  /** Pause before following the log again after a failure. Default 1000 ms. */
  readonly retryDelayMs?: number;
}

/**
 * Follows the global log from `after` until `signal` aborts, handing every event of `stream` to `apply`: how the
 * state a service keeps in memory (token revocations, the working-day calendar) learns of events another replica
 * recorded. A failure is told and the log followed again from the last event seen, after a pause.
 */
export async function followStream(
  events: EventStore,
  stream: string,
  after: Position,
  signal: AbortSignal,
  apply: (event: EventEnvelope) => void,
  options: FollowOptions = {},
): Promise<void> {
  let from = after;
  while (!signal.aborted) {
    try {
      for await (const message of events.subscribe({ after: from, signal })) {
        if (message.type !== 'events') continue;
        for (const { position, event } of message.events) {
          if (event.stream === stream) apply(event);
          from = position;
        }
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
