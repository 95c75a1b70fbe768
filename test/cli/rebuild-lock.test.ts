import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { SqliteEventStore } from '../../src/adapters/sqlite/event-store.js';
import { lockDataFolder } from '../../src/adapters/sqlite/folder-lock.js';
import { DataFolderInUse } from '../../src/errors.js';
import { runCli } from '../support/cli.js';
import { startTestService } from '../support/service.js';
import { freshTempDir } from '../support/temp-dir.js';

const dir = freshTempDir('cli-lock');

/** A process that takes the folder's lock as the service does; resolves once it holds it. */
async function holder(dataDir: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, '../support/lock-child.ts'), dataDir],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the lock holder stopped (${code})`)));
    readline.createInterface({ input: child.stdout! }).once('line', () => resolve());
  });
  return child;
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

describe('the data folder lock', () => {
  it('when the service runs, then ledger rebuild refuses (exit 1) naming it, and rebuilds once it stopped', async () => {
    const dataDir = dir();
    const t = await startTestService({ LEDGER_DATA_DIR: dataDir });
    try {
      const refused = await runCli(['rebuild'], { LEDGER_DATA_DIR: dataDir });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(
        `the data folder ${dataDir} is in use by ledger serve (pid ${process.pid} on ${os.hostname()}`,
      );
      expect(refused.stderr).toContain('stop the service first, or run "ledger rebuild --prepare"');
      // --prepare is for a running service
      expect((await runCli(['rebuild', '--prepare'], { LEDGER_DATA_DIR: dataDir })).code).toBe(0);
    } finally {
      await t.service.close(); // the data folder stays (t.stop would remove it), for the rebuild below
    }
    const rebuilt = await runCli(['rebuild'], { LEDGER_DATA_DIR: dataDir });
    expect([rebuilt.code, rebuilt.stdout]).toEqual([0, expect.stringContaining('rebuilt the read models')]);
  }, 120_000);

  it('when the holder was killed with SIGKILL, then its lock file blocks nobody', async () => {
    const dataDir = dir();
    new SqliteEventStore({ path: path.join(dataDir, 'events.sqlite') }).close(); // a log to rebuild from, empty
    const child = await holder(dataDir);
    const refused = await runCli(['rebuild'], { LEDGER_DATA_DIR: dataDir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `in use by ledger serve (pid ${child.pid} on ${os.hostname()}, since 2026-12-01T09:00:00.000Z)`,
    );

    await killed(child);
    expect(fs.existsSync(path.join(dataDir, 'service.lock'))).toBe(true);
    const rebuilt = await runCli(['rebuild'], { LEDGER_DATA_DIR: dataDir });
    expect([rebuilt.code, rebuilt.stderr]).toEqual([0, expect.not.stringContaining('in use')]);
  }, 120_000);

  it('when a rebuild holds the folder, then the service refuses to start, and starts once it let go', async () => {
    const dataDir = dir();
    const lock = lockDataFolder(dataDir, { command: 'ledger rebuild', since: new Date('2026-12-01T09:00:00Z') });
    await expect(startTestService({ LEDGER_DATA_DIR: dataDir })).rejects.toBeInstanceOf(DataFolderInUse);
    lock.release();
    const t = await startTestService({ LEDGER_DATA_DIR: dataDir });
    await t.stop();
  }, 120_000);
});
