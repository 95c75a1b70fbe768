import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createPrivateFile, PRIVATE_FILE_MODE } from './private-file.js';

/** Pages copied per step of a snapshot that reports its progress (32 MiB of pages of 8 KiB). */
const PAGES_PER_STEP = 4096;
/** What SQLite's backup reads as "every remaining page" (better-sqlite3 takes at most this). */
const EVERY_PAGE = 0x7fffffff;

/**
 * Copies a SQLite database as of one moment (SQLite's online backup), while other connections may write to it:
 * `ledger check` compares the read models of a running service through such a copy, and `ledger backup` copies
 * the log. `to` is made owner-only. With `progress`, the copy goes a step of pages at a time, reporting the pages
 * copied of the total; a write to the database between two steps makes SQLite start the copy again, so once that
 * has happened the rest is copied in one step (one read of the database as of one moment, which does not hold up its
 * writers in WAL mode), and a busy database is still copied to the end.
 *
 * SQLite cannot open a database in WAL mode where it cannot make its `-shm` file beside it (a backup or snapshot on a
 * read-only disk, a folder not this user's to write): there, nothing can be writing it either, so the file and its
 * `-wal` (when there is one) are copied as they are and the copy opened to fold the log into it.
 */
export async function snapshotDatabase(
  from: string,
  to: string,
  progress?: (copied: number, total: number) => void,
  pagesPerStep = PAGES_PER_STEP,
): Promise<{ readonly pages: number }> {
  if (!isWritableFolder(path.dirname(from))) return copyQuiescent(from, to, progress);
  const db = new Database(from, { readonly: true, fileMustExist: true });
  try {
    createPrivateFile(to);
    let remaining = Infinity;
    let restarted = false;
    const result = await db.backup(to, {
      progress: ({ totalPages, remainingPages }) => {
        if (remainingPages > remaining) restarted = true;
        remaining = remainingPages;
        progress?.(totalPages - remainingPages, totalPages);
        return progress === undefined || restarted ? EVERY_PAGE : pagesPerStep;
      },
    });
    progress?.(result.totalPages, result.totalPages);
    return { pages: result.totalPages };
  } finally {
    db.close();
  }
}

/** Whether this process may make files in `dir` (false on a read-only disk too, for root as well). */
export function isWritableFolder(dir: string): boolean {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Bytes copied between two progress reports of {@link copyQuiescent}. */
const COPY_CHUNK = 4 * 1024 * 1024;

/**
 * The snapshot of a database no one can be writing (in a folder that cannot be written): its file and its `-wal`
 * copied byte for byte, then the copy's log folded into it, so the copy is one file as a snapshot is. Progress is
 * reported in pages of the database's page size.
 */
async function copyQuiescent(
  from: string,
  to: string,
  progress?: (copied: number, total: number) => void,
): Promise<{ readonly pages: number }> {
  const wal = fs.existsSync(`${from}-wal`) ? `${from}-wal` : undefined;
  const files = [{ source: from, target: to }, ...(wal ? [{ source: wal, target: `${to}-wal` }] : [])];
  const total = files.reduce((sum, f) => sum + fs.statSync(f.source).size, 0);
  const pageSize = pageSizeOf(from);
  const pages = (bytes: number) => Math.ceil(bytes / pageSize);
  let copied = 0;
  try {
    for (const { source, target } of files) {
      const input = fs.openSync(source, 'r');
      const output = fs.openSync(target, 'wx', PRIVATE_FILE_MODE);
      try {
        const buffer = Buffer.allocUnsafe(COPY_CHUNK);
        for (let n; (n = fs.readSync(input, buffer, 0, COPY_CHUNK, null)) > 0;) {
          fs.writeSync(output, buffer, 0, n);
          copied += n;
          progress?.(pages(copied), pages(total));
          await new Promise((resolve) => setImmediate(resolve)); // a large copy lets the progress bar draw
        }
      } finally {
        fs.closeSync(input);
        fs.closeSync(output);
      }
    }
    const db = new Database(to, { fileMustExist: true });
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
      const count = db.pragma('page_count', { simple: true }) as number;
      progress?.(count, count);
      return { pages: count };
    } finally {
      db.close();
    }
  } catch (err) {
    for (const f of [to, `${to}-wal`, `${to}-shm`]) fs.rmSync(f, { force: true });
    throw err;
  } finally {
    for (const f of [`${to}-wal`, `${to}-shm`]) if (fs.existsSync(f) && fs.statSync(f).size === 0) fs.rmSync(f);
  }
}

/** The page size a database file's header records (bytes 16–17, big-endian; 1 means 65,536). */
function pageSizeOf(file: string): number {
  const header = Buffer.alloc(18);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, 18, 0);
  } finally {
    fs.closeSync(fd);
  }
  const size = header.readUInt16BE(16);
  return size === 1 ? 65_536 : size || 4096;
}
