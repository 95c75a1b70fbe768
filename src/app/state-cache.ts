/** What a command handler knows of a stream after its last command: the folded state, the head and every id. */
export interface CachedStream {
  readonly revision: number;
  readonly hash: string;
  readonly position: number;
  readonly state: unknown;
  /** Ids of all events of the stream, for recognising a retried command. Private to the cache's owner. */
  readonly ids: Set<string>;
}

/**
 * The most recently used streams' folded states, so that a command reads and folds only the events recorded
 * since (by anyone, including other replicas) instead of the whole stream. States are immutable; an entry is
 * replaced, never edited, except for its private id set. Least recently used entries go first.
 */
export class StateCache {
  private readonly entries = new Map<string, CachedStream>();

  constructor(private readonly capacity = 10_000) {}

  get(stream: string): CachedStream | undefined {
    const entry = this.entries.get(stream);
    if (entry) {
      this.entries.delete(stream);
      this.entries.set(stream, entry);
    }
    return entry;
  }

  set(stream: string, entry: CachedStream): void {
    this.entries.delete(stream);
    this.entries.set(stream, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(stream: string): void {
    this.entries.delete(stream);
  }
}
