import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openThreadedReadModels } from '../../src/compose.js';
import { CHINA_STANDARD_TIME } from '../../src/domain/actor.js';
import { DEFAULT_PROJECTION_NICE } from '../../src/config.js';
import { currentThreadId, lowerThisThreadPriority } from '../../src/thread-priority.js';
import { freshTempDir } from '../support/temp-dir.js';

// The projection thread runs at a lower priority than the rest of the process (docs/read-models.md, "The thread's
// priority"): each of this process's threads is read from /proc, where a task's nice value is field 19 of its stat.

const tempDir = freshTempDir('projection-priority');

/** The nice value of each thread of this process, by thread id. */
function niceByThread(): Map<number, number> {
  const niceness = new Map<number, number>();
  for (const tid of fs.readdirSync('/proc/self/task')) {
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    } catch {
      continue; // a thread that ended while the list was read
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    niceness.set(Number(tid), Number(fields[16]));
  }
  return niceness;
}

const linux = typeof currentThreadId() === 'number';
const onLinux = linux ? describe : describe.skip;
if (!linux) {
  console.log(
    `projection thread priority: not run: ${String(currentThreadId())} (threads have nice values of their own on Linux only)`,
  );
}

onLinux('the projection thread runs at a lower priority than the rest of the process', () => {
  it.each([
    ['by default', DEFAULT_PROJECTION_NICE, undefined],
    ['asked for 17', 17, 17],
  ])('%s, the thread alone runs at nice %d', async (_name, expected, asked) => {
    const before = niceByThread();
    const { store, applier } = await openThreadedReadModels(
      path.join(tempDir(), 'rm.sqlite'),
      CHINA_STANDARD_TIME,
      undefined,
      ...(asked === undefined ? [] : [asked]),
    );
    try {
      expect(applier.priority).toEqual({ nice: expected });
      const after = niceByThread();
      // the threads started since: the projection thread among them, at `expected`; the others keep theirs
      const started = [...after].filter(([tid]) => !before.has(tid));
      expect(started.filter(([, nice]) => nice === expected)).toHaveLength(1);
      for (const [tid, nice] of before) if (after.has(tid)) expect(after.get(tid)).toBe(nice);
      expect(os.getPriority()).toBe(before.get(process.pid)); // this (the main) thread unchanged
    } finally {
      await applier.close();
      store.close();
    }
  });

  it('0: the thread keeps the priority of the thread that started it', async () => {
    const before = niceByThread();
    const { store, applier } = await openThreadedReadModels(
      path.join(tempDir(), 'rm.sqlite'),
      CHINA_STANDARD_TIME,
      undefined,
      0,
    );
    try {
      expect(applier.priority).toEqual({ nice: 0 });
      const main = before.get(process.pid);
      const started = [...niceByThread()].filter(([tid]) => !before.has(tid));
      expect(started.length).toBeGreaterThan(0);
      for (const [, nice] of started) expect(nice).toBe(main);
    } finally {
      await applier.close();
      store.close();
    }
  });
});

describe('lowerThisThreadPriority', () => {
  it.each([-1, 20, 2.5, Number.NaN])('refuses nice %p', (nice) => {
    expect(() => lowerThisThreadPriority(nice)).toThrow(RangeError);
  });

  it('changes nothing for 0', () => {
    const before = os.getPriority();
    expect(lowerThisThreadPriority(0)).toEqual({ nice: 0 });
    expect(os.getPriority()).toBe(before);
  });
});
