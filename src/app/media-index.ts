import { START, type EventStore, type Position, type RecordedEvent } from '../ports/event-store.js';

const CASE_STREAM_PREFIX = 'case-';

export interface MediaIndexOptions {
  /** How long to wait before subscribing again after the subscription failed or ended. Default 1000 ms. */
  readonly retryDelayMs?: number;
  /** Told about each subscription failure (the index retries on its own). */
  readonly onError?: (err: unknown) => void;
}

/**
 * Which cases reference which medium, and the agency of each such case: whoever may read one of those cases
 * may fetch the medium. Folded from the global log, following it live.
 *
 * Kept in memory and rebuilt from the start of the log at every start-up; issue 5 replaces it with a stored
 * projection.
 */
export class MediaIndex {
  /** sha256 → caseId → the case's agency, in order of first reference. */
  readonly #cases = new Map<string, Map<string, string>>();
  /** caseId → agency (of the actor of the case's `CaseOpened`). */
  readonly #agencies = new Map<string, string>();
  #position: Position = START;
  #stopped = false;
  readonly #waiters = new Set<{ readonly position: Position; readonly resolve: () => void }>();
  readonly #retryDelayMs: number;
  readonly #onError: (err: unknown) => void;

  constructor(
    private readonly events: EventStore,
    options: MediaIndexOptions = {},
  ) {
    this.#retryDelayMs = options.retryDelayMs ?? 1000;
    this.#onError = options.onError ?? (() => {});
  }

  /**
   * Subscribes from the start of the log; resolves once the index has caught up with it (or `signal` aborted
   * first) and keeps following new events until `signal` aborts. A failing subscription is retried from the
   * last applied position, never thrown.
   */
  start(signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      const stop = () => {
        this.#stopped = true;
        for (const waiter of this.#waiters) waiter.resolve();
        this.#waiters.clear();
        resolve();
      };
      if (signal?.aborted) return stop();
      signal?.addEventListener('abort', stop, { once: true });
      void this.#follow(resolve, signal);
    });
  }

  /** The agencies of the cases that reference the medium; empty when none does. */
  agenciesReferencing(sha256: string): ReadonlySet<string> {
    return new Set(this.#cases.get(sha256)?.values());
  }

  /** The ids of the cases that reference the medium, in the order they first did. */
  casesReferencing(sha256: string): string[] {
    return [...(this.#cases.get(sha256)?.keys() ?? [])];
  }

  /** The agency a case belongs to, when the index has seen it. */
  agencyOf(caseId: string): string | undefined {
    return this.#agencies.get(caseId);
  }

  /**
   * Resolves once every event up to `position` is applied (a medium referenced by an act just appended is then
   * known), or once `signal` aborts or the index stops: callers then go on with what is applied.
   */
  waitFor(position: Position, signal?: AbortSignal): Promise<void> {
    if (position <= this.#position || this.#stopped || signal?.aborted) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const waiter = {
        position,
        resolve: () => {
          signal?.removeEventListener('abort', waiter.resolve);
          this.#waiters.delete(waiter);
          resolve();
        },
      };
      signal?.addEventListener('abort', waiter.resolve, { once: true });
      this.#waiters.add(waiter);
    });
  }

  async #follow(caughtUp: () => void, signal: AbortSignal | undefined): Promise<void> {
    while (!this.#stopped) {
      try {
        for await (const message of this.events.subscribe({ after: this.#position, ...(signal ? { signal } : {}) })) {
          if (message.type === 'events') {
            for (const recorded of message.events) this.#apply(recorded);
          } else {
            this.#advance(message.position);
            caughtUp();
          }
        }
      } catch (err) {
        this.#onError(err);
      }
      if (!this.#stopped) await delay(this.#retryDelayMs, signal);
    }
  }

  #apply({ position, event }: RecordedEvent): void {
    if (event.stream.startsWith(CASE_STREAM_PREFIX)) {
      const caseId = event.stream.slice(CASE_STREAM_PREFIX.length);
      // Only the case's own agency writes to it, so the first event seen names it (the CaseOpened in order).
      let agency = this.#agencies.get(caseId);
      if (agency === undefined) this.#agencies.set(caseId, (agency = event.actor.agency));
      for (const { sha256 } of event.media) {
        let cases = this.#cases.get(sha256);
        if (!cases) this.#cases.set(sha256, (cases = new Map()));
        if (!cases.has(caseId)) cases.set(caseId, agency);
      }
    }
    this.#advance(position);
  }

  #advance(position: Position): void {
    if (position <= this.#position) return;
    this.#position = position;
    for (const waiter of this.#waiters) if (waiter.position <= position) waiter.resolve();
  }
}

/** Waits `ms`, or less when `signal` aborts; never keeps the process alive. */
function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    timer.unref();
    signal?.addEventListener('abort', done, { once: true });
  });
}
