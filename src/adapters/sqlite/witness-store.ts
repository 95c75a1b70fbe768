import Database from 'better-sqlite3';
import { parseCheckpoint } from '../../ledger/checkpoint.js';
import { witnessedHeadsRoot } from '../../ledger/witness-protocol.js';
import type { CosignedState, Refusal, WitnessLog, WitnessStore } from '../../ports/witness-store.js';
import { createPrivateFile } from './private-file.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS log_keys (origin TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (origin, key));
CREATE TABLE IF NOT EXISTS cosigned (
  origin TEXT PRIMARY KEY, size INTEGER NOT NULL, root_hash TEXT NOT NULL, note TEXT NOT NULL,
  cosignature TEXT NOT NULL, cosigned_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS refusals (
  id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, origin TEXT NOT NULL, kind TEXT NOT NULL,
  size INTEGER NOT NULL, root_hash TEXT NOT NULL, note TEXT NOT NULL, old_size INTEGER NOT NULL,
  cosigned_size INTEGER NOT NULL, cosigned_root_hash TEXT NOT NULL);
`;

/**
 * Version 1 keeps the heads root (`evidence-ledger/heads/v1`, NULL for none) of the cosigned checkpoint and of
 * each refused one, the cosigned one's being filled in from the note the witness kept; a refusal recorded before
 * has NULL for the heads root it was compared with.
 */
const SCHEMA_VERSION = 1;

/** The heads root of a stored signed note, as the witness judged it (null: none). */
function headsRootOfNote(note: string): string | null {
  const parsed = parseCheckpoint(note.slice(0, note.lastIndexOf('\n\n') + 1));
  return (parsed && witnessedHeadsRoot(parsed)) ?? null;
}

interface CosignedRow {
  origin: string;
  size: number;
  root_hash: string;
  heads_root: string | null;
  note: string;
  cosignature: string;
  cosigned_at: string;
}

interface RefusalRow {
  id: number;
  at: string;
  origin: string;
  kind: Refusal['kind'];
  size: number;
  root_hash: string;
  heads_root: string | null;
  note: string;
  old_size: number;
  cosigned_size: number;
  cosigned_root_hash: string;
  cosigned_heads_root: string | null;
}

/**
 * A witness's store in one SQLite file (owner-only), WAL, every commit durable (`synchronous = FULL`): a witness
 * that forgot what it cosigned could be led to cosign a fork. Check-and-update runs in a `BEGIN IMMEDIATE`
 * transaction, which holds SQLite's write lock, so two processes on one file cannot interleave.
 */
export class SqliteWitnessStore implements WitnessStore {
  readonly #db: Database.Database;

  constructor(file: string) {
    createPrivateFile(file);
    this.#db = new Database(file, { timeout: 5000 });
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('synchronous = FULL');
    this.#db.exec(SCHEMA);
    this.#migrate();
  }

  #migrate(): void {
    this.#db
      .transaction(() => {
        if ((this.#db.pragma('user_version', { simple: true }) as number) >= SCHEMA_VERSION) return;
        this.#db.exec(`ALTER TABLE cosigned ADD COLUMN heads_root TEXT;
          ALTER TABLE refusals ADD COLUMN heads_root TEXT;
          ALTER TABLE refusals ADD COLUMN cosigned_heads_root TEXT;`);
        const update = this.#db.prepare('UPDATE cosigned SET heads_root = ? WHERE origin = ?');
        for (const row of this.#db.prepare('SELECT origin, note FROM cosigned').all() as CosignedRow[]) {
          update.run(headsRootOfNote(row.note), row.origin);
        }
        const refusal = this.#db.prepare('UPDATE refusals SET heads_root = ? WHERE id = ?');
        for (const row of this.#db.prepare('SELECT id, note FROM refusals').all() as RefusalRow[]) {
          refusal.run(headsRootOfNote(row.note), row.id);
        }
        this.#db.pragma(`user_version = ${SCHEMA_VERSION}`);
      })
      .immediate();
  }

  logs(): WitnessLog[] {
    const rows = this.#db.prepare('SELECT origin, key FROM log_keys ORDER BY origin, key').all() as {
      origin: string;
      key: string;
    }[];
    const byOrigin = new Map<string, string[]>();
    for (const { origin, key } of rows) byOrigin.set(origin, [...(byOrigin.get(origin) ?? []), key]);
    return [...byOrigin].map(([origin, keys]) => ({ origin, keys }));
  }

  addLog(origin: string, key: string): void {
    this.#db.prepare('INSERT OR IGNORE INTO log_keys (origin, key) VALUES (?, ?)').run(origin, key);
  }

  latest(origin: string): CosignedState | undefined {
    const row = this.#db.prepare('SELECT * FROM cosigned WHERE origin = ?').get(origin) as CosignedRow | undefined;
    return row
      ? {
          origin: row.origin,
          size: row.size,
          rootHash: row.root_hash,
          headsRoot: row.heads_root,
          note: row.note,
          cosignature: row.cosignature,
          cosignedAt: row.cosigned_at,
        }
      : undefined;
  }

  setLatest(s: CosignedState): void {
    this.#db
      .prepare(
        `INSERT INTO cosigned (origin, size, root_hash, heads_root, note, cosignature, cosigned_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (origin) DO UPDATE SET size = excluded.size, root_hash = excluded.root_hash,
           heads_root = excluded.heads_root, note = excluded.note, cosignature = excluded.cosignature,
           cosigned_at = excluded.cosigned_at`,
      )
      .run(s.origin, s.size, s.rootHash, s.headsRoot, s.note, s.cosignature, s.cosignedAt);
  }

  recordRefusal(r: Omit<Refusal, 'id'>): Refusal {
    const { lastInsertRowid } = this.#db
      .prepare(
        `INSERT INTO refusals (at, origin, kind, size, root_hash, heads_root, note, old_size, cosigned_size,
           cosigned_root_hash, cosigned_heads_root)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        r.at,
        r.origin,
        r.kind,
        r.size,
        r.rootHash,
        r.headsRoot,
        r.note,
        r.oldSize,
        r.cosignedSize,
        r.cosignedRootHash,
        r.cosignedHeadsRoot,
      );
    return { id: Number(lastInsertRowid), ...r };
  }

  refusals(limit: number): Refusal[] {
    const rows = this.#db.prepare('SELECT * FROM refusals ORDER BY id DESC LIMIT ?').all(limit) as RefusalRow[];
    return rows.map((row) => ({
      id: row.id,
      at: row.at,
      origin: row.origin,
      kind: row.kind,
      size: row.size,
      rootHash: row.root_hash,
      headsRoot: row.heads_root,
      note: row.note,
      oldSize: row.old_size,
      cosignedSize: row.cosigned_size,
      cosignedRootHash: row.cosigned_root_hash,
      cosignedHeadsRoot: row.cosigned_heads_root,
    }));
  }

  atomically<T>(work: () => T): T {
    return this.#db.transaction(work).immediate();
  }

  close(): void {
    this.#db.close();
  }
}
