import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { DataKeyDestroyed, DataKeyNotErasable, type DataKeyStore, type KeyWrapper } from '../../ports/data-keys.js';
import { createPrivateFile } from './private-file.js';

const SCHEMA = `CREATE TABLE IF NOT EXISTS data_keys (
  scope TEXT PRIMARY KEY,
  wrapped BLOB,
  wrapper TEXT,
  created_at TEXT NOT NULL,
  destroyed_at TEXT
) STRICT;`;

interface Row {
  wrapped: Buffer | null;
  destroyed_at: string | null;
}

/**
 * The embedded data-key store: one SQLite file (owner-only) apart from the log, one row per case holding its data
 * key wrapped by the master key ({@link KeyWrapper}). Every commit is durable (`synchronous = FULL`, rollback
 * journal), so `ensure` returns only once the key would survive a crash. Destroying a key overwrites the row's
 * bytes (`secure_delete`), leaves a tombstone with the time (so no new key is made for an erased case), and
 * vacuums the file, so the key is not in the file afterwards; copies made before (backups of this file) still hold
 * it, wrapped (docs/privacy.md).
 */
export class SqliteDataKeyStore implements DataKeyStore {
  readonly #db: Database.Database;
  /** Prepared once: every act and every opened batch looks its case's key up. */
  readonly #stmt;

  constructor(
    file: string,
    private readonly wrapper: KeyWrapper,
    private readonly clock: { now(): Date },
  ) {
    createPrivateFile(file);
    this.#db = new Database(file, { timeout: 5000 });
    this.#db.pragma('journal_mode = DELETE');
    this.#db.pragma('synchronous = FULL');
    this.#db.pragma('secure_delete = ON');
    this.#db.exec(SCHEMA);
    this.#stmt = {
      row: this.#db.prepare<[string], Row>('SELECT wrapped, destroyed_at FROM data_keys WHERE scope = ?'),
      insert: this.#db.prepare<[string, Buffer, string, string]>(
        'INSERT OR IGNORE INTO data_keys (scope, wrapped, wrapper, created_at) VALUES (?, ?, ?, ?)',
      ),
    };
  }

  async ensure(scope: string): Promise<Uint8Array> {
    const found = this.#row(scope);
    if (found?.destroyed_at) throw new DataKeyDestroyed(scope);
    if (found?.wrapped) return this.wrapper.unwrap(found.wrapped, scope);
    const key = randomBytes(32);
    const wrapped = await this.wrapper.wrap(key, scope);
    // another request may have made the scope's key meanwhile: the first one stays, and is the one returned
    this.#stmt.insert.run(scope, Buffer.from(wrapped), this.wrapper.keyId, this.clock.now().toISOString());
    const stored = this.#row(scope)!;
    if (stored.destroyed_at || !stored.wrapped) throw new DataKeyDestroyed(scope);
    return this.wrapper.unwrap(stored.wrapped, scope);
  }

  async get(scope: string): Promise<Uint8Array | undefined> {
    const found = this.#row(scope);
    return found?.wrapped ? this.wrapper.unwrap(found.wrapped, scope) : undefined;
  }

  async destroyed(scope: string): Promise<boolean> {
    return Boolean(this.#row(scope)?.destroyed_at);
  }

  async destroy(scope: string, at: string): Promise<boolean> {
    const found = this.#row(scope);
    this.#db
      .prepare(
        `INSERT INTO data_keys (scope, wrapped, wrapper, created_at, destroyed_at) VALUES (?, NULL, NULL, ?, ?)
         ON CONFLICT (scope) DO UPDATE SET wrapped = NULL, wrapper = NULL, destroyed_at = excluded.destroyed_at`,
      )
      .run(scope, at, at);
    this.#db.exec('VACUUM');
    return Boolean(found?.wrapped);
  }

  /** The file deletes what it is asked to, unless it was opened read-only (a file or folder the service cannot write). */
  async checkErasable(): Promise<void> {
    if (this.#db.readonly) throw new DataKeyNotErasable('the data-key file is open read-only');
  }

  close(): void {
    this.#db.close();
  }

  #row(scope: string): Row | undefined {
    return this.#stmt.row.get(scope);
  }
}
