import Database from 'better-sqlite3';
import type { Position, RecordedEvent } from '../../ports/event-store.js';
import { ReadModelsDamaged } from '../../errors.js';
import { isDamage, markDamaged } from './damage.js';
import { createPrivateFile } from './private-file.js';
import { createIndexes, openCollection, writeRow, type Collection } from './collection-table.js';
import { QUARANTINE_SPEC, quarantineDoc, refusalOf } from './quarantine.js';
import { RowMemo } from './row-memo.js';
import {
  InvalidCursor,
  QUARANTINE,
  type Change,
  type Doc,
  type Page,
  type Projection,
  type ProjectionChanges,
  type QuarantineDoc,
  type Query,
  type ReadModelStore,
  type Scalar,
  type SearchHit,
} from '../../ports/read-models.js';

export interface SqliteReadModelStoreOptions {
  /** A file path, or `:memory:`. */
  readonly path: string;
  /** The projections whose collections the store keeps. */
  readonly projections: readonly Projection[];
  /**
   * Open a connection that only reads, beside the one that writes (the projection thread's): the file and its
   * tables must exist (the schema statements, all `IF NOT EXISTS`, then change nothing), and `position()` reads
   * the stored position each time. Default false.
   */
  readonly readonly?: boolean;
  /**
   * For a rebuild into a file of its own: the members' indexes are created by {@link SqliteReadModelStore.finishBulk}
   * rather than kept up to date row by row, and commits are not synced (the file is only used once complete).
   */
  readonly bulk?: boolean;
}

/**
 * The layout of the tables: bumped when how collections are stored changes. A file of another layout is emptied
 * on opening (its versions forgotten), so the runner rebuilds it from the log.
 */
const LAYOUT = 3; // 3: no CHECK (json_valid(doc)) on the documents, pages of 8 KiB

/**
 * Read models in SQLite: one table per collection (`doc_<name>`: key, JSON document, and one column per member
 * queries use, holding the member's value as `json_extract` would read it, each indexed with the key), an FTS5
 * table with the trigram tokenizer (which matches Chinese text, having no word boundaries to rely on) for searched
 * collections, and a `meta` table holding the applied position and the projection versions. A commit writes
 * documents and position in one transaction.
 *
 * A write touches only what changed: an index entry when its member's value changed, the full-text row when the
 * document's searched text changed (a digest of it is kept beside the document).
 *
 * `synchronous = NORMAL` in WAL mode keeps every transaction atomic; a power loss may undo the last commits, which
 * the runner then applies again from the stored position — read models are rebuilt from the log, never the
 * other way round.
 */
export class SqliteReadModelStore implements ReadModelStore {
  readonly #db: Database.Database;
  readonly #collections = new Map<string, Collection>();
  readonly #projections: readonly Projection[];
  #position: Position = 0;
  readonly #setMeta: Database.Statement<[string, string]>;
  readonly #commit: (changes: Iterable<Change>, position: Position) => void;
  readonly #commitEvent: (
    recorded: RecordedEvent,
    applied: readonly ProjectionChanges[],
    failed: readonly { readonly projection: string; readonly reason: string }[],
  ) => QuarantineDoc[];
  readonly #savepoint: (changes: readonly Change[]) => void;
  /** Indexes not made yet: a bulk load creates them at the end. */
  #bulk: boolean;
  readonly #readonly: boolean;
  #damaged = false;
  readonly #path: string;
  /** The rows {@link commit} updated, so that updating them again is one statement. */
  readonly #rows = new RowMemo();

  constructor(options: SqliteReadModelStoreOptions) {
    this.#projections = options.projections;
    this.#bulk = options.bulk ?? false;
    this.#readonly = options.readonly === true;
    this.#path = options.path;
    if (!this.#readonly) createPrivateFile(options.path);
    this.#db = new Database(options.path, this.#readonly ? { readonly: true, fileMustExist: true } : {});
    // pages of 8 KiB rather than 4: a commit of scattered rows then costs less CPU (some 2 to 10% of the applier's,
    // measured); it takes effect on a new file only (a rebuild makes one)
    if (!this.#readonly) this.#db.pragma('page_size = 8192');
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma(this.#bulk ? 'synchronous = OFF' : 'synchronous = NORMAL');
    this.#db.pragma('cache_size = -65536');
    // freed cells are zeroed in the pages being written anyway, so free text a rewrite or an erasure replaced does
    // not linger in the file (FAST: pages not otherwise written are left as they are, which costs little)
    if (!this.#readonly) this.#db.pragma('secure_delete = FAST');
    // checkpoint the log into the file every 40 MiB (5,000 pages) rather than every 8 MiB: each checkpoint syncs, and
    // the projection thread, which commits a batch of events at a time, pays for it
    if (!this.#readonly) this.#db.pragma('wal_autocheckpoint = 5000');
    this.#db.exec('CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    this.#setMeta = this.#db.prepare(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    );
    if (!this.#readonly && this.#meta('layout') !== String(LAYOUT)) {
      // another layout (or a new file): forget it, so that the runner finds the versions changed and rebuilds
      this.#db.transaction(() => {
        this.#dropCollections();
        this.#db.exec("DELETE FROM meta WHERE key IN ('position', 'versions')");
        this.#setMeta.run('layout', String(LAYOUT));
      })();
    }
    // one transaction for the tables and indexes a new file needs (each statement its own costs a third more)
    if (this.#readonly) this.#createCollections();
    else this.#db.transaction(() => this.#createCollections())();
    this.#position = Number(this.#meta('position') ?? 0);
    this.#commit = this.#db.transaction((changes: Iterable<Change>, position: Position) => {
      for (const change of changes) writeRow(this.#db, this.#collection(change.collection), change, this.#rows);
      this.#setMeta.run('position', String(position));
    });
    // a transaction inside a transaction is a savepoint: a refused projection's writes are undone alone
    this.#savepoint = this.#db.transaction((changes: readonly Change[]) => {
      for (const change of changes) this.#write(change);
    });
    this.#commitEvent = this.#db.transaction(
      (
        recorded: RecordedEvent,
        applied: readonly ProjectionChanges[],
        failed: readonly { readonly projection: string; readonly reason: string }[],
      ): QuarantineDoc[] => {
        const reasons = [...failed];
        for (const { projection, changes } of applied) {
          try {
            this.#savepoint(changes);
          } catch (err) {
            const refused = refusalOf(err);
            if (!refused || projection.critical) throw err;
            reasons.push({ projection: projection.name, reason: refused.reason });
          }
        }
        const docs = reasons.map(({ projection, reason }) => quarantineDoc(recorded, projection, reason));
        for (const doc of docs) this.#write({ collection: QUARANTINE, key: `${doc.position}/${doc.projection}`, doc });
        this.#setMeta.run('position', String(recorded.position));
        return docs;
      },
    );
  }

  /**
   * The projection versions the read models stored in `file` were made by, read without writing; undefined when
   * the file does not exist, is not a read-model file, or was written in another layout.
   */
  static storedVersions(file: string): Readonly<Record<string, number>> | undefined {
    let db: Database.Database | undefined;
    try {
      db = new Database(file, { readonly: true, fileMustExist: true });
      const meta = db.prepare('SELECT value FROM meta WHERE key = ?');
      const layout = meta.get('layout') as { value: string } | undefined;
      const versions = meta.get('versions') as { value: string } | undefined;
      if (layout?.value !== String(LAYOUT) || !versions) return undefined;
      return JSON.parse(versions.value) as Record<string, number>;
    } catch {
      return undefined; // not a read-model file of ours
    } finally {
      db?.close();
    }
  }

  position(): Position {
    return this.#readonly ? Number(this.#meta('position') ?? 0) : this.#position;
  }

  versions(): Readonly<Record<string, number>> {
    return JSON.parse(this.#meta('versions') ?? '{}') as Record<string, number>;
  }

  reset(projections: readonly Projection[]): void {
    this.#rows.clear();
    this.#db.transaction(() => {
      this.#dropCollections();
      this.#collections.clear();
      this.#createCollections();
      this.#setMeta.run('position', '0');
      this.#setMeta.run('versions', JSON.stringify(Object.fromEntries(projections.map((p) => [p.name, p.version]))));
    })();
    this.#position = 0;
  }

  commit(changes: Iterable<Change>, position: Position): void {
    try {
      this.#commit(changes, position);
    } catch (err) {
      this.#rows.discard();
      throw err;
    }
    this.#rows.committed();
    this.#position = position;
  }

  commitEvent(
    recorded: RecordedEvent,
    applied: readonly ProjectionChanges[],
    failed: readonly { readonly projection: string; readonly reason: string }[],
  ): readonly QuarantineDoc[] {
    // its writes go around the memo (a savepoint may undo some of them): forget what it remembers
    this.#rows.clear();
    const docs = this.#commitEvent(recorded, applied, failed);
    this.#position = recorded.position;
    return docs;
  }

  /**
   * Ends a bulk load: creates the members' indexes over the loaded rows and syncs commits from then on. A store
   * opened without `bulk` has nothing to do.
   */
  finishBulk(): void {
    if (!this.#bulk) return;
    for (const collection of this.#collections.values()) createIndexes(this.#db, collection);
    this.#db.pragma('synchronous = NORMAL');
    this.#bulk = false;
  }

  /**
   * Takes in the read models another store built in bulk into `file` (closed), of the same log up to the same
   * position, with `projections` (a part of this store's, none of whose collections this store holds documents of
   * yet): their collections' rows, their full-text rows, their quarantine documents and their versions, in one
   * transaction. How a rebuild on two threads puts its two files together, before {@link finishBulk}.
   */
  absorb(file: string, projections: readonly Projection[]): void {
    this.#db.prepare('ATTACH DATABASE ? AS part').run(file);
    try {
      this.#db.transaction(() => {
        const meta = this.#db.prepare('SELECT value FROM part.meta WHERE key = ?');
        const partPosition = Number((meta.get('position') as { value: string } | undefined)?.value ?? 0);
        if (partPosition !== this.#position) {
          throw new Error(`the read models in ${file} stand at ${partPosition}, these at ${this.#position}`);
        }
        for (const spec of projections.flatMap((p) => p.collections)) {
          const { table, columns } = this.#collection(spec.name);
          const list = ['id', 'key', 'doc', 'sum', ...columns.values()].join(', ');
          if (this.#db.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get()) {
            throw new Error(`collection ${spec.name} already holds documents: it is not taken in`);
          }
          this.#db.exec(`INSERT INTO main.${table} (${list}) SELECT ${list} FROM part.${table}`);
          if (spec.text) {
            this.#db.exec(
              `INSERT INTO main.fts_${spec.name} (rowid, body) SELECT rowid, body FROM part.fts_${spec.name}`,
            );
          }
        }
        // quarantine keys (`<position>/<projection>`) differ between parts, which apply different projections
        const quarantine = this.#collection(QUARANTINE);
        const list = ['key', 'doc', 'sum', ...quarantine.columns.values()].join(', ');
        this.#db.exec(`INSERT INTO main.${quarantine.table} (${list}) SELECT ${list} FROM part.${quarantine.table}`);
        const versions: Record<string, number> = {
          ...this.versions(),
          ...(JSON.parse((meta.get('versions') as { value: string } | undefined)?.value ?? '{}') as object),
        };
        // in the order of this store's projections, as a rebuild on one thread records them
        const names = [...new Set([...this.#projections.map((p) => p.name), ...Object.keys(versions)])];
        const ordered = Object.fromEntries(names.filter((n) => n in versions).map((n) => [n, versions[n]]));
        this.#setMeta.run('versions', JSON.stringify(ordered));
      })();
    } finally {
      this.#db.exec('DETACH DATABASE part');
    }
  }

  get<D extends Doc = Doc>(collection: string, key: string): D | undefined {
    return this.#reading(() => this.#get<D>(collection, key));
  }

  #get<D extends Doc>(collection: string, key: string): D | undefined {
    const row = this.#collection(collection).get.get(key);
    return row ? (JSON.parse(row.doc) as D) : undefined;
  }

  query<D extends Doc = Doc>(name: string, query: Query): Page<D> {
    return this.#reading(() => this.#query<D>(name, query));
  }

  #query<D extends Doc>(name: string, query: Query): Page<D> {
    const collection = this.#collection(name);
    const clauses: string[] = [];
    const params: unknown[] = [];
    this.#where(collection, query.where, clauses, params);
    if (query.keyPrefix !== undefined) {
      // keys from the prefix up to the prefix followed by the highest code point: the key index answers it
      clauses.push('key >= ? AND key < ?');
      params.push(query.keyPrefix, `${query.keyPrefix}\u{10FFFF}`);
    }
    if (query.keyFrom !== undefined) {
      clauses.push('key >= ?');
      params.push(query.keyFrom);
    }
    if (query.keyBefore !== undefined) {
      clauses.push('key < ?');
      params.push(query.keyBefore);
    }
    if (query.range) {
      const expr = this.#member(collection, query.range.member);
      if (query.range.from !== undefined && query.range.from !== null) {
        clauses.push(`${expr} >= ?`);
        params.push(bindable(query.range.from));
      }
      if (query.range.to !== undefined && query.range.to !== null) {
        clauses.push(`${expr} <= ?`);
        params.push(bindable(query.range.to));
      }
    }
    if (query.contains !== undefined && query.contains.length > 0) {
      if (!collection.spec.text) throw new Error(`collection ${name} is not searched`);
      // the trigram index answers LIKE itself when a word has three characters or more; shorter ones scan its rows
      const likes = query.contains.map(() => "body LIKE ? ESCAPE '\\'");
      clauses.push(`id IN (SELECT rowid FROM fts_${name} WHERE ${likes.join(' AND ')})`);
      for (const word of query.contains) params.push(`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
    const desc = query.direction === 'desc';
    const orderExpr = query.orderBy === undefined ? undefined : this.#member(collection, query.orderBy);
    if (query.after !== undefined) {
      const [value, key] = decodeCursor(query.after, cursorScope(name, query), orderExpr !== undefined);
      const cmp = desc ? '<' : '>';
      if (orderExpr === undefined) {
        clauses.push(`key ${cmp} ?`);
        params.push(key);
      } else if (value === null) {
        // SQLite sorts NULL first: ascending, everything non-null follows; descending, only smaller keys of NULL
        clauses.push(
          desc
            ? `(${orderExpr} IS NULL AND key < ?)`
            : `(${orderExpr} IS NOT NULL OR (${orderExpr} IS NULL AND key > ?))`,
        );
        params.push(key);
      } else {
        const tail = desc ? ` OR ${orderExpr} IS NULL` : '';
        clauses.push(`(${orderExpr} ${cmp} ? OR (${orderExpr} = ? AND key ${cmp} ?)${tail})`);
        params.push(bindable(value), bindable(value), key);
      }
    }
    const direction = desc ? 'DESC' : 'ASC';
    const order = orderExpr === undefined ? `key ${direction}` : `${orderExpr} ${direction}, key ${direction}`;
    const limit = Math.max(1, Math.floor(query.limit));
    const sql =
      `SELECT key, doc${orderExpr === undefined ? '' : `, ${orderExpr} AS sortValue`} FROM doc_${name}` +
      (clauses.length ? ` WHERE ${clauses.join(' AND ')}` : '') +
      ` ORDER BY ${order} LIMIT ?`;
    const rows = this.#db.prepare(sql).all(...params, limit + 1) as { key: string; doc: string; sortValue?: Scalar }[];
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((row) => JSON.parse(row.doc) as D),
      ...(rows.length > limit && last
        ? { next: encodeCursor(last.sortValue ?? null, last.key, cursorScope(name, query)) }
        : {}),
    };
  }

  search<D extends Doc = Doc>(
    name: string,
    match: string,
    options: { readonly where?: Query['where']; readonly limit: number },
  ): SearchHit<D>[] {
    return this.#reading(() => this.#search<D>(name, match, options));
  }

  #search<D extends Doc>(
    name: string,
    match: string,
    options: { readonly where?: Query['where']; readonly limit: number },
  ): SearchHit<D>[] {
    const collection = this.#collection(name);
    if (!collection.spec.text) throw new Error(`collection ${name} is not searched`);
    const clauses = [`fts_${name} MATCH ?`];
    const params: unknown[] = [match];
    this.#where(collection, options.where, clauses, params);
    const sql =
      `SELECT d.key AS key, d.doc AS doc, bm25(fts_${name}) AS rank FROM fts_${name} ` +
      `JOIN doc_${name} d ON d.id = fts_${name}.rowid WHERE ${clauses.join(' AND ')} ORDER BY rank LIMIT ?`;
    const rows = this.#db.prepare(sql).all(...params, Math.max(1, Math.floor(options.limit))) as {
      key: string;
      doc: string;
      rank: number;
    }[];
    return rows.map((row) => ({ key: row.key, doc: JSON.parse(row.doc) as D, rank: row.rank }));
  }

  count(name: string, where?: Query['where']): number {
    return this.#reading(() => this.#count(name, where));
  }

  #count(name: string, where?: Query['where']): number {
    const collection = this.#collection(name);
    const clauses: string[] = [];
    const params: unknown[] = [];
    this.#where(collection, where, clauses, params);
    const sql = `SELECT count(*) AS n FROM doc_${name}` + (clauses.length ? ` WHERE ${clauses.join(' AND ')}` : '');
    return (this.#db.prepare(sql).get(...params) as { n: number }).n;
  }

  entries(name: string, options: { readonly after?: string; readonly limit: number }): { key: string; doc: Doc }[] {
    return this.#reading(() => this.#entries(name, options));
  }

  #entries(name: string, options: { readonly after?: string; readonly limit: number }): { key: string; doc: Doc }[] {
    this.#collection(name);
    const rows = this.#db
      .prepare(`SELECT key, doc FROM doc_${name} WHERE key > ? ORDER BY key LIMIT ?`)
      .all(options.after ?? '', Math.max(1, Math.floor(options.limit))) as { key: string; doc: string }[];
    return rows.map((row) => ({ key: row.key, doc: JSON.parse(row.doc) as Doc }));
  }

  close(): void {
    if (this.#db.open) this.#db.close();
  }

  /** Whether a read found the file damaged: nothing is answered from it until the service rebuilds it. */
  damaged(): boolean {
    return this.#damaged;
  }

  /** A read, with SQLite's word for a damaged file made the store-neutral {@link ReadModelsDamaged}. */
  #reading<T>(read: () => T): T {
    try {
      return read();
    } catch (err) {
      if (!isDamage(err)) throw err;
      if (!this.#damaged && this.#path !== ':memory:') markDamaged(this.#path, err);
      this.#damaged = true;
      throw new ReadModelsDamaged({ cause: err });
    }
  }

  #meta(key: string): string | undefined {
    const row = this.#db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  #dropCollections(): void {
    const tables = this.#db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND (name LIKE 'doc\\_%' ESCAPE '\\' OR name LIKE 'fts\\_%' ESCAPE '\\')",
      )
      .all() as { name: string }[];
    for (const { name } of tables) {
      if (/^(doc|fts)_[a-z][a-z0-9_]*$/.test(name)) this.#db.exec(`DROP TABLE IF EXISTS ${name}`);
    }
  }

  #createCollections(): void {
    for (const spec of [...this.#projections.flatMap((p) => p.collections), QUARANTINE_SPEC]) {
      if (this.#collections.has(spec.name)) throw new Error(`collection ${spec.name} is written by two projections`);
      this.#collections.set(spec.name, openCollection(this.#db, spec, { indexed: !this.#bulk }));
    }
  }

  #write(change: Change): void {
    writeRow(this.#db, this.#collection(change.collection), change);
  }

  #collection(name: string): Collection {
    const collection = this.#collections.get(name);
    if (!collection) throw new Error(`no collection ${name}`);
    return collection;
  }

  #member(collection: Collection, member: string): string {
    const column = collection.columns.get(member);
    if (column === undefined) throw new Error(`${member} is not an indexed member of ${collection.spec.name}`);
    return column;
  }

  #where(collection: Collection, where: Query['where'], clauses: string[], params: unknown[]): void {
    for (const [member, value] of Object.entries(where ?? {})) {
      const expr = this.#member(collection, member);
      if (Array.isArray(value)) {
        if (value.length === 0) {
          clauses.push('0');
          continue;
        }
        clauses.push(`${expr} IN (${value.map(() => '?').join(', ')})`);
        params.push(...value.map(bindable));
      } else if (value === null) {
        clauses.push(`${expr} IS NULL`);
      } else {
        clauses.push(`${expr} = ?`);
        params.push(bindable(value as Scalar));
      }
    }
  }
}

/** SQLite has no booleans: JSON `true` reads back as 1. */
function bindable(value: Scalar): string | number | null {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

function encodeCursor(value: Scalar, key: string, scope: string): string {
  return Buffer.from(JSON.stringify([value, key, scope]), 'utf8').toString('base64url');
}

/**
 * What a cursor belongs to: the collection and the order of the query that returned it (its filters may differ
 * between pages of one list, as a list's parameters are the client's). A cursor of another collection or order is
 * refused rather than read as a place in this one, where it would answer an empty or a wrong page as the last.
 */
function cursorScope(collection: string, query: Pick<Query, 'orderBy' | 'direction'>): string {
  return `${collection}/${query.orderBy ?? 'key'}/${query.direction === 'desc' ? 'desc' : 'asc'}`;
}

function decodeCursor(cursor: string, scope: string, ordered: boolean): [Scalar, string] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 3 && typeof parsed[1] === 'string' && parsed[2] === scope) {
      const value = parsed[0] as unknown;
      const scalar = value === null || ['string', 'number', 'boolean'].includes(typeof value);
      if (scalar && (ordered || value === null)) return [value as Scalar, parsed[1]];
    }
  } catch {
    // fall through: not a cursor of ours
  }
  throw new InvalidCursor();
}
