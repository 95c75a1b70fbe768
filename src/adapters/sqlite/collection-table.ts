import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Change, CollectionSpec, Doc } from '../../ports/read-models.js';
import { searchText, serialized } from './quarantine.js';
import type { Column, RowMemo } from './row-memo.js';

export type { Column } from './row-memo.js';

/**
 * A collection's table in the read-model file (`doc_<name>`): key, JSON document, the digest of its searched text,
 * and one column per member queries use, holding the member's value as `json_extract` would read it, each indexed
 * with the key; for a searched collection, an FTS5 table with the trigram tokenizer (`fts_<name>`). A write touches
 * only what changed: an index entry when its member's value changed, the full-text row when the text changed.
 */

const NAME = /^[a-z][a-z0-9_]*$/;
const MEMBER = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;

interface StoredRow {
  readonly id: number;
  /** The digest of the document's searched text, for searched collections. */
  readonly sum: string | null;
  readonly [column: string]: Column;
}

export interface Collection {
  readonly spec: CollectionSpec;
  readonly table: string;
  /** Indexed member → its column (quoted). */
  readonly columns: ReadonlyMap<string, string>;
  /** The indexed members, in column order. */
  readonly members: readonly string[];
  readonly get: Database.Statement<[string], { doc: string }>;
  readonly stored: Database.Statement<[string], StoredRow>;
  /**
   * Adds a row, or does nothing when the key is taken (then it changes nothing). Without `RETURNING`, which costs
   * SQLite a third more per row than the insert itself: the new row's id is the connection's last inserted one.
   */
  readonly insert: Database.Statement<unknown[]>;
  /** UPDATE statements by the set of columns they change (a bit per member, the text digest last). */
  readonly updates: Map<number, Database.Statement<unknown[]>>;
  readonly remove: Database.Statement<[string], { id: number }>;
  readonly ftsDelete?: Database.Statement<[number]>;
  readonly ftsInsert?: Database.Statement<[number, string]>;
  /** Turn the full-text table's `secure-delete` on and off, for a change that forgets what it replaces. */
  readonly ftsSecureDelete?: { readonly on: Database.Statement<[]>; readonly off: Database.Statement<[]> };
}

/** Creates the collection's tables when missing (and its members' indexes, when `indexed`), and prepares its statements. */
export function openCollection(db: Database.Database, spec: CollectionSpec, options: { indexed: boolean }): Collection {
  if (!NAME.test(spec.name)) throw new Error(`collection name ${spec.name} is not [a-z][a-z0-9_]*`);
  const members = [...new Set(spec.indexes ?? [])];
  for (const member of members) {
    if (!MEMBER.test(member)) throw new Error(`index member ${member} of ${spec.name} is not a dotted name`);
  }
  const table = `doc_${spec.name}`;
  const columns = new Map(members.map((member) => [member, `"m.${member}"`]));
  const columnList = [...columns.values()];
  // no CHECK (json_valid(doc)), which would parse every document written: `serialized` refuses the documents SQLite
  // could not read, checking their text in JS
  db.exec(
    `CREATE TABLE IF NOT EXISTS ${table} (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, ` +
      `doc TEXT NOT NULL, sum TEXT${columnList.map((c) => `, ${c}`).join('')})`,
  );
  if (spec.text) {
    db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS fts_${spec.name} USING fts5(body, tokenize = 'trigram')`);
  }
  const collection: Collection = {
    spec,
    table,
    columns,
    members,
    get: db.prepare(`SELECT doc FROM ${table} WHERE key = ?`),
    stored: db.prepare(
      `SELECT id, sum${columnList.map((c, i) => `, ${c} AS c${i}`).join('')} FROM ${table} WHERE key = ?`,
    ),
    insert: db.prepare(
      `INSERT INTO ${table} (key, doc, sum${columnList.map((c) => `, ${c}`).join('')}) ` +
        `VALUES (?, ?, ?${columnList.map(() => ', ?').join('')}) ON CONFLICT (key) DO NOTHING`,
    ),
    updates: new Map(),
    remove: db.prepare(`DELETE FROM ${table} WHERE key = ? RETURNING id`),
    ...(spec.text
      ? {
          ftsDelete: db.prepare(`DELETE FROM fts_${spec.name} WHERE rowid = ?`),
          ftsInsert: db.prepare(`INSERT INTO fts_${spec.name} (rowid, body) VALUES (?, ?)`),
          // FTS5 reads the value of a setting from the statement's text: it refuses a bound parameter
          ftsSecureDelete: {
            on: db.prepare(`INSERT INTO fts_${spec.name} (fts_${spec.name}, rank) VALUES ('secure-delete', 1)`),
            off: db.prepare(`INSERT INTO fts_${spec.name} (fts_${spec.name}, rank) VALUES ('secure-delete', 0)`),
          },
        }
      : {}),
  };
  if (options.indexed) createIndexes(db, collection);
  return collection;
}

/** Creates the indexes of the collection's members (a bulk load makes them once it is loaded). */
export function createIndexes(db: Database.Database, { spec, table, columns }: Collection): void {
  for (const [member, column] of columns) {
    const index = `ix_${spec.name}_${member.replace(/\./g, '_')}`;
    db.exec(`CREATE INDEX IF NOT EXISTS ${index} ON ${table} (${column}, key)`);
  }
}

/** The UPDATE of the document and of the columns in `mask` (bit i: member i; the bit after them: the digest). */
function updateOf(db: Database.Database, collection: Collection, mask: number): Database.Statement<unknown[]> {
  let statement = collection.updates.get(mask);
  if (!statement) {
    const sets = ['doc = ?'];
    collection.members.forEach((member, i) => {
      if (mask & (1 << i)) sets.push(`${collection.columns.get(member)!} = ?`);
    });
    if (mask & (1 << collection.members.length)) sets.push('sum = ?');
    statement = db.prepare(`UPDATE ${collection.table} SET ${sets.join(', ')} WHERE id = ?`);
    collection.updates.set(mask, statement);
  }
  return statement;
}

/**
 * Stores a change: the row inserted, updated in what changed, or deleted, with its full-text row. A row `memo`
 * remembers (one this connection updated before) is updated by its id at once; a row updated the long way (its key
 * found taken, the row read) is noted in it.
 */
export function writeRow(
  db: Database.Database,
  collection: Collection,
  { key, doc, forget }: Change,
  memo?: RowMemo,
): void {
  const id = memo && `${collection.spec.name}\u0000${key}`;
  if (doc === null) {
    const removed = collection.remove.get(key);
    if (removed && collection.ftsDelete) deleteText(collection, removed.id, forget);
    if (id) memo!.note(id, undefined);
    return;
  }
  const json = serialized(doc);
  const values = collection.members.map((member) => columnOf(doc, member));
  const text = collection.spec.text ? searchText(collection.spec.text, doc) : undefined;
  const sum = text === undefined ? null : digest(text);
  let old = id ? memo!.get(id) : undefined;
  if (!old) {
    // most writes add a row (an act, a Merkle node, a leaf): try that first, and update only when the key is taken
    const inserted = collection.insert.run(key, json, sum, ...values);
    if (inserted.changes > 0) {
      if (text !== undefined) collection.ftsInsert!.run(Number(inserted.lastInsertRowid), text);
      return;
    }
    const row = collection.stored.get(key)!;
    old = { id: row.id, sum: row.sum, values: values.map((_, i) => row[`c${i}`] as Column) };
  }
  let mask = 0;
  const changed: Column[] = [];
  values.forEach((value, i) => {
    if (old.values[i] !== value) {
      mask |= 1 << i;
      changed.push(value);
    }
  });
  const textChanged = sum !== old.sum;
  if (textChanged) {
    mask |= 1 << values.length;
    changed.push(sum);
  }
  const rowId = old.id;
  // a refused UPDATE leaves the row as it was, but the transaction is then undone anyway: forget it first
  if (id) memo!.note(id, undefined);
  updateOf(db, collection, mask).run(json, ...changed, rowId);
  if (textChanged && text !== undefined) {
    deleteText(collection, rowId, forget);
    collection.ftsInsert!.run(rowId, text);
  }
  if (id) memo!.note(id, { id: rowId, sum, values });
}

/**
 * Deletes a row's full-text entry. FTS5 records a delete as a tombstone beside the entries it cancels, which stay in
 * the file until their segments merge; a change that `forget`s has the entries themselves removed, with the table's
 * `secure-delete` on for that one delete (on for every delete, it made live batches cost 30 to 40% more CPU: each
 * such delete rewrites the index pages of each of the row's three-character runs).
 */
function deleteText(collection: Collection, rowId: number, forget: boolean | undefined): void {
  if (!forget) {
    collection.ftsDelete!.run(rowId);
    return;
  }
  collection.ftsSecureDelete!.on.run();
  collection.ftsDelete!.run(rowId);
  collection.ftsSecureDelete!.off.run();
}

/** A member's value as `json_extract(doc, '$.<member>')` reads it: booleans as 1 and 0, objects and arrays as JSON. */
export function columnOf(doc: Doc, member: string): Column {
  let value: unknown = doc;
  for (const part of member.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
    value = (value as Record<string, unknown>)[part];
  }
  switch (typeof value) {
    case 'string':
    case 'number':
      return value;
    case 'boolean':
      return value ? 1 : 0;
    case 'object':
      return value === null ? null : JSON.stringify(value);
    default:
      return null;
  }
}

function digest(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}
