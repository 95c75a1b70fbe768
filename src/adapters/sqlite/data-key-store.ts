import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
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

/** What the file says of a scope, as remembered: its unwrapped key, or that it was destroyed. */
type Known = { readonly key: Uint8Array } | { readonly destroyed: true };

export interface SqliteDataKeyStoreOptions {
  /** How many scopes' answers (unwrapped keys and tombstones) are kept in memory, least recently used out first. */
  readonly cachedScopes?: number;
}

/**
 * The embedded data-key store: one SQLite file (owner-only) apart from the log, one row per case holding its data
 * key wrapped by the master key ({@link KeyWrapper}). Every commit is durable (`synchronous = FULL`, rollback
 * journal), so `ensure` returns only once the key would survive a crash. Destroying a key overwrites the row's
 * bytes (`secure_delete`), leaves a tombstone with the time (so no new key is made for an erased case), and
 * vacuums the file, so the key is not in the file afterwards; copies made before (backups of this file) still hold
 * it, wrapped (docs/privacy.md).
 *
 * The answers for the scopes used last are kept in memory (the key unwrapped, or the tombstone), so an act on a
 * case reads no row and unwraps nothing. They hold only while no other connection has written the file (in this
 * process or another, such as a replica sharing the file): every look-up first reads the file change counter of
 * the file's header, which a database in rollback-journal mode increments at every commit that changes it, made by
 * whichever connection (https://www.sqlite.org/fileformat.html, §1.3.7), and forgets them all when it moved other
 * than by this connection's own commits. One read of 4 bytes, where asking SQLite (`PRAGMA data_version`, which
 * takes and releases the file's lock) cost an act 11 to 33 µs of the request thread.
 */
export class SqliteDataKeyStore implements DataKeyStore {
  readonly #db: Database.Database;
  /** Prepared once: every act and every opened batch looks its case's key up. */
  readonly #stmt;
  readonly #known = new Map<string, Known>();
  readonly #capacity: number;
  /** The file change counter the remembered answers were read at. */
  #version = -1;
  /** The file, opened to read its header's change counter; the 4 bytes read into. */
  readonly #header: number;
  readonly #counter = Buffer.alloc(4);
  /** Moves on whenever remembered answers are dropped: a row read before must not be remembered after. */
  #epoch = 0;

  constructor(
    file: string,
    private readonly wrapper: KeyWrapper,
    private readonly clock: { now(): Date },
    options: SqliteDataKeyStoreOptions = {},
  ) {
    createPrivateFile(file);
    this.#db = new Database(file, { timeout: 5000 });
    this.#db.pragma('journal_mode = DELETE');
    this.#db.pragma('synchronous = FULL');
    this.#db.pragma('secure_delete = ON');
    this.#db.exec(SCHEMA);
    this.#capacity = options.cachedScopes ?? 4096;
    this.#stmt = {
      row: this.#db.prepare<[string], Row>('SELECT wrapped, destroyed_at FROM data_keys WHERE scope = ?'),
      insert: this.#db.prepare<[string, Buffer, string, string]>(
        'INSERT OR IGNORE INTO data_keys (scope, wrapped, wrapper, created_at) VALUES (?, ?, ?, ?)',
      ),
    };
    this.#header = fs.openSync(file, 'r');
  }

  async ensure(scope: string): Promise<Uint8Array> {
    const found = await this.#lookup(scope);
    if (found && 'destroyed' in found) throw new DataKeyDestroyed(scope);
    if (found) return found.key;
    const key = randomBytes(32);
    const wrapped = await this.wrapper.wrap(key, scope);
    // another request may have made the scope's key meanwhile: the first one stays, and is the one returned
    const before = this.#changeCounter();
    const { changes } = this.#stmt.insert.run(
      scope,
      Buffer.from(wrapped),
      this.wrapper.keyId,
      this.clock.now().toISOString(),
    );
    // the counter moved by this commit alone (one, or none when the row was there): what is remembered still holds
    if (this.#version === before && this.#changeCounter() === before + changes) this.#version = before + changes;
    const stored = await this.#lookup(scope);
    if (!stored || 'destroyed' in stored) throw new DataKeyDestroyed(scope);
    return stored.key;
  }

  async get(scope: string): Promise<Uint8Array | undefined> {
    const found = await this.#lookup(scope);
    return found && 'key' in found ? found.key : undefined;
  }

  async destroyed(scope: string): Promise<boolean> {
    const found = await this.#lookup(scope);
    return found !== undefined && 'destroyed' in found;
  }

  async destroy(scope: string, at: string): Promise<boolean> {
    // forgotten first: no look-up finishing meanwhile may remember the key (#epoch)
    this.#forget(scope);
    const found = this.#stmt.row.get(scope);
    this.#db
      .prepare(
        `INSERT INTO data_keys (scope, wrapped, wrapper, created_at, destroyed_at) VALUES (?, NULL, NULL, ?, ?)
         ON CONFLICT (scope) DO UPDATE SET wrapped = NULL, wrapper = NULL, destroyed_at = excluded.destroyed_at`,
      )
      .run(scope, at, at);
    this.#db.exec('VACUUM');
    this.#forget(scope);
    return Boolean(found?.wrapped);
  }

  /** The file deletes what it is asked to, unless it was opened read-only (a file or folder the service cannot write). */
  async checkErasable(): Promise<void> {
    if (this.#db.readonly) throw new DataKeyNotErasable('the data-key file is open read-only');
  }

  close(): void {
    this.#forgetAll();
    this.#db.close();
    fs.closeSync(this.#header);
  }

  /** The scope's key or tombstone, remembered or read (and then remembered); undefined when it has no row. */
  async #lookup(scope: string): Promise<Known | undefined> {
    const version = this.#changeCounter();
    if (version !== this.#version) {
      this.#forgetAll();
      this.#version = version;
    }
    const remembered = this.#known.get(scope);
    if (remembered) {
      this.#known.delete(scope);
      this.#known.set(scope, remembered);
      return remembered;
    }
    const epoch = this.#epoch;
    const row = this.#stmt.row.get(scope);
    if (!row || (!row.destroyed_at && !row.wrapped)) return undefined;
    const known: Known = row.destroyed_at
      ? { destroyed: true }
      : { key: await this.wrapper.unwrap(row.wrapped!, scope) };
    if (epoch === this.#epoch && this.#capacity > 0) {
      this.#known.set(scope, known);
      if (this.#known.size > this.#capacity) this.#known.delete(this.#known.keys().next().value!);
    }
    return known;
  }

  /** The file change counter of the header (4 bytes at offset 24, big-endian); -1 before the file has a header. */
  #changeCounter(): number {
    return fs.readSync(this.#header, this.#counter, 0, 4, 24) === 4 ? this.#counter.readUInt32BE(0) : -1;
  }

  #forget(scope: string): void {
    this.#known.delete(scope);
    this.#epoch++;
  }

  #forgetAll(): void {
    this.#known.clear();
    this.#epoch++;
  }
}

/**
 * Whether the data-key file at `file` holds a key (wrapped by a master key): read-only, creating nothing; a file that
 * does not exist, or has no table yet, holds none.
 */
export function holdsWrappedKeys(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'data_keys'").get();
    return table !== undefined && db.prepare('SELECT 1 FROM data_keys LIMIT 1').get() !== undefined;
  } finally {
    db.close();
  }
}
