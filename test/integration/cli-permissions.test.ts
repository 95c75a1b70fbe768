import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tempDirsForFile } from '../support/stored-folder.js';

/**
 * A data folder the user running a command may not enter is said to be that, not "no log here": the commands are
 * run as an operator would, as another user than the folder's (as root here: `nobody`, the child process's uid; as
 * anyone else: the folder made unreadable to its owner).
 */
const BIN = path.resolve(__dirname, '../../bin/ledger.js');
const tempDir = tempDirsForFile('cli-permissions');
const asRoot = process.getuid?.() === 0;
const NOBODY = 65534;

it('when the user may not enter the data folder, then check, rebuild and backup say permission denied, not that there is no log', () => {
  const data = tempDir();
  fs.writeFileSync(path.join(data, 'events.sqlite'), '');
  fs.chmodSync(data, asRoot ? 0o700 : 0o000);
  const backupTo = path.join(tempDir(), 'backup');
  try {
    for (const args of [['check'], ['rebuild'], ['backup', '--to', backupTo]]) {
      const run = spawnSync(process.execPath, [BIN, ...args], {
        env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), LEDGER_DATA_DIR: data },
        encoding: 'utf8',
        timeout: 120_000,
        ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
      });
      expect([args[0], run.status, run.stderr]).toEqual([
        args[0],
        1,
        expect.stringContaining(`permission denied (EACCES) on the way to ${path.join(data, 'events.sqlite')}`),
      ]);
      expect(run.stderr).not.toContain('no event store');
    }
  } finally {
    fs.chmodSync(data, 0o700);
  }
});
