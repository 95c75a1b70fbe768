import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserServer, type LaunchOptions } from 'playwright-core';

/** What the set-up reads of Jest's global configuration. */
interface RunConfig {
  readonly rootDir: string;
  readonly testPathPatterns: { toExecutor(options: { rootDir: string }): { isMatch(file: string): boolean } };
}

/**
 * Before the tests: compiles dist/ when a source is newer than it (`npm run build -- --if-stale`), so the tests
 * that start `bin/ledger.js` as a user would run the compiled service of the sources under test. The tests that
 * import modules run the sources themselves (SWC), and the worker threads of the services they start run the same
 * modules compiled in dist/ (LEDGER_THREADS_FROM_DIST), which start in a fraction of the time. When the run may
 * include a browser test, one Chromium is started for all of them (closed by `global-teardown.ts`).
 */
export default async function globalSetup(config: RunConfig): Promise<void> {
  const root = path.resolve(__dirname, '..');
  const build = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed before the tests:\n${build.stdout}${build.stderr}`);
  // the worker threads of the services the tests start in-process run their compiled entry (thread-bootstrap.mjs)
  process.env.LEDGER_THREADS_FROM_DIST = root;
  const patterns = config.testPathPatterns.toExecutor({ rootDir: config.rootDir });
  try {
    await startSharedChromium(path.join(root, 'test/browser'), (file) => patterns.isMatch(file));
  } catch (error) {
    // each browser test then starts a Chromium of its own, and fails with that start's own error if it fails too
    console.log(`no shared Chromium for the browser tests: ${(error as Error).message.split('\n')[0]}`);
  }
}

/**
 * Real Chromium for the portal's browser tests, driven by Playwright's library: Debian's `chromium-headless-shell`
 * (`.ci/run` installs it when missing), the same Chromium build as the `chromium` package without the desktop browser
 * around it, which runs the browser files on about a quarter less CPU; else Debian's `chromium`. `CHROMIUM_PATH` names
 * another executable. Debian's `/usr/bin/chromium…` are shell scripts that start `/usr/lib/chromium/…` (the desktop
 * one adds its flags first); the tests start those binaries themselves.
 */
const CANDIDATES = [
  '/usr/lib/chromium/chromium-headless-shell',
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

export function chromiumPath(): string | undefined {
  const named = process.env.CHROMIUM_PATH;
  if (named) return fs.existsSync(named) ? named : undefined;
  return CANDIDATES.find((file) => fs.existsSync(file));
}

/**
 * Why the browser tests cannot run here, or undefined when they can. A file whose tests need Chromium prints this
 * reason once and registers none of them (it never passes silently).
 */
export function chromiumUnavailable(): string | undefined {
  return chromiumPath()
    ? undefined
    : `no Chromium executable (looked for ${process.env.CHROMIUM_PATH ?? CANDIDATES.join(', ')}; apt-get install chromium-headless-shell)`;
}

/** How every test Chromium starts, whether one file's own or the one the run shares. */
export function chromiumLaunchOptions(executablePath: string): LaunchOptions {
  // --no-sandbox: the tests run as root in a container, where Chromium's sandbox cannot start
  return { executablePath, args: ['--no-sandbox', '--disable-dev-shm-usage'], timeout: 60_000 };
}

/**
 * The variable through which the test run's global set-up hands its Chromium to the test files (each connects and
 * works in contexts of its own); unset, each file starts a Chromium of its own. Not named LEDGER_…: the service warns of
 * every LEDGER_ variable it does not read.
 */
export const SHARED_CHROMIUM_VARIABLE = 'TEST_CHROMIUM_ENDPOINT';

/** Where the run's Chromium is kept for `global-teardown.ts`, which closes it. */
const SHARED_CHROMIUM_SERVER = Symbol.for('evidence-ledger.test.chromium-server');
type Holder = { [SHARED_CHROMIUM_SERVER]?: BrowserServer };

/**
 * Starts one Chromium for the whole run when the run may include a file of `browserDir` and Chromium is there,
 * and names its endpoint in SHARED_CHROMIUM_VARIABLE for the test workers (started after the global set-up, they
 * inherit the variable). Starting a browser costs about a second of CPU, a file's contexts and pages much less.
 * `mayRun` says whether the run's test path patterns match a file; with no Chromium nothing starts and the files
 * say why themselves.
 */
export async function startSharedChromium(browserDir: string, mayRun: (file: string) => boolean): Promise<void> {
  const executablePath = chromiumPath();
  if (!executablePath || process.env[SHARED_CHROMIUM_VARIABLE]) return;
  const files = fs.readdirSync(browserDir).filter((name) => name.endsWith('.test.ts'));
  if (!files.some((name) => mayRun(path.join(browserDir, name)))) return;
  const server = await chromium.launchServer(chromiumLaunchOptions(executablePath));
  (globalThis as Holder)[SHARED_CHROMIUM_SERVER] = server;
  process.env[SHARED_CHROMIUM_VARIABLE] = server.wsEndpoint();
}
