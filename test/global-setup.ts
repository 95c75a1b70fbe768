import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * Before the tests: compiles dist/ when a source is newer than it (`npm run build -- --if-stale`), so the tests
 * that start `bin/ledger.js` as a user would run the compiled service of the sources under test. The tests that
 * import modules run the sources themselves (SWC), and the worker threads of the services they start run the same
 * modules compiled in dist/ (LEDGER_THREADS_FROM_DIST), which start in a fraction of the time.
 */
export default function buildDist(): void {
  const root = path.resolve(__dirname, '..');
  const build = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed before the tests:\n${build.stdout}${build.stderr}`);
  // the worker threads of the services the tests start in-process run their compiled entry (thread-bootstrap.mjs)
  process.env.LEDGER_THREADS_FROM_DIST = root;
}
