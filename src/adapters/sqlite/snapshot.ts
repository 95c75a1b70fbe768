import Database from 'better-sqlite3';
import { createPrivateFile } from './private-file.js';

/**
 * Copies a SQLite database as of one moment (SQLite's online backup), while other connections may write to it:
 * `ledger check` compares the read models of a running service through such a copy. `to` is made owner-only.
 */
export async function snapshotDatabase(from: string, to: string): Promise<void> {
  const db = new Database(from, { readonly: true, fileMustExist: true });
  try {
    createPrivateFile(to);
    await db.backup(to);
  } finally {
    db.close();
  }
}
