import path from 'node:path';
import process from 'node:process';
import TestSequencer from '@jest/test-sequencer';

/**
 * The order the test files start in. Jest starts the files that took longest in its last run first, so that no
 * worker is left running a long file alone at the end. On a clean checkout (CI) it has no last run and orders by
 * file size, which ranks a unit test of many cases above a browser test and left the crash harness and slow browser
 * files for the last minute. Files Jest has no time for are ordered here by an estimate: their size times what a
 * kilobyte of test costs in their folder (seconds per KB measured on a whole run: the browser files drive Chromium,
 * those of integration/, replicas/ and contract/ start services and servers, the unit tests compute).
 */
const SECONDS_PER_KB = {
  browser: 2.1,
  replicas: 1.9,
  contract: 1.6,
  integration: 0.57,
  e2e: 0.52,
  cli: 0.47,
  http: 0.32,
  web: 0.24,
  unit: 0.08,
};
const OTHER_SECONDS_PER_KB = 0.3;

export default class EstimatedLongestFirst extends TestSequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    // Jest's order (those that failed last time, those it has no time for, then the longest first), but for the
    // files it has no time for, which go longest first by the estimate
    const untimed = sorted.filter((test) => test.duration == null && !this.hasFailed(test));
    const estimate = new Map(untimed.map((test) => [test, estimatedSeconds(test)]));
    const reordered = [...untimed].sort((a, b) => estimate.get(b) - estimate.get(a));
    return sorted.map((test) => (estimate.has(test) ? reordered.shift() : test));
  }
}

function estimatedSeconds(test) {
  const [folder] = path.relative(path.join(process.cwd(), 'test'), test.path).split(path.sep);
  const kilobytes = (test.context.hasteFS.getSize(test.path) ?? 0) / 1024;
  return kilobytes * (SECONDS_PER_KB[folder] ?? OTHER_SECONDS_PER_KB);
}
