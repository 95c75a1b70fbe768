import fs from 'node:fs';
import Database from 'better-sqlite3';

/** SQLite's word for a file it cannot read as a database, or one whose pages do not hold together. */
export function isDamage(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code);
}

/**
 * Whether the SQLite file at `file` is damaged: it does not open as a database, or its quick check (`PRAGMA
 * quick_check`, O(n) in its pages) finds a fault. Read-only; a file that does not exist is not damaged.
 */
export function damaged(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const rows = db.prepare('PRAGMA quick_check(1)').pluck().all();
    return !(rows.length === 1 && rows[0] === 'ok');
  } catch (err) {
    if (isDamage(err)) return true;
    throw err;
  } finally {
    db?.close();
  }
}
