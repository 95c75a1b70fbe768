import fs from 'node:fs';

/** Owner-only: what every file the service creates under its data folder gets. */
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Creates a database file owner-only (0600), whatever the process umask, before SQLite opens it: SQLite gives the
 * `-wal` and `-shm` files it makes beside a database the database file's mode, so they are owner-only too. An
 * existing file keeps its mode (the service warns at start-up when it is wider). `:memory:` is left alone.
 */
export function createPrivateFile(file: string): void {
  if (file === ':memory:' || file === '') return;
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', PRIVATE_FILE_MODE);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return;
    throw err;
  }
  try {
    fs.fchmodSync(fd, PRIVATE_FILE_MODE);
  } finally {
    fs.closeSync(fd);
  }
}
