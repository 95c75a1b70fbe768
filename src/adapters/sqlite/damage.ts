import fs from 'node:fs';
import Database from 'better-sqlite3';

/** SQLite's word for a file it cannot read as a database, or one whose pages do not hold together. */
export function isDamage(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code);
}

/**
 * The file that marks the database `file` as found damaged by a read while in use, so that the next start makes it
 * again even where opening it would not show the damage. Removed with the database.
 */
export const damageMark = (file: string): string => `${file}.damaged`;

/** Marks `file` as found damaged (best effort: a mark that cannot be written leaves the service to say so). */
export function markDamaged(file: string, err: unknown): void {
  try {
    fs.writeFileSync(damageMark(file), `${String((err as { code?: unknown }).code ?? 'damaged')}\n`, { mode: 0o600 });
  } catch {
    /* a read-only or full folder: the log line and readiness still say it */
  }
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
