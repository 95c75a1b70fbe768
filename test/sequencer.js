import path from 'node:path';
import process from 'node:process';
import TestSequencer from '@jest/test-sequencer';

/**
 * The order the test files start in. Jest starts the files that took longest in its last run first, so that no
 * worker is left running a long file alone at the end; on a clean checkout (CI) it has no last run and orders by
 * file size, which put the crash harness and the slowest browser files in the last minute. Files Jest has no time
 * for are ordered here by what they do: those that drive a browser first, then those that start services and child
 * processes, then the HTTP and page tests, then the unit tests, each group by size as Jest orders them.
 */
const GROUPS = [['browser'], ['integration', 'replicas', 'contract', 'e2e'], ['http', 'web', 'cli']];

function group(file) {
  const [top] = path.relative(path.join(process.cwd(), 'test'), file).split(path.sep);
  const found = GROUPS.findIndex((names) => names.includes(top));
  return found === -1 ? GROUPS.length : found;
}

export default class SlowFirstSequencer extends TestSequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    // Jest's order (those that failed last time, those it has no time for, then the longest first), but for the
    // files it has no time for
    const untimed = sorted.filter((test) => test.duration == null && !this.hasFailed(test));
    const rank = new Map(untimed.map((test, index) => [test, index]));
    const reordered = [...untimed].sort((a, b) => group(a.path) - group(b.path) || rank.get(a) - rank.get(b));
    return sorted.map((test) => (rank.has(test) ? reordered.shift() : test));
  }
}
