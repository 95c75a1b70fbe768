import { countingEventStore } from '../../../src/app/counting-event-store.js';
import type { AppendResult, EventStore } from '../../../src/ports/event-store.js';

/** A store whose appends wait until the test lets each one through (or refuses it). */
function heldStore() {
  const held: { resolve: (r: AppendResult) => void; reject: (e: Error) => void }[] = [];
  const store = {
    append: () =>
      new Promise<AppendResult>((resolve, reject) => {
        held.push({ resolve, reject });
      }),
  } as unknown as EventStore;
  return { store, held };
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('the counting event store', () => {
  it('when appends are in flight, then settled() waits for each to commit or be refused, and counts the committed', async () => {
    const { store, held } = heldStore();
    const counting = countingEventStore(store);
    const first = counting.store.append('s-1', [{ type: 'A' } as never], 'no_stream');
    const second = counting.store.append('s-2', [{ type: 'B' } as never], 'no_stream').catch((e: Error) => e);
    let settled = false;
    const waiting = counting.settled().then(() => (settled = true));
    await flush();
    expect(settled).toBe(false);
    held[0]!.resolve({ position: 1, revision: 0 } as unknown as AppendResult);
    await first;
    await flush();
    expect(settled).toBe(false); // the second is still in flight
    held[1]!.reject(Object.assign(new Error('conflict'), { code: 'revision_conflict' }));
    await waiting;
    expect(settled).toBe(true);
    expect(await second).toBeInstanceOf(Error);
    const counts = counting.counts();
    expect([counts.appends, counts.conflicts, [...counts.byType]]).toEqual([1, 1, [['A', 1]]]);
  });

  it('when an append begins after settled() was called, then settled() does not wait for it', async () => {
    const { store, held } = heldStore();
    const counting = countingEventStore(store);
    void counting.store.append('s-1', [{ type: 'A' } as never], 'no_stream');
    const waiting = counting.settled();
    void counting.store.append('s-2', [{ type: 'A' } as never], 'no_stream');
    held[0]!.resolve({ position: 1, revision: 0 } as unknown as AppendResult);
    await waiting; // resolves with the second still held
    expect(held).toHaveLength(2);
    expect(await Promise.race([counting.settled().then(() => 'settled'), flush().then(() => 'waiting')])).toBe(
      'waiting',
    );
  });
});
