import fs from 'node:fs';
import Database from 'better-sqlite3';

/**
 * The embedded log's first event's signing key and its head position, read from the file without opening the store
 * (no thread, no write): what start-up needs to refuse a keys folder that cannot have signed the log before anything
 * else is opened. Undefined when the file is absent, holds no event, or cannot be read so (the store's own opening
 * then says what is wrong with it).
 */
export function embeddedLogStart(file: string): { readonly head: number; readonly keyId: string } | undefined {
  if (!fs.existsSync(file)) return undefined;
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    return undefined;
  }
  try {
    const first = db.prepare('SELECT envelope FROM events ORDER BY position LIMIT 1').get() as
      { envelope: string } | undefined;
    if (!first) return undefined;
    const head = (db.prepare('SELECT max(position) AS p FROM events').get() as { p: number }).p;
    const keyId = (JSON.parse(first.envelope) as { sig?: { keyId?: unknown } }).sig?.keyId;
    return { head, keyId: typeof keyId === 'string' ? keyId : 'unknown' };
  } catch {
    return undefined;
  } finally {
    db.close();
  }
}
