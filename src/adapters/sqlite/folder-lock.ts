import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DataFolderInUse, storageFailure } from '../../errors.js';
import { createPrivateFile } from './private-file.js';

/** The lock file of a data folder: a running service holds it, and so does `ledger rebuild` while it rebuilds. */
export const LOCK_FILE = 'service.lock';

/** How long taking the lock waits for a holder that is only writing down who it is. */
const TAKE_WAIT_MS = 1_000;

export interface FolderLock {
  readonly file: string;
  /** Lets the lock go (idempotent). A process that ends, however it ends, lets it go too. */
  release(): void;
}

/**
 * Takes the data folder's lock for this process, or throws `DataFolderInUse` naming the process that holds it.
 *
 * The lock is a write transaction held open on a small SQLite file (`service.lock`), so it is the operating
 * system's file lock: it ends with the process that holds it, a SIGKILL or a crash included, and a stale file
 * never blocks anyone; no pid is trusted to say whether its process still lives (pids are reused, and differ
 * between a container and its host). The holder writes down its command, pid, host and start time first, for the
 * message others get. The folder must exist. `name` makes another lock of the folder's (a rebuild's, on the files it
 * builds beside the read models).
 */
export function lockDataFolder(
  dir: string,
  holder: { command: string; since: Date },
  name: string = LOCK_FILE,
): FolderLock {
  const file = path.join(dir, name);
  try {
    return holdLock(dir, file, holder);
  } catch (err) {
    // the first write of a start or a command: a full or read-only disk is said here, with the folder
    const storage = storageFailure((err as { code?: unknown }).code, dir);
    if (!storage) throw err;
    const said = new Error(`${storage} (${name}, the folder's lock, cannot be written)`, { cause: err });
    throw Object.assign(said, { code: (err as { code?: unknown }).code });
  }
}

function holdLock(dir: string, file: string, holder: { command: string; since: Date }): FolderLock {
  createPrivateFile(file);
  const db = new Database(file, { timeout: TAKE_WAIT_MS });
  try {
    take(db, dir);
    db.exec(
      'CREATE TABLE IF NOT EXISTS holder (command TEXT NOT NULL, pid INTEGER NOT NULL, host TEXT NOT NULL, since TEXT NOT NULL)',
    );
    db.exec('DELETE FROM holder');
    db.prepare('INSERT INTO holder (command, pid, host, since) VALUES (?, ?, ?, ?)').run(
      holder.command,
      process.pid,
      os.hostname(),
      holder.since.toISOString(),
    );
    db.exec('COMMIT');
    // Held from here on: readers (who wants to know the holder) may read, no one else may begin a write.
    take(db, dir);
  } catch (err) {
    db.close();
    throw err;
  }
  let held = true;
  return {
    file,
    release() {
      if (!held) return;
      held = false;
      db.close(); // closing ends the open transaction, and with it the lock
    },
  };
}

function take(db: Database.Database, dir: string): void {
  try {
    db.exec('BEGIN IMMEDIATE');
  } catch (err) {
    if ((err as { code?: string }).code !== 'SQLITE_BUSY') throw err;
    throw new DataFolderInUse(dir, holderOf(db));
  }
}

function holderOf(db: Database.Database): DataFolderInUse['holder'] {
  try {
    return db.prepare('SELECT command, pid, host, since FROM holder LIMIT 1').get() as DataFolderInUse['holder'];
  } catch {
    return undefined; // no holder written yet
  }
}
