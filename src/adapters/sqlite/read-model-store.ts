import Database from 'better-sqlite3';
import type { Position, RecordedEvent } from '../../ports/event-store.js';
import { createPrivateFile } from './private-file.js';
import { QUARANTINE_SPEC, quarantineDoc, refusalOf, searchText, serialized } from './quarantine.js';
import {
  InvalidCursor,
  QUARANTINE,
  type Change,
  type CollectionSpec,
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
}

const NAME = /^[a-z][a-z0-9_]*$/;
const MEMBER = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;

interface Collection {
  readonly spec: CollectionSpec;
  readonly indexes: ReadonlySet<string>;
  readonly get: Database.Statement<[string], { doc: string }>;
  readonly upsert: Database.Statement<[string, string], { id: number }>;
  readonly remove: Database.Statement<[string], { id: number }>;
  readonly ftsDelete?: Database.Statement<[number]>;
  readonly ftsInsert?: Database.Statement<[number, string]>;
}

/**
 * Read models in SQLite: one table per collection (`doc_<name>`: key, JSON document), expression indexes on the
 * members queries use, an FTS5 table with the trigram tokenizer (which matches Chinese text, having no word
 * boundaries to rely on) for searched collections, and a `meta` table holding the applied position and the
 * projection versions. A commit writes documents and position in one transaction.
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
  readonly #readonly: boolean;

  constructor(options: SqliteReadModelStoreOptions) {
    this.#projections = options.projections;
    this.#readonly = options.readonly === true;
    if (!this.#readonly) createPrivateFile(options.path);
    this.#db = new Database(options.path, this.#readonly ? { readonly: true, fileMustExist: true } : {});
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('synchronous = NORMAL');
    this.#db.pragma('cache_size = -65536');
    this.#db.exec('CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    this.#setMeta = this.#db.prepare(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    );
    this.#createCollections();
    this.#position = Number(this.#meta('position') ?? 0);
    this.#commit = this.#db.transaction((changes: Iterable<Change>, position: Position) => {
      for (const change of changes) this.#write(change);
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

  position(): Position {
    return this.#readonly ? Number(this.#meta('position') ?? 0) : this.#position;
  }

  versions(): Readonly<Record<string, number>> {
    return JSON.parse(this.#meta('versions') ?? '{}') as Record<string, number>;
  }

  reset(projections: readonly Projection[]): void {
    this.#db.transaction(() => {
      const tables = this.#db
        .prepare(
          "SELECT name FROM sqlite_schema WHERE type = 'table' AND (name LIKE 'doc\\_%' ESCAPE '\\' OR name LIKE 'fts\\_%' ESCAPE '\\')",
        )
        .all() as { name: string }[];
      for (const { name } of tables) {
        if (/^(doc|fts)_[a-z][a-z0-9_]*$/.test(name)) this.#db.exec(`DROP TABLE IF EXISTS ${name}`);
      }
      this.#collections.clear();
      this.#createCollections();
      this.#setMeta.run('position', '0');
      this.#setMeta.run('versions', JSON.stringify(Object.fromEntries(projections.map((p) => [p.name, p.version]))));
    })();
    this.#position = 0;
  }

  commit(changes: Iterable<Change>, position: Position): void {
    this.#commit(changes, position);
    this.#position = position;
  }

  commitEvent(
    recorded: RecordedEvent,
    applied: readonly ProjectionChanges[],
    failed: readonly { readonly projection: string; readonly reason: string }[],
  ): readonly QuarantineDoc[] {
    const docs = this.#commitEvent(recorded, applied, failed);
    this.#position = recorded.position;
    return docs;
  }

  get<D extends Doc = Doc>(collection: string, key: string): D | undefined {
    const row = this.#collection(collection).get.get(key);
    return row ? (JSON.parse(row.doc) as D) : undefined;
  }

  query<D extends Doc = Doc>(name: string, query: Query): Page<D> {
    const collection = this.#collection(name);
    const clauses: string[] = [];
    const params: unknown[] = [];
    this.#where(collection, query.where, clauses, params);
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
    const desc = query.direction === 'desc';
    const orderExpr = query.orderBy === undefined ? undefined : this.#member(collection, query.orderBy);
    if (query.after !== undefined) {
      const [value, key] = decodeCursor(query.after, orderExpr !== undefined);
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
      ...(rows.length > limit && last ? { next: encodeCursor(last.sortValue ?? null, last.key) } : {}),
    };
  }

  search<D extends Doc = Doc>(
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
    const collection = this.#collection(name);
    const clauses: string[] = [];
    const params: unknown[] = [];
    this.#where(collection, where, clauses, params);
    const sql = `SELECT count(*) AS n FROM doc_${name}` + (clauses.length ? ` WHERE ${clauses.join(' AND ')}` : '');
    return (this.#db.prepare(sql).get(...params) as { n: number }).n;
  }

  entries(name: string, options: { readonly after?: string; readonly limit: number }): { key: string; doc: Doc }[] {
    this.#collection(name);
    const rows = this.#db
      .prepare(`SELECT key, doc FROM doc_${name} WHERE key > ? ORDER BY key LIMIT ?`)
      .all(options.after ?? '', Math.max(1, Math.floor(options.limit))) as { key: string; doc: string }[];
    return rows.map((row) => ({ key: row.key, doc: JSON.parse(row.doc) as Doc }));
  }

  close(): void {
    if (this.#db.open) this.#db.close();
  }

  #meta(key: string): string | undefined {
    const row = this.#db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  #createCollections(): void {
    for (const spec of [...this.#projections.flatMap((p) => p.collections), QUARANTINE_SPEC]) {
      if (!NAME.test(spec.name)) throw new Error(`collection name ${spec.name} is not [a-z][a-z0-9_]*`);
      if (this.#collections.has(spec.name)) throw new Error(`collection ${spec.name} is written by two projections`);
      const table = `doc_${spec.name}`;
      this.#db.exec(
        `CREATE TABLE IF NOT EXISTS ${table} (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, doc TEXT NOT NULL)`,
      );
      for (const member of spec.indexes ?? []) {
        if (!MEMBER.test(member)) throw new Error(`index member ${member} of ${spec.name} is not a dotted name`);
        const index = `ix_${spec.name}_${member.replace(/\./g, '_')}`;
        this.#db.exec(`CREATE INDEX IF NOT EXISTS ${index} ON ${table} (json_extract(doc, '$.${member}'), key)`);
      }
      if (spec.text) {
        this.#db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS fts_${spec.name} USING fts5(body, tokenize = 'trigram')`);
      }
      this.#collections.set(spec.name, {
        spec,
        indexes: new Set(spec.indexes ?? []),
        get: this.#db.prepare(`SELECT doc FROM ${table} WHERE key = ?`),
        upsert: this.#db.prepare(
          `INSERT INTO ${table} (key, doc) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET doc = excluded.doc RETURNING id`,
        ),
        remove: this.#db.prepare(`DELETE FROM ${table} WHERE key = ? RETURNING id`),
        ...(spec.text
          ? {
              ftsDelete: this.#db.prepare(`DELETE FROM fts_${spec.name} WHERE rowid = ?`),
              ftsInsert: this.#db.prepare(`INSERT INTO fts_${spec.name} (rowid, body) VALUES (?, ?)`),
            }
          : {}),
      });
    }
  }

  #collection(name: string): Collection {
    const collection = this.#collections.get(name);
    if (!collection) throw new Error(`no collection ${name}`);
    return collection;
  }

  #member(collection: Collection, member: string): string {
    if (!collection.indexes.has(member)) {
      throw new Error(`${member} is not an indexed member of ${collection.spec.name}`);
    }
    return `json_extract(doc, '$.${member}')`;
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

  #write({ collection: name, key, doc }: Change): void {
    const collection = this.#collection(name);
    if (doc === null) {
      const removed = collection.remove.get(key);
      if (removed && collection.ftsDelete) collection.ftsDelete.run(removed.id);
      return;
    }
    const { id } = collection.upsert.get(key, serialized(doc))!;
    if (collection.ftsInsert && collection.ftsDelete && collection.spec.text) {
      collection.ftsDelete.run(id);
      collection.ftsInsert.run(id, searchText(collection.spec.text, doc));
    }
  }
}

/** SQLite has no booleans: JSON `true` reads back as 1. */
function bindable(value: Scalar): string | number | null {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

function encodeCursor(value: Scalar, key: string): string {
  return Buffer.from(JSON.stringify([value, key]), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, ordered: boolean): [Scalar, string] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[1] === 'string') {
      const value = parsed[0] as unknown;
      const scalar = value === null || ['string', 'number', 'boolean'].includes(typeof value);
      if (scalar && (ordered || value === null)) return [value as Scalar, parsed[1]];
    }
  } catch {
    // fall through: not a cursor of ours
  }
  throw new InvalidCursor();
}
