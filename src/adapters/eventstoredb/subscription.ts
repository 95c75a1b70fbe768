import {
  START as FIRST,
  excludeSystemEvents,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type Filter,
  type EventStoreDBClient,
  type Position as LogPosition,
  type ReadPosition,
} from '@eventstore/db-client';
import type { Position, RecordedEvent, SubscriptionMessage } from '../../ports/event-store.js';
import { compareLog, toStoredRecord, type StoredRecord } from './records.js';

export interface FollowDependencies {
  readonly client: EventStoreDBClient;
  /** Aborted when the store closes. */
  readonly stopAll: AbortSignal;
  closed(): boolean;
  /** The newest ledger event in `$all`, for servers that do not say when a subscription has caught up. */
  head(): Promise<StoredRecord | undefined>;
  positions(records: readonly StoredRecord[]): Promise<Position[]>;
  fail(err: unknown, doing: string): Error;
  retryDelay(attempt: number): number;
  onResubscribe(): void;
  /** Consecutive failed (re)subscriptions before giving up. */
  readonly attempts: number;
}

export interface FollowOptions {
  /** Deliver events after this port position. */
  readonly after: Position;
  /** Where in `$all` to subscribe from (exclusive): START, or the first event of the append holding `after`. */
  readonly from: ReadPosition;
  readonly batchSize: number;
  readonly signal?: AbortSignal;
  /** The server-side filter; default: every ledger event (no system events). */
  readonly filter?: Filter;
}

/** Marks, in the order of the subscription's own messages, where the server said it has caught up. */
const CAUGHT_UP = Object.freeze({ caughtUp: true });
type Item = AllStreamResolvedEvent | typeof CAUGHT_UP;

/**
 * Catch-up then live delivery of `$all`, filtered on the server to the ledger's events (system events, whose type
 * starts with `$`, are left out), in batches, with a `caughtUp` mark:
 * - when the server says so (EventStoreDB 23.10 and later send caught-up; the 6.x client emits it as an event),
 *   or, for servers that do not, once the subscription has delivered the newest ledger event there was when it
 *   was opened;
 * - again after each live batch, when nothing more is waiting.
 * A failed subscription (server restart, dropped connection, a stream closed by the server) is opened again from
 * the `$all` position of the last event delivered, so nothing is lost or repeated; after `attempts` failures in a
 * row the iteration fails with `StoreUnavailable`.
 */
export async function* followAll(
  deps: FollowDependencies,
  options: FollowOptions,
): AsyncGenerator<SubscriptionMessage, void, undefined> {
  const stop = AbortSignal.any(options.signal ? [deps.stopAll, options.signal] : [deps.stopAll]);
  let after = options.after;
  let from: ReadPosition = options.from;
  let failures = 0;
  let opened = 0;
  while (!stop.aborted && !deps.closed()) {
    let feed: Feed | undefined;
    try {
      const head = await deps.head();
      if (stop.aborted) return;
      let caughtUp = !head || (from !== FIRST && compareLog(from as LogPosition, head.log) >= 0);
      if (opened++ > 0) deps.onResubscribe();
      feed = new Feed(
        deps.client.subscribeToAll({ fromPosition: from, filter: options.filter ?? excludeSystemEvents() }),
      );
      let marked = false;
      if (caughtUp) {
        marked = true;
        yield { type: 'caughtUp', position: after };
        if (stop.aborted) return;
      }
      for (;;) {
        const first = await feed.next(stop);
        if (first === STOPPED) return;
        const items: AllStreamResolvedEvent[] = [];
        let serverCaughtUp = first === CAUGHT_UP;
        if (!serverCaughtUp) items.push(first as AllStreamResolvedEvent);
        while (!serverCaughtUp && items.length < options.batchSize) {
          const item = feed.read();
          if (item === null) break;
          if (item === CAUGHT_UP) serverCaughtUp = true;
          else items.push(item as AllStreamResolvedEvent);
        }
        const records = items.map(toStoredRecord).filter((r): r is StoredRecord => r !== undefined);
        const last = records[records.length - 1];
        if (last) from = last.log;
        const ours = records.filter((r) => r.envelope);
        const positions = await deps.positions(ours);
        if (stop.aborted) return;
        const events: RecordedEvent[] = [];
        ours.forEach((r, i) => {
          if (positions[i]! > after) events.push({ position: positions[i]!, event: r.envelope! });
        });
        if (events.length > 0) {
          after = events[events.length - 1]!.position;
          failures = 0;
          marked = false;
          yield { type: 'events', events };
          if (stop.aborted) return;
        }
        if (serverCaughtUp || (head && last && compareLog(last.log, head.log) >= 0)) caughtUp = true;
        if (caughtUp && !marked && (serverCaughtUp || feed.idle())) {
          failures = 0;
          marked = true;
          yield { type: 'caughtUp', position: after };
        }
      }
    } catch (err) {
      if (stop.aborted || deps.closed()) return;
      failures += 1;
      if (failures >= deps.attempts) throw deps.fail(err, 'following $all');
      await pause(deps.retryDelay(failures), stop);
    } finally {
      feed?.close();
    }
  }
}

const STOPPED = Symbol('stopped');

/** One subscription of the driver, read as a queue: its events in order, and the caught-up marks between them. */
class Feed {
  private error: unknown;
  private ended = false;
  private wake: (() => void) | undefined;

  constructor(private readonly subscription: AllStreamSubscription) {
    const notify = () => this.wake?.();
    subscription.on('error', (err: unknown) => {
      this.error ??= err;
      notify();
    });
    subscription.on('end', () => {
      this.ended = true;
      notify();
    });
    subscription.on('close', () => {
      this.ended = true;
      notify();
    });
    subscription.on('readable', notify);
    // the mark goes into the subscription's own buffer, behind the events the server sent before it
    subscription.on('caughtUp', () => {
      if (!subscription.readableEnded && !subscription.destroyed) subscription.push(CAUGHT_UP);
    });
  }

  read(): Item | null {
    return this.subscription.read() as Item | null;
  }

  /** Nothing is waiting to be read. */
  idle(): boolean {
    return this.subscription.readableLength === 0;
  }

  async next(stop: AbortSignal): Promise<Item | typeof STOPPED> {
    for (;;) {
      if (stop.aborted) return STOPPED;
      const item = this.read();
      if (item !== null) return item;
      if (this.error !== undefined) throw this.error;
      if (this.ended) throw new Error('EventStoreDB ended the subscription');
      await new Promise<void>((resolve) => {
        const done = () => {
          this.wake = undefined;
          stop.removeEventListener('abort', done);
          resolve();
        };
        this.wake = done;
        stop.addEventListener('abort', done, { once: true });
      });
    }
  }

  close(): void {
    this.wake = undefined;
    void this.subscription.unsubscribe().catch(() => {});
  }
}

function pause(ms: number, stop: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      stop.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    timer.unref();
    stop.addEventListener('abort', done, { once: true });
  });
}
