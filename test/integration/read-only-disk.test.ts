import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { runCli } from '../support/cli.js';
import { openCase, seedAgency, startTestService } from '../support/service.js';
import { freshTempDir } from '../support/temp-dir.js';
import { tmpfsMounts, whyNoTmpfs } from '../support/tmpfs.js';

// An archived backup, or a snapshot of a data folder, on a disk that cannot be written, for real: a tmpfs mounted
// here and remounted read-only (root only). SQLite cannot open a database in WAL mode there (it would make its -shm
// file beside it), so `ledger check` and `ledger backup` read such a folder through copies.

const tempDir = freshTempDir('read-only-disk');

const reason = whyNoTmpfs();
const disks = tmpfsMounts();
if (reason) console.log(`test/integration/read-only-disk.test.ts skipped: ${reason}`);
const describeIfMountable = reason ? describe.skip : describe;

/** `source` copied (as `cp -a`) onto a fresh tmpfs, which is then made read-only; the copy's path. */
function onReadOnlyDisk(source: string): string {
  const mount = disks.mount('64m');
  const copy = path.join(mount, path.basename(source));
  expect(spawnSync('cp', ['-a', source, copy]).status).toBe(0);
  expect(spawnSync('mount', ['-o', 'remount,ro', mount]).status).toBe(0);
  expect(() => fs.writeFileSync(path.join(copy, 'probe'), '')).toThrow(/EROFS/);
  return copy;
}

/** A stopped service's data folder with registries and two cases; its read models' WAL left as the stop leaves it. */
async function dataFolder(): Promise<string> {
  const dir = path.join(tempDir(), 'data');
  const t = await startTestService({ LEDGER_DATA_DIR: dir });
  const { officer } = await seedAgency(t, 'county-justice');
  expect((await openCase(t, officer, 'ro-1')).status).toBe(201);
  expect((await openCase(t, officer, 'ro-2')).status).toBe(201);
  expect(await t.service.readModelsCaughtUp()).toBe(true);
  await t.service.close();
  return dir;
}

describeIfMountable('a data folder or backup on a read-only disk', () => {
  it('when `ledger check` is run on a stopped data folder there, then it checks it from copies, read models included, and leaves none', async () => {
    const folder = onReadOnlyDisk(await dataFolder());
    expect(fs.existsSync(path.join(folder, 'read-models.sqlite-wal'))).toBe(true); // as a stop leaves it
    const tmp = path.join(tempDir(), 'tmp');
    fs.mkdirSync(tmp);
    const { code, stdout, stderr } = await runCli(['check'], { LEDGER_DATA_DIR: folder, TMPDIR: tmp });
    expect(stderr).toContain(
      `ledger check: ${folder} cannot be written (a read-only disk or folder): its databases are checked from copies in ${tmp}/ledger-check-`,
    );
    expect([code, stdout]).toEqual([0, expect.stringContaining('no fault found')]);
    expect(stdout).toMatch(/^read models \d+ documents compared with the log up to position \d+$/m);
    expect(fs.readdirSync(tmp)).toEqual([]);
  }, 180_000);

  it('when an event of the log there was altered, then the check from copies finds it', async () => {
    const source = await dataFolder();
    const events = path.join(source, 'events.sqlite');
    // an officer's registered name, changed in the stored event as anyone who can write the file could
    const db = new Database(events);
    const changed = db
      .prepare("UPDATE events SET envelope = replace(envelope, '执法人员alice', '执法人员alicf') WHERE envelope LIKE ?")
      .run('%执法人员alice%');
    db.close();
    expect(changed.changes).toBe(1);
    const folder = onReadOnlyDisk(source);
    const { code, stdout } = await runCli(['check', '--skip-read-models'], {
      LEDGER_DATA_DIR: folder,
      TMPDIR: tempDir(),
    });
    expect(code).toBe(1);
    expect(stdout).toMatch(/^1 fault\(s\):\n {2}hash_mismatch: .* \[stream officer-county-justice:alice\]/m);
  }, 180_000);

  it('when `ledger backup` copies from it, then the backup is made and checks clean', async () => {
    const source = await dataFolder();
    const backupFolder = path.join(tempDir(), 'first');
    expect((await runCli(['backup', '--to', backupFolder], { LEDGER_DATA_DIR: source })).code).toBe(0);
    const archived = onReadOnlyDisk(backupFolder);

    const checked = await runCli(['check'], { LEDGER_DATA_DIR: archived, TMPDIR: tempDir() });
    expect([checked.code, checked.stdout]).toEqual([0, expect.stringContaining('no fault found')]);

    const again = path.join(tempDir(), 'again');
    const copied = await runCli(['backup', '--to', again], { LEDGER_DATA_DIR: archived });
    expect([copied.code, copied.stdout]).toEqual([0, expect.stringContaining('no fault found')]);
    const manifest = JSON.parse(fs.readFileSync(path.join(again, 'backup.json'), 'utf8')) as { files: unknown[] };
    expect(manifest.files.length).toBeGreaterThan(0);
  }, 180_000);
});
