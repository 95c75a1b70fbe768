import { SqliteReadModelStore } from '../../../src/adapters/sqlite/read-model-store.js';
import { InProcessApplier, type ProjectionApplier } from '../../../src/app/projection-applier.js';
import { ProjectionRunner } from '../../../src/app/projection-runner.js';
import { sealEvents } from '../../../src/ledger/envelope.js';
import type { EventStore, RecordedEvent, SubscriptionMessage } from '../../../src/ports/event-store.js';
import { COUNTING } from '../../support/counting-projection.js';
import { draft, testSigner, RECORDED_AT } from '../../support/events.js';

/**
 * How the runner cuts the live log into batches: what arrives while a batch is being applied is handed over as one
 * batch once that batch is stored (or once it reaches the batch size), rather than as the pieces it came in.
 */

const signer = testSigner();

/** `n` events of one stream at log positions 1 to n. */
function log(n: number): RecordedEvent[] {
  const sealed = sealEvents(
    'counted-1',
    null,
    Array.from({ length: n }, () => draft({ type: 'Counted' })),
    signer,
    RECORDED_AT,
  );
  return sealed.map((event, i) => ({ position: i + 1, event }));
}

/**
 * A log whose subscription yields the pieces it is given one at a time, as commits would arrive; `asked` resolves
 * when the runner has taken `pieces.length` of them and asks for the next, which comes only when `end` is called.
 */
function piecewiseLog(pieces: readonly RecordedEvent[][]) {
  let end!: () => void;
  const ended = new Promise<void>((resolve) => (end = resolve));
  let asked!: () => void;
  const allTaken = new Promise<void>((resolve) => (asked = resolve));
  const events = {
    async *subscribe(): AsyncIterable<SubscriptionMessage> {
      for (const piece of pieces) yield { type: 'events', events: piece };
      asked();
      await ended;
      yield { type: 'caughtUp', position: pieces.at(-1)!.at(-1)!.position };
      await new Promise(() => {}); // live: nothing more arrives
    },
  } as unknown as EventStore;
  return { events, allTaken, end };
}

/**
 * An applier over `:memory:` that applies batches in the order handed over (as the projection thread does), lists
 * each batch's size, tells `handed` the count, and holds the first one until `release` is called.
 */
function holdingApplier(handed: (batches: number) => void) {
  const store = new SqliteReadModelStore({ path: ':memory:', projections: [COUNTING] });
  const inner = new InProcessApplier(store, [COUNTING]);
  const batches: number[] = [];
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let queue: Promise<unknown> = held;
  const applier: ProjectionApplier = {
    open: () => inner.open(),
    reset: () => inner.reset(),
    close: () => inner.close(),
    apply(batch, after) {
      batches.push(batch.length);
      handed(batches.length);
      const applied = queue.then(() => inner.apply(batch, after));
      queue = applied;
      return applied;
    },
  };
  return { store, applier, batches, release };
}

/**
 * Follows `pieces` with a runner of `batchSize`, the first batch held until every piece was read (`releaseAfter`
 * undefined: the runner asks for more than there is) or until that many batches were handed over.
 */
async function follow(pieces: RecordedEvent[][], batchSize: number, releaseAfter?: number) {
  const { events, allTaken, end } = piecewiseLog(pieces);
  let enoughHanded!: () => void;
  const handedOver = new Promise<void>((resolve) => (enoughHanded = resolve));
  const { store, applier, batches, release } = holdingApplier((n) => n === releaseAfter && enoughHanded());
  await applier.reset();
  const runner = new ProjectionRunner(events, store, [COUNTING], { applier, batchSize });
  const stop = new AbortController();
  const started = runner.start(stop.signal);
  await (releaseAfter === undefined ? allTaken : handedOver);
  release();
  end();
  await started;
  const last = pieces.at(-1)!.at(-1)!.position;
  const applied = await runner.waitFor(last, 60_000);
  stop.abort();
  const counted = store.get<{ n: number }>('event_counts', '*')?.n;
  store.close();
  return { batches, applied, counted };
}

describe('the runner’s live batches', () => {
  it('when events arrive in pieces while a batch is being applied, then they are applied together as the next batch', async () => {
    const [first, ...rest] = log(7);
    const pieces = [[first!], rest.slice(0, 2), rest.slice(2, 3), rest.slice(3)];
    const { batches, applied, counted } = await follow(pieces, 500);
    expect(applied).toBe(true);
    expect(batches).toEqual([1, 6]);
    expect(counted).toBe(7); // each event applied once
  });

  it('when more arrive than a batch holds, then the next batch is handed over full and the rest follow it', async () => {
    const [first, ...rest] = log(8);
    const pieces = [[first!], rest.slice(0, 2), rest.slice(2, 4), rest.slice(4)];
    // the second batch is full after the third piece: the runner hands it over and reads no more until the first
    // is stored
    const { batches, applied, counted } = await follow(pieces, 4, 2);
    expect(applied).toBe(true);
    expect(batches).toEqual([1, 4, 3]);
    expect(counted).toBe(8);
  });
});
