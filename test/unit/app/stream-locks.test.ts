import { StreamLocks } from '../../../src/app/stream-locks.js';

/** A promise and the function that resolves it. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('StreamLocks: tasks one at a time per key', () => {
  it('when tasks are given under one key, then each starts after the one before it ended, failed or not', async () => {
    const queue = new StreamLocks();
    const log: string[] = [];
    const first = gate();
    const a = queue.run('agency-a', async () => {
      log.push('a1 start');
      await first.opened;
      log.push('a1 end');
      throw new Error('refused');
    });
    const b = queue.run('agency-a', async () => {
      log.push('a2 start');
      return 2;
    });
    // another key is not held back
    const c = queue.run('agency-b', async () => {
      log.push('b1');
      return 3;
    });
    expect(await c).toBe(3);
    expect(log).toEqual(['a1 start', 'b1']);
    first.open();
    await expect(a).rejects.toThrow('refused');
    expect(await b).toBe(2);
    expect(log).toEqual(['a1 start', 'b1', 'a1 end', 'a2 start']);
  });

  it('when the tasks of a key have ended, then the key is forgotten', async () => {
    const queue = new StreamLocks();
    await Promise.all([queue.run('k', async () => 1), queue.run('k', async () => 2), queue.run('j', async () => 3)]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(queue.busyKeys).toBe(0);
  });
});
