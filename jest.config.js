import os from 'node:os';
// TypeScript is compiled by SWC (no type-check here: `npm run typecheck` does that) to CommonJS for Jest.
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // compiles dist/ when out of date: the tests that start bin/ledger.js run the compiled service
  globalSetup: '<rootDir>/test/global-setup.ts',
  // closes the Chromium the global set-up starts for the browser tests
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  // quiets a dependency's notice about Node versions in each test file's process (test/setup-env.ts says why)
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  // on a clean checkout, the longest files first by an estimate (test/sequencer.js says why)
  testSequencer: '<rootDir>/test/sequencer.js',
  transform: {
    '^.+\\.(ts|js)$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // ESM-only packages used by tests, compiled to CommonJS like our own sources
    '^canonicalize$': '<rootDir>/node_modules/canonicalize/lib/canonicalize.js',
  },
  transformIgnorePatterns: ['/node_modules/(?!canonicalize/)'],
  // generous: the suite must pass on a busy 2-core machine, where a service start can take many seconds
  testTimeout: 120_000,
  // three test files at once even on two cores (Jest's default would be one there): most files wait on a service, a
  // child process, a thread or the browser more than they compute, and two left a fifth of two cores idle (the whole
  // suite: 601 s with three against 652 s with two, the same hour); `npm test -- --maxWorkers=1` runs one at a time
  maxWorkers: Math.max(3, os.availableParallelism() - 1),
  // a worker is let go once its last file is done and its event loop is empty; on a busy machine one whose heap is
  // large (better-sqlite3 closing its files, Node tearing down its threads) takes more than Jest's default half second
  // to exit, with no handle left open (sampled every 150 ms to the end: only the IPC channel and stdio), and was
  // reported as "failed to exit gracefully"; a real leak still shows after these 5 seconds
  workerGracefulExitTimeout: 5_000,
};
