import fs from 'node:fs';
import os from 'node:os';
import type { ThreadPriority } from './app/applier-thread.js';

// The scheduling priority of one thread (docs/read-models.md, "The thread's priority"). On Linux a thread is a task
// of its own, with a nice value of its own: `setpriority` given the thread's id changes that thread alone. Elsewhere
// the same call given the process id would change every thread of the process, so nothing is changed there.

/** The id of the calling thread (Linux: the task `/proc/thread-self` names), or why it cannot be known. */
export function currentThreadId(): number | string {
  try {
    const task = fs.readlinkSync('/proc/thread-self'); // e.g. "4242/task/4250"
    const tid = Number(task.slice(task.lastIndexOf('/') + 1));
    return Number.isSafeInteger(tid) && tid > 0 ? tid : `/proc/thread-self names no thread ("${task}")`;
  } catch (err) {
    return `/proc/thread-self cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)}): not Linux?`;
  }
}

/**
 * Runs the calling thread at `nice` (0..19, higher yields more), the process's other threads unchanged: the thread
 * then gets the CPU a thread of the process at 0 would take only when none wants it. 0 changes nothing.
 */
export function lowerThisThreadPriority(nice: number): ThreadPriority {
  if (!Number.isInteger(nice) || nice < 0 || nice > 19) throw new RangeError(`nice ${nice} is outside 0..19`);
  if (nice === 0) return { nice: 0 };
  const tid = currentThreadId();
  if (typeof tid === 'string') return { unchanged: tid };
  try {
    os.setPriority(tid, nice);
    return { nice: os.getPriority(tid) };
  } catch (err) {
    return { unchanged: `setpriority refused (${(err as NodeJS.ErrnoException).code ?? String(err)})` };
  }
}
