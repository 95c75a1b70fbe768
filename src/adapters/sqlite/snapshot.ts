import Database from 'better-sqlite3';
import { createPrivateFile } from './private-file.js';

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
 */
export async function snapshotDatabase(
  from: string,
  to: string,
  progress?: (copied: number, total: number) => void,
  pagesPerStep = PAGES_PER_STEP,
): Promise<{ readonly pages: number }> {
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
