import type { EventEnvelope } from '../ledger/envelope.js';
import type {
  EventStore,
  Position,
  RecordedEvent,
  StoredEvent,
  SubscribeOptions,
  SubscriptionMessage,
} from '../ports/event-store.js';

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
export async function followLog<E extends { readonly position: Position } = RecordedEvent>(
  events: { subscribe(options: SubscribeOptions): AsyncIterable<SubscriptionMessage<E>> },
  from: () => Position,
  signal: AbortSignal,
  apply: (batch: readonly E[]) => void | Promise<void>,
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
 * Follows the global log from `after` until `signal` aborts, handing every event of `stream` (or of any of the
 * streams named) to `apply`: how the
 * state a service keeps in memory (token revocations, the working-day calendar) learns of events another replica
 * recorded. After a failure the log is followed again from the last event seen. Where the store delivers its events
 * as stored (`subscribeStored`), only the events of `stream` are parsed: every other event of the log passes by
 * as its stream's name.
 */
export async function followStream(
  events: Pick<EventStore, 'subscribe' | 'subscribeStored'>,
  stream: string | readonly string[],
  after: Position,
  signal: AbortSignal,
  apply: (event: EventEnvelope) => void,
  options: FollowOptions = {},
): Promise<void> {
  const streams = new Set(typeof stream === 'string' ? [stream] : stream);
  let from = after;
  const seen = (batch: readonly (RecordedEvent | StoredEvent)[]) => {
    for (const recorded of batch) {
      if ('json' in recorded) {
        if (streams.has(recorded.stream)) apply(JSON.parse(recorded.json) as EventEnvelope);
      } else if (streams.has(recorded.event.stream)) apply(recorded.event);
      from = recorded.position;
    }
  };
  const stored = events.subscribeStored?.bind(events);
  await followLog(stored ? { subscribe: stored } : events, () => from, signal, seen, options);
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
