import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

/** The README's walk-through, extracted from README.md and run with bash against `ledger serve`, as a user would. */
const root = path.resolve(__dirname, '../..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const tour = /<!-- tour:start -->\s*```sh\n([\s\S]*?)```\s*<!-- tour:end -->/.exec(readme)?.[1];

const hasCurl = spawnSync('curl', ['--version']).status === 0;
if (!hasCurl) console.log('readme-tour: not run, because curl is not installed on this machine');

(hasCurl ? describe : describe.skip)('the README tour', () => {
  it('when run as written against a fresh service, then it completes and prints the decision and the events', async () => {
    expect(tour).toBeDefined();
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-tour-'));
    // a user's shell: no npm_* variables from the test runner's own npm process
    const shell = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_')),
    );
    const env = { ...shell, LEDGER_DATA_DIR: path.join(work, 'data'), PORT: '0', HOST: '127.0.0.1' };
    const server = spawn(process.execPath, [path.join(root, 'bin/ledger.js'), 'serve'], {
      cwd: root,
      env,
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
      // --norc: bash reads ~/.bashrc even without a terminal when its stdin is a socket; the tour is run as written
      const run = spawnSync('bash', ['--norc', '--noprofile', '-euo', 'pipefail', '-c', tour!], {
        cwd: root,
        env: { ...env, BASE: `http://127.0.0.1:${port}`, TMPDIR: work, BASH_ENV: '' },
        encoding: 'utf8',
        timeout: 300_000,
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('"decisionType": "fine"');
      expect(run.stdout).toContain('"disclosureDueBy"');
      expect(run.stdout).toMatch(
        /CaseOpened [0-9a-f]{12}[\s\S]*PropertySeized[\s\S]*LegalReviewCompleted[\s\S]*DecisionIssued/,
      );
    } finally {
      server.kill('SIGTERM');
      fs.rmSync(work, { recursive: true, force: true });
    }
  }, 360_000);
});
