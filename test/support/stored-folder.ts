import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

/**
 * Data folders for tests that tamper with what the service stored: make one through the service, then hand each
 * test its own copy to change directly in the SQLite files, as someone with access to the disk would.
 */

/** New temporary folders, each removed after the calling file's tests. */
export function tempDirsForFile(prefix: string): () => string {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ledger-${prefix}-`));
    made.push(dir);
    return dir;
  };
}

/** A copy of the folder `from` in a new folder of `tempDir`. */
export function copyFolder(from: string, tempDir: () => string): string {
  const dir = tempDir();
  fs.cpSync(from, dir, { recursive: true });
  return dir;
}

/** Runs `change` on the folder's event store file, then closes it. */
export function tamperEvents(dir: string, change: (db: Database.Database) => void): void {
  const db = new Database(path.join(dir, 'events.sqlite'));
  try {
    change(db);
  } finally {
    db.close();
  }
}

/**
 * Changes what a stored event says (its envelope, parsed), leaving its recorded hash and every other column as
 * they were; returns the event's id.
 */
export function editStoredEnvelope(
  dir: string,
  stream: string,
  revision: number,
  edit: (envelope: { data: Record<string, unknown> } & Record<string, unknown>) => void,
): string {
  let eventId = '';
  tamperEvents(dir, (db) => {
    const row = db
      .prepare('SELECT position, id, envelope FROM events WHERE stream = ? AND revision = ?')
      .get(stream, revision) as { position: number; id: string; envelope: string };
    eventId = row.id;
    const envelope = JSON.parse(row.envelope);
    edit(envelope);
    db.prepare('UPDATE events SET envelope = ? WHERE position = ?').run(JSON.stringify(envelope), row.position);
  });
  return eventId;
}
