import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { testSuite } from '../support/suite.js';

/**
 * The README's walk-through: `scripts/tour.sh`, which the README shows as it is, run with bash against
 * `ledger serve`, as a user would.
 */
const root = path.resolve(__dirname, '../..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const shown = /<!-- tour:start -->\s*```sh\n([\s\S]*?)```\s*<!-- tour:end -->/.exec(readme)?.[1];
const script = path.join(root, 'scripts/tour.sh');

const hasCurl = spawnSync('curl', ['--version']).status === 0;
if (!hasCurl) console.log('readme-tour: not run, because curl is not installed on this machine');
// How the tour stops at a failed step is the shell script's own doing, the same on every crypto suite: it is shown on
// the default suite, and `npm run test:sm2` runs the tour itself on the SM2 suite.
const stopsShown = testSuite.name === 'ed25519';
if (hasCurl && !stopsShown)
  console.log(`readme-tour: the failed-step test not run on the ${testSuite.name} suite: it runs on ed25519`);

/** A user's shell for a tour in `work`: no npm_* variables from the test runner's own npm process. */
function shellIn(work: string): Record<string, string> {
  const shell = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_')),
  ) as Record<string, string>;
  return { ...shell, LEDGER_DATA_DIR: path.join(work, 'data'), PORT: '0', HOST: '127.0.0.1' };
}

/**
 * `shell` with an `npx` first on its PATH that runs this checkout's `ledger` for `npx ledger …` at once, and any
 * other command with npm's own: npm's start-up takes over a second for each of the tour's three tokens. The first
 * run of the tour uses npm's `npx` as a reader would; the others use this one.
 */
function withQuickNpx(shell: Record<string, string>, work: string): Record<string, string> {
  const dir = path.join(work, 'quick-npx');
  fs.mkdirSync(dir, { recursive: true });
  const npx = execFileSync('bash', ['-c', 'command -v npx'], { env: shell, encoding: 'utf8' }).trim();
  const shim = path.join(dir, 'npx');
  fs.writeFileSync(
    shim,
    `#!/bin/sh\nif [ "$1" = ledger ]; then shift; exec "${process.execPath}" "${path.join(root, 'bin/ledger.js')}" "$@"; fi\nexec "${npx}" "$@"\n`,
  );
  fs.chmodSync(shim, 0o755);
  return { ...shell, PATH: `${dir}${path.delimiter}${shell.PATH ?? ''}` };
}

interface TourRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `scripts/tour.sh` as written against `base`, in `env` (not blocking: `base` may be served by this process). */
function tour(env: Record<string, string>, base: string, work: string): Promise<TourRun> {
  return new Promise((resolve, reject) => {
    // --norc: bash reads ~/.bashrc even without a terminal when its stdin is a socket; the tour is run as written
    const child = spawn('bash', ['--norc', '--noprofile', script], {
      cwd: root,
      env: { ...env, BASE: base, TMPDIR: work, BASH_ENV: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 300_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/**
 * Runs the tour `times` times, one after the other, against one fresh service started with `serviceEnv` besides
 * its data folder; the answers in order. The first run uses npm's `npx` unless `quick`, the others {@link withQuickNpx}.
 */
async function runTour(serviceEnv: Record<string, string> = {}, times = 1, quick = false): Promise<TourRun[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-tour-'));
  const env = shellIn(work);
  const server = spawn(process.execPath, [path.join(root, 'bin/ledger.js'), 'serve'], {
    cwd: root,
    env: { ...env, ...serviceEnv },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      server.once('exit', () => reject(new Error('the service stopped')));
      readline.createInterface({ input: server.stdout! }).on('line', (line) => {
        const entry = JSON.parse(line) as { msg?: string; port?: number };
        if (entry.msg === 'listening') resolve(entry.port!);
      });
    });
    const runs: TourRun[] = [];
    for (let n = 0; n < times; n++) {
      const shell = n === 0 && !quick ? env : withQuickNpx(env, work);
      runs.push(await tour(shell, `http://127.0.0.1:${port}`, work));
    }
    return runs;
  } finally {
    server.kill('SIGTERM');
    fs.rmSync(work, { recursive: true, force: true });
  }
}

describe('the README tour', () => {
  it('when the README is read, then it shows scripts/tour.sh as it is', () => {
    expect(shown).toBe(fs.readFileSync(script, 'utf8'));
  });

  (hasCurl ? it : it.skip)(
    'when run as written against a fresh service, then it completes and prints the decision and the events; when run again on the same data folder, then it finds the officers and the item registered and completes with another case',
    async () => {
      const runs = await runTour({}, 2);
      for (const run of runs) {
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('"decisionType": "fine"');
        expect(run.stdout).toContain('"disclosureDueBy"');
        expect(run.stdout).toMatch(
          /CaseOpened [0-9a-f]{12}[\s\S]*PropertySeized[\s\S]*LegalReviewCompleted[\s\S]*DecisionIssued/,
        );
        expect(run.stdout).toMatch(/^CASE=[0-9a-f-]{36}$/m);
      }
      const [first, again] = runs as [TourRun, TourRun];
      expect(first.stdout).not.toContain('going on');
      // the second run: 409 officer_exists for each officer, item_exists for the item, tolerated and said so
      expect(again.stdout.match(/^\/v1\/officers: officer_exists, going on$/gm)).toHaveLength(3);
      expect(again.stdout.match(/^\/v1\/items: item_exists, going on$/gm)).toHaveLength(1);
      const caseOf = (stdout: string) => /^CASE=(.+)$/m.exec(stdout)![1];
      expect(caseOf(again.stdout)).not.toBe(caseOf(first.stdout));
    },
    600_000,
  );

  (hasCurl && stopsShown ? it : it.skip)(
    'when a step fails (the upload is refused), then it stops there, names the step and exits non-zero',
    async () => {
      // the seizure's video is 300,000 bytes: a service that takes media up to 1,000 bytes refuses it
      const run = (await runTour({ MEDIA_MAX_BYTES: '1000' }, 1, true))[0]!;
      expect(run.status).not.toBe(0);
      expect(run.stderr).toContain('tour: step 3. uploads the video of a seizure');
      expect(run.stderr).toContain('failed (exit');
      expect(run.stderr.match(/^tour: /gm)).toHaveLength(1);
      // nothing after the upload was sent: no seizure, no review, no decision
      expect(run.stdout).not.toContain('decisionType');
      expect(run.stdout).not.toContain('CASE=');
    },
    360_000,
  );

  (hasCurl && stopsShown ? it : it.skip)(
    'when a registration is refused for another reason than that it exists, then it stops at step 1 with the problem, and sends nothing more',
    async () => {
      // a stand-in for the service: the officers exist already (tolerated), the item is refused otherwise
      const asked: string[] = [];
      const server = http.createServer((req, res) => {
        asked.push(`${req.method} ${req.url}`);
        const code = req.url === '/v1/officers' ? 'officer_exists' : 'revision_conflict';
        req.resume().once('end', () => {
          res.writeHead(409, { 'content-type': 'application/problem+json' });
          res.end(JSON.stringify({ type: `/problems/${code}`, title: code, status: 409, detail: 'no', code }));
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-tour-'));
      fs.mkdirSync(path.join(work, 'data')); // the tokens are signed by keys made there
      try {
        const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        const run = await tour(withQuickNpx(shellIn(work), work), base, work);
        expect(run.status).toBe(22);
        expect(run.stdout.match(/^\/v1\/officers: officer_exists, going on$/gm)).toHaveLength(3);
        expect(run.stderr).toContain('"code":"revision_conflict"');
        expect(run.stderr).toContain('tour: step 1. the admin registers two officers');
        expect(run.stderr.match(/^tour: /gm)).toHaveLength(1);
        expect(asked).toEqual([...Array(3).fill('POST /v1/officers'), 'POST /v1/items']);
      } finally {
        server.close();
        fs.rmSync(work, { recursive: true, force: true });
      }
    },
    360_000,
  );
});
