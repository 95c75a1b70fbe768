import type { EventStore, RecordedEvent, StreamRead } from '../ports/event-store.js';

/**
 * Several streams' events read in one store call where the store can ({@link EventStore.readStreams}), else one
 * read per stream: each read's events, in the order of `reads`.
 */
export function readTogether(
  events: Pick<EventStore, 'readStream' | 'readStreams'>,
  reads: readonly StreamRead[],
): Promise<RecordedEvent[][]> {
  if (events.readStreams) return events.readStreams(reads);
  return Promise.all(reads.map((r) => events.readStream(r.stream, { fromRevision: r.fromRevision })));
}

/**
 * Streams read ahead of their use, together with another (an act's registry facts with its case): a reader that
 * wants a stream from exactly the revision it was read from takes those events instead of reading it again, as
 * they were when the read ran; any other read (another revision, another stream) goes to the store as before.
 */
export class ReadAhead {
  static readonly none = new ReadAhead([], []);

  private readonly read = new Map<string, { readonly fromRevision: number; readonly events: RecordedEvent[] }>();

  constructor(reads: readonly StreamRead[], results: readonly RecordedEvent[][]) {
    reads.forEach((r, i) => this.read.set(r.stream, { fromRevision: r.fromRevision, events: results[i]! }));
  }

  /** The events of `stream` from `fromRevision` on, when that is what was read ahead. */
  take(stream: string, fromRevision: number): RecordedEvent[] | undefined {
    const entry = this.read.get(stream);
    return entry?.fromRevision === fromRevision ? entry.events : undefined;
  }
}
