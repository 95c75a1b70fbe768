import type { EventStore } from '../ports/event-store.js';

export interface AppendCounts {
  /** Events appended through this process, by event type (a request retried with its idempotency key is answered before any append). */
  readonly byType: ReadonlyMap<string, number>;
  readonly appends: number;
  readonly conflicts: number;
}

/**
 * Wraps an event store to count what is appended through it, for the metrics endpoint, and to know which appends
 * are still in flight: `settled()` resolves once every append begun before the call is committed or refused (the
 * stop's last checkpoint waits for it, so that it covers every append the service accepted).
 */
export function countingEventStore(store: EventStore): {
  store: EventStore;
  counts: () => AppendCounts;
  settled: () => Promise<void>;
} {
  const byType = new Map<string, number>();
  let appends = 0;
  let conflicts = 0;
  const inFlight = new Set<Promise<unknown>>();
  const append: EventStore['append'] = async (stream, events, expected) => {
    try {
      const result = await store.append(stream, events, expected);
      appends += 1;
      for (const event of events) byType.set(event.type, (byType.get(event.type) ?? 0) + 1);
      return result;
    } catch (err) {
      if ((err as { code?: string }).code === 'revision_conflict') conflicts += 1;
      throw err;
    }
  };
  const counted: EventStore = {
    append(stream, events, expected) {
      const pending = append(stream, events, expected);
      inFlight.add(pending);
      const done = () => inFlight.delete(pending);
      pending.then(done, done);
      return pending;
    },
    readStream: (stream, options) => store.readStream(stream, options),
    ...(store.readStreams ? { readStreams: (reads) => store.readStreams!(reads) } : {}),
    readAll: (options) => store.readAll(options),
    ...(store.readAllStored ? { readAllStored: (options) => store.readAllStored!(options) } : {}),
    ...(store.readRecent ? { readRecent: (limit) => store.readRecent!(limit) } : {}),
    readAgencies: (options) => store.readAgencies(options),
    subscribe: (options) => store.subscribe(options),
    ...(store.subscribeStored ? { subscribeStored: (options) => store.subscribeStored!(options) } : {}),
    headPosition: () => store.headPosition(),
    ping: () => store.ping(),
    close: () => store.close(),
  };
  return {
    store: counted,
    counts: () => ({ byType, appends, conflicts }),
    settled: async () => {
      await Promise.allSettled([...inFlight]);
    },
  };
}

/** The counts in the Prometheus text format. */
export function appendMetrics(counts: AppendCounts): string[] {
  const lines = [
    '# HELP ledger_events_appended_total Events appended, by type.',
    '# TYPE ledger_events_appended_total counter',
  ];
  for (const [type, n] of counts.byType) lines.push(`ledger_events_appended_total{type="${type}"} ${n}`);
  lines.push('# HELP ledger_appends_total Append calls that succeeded.', '# TYPE ledger_appends_total counter');
  lines.push(`ledger_appends_total ${counts.appends}`);
  lines.push(
    '# HELP ledger_append_conflicts_total Appends refused for a revision conflict.',
    '# TYPE ledger_append_conflicts_total counter',
  );
  lines.push(`ledger_append_conflicts_total ${counts.conflicts}`);
  return lines;
}
