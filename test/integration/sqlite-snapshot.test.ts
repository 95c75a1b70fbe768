import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { snapshotDatabase } from '../../src/adapters/sqlite/snapshot.js';
import { tempDirsForFile } from '../support/stored-folder.js';

const tempDir = tempDirsForFile('snapshot');

/** A WAL database of `rows` rows of 1 KiB each, and a second connection writing to it. */
function busyDatabase(rows: number): { file: string; writer: Database.Database } {
  const file = path.join(tempDir(), 'source.sqlite');
  const writer = new Database(file);
  writer.pragma('journal_mode = WAL');
  writer.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const insert = writer.prepare('INSERT INTO t (body) VALUES (?)');
  writer.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run('x'.repeat(1024));
  })();
  return { file, writer };
}

describe('snapshotDatabase', () => {
  it('when another connection writes between every step, then the copy still ends, whole, as of one moment', async () => {
    const { file, writer } = busyDatabase(2_000);
    const insert = writer.prepare('INSERT INTO t (body) VALUES (?)');
    const copy = path.join(tempDir(), 'copy.sqlite');
    const seen: [number, number][] = [];
    let writes = 0;
    try {
      const { pages } = await snapshotDatabase(
        file,
        copy,
        (copied, total) => {
          seen.push([copied, total]);
          // a write between steps makes SQLite start the copy again: without the fallback to one step, it never ends
          if (writes === 500) throw new Error('the copy started again 500 times');
          insert.run('y'.repeat(1024));
          writes++;
        },
        8,
      );
      expect(pages).toBeGreaterThan(100);
      expect(writes).toBeGreaterThan(0);
      // the first steps reported were partial: the copy went a step at a time before the write restarted it
      expect(seen.some(([copied, total]) => copied > 0 && copied < total)).toBe(true);
      expect(seen.at(-1)![0]).toBe(seen.at(-1)![1]);
      const db = new Database(copy, { readonly: true });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const { n } = db.prepare('SELECT count(*) AS n FROM t').get() as { n: number };
        // every row committed before the copy began, and at most the writes made while it ran
        expect(n).toBeGreaterThanOrEqual(2_000);
        expect(n).toBeLessThanOrEqual(2_000 + writes);
      } finally {
        db.close();
      }
      expect(fs.statSync(copy).mode & 0o777).toBe(0o600);
    } finally {
      writer.close();
    }
  });

  it('when nobody writes, then the copy goes a step at a time and reports each', async () => {
    const { file, writer } = busyDatabase(500);
    writer.close();
    const copy = path.join(tempDir(), 'copy.sqlite');
    const seen: number[] = [];
    const { pages } = await snapshotDatabase(file, copy, (copied) => seen.push(copied), 16);
    expect(new Set(seen).size).toBeGreaterThan(pages / 16 - 2);
    const db = new Database(copy, { readonly: true });
    try {
      expect((db.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n).toBe(500);
    } finally {
      db.close();
    }
  });
});
