import type { AppliedBatch, HandedEvent, ProjectionApplier } from '../../../src/app/projection-applier.js';
import { SplitApplier } from '../../../src/app/split-applier.js';

/** A part that stores positions only, applying what is past its own, and fails the batches it is told to. */
class Part implements ProjectionApplier {
  position = 0;
  failNext = false;
  closed = false;
  readonly seen: number[] = [];
  async open() {
    return this.position;
  }
  async reset() {
    this.position = 0;
  }
  async apply(batch: readonly HandedEvent[]): Promise<AppliedBatch> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('this part failed');
    }
    const fresh = batch.filter((e) => e.position > this.position);
    this.seen.push(...fresh.map((e) => e.position));
    if (fresh.length > 0) this.position = fresh.at(-1)!.position;
    return {
      position: this.position,
      events: fresh.length,
      commits: fresh.length > 0 ? 1 : 0,
      quarantined: [],
      ...(fresh.length > 0 ? { recordedAt: '2025-01-06T09:00:00.000+08:00' } : {}),
    };
  }
  async close() {
    this.closed = true;
  }
}

const batch = (from: number, to: number): HandedEvent[] =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ position: from + i, stream: 's', json: '{}' }));

describe('a split applier', () => {
  it('when every part stores a batch, then it answers the batch once, at the lowest position of its parts', async () => {
    const [a, b] = [new Part(), new Part()];
    const split = new SplitApplier([a, b]);
    const applied = await split.apply(batch(1, 5));
    expect(applied).toMatchObject({ position: 5, events: 5, commits: 1 });
    expect([a.seen, b.seen]).toEqual([
      [1, 2, 3, 4, 5],
      [1, 2, 3, 4, 5],
    ]);
  });

  it('when one part fails a batch, then it fails, stands at the part behind, and the batch given again is applied by that part alone', async () => {
    const [a, b] = [new Part(), new Part()];
    const split = new SplitApplier([a, b]);
    await split.apply(batch(1, 3));
    b.failNext = true;
    await expect(split.apply(batch(4, 6))).rejects.toThrow('this part failed');
    expect(await split.open()).toBe(3);
    expect(a.position).toBe(6);
    const again = await split.apply(batch(4, 6));
    expect(again).toMatchObject({ position: 6, events: 3 });
    // neither part applied an event twice
    expect(a.seen).toEqual([1, 2, 3, 4, 5, 6]);
    expect(b.seen).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('when it is reset or closed, then every part is', async () => {
    const [a, b] = [new Part(), new Part()];
    const split = new SplitApplier([a, b]);
    await split.apply(batch(1, 2));
    await split.reset();
    expect(await split.open()).toBe(0);
    await split.close();
    expect([a.closed, b.closed]).toEqual([true, true]);
  });
});
