import { caughtUp, CONSISTENCY_WAIT_MS, type ReadConsistency } from '../../../src/app/read-consistency.js';
import { NotCaughtUp } from '../../../src/errors.js';

/** A runner at position 10 of a log whose head is 20, that never catches up, and notes each wait it is asked for. */
function lagging(readWaitMs?: number): ReadConsistency & { waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    position: () => 10,
    head: async () => 20,
    waitFor: async (_position, timeoutMs) => {
      waits.push(timeoutMs);
      return false;
    },
    ...(readWaitMs === undefined ? {} : { readWaitMs }),
  };
}

describe('read-your-writes waits', () => {
  it('when the runner carries the service read wait (READ_WAIT_MS), then a read waits that long, then 503', async () => {
    const runner = lagging(250);
    await expect(caughtUp(runner, 15)).rejects.toBeInstanceOf(NotCaughtUp);
    expect(runner.waits).toEqual([250]);
  });

  it('when the service set no read wait, then a read waits the default', async () => {
    const runner = lagging();
    await expect(caughtUp(runner, 15)).rejects.toBeInstanceOf(NotCaughtUp);
    expect(runner.waits).toEqual([CONSISTENCY_WAIT_MS]);
  });

  it('when a read names its own wait, then that one counts, and a position already applied waits for nothing', async () => {
    const runner = lagging(250);
    await expect(caughtUp(runner, 15, 40)).rejects.toBeInstanceOf(NotCaughtUp);
    await caughtUp(runner, 10);
    expect(runner.waits).toEqual([40]);
  });
});
