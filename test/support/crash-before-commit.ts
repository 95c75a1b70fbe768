// Test helper for the projection thread: kills the whole process with SIGKILL right before committing the batch
// that reaches `CRASH_AT` (the environment variable; 0 or unset: never), as projection-child does in process.
import fs from 'node:fs';
import type { Position } from '../../src/ports/event-store.js';

export function crashBeforeCommit(position: Position): void {
  const crashAt = Number(process.env.CRASH_AT ?? 0);
  if (crashAt > 0 && position >= crashAt) {
    // straight to the file descriptor: a worker's process.stdout is relayed through the main thread, too late
    fs.writeSync(1, `crashing before committing up to ${position}\n`);
    process.kill(process.pid, 'SIGKILL');
  }
}
