import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import { loadConfig } from '../../src/config.js';
import { startService, type Service } from '../../src/compose.js';
import { runCli } from '../support/cli.js';
import { seal } from '../support/events.js';
import { freshTempDir } from '../support/temp-dir.js';
import { tmpfsMounts, whyNoTmpfs } from '../support/tmpfs.js';

// The read models on a disk that is full, for real: their file is moved to a small tmpfs (mounted here, so root
// only) and named from the data folder by a symbolic link, which SQLite follows (its -wal and -shm files are made
// beside the file it resolves to). The tmpfs is then filled to 36 KiB short of full: room for the -shm file SQLite
// makes when it opens the database (32 KiB), none for a transaction's pages in the -wal file.

const tempDir = freshTempDir('full-disk');
const log = pino({ level: 'silent' });
const KIB = 1024;

const reason = whyNoTmpfs();
const disks = tmpfsMounts();
if (reason) console.log(`test/integration/full-disk.test.ts skipped: ${reason}`);
const describeIfMountable = reason ? describe.skip : describe;

/** Fills the file system of `dir` with `filler` up to `leave` bytes short of full. */
function fill(filler: string, leave: number): void {
  const fd = fs.openSync(filler, 'w');
  const block = Buffer.alloc(4 * KIB);
  try {
    for (;;) fs.writeSync(fd, block);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    fs.closeSync(fd);
  }
  fs.truncateSync(filler, Math.max(0, fs.statSync(filler).size - leave));
}

async function readyz(service: Service): Promise<{ status: number; detail?: string }> {
  const res = await fetch(`http://127.0.0.1:${service.port}/readyz`);
  const body = (await res.json()) as { detail?: string };
  return { status: res.status, ...(body.detail ? { detail: body.detail } : {}) };
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describeIfMountable('the read models on a full disk', () => {
  it(
    'when the disk fills while the service runs, and it starts again on it, then it listens not ready saying why, ' +
      'and catches up once there is room',
    async () => {
      const dataDir = tempDir();
      const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LEDGER_DATA_DIR: dataDir });
      const first = await startService(config, { log, clock: { now: () => new Date() } });
      expect(await first.readModelsCaughtUp()).toBe(true);
      await first.close();

      // the read models, whole in their file, onto a tmpfs
      const file = path.join(dataDir, 'read-models.sqlite');
      const db = new Database(file);
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
      const moved = path.join(disks.mount('8m'), 'read-models.sqlite');
      fs.copyFileSync(file, moved);
      for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
      fs.symlinkSync(moved, file);
      const filler = path.join(path.dirname(moved), 'filler');
      fill(filler, 36 * KIB);

      // running: an append is acknowledged (the log has room), the read models cannot take it
      const second = await startService(config, { log, clock: { now: () => new Date() } });
      expect((await readyz(second)).status).toBe(200);
      const appended = await second.events.append(
        'full-disk-1',
        seal('full-disk-1', null, second.keys.eventSigner),
        'no_stream',
      );
      let said: { status: number; detail?: string } = { status: 0 };
      await until('/readyz saying the disk is full', async () => {
        said = await readyz(second);
        return said.status === 503 && (said.detail ?? '').includes('SQLITE_FULL');
      });
      expect(said.detail).toContain(`the disk is full (SQLITE_FULL): free space where ${dataDir} is`);
      await second.close();

      // a start with the log ahead of the read models on that disk: it listens, not ready, rather than wait
      const third = await startService(config, { log, clock: { now: () => new Date() } });
      try {
        const answer = await readyz(third);
        expect(answer.status).toBe(503);
        expect(answer.detail).toContain('the disk is full (SQLITE_FULL)');
        expect(await third.readModelsCaughtUp(500)).toBe(false); // the append is in the log, not in the read models

        // room again: the runner, retrying, applies what it could not, with nothing lost
        fs.rmSync(filler);
        await until('/readyz 200 once there is room', async () => (await readyz(third)).status === 200);
        expect(await third.readModelsCaughtUp()).toBe(true);
        expect(await third.events.headPosition()).toBeGreaterThanOrEqual(appended.position);
      } finally {
        await third.close();
      }
    },
    300_000,
  );

  it("when the data folder's disk is full, then `ledger serve` stops at once saying so and where", async () => {
    const dataDir = path.join(disks.mount('32m'), 'data');
    const env = { PORT: '0', HOST: '127.0.0.1', LEDGER_DATA_DIR: dataDir };
    const first = await startService(loadConfig(env), { log, clock: { now: () => new Date() } });
    await first.close();
    fill(path.join(path.dirname(dataDir), 'filler'), 0);
    const { code, stderr } = await runCli(['serve'], { ...env, LOG_LEVEL: 'silent' });
    expect([code, stderr]).toEqual([
      1,
      `ledger serve: the disk is full (SQLITE_FULL): free space where ${dataDir} is (service.lock, the folder's lock, cannot be written)\n`,
    ]);
  }, 120_000);

  it('when a backup goes to a full disk, then the command says the disk is full beside what failed', async () => {
    const dataDir = tempDir();
    const env = { PORT: '0', HOST: '127.0.0.1', LEDGER_DATA_DIR: dataDir };
    const first = await startService(loadConfig(env), { log, clock: { now: () => new Date() } });
    await first.close();
    const to = path.join(disks.mount('64k'), 'backup');
    const { code, stderr } = await runCli(['backup', '--to', to], env);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^ledger backup: cannot copy .* (database or disk is full|no space left on device.*) \((SQLITE_FULL|ENOSPC): the disk it writes to is full; free space there and run it again\)$/m,
    );
  }, 120_000);
});
